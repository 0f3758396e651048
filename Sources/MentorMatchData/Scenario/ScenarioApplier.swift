import Foundation

extension Scenario {
    /// Reads the base snapshot (JSON file or CSV folder).
    public func loadBase() throws(InputErrors) -> Loaded<Snapshot> {
        try SnapshotReader.read(at: base)
    }

    /// The policies of the two runs (matching-model §7): `policy` laid over `base` for the base run,
    /// then `scenarioPolicy` laid over that for the scenario run (v2).
    public func policies(over base: Policy) -> (base: Policy, scenario: Policy) {
        let shared = policy.applied(to: base)
        return (shared, scenarioPolicy.applied(to: shared))
    }

    /// The base snapshot with every change applied in order, then checked again across records.
    ///
    /// A change naming an id that does not exist at that point is an input error; all such
    /// errors are reported together. Removing a student also removes their ratings, lock and declined moves;
    /// deactivating a mentor also removes the locks on them (a lock cannot hold a leaving mentor).
    public func apply(to base: Snapshot) throws(InputErrors) -> Snapshot {
        var snapshot = base
        let diagnostics = Diagnostics()
        for (i, change) in changes.enumerated() {
            ScenarioStep(file: file, record: "changes[\(i)]", field: change.kind, diagnostics: diagnostics)
                .apply(change, to: &snapshot)
        }
        SnapshotRules.check(snapshot, sources: SnapshotSources(file: file, snapshot: snapshot), into: diagnostics)
        return try diagnostics.finish(snapshot).value
    }
}

/// One change applied to a snapshot, reporting unknown ids.
struct ScenarioStep {
    let file: String
    let record: String
    let field: String
    let diagnostics: Diagnostics

    func unknown(_ id: String, _ what: String) {
        diagnostics.error(file, record, field, found: RawValue.quote(id), expected: "the id of \(what) of the snapshot")
    }

    func apply(_ change: ScenarioChange, to s: inout Snapshot) {
        switch change {
        case .deactivateMentors(let ids):
            var leaving: Set<String> = []
            for id in ids {
                if let m = s.mentors.firstIndex(where: { $0.id == id }) {
                    s.mentors[m].active = false
                    leaving.insert(id)
                } else {
                    unknown(id, "a mentor")
                }
            }
            // A lock cannot keep a student on a mentor who leaves.
            s.locks.removeAll { leaving.contains($0.mentor) }
        case .setCapacity(let id, let capacity):
            if let m = s.mentors.firstIndex(where: { $0.id == id }) { s.mentors[m].capacity = capacity } else { unknown(id, "a mentor") }
        case .addMentors(let mentors):
            s.mentors += mentors
        case .addStudents(let students):
            s.students += students
        case .generateStudents(let count, let path, let language, let seed):
            s.students += SnapshotGenerator.students(count: count, path: path, language: language, seed: seed,
                                                     asOf: s.asOf, idPrefix: "s-\(seed)-")
        case .removeStudents(let ids):
            var removed: Set<String> = []
            for id in ids {
                if s.students.contains(where: { $0.id == id }) { removed.insert(id) } else { unknown(id, "a student") }
            }
            s.students.removeAll { removed.contains($0.id) }
            s.feedback.removeAll { removed.contains($0.student) }
            s.locks.removeAll { removed.contains($0.student) }
            s.declined.removeAll { removed.contains($0.student) }
        case .requestChange(let ids):
            for id in ids {
                if let k = s.students.firstIndex(where: { $0.id == id }) { s.students[k].changeRequested = true } else { unknown(id, "a student") }
            }
        case .setAvailability(let id, let availability):
            if let m = s.mentors.firstIndex(where: { $0.id == id }) {
                s.mentors[m].availability = availability
            } else if let k = s.students.firstIndex(where: { $0.id == id }) {
                s.students[k].availability = availability
            } else {
                unknown(id, "a mentor or a student")
            }
        }
    }
}
