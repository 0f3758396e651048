/// The suggest JSON of formats.md: `{"kind": "suggest", "student", "proposals": [{"mentor", "fit",
/// "objectiveDelta", "chain": [{"student", "from", "to"}]}]}`, then extra fields readers may ignore:
/// the current mentor, the fit parts and what is better, each mover's fits, and why other mentors
/// were not proposed.
extension SuggestResult {
    /// The result as a JSON value.
    public var json: JSONValue {
        .object([
            ("kind", .string("suggest")),
            ("student", .string(student)),
            ("proposals", .array(proposals.map(\.json))),
            ("currentMentor", .string(currentMentor)),
            ("currentFit", .int(currentFit)),
            ("priority", .int(priority)),
            ("chainMoves", .int(chainMoves)),
            ("notProposed", .array(notProposed.map(\.json))),
            ("otherMentors", .object(otherMentors.map { ($0.rule.rawValue, .int($0.count)) })),
            ("preferences", preferences?.json ?? .null),
            ("tzdata", .string(tzdata)),
        ])
    }

    /// The result as JSON text.
    public func jsonText(indent: Int? = 2) -> String { json.serialized(indent: indent) }
}

extension SuggestProposal {
    public var json: JSONValue {
        .object([
            ("mentor", .string(mentor)),
            ("fit", .int(fit)),
            ("objectiveDelta", .int(objectiveDelta)),
            ("chain", .array(chain.map(\.json))),
            ("parts", .object([
                ("style", .double(score.style)),
                ("availability", .double(score.availability)),
                ("satisfaction", .double(score.satisfaction)),
            ])),
            ("better", .array(improved.map { .string($0.rawValue) })),
        ])
    }
}

extension ChainMove {
    public var json: JSONValue {
        .object([
            ("student", .string(student)),
            ("from", .string(from)),
            ("to", .string(to)),
            ("fitBefore", .int(fitBefore)),
            ("fitAfter", .int(fitAfter)),
            ("priority", .int(priority)),
            ("objectiveDelta", .int(objectiveDelta)),
        ])
    }
}

extension NotProposedMentor {
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("mentor", .string(mentor)),
            ("reasonKind", .string(reason.kind)),
            ("reason", .string(reason.text)),
        ]
        if case .excluded(let rule) = reason { fields.append(("rule", .string(rule.rawValue))) }
        return .object(fields)
    }
}
