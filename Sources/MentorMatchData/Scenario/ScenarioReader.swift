import Foundation

/// Reads a what-if scenario from YAML (formats.md "What-if scenario").
public enum ScenarioReader {
    static let fields: Set<String> = ["name", "base", "policy", "scenarioPolicy", "changes"]

    /// Reads the scenario file at `url`; its `base` is resolved against the file's folder.
    public static func read(contentsOf url: URL) throws(InputErrors) -> Loaded<Scenario> {
        guard let data = try? Data(contentsOf: url) else {
            throw InputErrors([InputError(file: url.path, record: "", field: "", found: "no readable file",
                                          expected: "a scenario file (YAML)")])
        }
        return try read(data: data, file: url.path, folder: url.deletingLastPathComponent())
    }

    /// Reads scenario text; `file` names it in messages, `folder` anchors `base`.
    public static func read(data: Data, file: String, folder: URL) throws(InputErrors) -> Loaded<Scenario> {
        let diagnostics = Diagnostics()
        guard let top = YAMLDocument.object(data, file: file, what: "a scenario", diagnostics: diagnostics) else {
            throw InputErrors(diagnostics.errors)
        }
        let reader = RecordReader(top, file: file, record: "", diagnostics: diagnostics)
        reader.warnUnknown(known: fields, section: "")
        let name = reader.requiredString("name")
        let base = reader.requiredString("base").map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path).standardizedFileURL
        }
        /// The overrides under `key`, read and checked like a policy file; `nil` after an error.
        func overrides(_ key: String) -> PolicyOverrides? {
            switch top[key] {
            case nil, .null?: return PolicyOverrides()
            case .object(let fields)?:
                return PolicyOverrides.read(RecordReader(fields, file: file, record: key, diagnostics: diagnostics), section: key)
            case let other?:
                reader.fail(key, found: other.found, expected: "an object of policy overrides")
                return nil
            }
        }
        let policy = overrides("policy")
        if let policy {
            PolicyOverrides.checkWeights(policy.applied(to: Policy()), file: file, diagnostics: diagnostics)
        }
        // (v2) Overrides for the scenario run only, laid over the shared ones.
        let scenarioPolicy = overrides("scenarioPolicy")
        if let policy, let scenarioPolicy,
           scenarioPolicy.style != nil || scenarioPolicy.availability != nil || scenarioPolicy.satisfaction != nil {
            PolicyOverrides.checkWeights(scenarioPolicy.applied(to: policy.applied(to: Policy())), file: file,
                                         record: "scenarioPolicy", diagnostics: diagnostics)
        }
        var changes: [ScenarioChange]? = []
        switch top["changes"] {
        case nil, .null?: break
        case .array(let items)?:
            for (i, item) in items.enumerated() {
                let change = ScenarioChangeReader.change(item, file: file, record: "changes[\(i)]", diagnostics: diagnostics)
                if let change { changes?.append(change) } else { changes = nil }
            }
        case let other?:
            reader.fail("changes", found: other.found, expected: "a list of changes")
            changes = nil
        }
        // `changes` may be empty or absent (v2: a policy what-if); with no scenarioPolicy either, both runs are the same.
        if changes?.isEmpty == true, scenarioPolicy?.isEmpty == true {
            diagnostics.warn(file, "", "changes", "no changes and no scenarioPolicy: the scenario run repeats the base run")
        }
        guard let name, let base, let policy, let scenarioPolicy, let changes else {
            return try diagnostics.finish(nil as Scenario?)
        }
        return try diagnostics.finish(Scenario(name: name, file: file, base: base, policy: policy,
                                               scenarioPolicy: scenarioPolicy, changes: changes))
    }
}

/// Reads one change: a mapping with exactly one key naming its kind.
enum ScenarioChangeReader {
    static let kinds = [
        "deactivateMentors", "setCapacity", "addMentors", "addStudents", "generateStudents",
        "removeStudents", "requestChange", "setAvailability",
    ]

    static func change(_ item: RawValue, file: String, record: String, diagnostics: Diagnostics) -> ScenarioChange? {
        let expected = "a mapping with one of: " + kinds.joined(separator: " ")
        guard case .object(let fields) = item, fields.count == 1, let kind = fields.keys.first,
              let value = fields[kind] else {
            diagnostics.error(file, record, "", found: item.found, expected: expected)
            return nil
        }
        let reader = RecordReader(fields, file: file, record: record, diagnostics: diagnostics)
        func object() -> RecordReader? {
            guard case .object(let inner) = value else {
                reader.fail(kind, found: value.found, expected: "an object")
                return nil
            }
            return RecordReader(inner, file: file, record: "\(record).\(kind)", diagnostics: diagnostics)
        }
        func records(_ kind: String, _ decode: (RecordReader) -> Void) {
            guard case .array(let items) = value else {
                reader.fail(kind, found: value.found, expected: "a list of records")
                return
            }
            for (i, item) in items.enumerated() {
                guard case .object(let inner) = item else {
                    diagnostics.error(file, "\(record).\(kind)[\(i)]", "", found: item.found, expected: "an object")
                    continue
                }
                decode(RecordReader(inner, file: file, record: "\(record).\(kind)[\(i)]", diagnostics: diagnostics))
            }
        }
        let before = diagnostics.errors.count
        var change: ScenarioChange?
        switch kind {
        case "deactivateMentors", "removeStudents", "requestChange":
            guard let ids = reader.stringList(kind, default: nil) else { return nil }
            change = kind == "deactivateMentors" ? .deactivateMentors(ids)
                : kind == "removeStudents" ? .removeStudents(ids) : .requestChange(ids)
        case "setCapacity":
            guard let r = object() else { return nil }
            r.warnUnknown(known: ["mentor", "capacity"], section: kind)
            let mentor = r.requiredString("mentor")
            let capacity = r.int("capacity", default: nil, minimum: 0, maximum: InputLimits.seats)
            if let mentor, let capacity { change = .setCapacity(mentor: mentor, capacity: capacity) }
        case "addMentors":
            var mentors: [Mentor] = []
            records(kind) { if let m = SnapshotRecords.mentor($0) { mentors.append(m) } }
            change = .addMentors(mentors)
        case "addStudents":
            var students: [Student] = []
            records(kind) { if let s = SnapshotRecords.student($0) { students.append(s) } }
            change = .addStudents(students)
        case "generateStudents":
            guard let r = object() else { return nil }
            r.warnUnknown(known: ["count", "path", "language", "seed"], section: kind)
            let count = r.int("count", default: nil, minimum: 0, maximum: 1_000_000)
            let path = r.requiredString("path")
            let language = r.requiredString("language")
            let seed = r.int("seed", default: 1, minimum: 0)
            if let count, let path, let language, let seed {
                change = .generateStudents(count: count, path: path, language: language, seed: UInt64(seed))
            }
        case "setAvailability":
            guard let r = object() else { return nil }
            r.warnUnknown(known: ["id", "availability"], section: kind)
            let id = r.requiredString("id")
            let availability = r.availability("availability")
            if let id, let availability { change = .setAvailability(id: id, availability: availability) }
        default:
            diagnostics.error(file, record, kind, found: "an unknown change", expected: expected)
            return nil
        }
        return diagnostics.errors.count == before ? change : nil
    }
}
