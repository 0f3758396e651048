import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// Over many small random snapshots: every result obeys every hard rule, reports the objective of
/// its own assignment (recomputed from the snapshot by ``SnapshotReference``), and that objective is the
/// optimum found by trying every assignment of the snapshot.
@Suite struct PropertyTests {
    @Test(arguments: SolverKind.allCases) func resultsAreFeasibleAndOptimal(_ kind: SolverKind) throws {
        var checked = 0
        var seen = Set<String>()  // changes and reasons met, to show the seeds cover every case
        for seed in UInt64(1)...300 {
            let (snapshot, policy) = RandomSnapshots.make(seed: seed)
            let reference = SnapshotReference(snapshot: snapshot, policy: policy)
            let result = try rebalance(snapshot, policy: policy, solver: kind.solver)
            // The (path, language) index finds exactly the candidates the rules allow.
            let context = try MatchingContext(snapshot: snapshot, policy: policy)
            for (s, student) in snapshot.students.enumerated() {
                let expected = snapshot.mentors.indices.filter { reference.isCandidate(student, snapshot.mentors[$0]) }
                #expect(context.candidateMentors(of: s) == expected, "seed \(seed) \(student.id)")
            }
            guard let optimum = reference.bruteForceOptimum() else {
                #expect(result.status == .failed("no assignment satisfies every lock and limit"), "seed \(seed)")
                continue
            }
            #expect(result.status == .optimal, "seed \(seed)")
            #expect(result.entries.count == snapshot.students.count, "seed \(seed)")
            #expect(reference.violations(result.entries.assignment) == [], "seed \(seed)")
            #expect(result.objective == reference.objective(result.entries.assignment), "seed \(seed)")
            #expect(result.objective == optimum, "seed \(seed)")
            for e in result.entries {
                let s = snapshot.students.first { $0.id == e.student }!
                #expect(e.priority == reference.priority(s), "seed \(seed) \(e.student)")
                if let m = e.mentor { #expect(e.fit == reference.fit(s, reference.mentor(m)), "seed \(seed) \(e.student)") }
                #expect((e.mentor == nil) == (e.change == .unassigned), "seed \(seed)")
                #expect((e.change == .unassigned) == (e.unassignedReason != nil), "seed \(seed)")
                // v2: settling voluntary students are named; every voluntary student left unassigned is evicted.
                if reference.isVoluntary(s) { #expect(e.settling == reference.isSettling(s), "seed \(seed) \(e.student)") }
                let evicted = if case .evicted? = e.unassignedReason { true } else { false }
                #expect(evicted == (e.mentor == nil && reference.isVoluntary(s)), "seed \(seed) \(e.student)")
            }
            for e in result.entries {
                seen.insert(e.change.rawValue)
                if let r = e.unassignedReason { seen.insert(r.kind) }
                if case .forced(let rule)? = e.moveReason { seen.insert("forced." + rule.rawValue) }
                if e.moveReason == .locked { seen.insert("locked") }
                if e.settling { seen.insert("settling") }
            }
            checked += 1
        }
        #expect(checked > 250)
        let expected: Set<String> = [
            "keep", "move", "forced", "new", "unassigned", "locked",
            "noMentorOnPathAndLanguage", "noOverlappingAvailability", "allCandidatesFull", "vetoedByFeedback",
            "forced.inactive", "forced.changeRequested", "forced.noSessionWindow",
            "evicted", "declined", "settling",
        ]
        #expect(expected.subtracting(seen) == [], "cases never met: \(expected.subtracting(seen).sorted())")
        print("property cases met:", seen.sorted().joined(separator: " "))
    }
}
