import MIPModel
import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// How the MIP solver builds its model and reads a backend's outcome.
@Suite struct MIPSolverTests {
    /// A backend that answers with a fixed outcome, recording the starting point it was given.
    struct ScriptedBackend: MIPBackend, Sendable {
        var answer: @Sendable (Model, SolveOptions) -> Solution
        func solve(_ model: Model, options: SolveOptions) throws(ModelError) -> Solution { answer(model, options) }
    }

    /// The capacity-conflict snapshot (optimum 3200 = s1→A, s2→B; 3·925 + 425).
    func encoded(_ policy: Policy = Policy()) throws -> EncodedProblem {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1)],
            students: [Fixture.student("s1", help: 1), Fixture.student("s2", current: "A")])
        return EncodedProblem(try MatchingContext(snapshot: snapshot, policy: policy))
    }

    @Test func modelHasTheRowsOfSection5() throws {
        let e = try encoded()
        let model = MIPAssignmentSolver.model(of: e.problem)
        // x: s1→A, s1→B, s2→A, s2→B; u: s1, s2.
        #expect(model.variables.count == 6)
        #expect(model.sense == .maximize)
        // s2 is voluntary on A: s2→B pays moveCost (425 − 150); s2→A keeps 925.
        // u: s1 (p3, no mentor) 3·5000; s2 (p1, voluntary: an eviction) 5000 + evictionCost 20000.
        #expect(model.objective == [2775, 1275, 925, 275, -15000, -25000])
        // 2 assignment rows, 2 capacity rows; no maxNew (none set); no move row: the default budget is
        // ceil(2% · 1 student with a mentor) = 1, and only one student (s2) could move, so it cannot bind.
        #expect(model.constraints.map(\.name) == ["assign[0]", "assign[1]", "capacity[0]", "capacity[1]"])
        // A budget that can bind (maxMoves 0 < one student who could move) is a row.
        let budgeted = MIPAssignmentSolver.model(of: try encoded(Policy(maxMoves: 0)).problem)
        #expect(budgeted.constraints.map(\.name) == ["assign[0]", "assign[1]", "capacity[0]", "capacity[1]", "maxMoves"])
    }

    /// A time-limited answer keeps its bound; the result says feasible with that bound and gap.
    /// s1→B, s2→A: 1275 + 925 = 2200; bound 3200.4 rounds down to 3200; gap (3200 − 2200)/2200.
    @Test func stoppedByLimitIsFeasibleWithBound() throws {
        let e = try encoded()
        let backend = ScriptedBackend { model, options in
            // The warm start is the current state: s1 unassigned, s2 on A.
            #expect(options.startingPoint == [0, 0, 1, 0, 1, 0])
            return Solution(status: .feasible(.timeLimit), objective: 2200, bound: 3200.4, values: [0, 1, 1, 0, 0, 0])
        }
        let result = rebalance(e, solver: MIPAssignmentSolver(backend: backend))
        #expect(result.status == .feasible)
        #expect(result.objective == 2200)
        #expect(result.bound == 3200)
        #expect(result.gap == 1000.0 / 2200.0)
        #expect(result.jsonText(indent: nil).contains(#""status":"feasible","objective":2200,"bound":3200"#))
    }

    @Test func failuresAreReported() throws {
        let e = try encoded()
        let failing = ScriptedBackend { _, _ in Solution(status: .failed("numerical trouble")) }
        #expect(rebalance(e, solver: MIPAssignmentSolver(backend: failing)).status == .failed("numerical trouble"))
        let stopped = ScriptedBackend { _, _ in Solution(status: .noSolution(.cancelled)) }
        let result = rebalance(e, solver: MIPAssignmentSolver(backend: stopped))
        #expect(result.status == .failed("stopped (cancelled) before finding an assignment"))
        #expect(result.entries.isEmpty && result.objective == nil)
        #expect(result.jsonText(indent: nil).hasPrefix(#"{"kind":"rebalance","status":"failed","message":"#))
        // An answer that breaks a constraint (both students on A, capacity 1) is not passed on.
        let wrong = ScriptedBackend { _, _ in Solution(status: .optimal, objective: 3700, bound: 3700, values: [1, 0, 1, 0, 0, 0]) }
        #expect(rebalance(e, solver: MIPAssignmentSolver(backend: wrong)).status
            == .failed("the solver's assignment breaks a constraint: mentor 0 holds 2 > capacity 1"))
    }

    /// Same snapshot, same answer, run after run (no hash order leaks into results).
    @Test(arguments: SolverKind.allCases) func deterministic(_ kind: SolverKind) throws {
        for seed in UInt64(500)...520 {
            let (snapshot, policy) = RandomSnapshots.make(seed: seed, maxStudents: 6)
            let first = try rebalance(snapshot, policy: policy, solver: kind.solver)
            let second = try rebalance(snapshot, policy: policy, solver: kind.solver)
            #expect(first.jsonText() == second.jsonText(), "seed \(seed)")
        }
    }
}
