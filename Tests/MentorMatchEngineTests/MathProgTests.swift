import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// `glpsol -m Models/rebalance.mod -d x.dat` (GLPK's own MathProg translator and solver, no engine
/// code) finds the same optimum as the engine.
@Suite struct MathProgTests {
    /// The capacity-conflict snapshot of ``RebalanceTests``: optimum 3200 by hand.
    @Test func handMadeSnapshot() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1)],
            students: [Fixture.student("s1", help: 1), Fixture.student("s2")])
        let encoded = EncodedProblem(try MatchingContext(snapshot: snapshot))
        #expect(try Glpsol.optimum(data: MathProgExporter.data(for: encoded)) == 3200)
    }

    /// Random snapshots with locks, limits and odd ids: glpsol, the engine (GLPK backend) and the
    /// brute-force reference agree.
    @Test func randomSnapshotsAgree() throws {
        for seed in UInt64(1)...25 {
            var (snapshot, policy) = RandomSnapshots.make(seed: seed, maxStudents: 6)
            snapshot.students[0].id = "o'brien 1"  // a quote and a space in an id
            snapshot.feedback = snapshot.feedback.filter { $0.student != "s0" }
            snapshot.locks = snapshot.locks.filter { $0.student != "s0" }
            let encoded = EncodedProblem(try MatchingContext(snapshot: snapshot, policy: policy))
            let viaGlpsol = try Glpsol.optimum(data: MathProgExporter.data(for: encoded))
            let engine = rebalance(encoded, solver: MIPAssignmentSolver())
            #expect(viaGlpsol == engine.objective, "seed \(seed)")
            #expect(viaGlpsol == SnapshotReference(snapshot: snapshot, policy: policy).bruteForceOptimum(), "seed \(seed)")
        }
    }
}
