/// `{"kind": "whatif", "base": <result>, "scenario": <result>, "diff": {…}}` (formats.md).
extension WhatIfResult {
    public var json: JSONValue {
        .object([
            ("kind", .string("whatif")),
            ("tzdata", .string(base.tzdata ?? scenario.tzdata)),
            ("base", base.json),
            ("scenario", scenario.json),
            ("diff", diff.json),
        ])
    }

    public func jsonText(indent: Int? = 2) -> String { json.serialized(indent: indent) }
}

extension WhatIfDiff {
    public var json: JSONValue {
        .object([
            ("figures", .object(figures.map { f in
                (f.name, .object([("base", .double(f.base)), ("scenario", .double(f.scenario)), ("delta", .double(f.delta))]))
            })),
            ("mentorChanges", .array(mentorChanges.map { c in
                .object([("student", .string(c.student)), ("baseMentor", .string(c.baseMentor)),
                         ("scenarioMentor", .string(c.scenarioMentor))])
            })),
            ("newlyUnassigned", .array(newlyUnassigned.map { u in
                var fields: [(String, JSONValue)] = [("student", .string(u.student)), ("baseMentor", .string(u.baseMentor))]
                if let r = u.reason {
                    fields.append(("reason", .string(r.text)))
                    fields.append(("reasonKind", .string(r.kind)))
                }
                return .object(fields)
            })),
        ])
    }
}
