import Foundation
import MIPModel
import Synchronization
import MentorMatchData
import MentorMatchEngine
import Testing
@testable import MentorMatchCLI

/// Ctrl-C before the search starts (e.g. pressed during the base run of a what-if): every solver
/// still answers with a feasible assignment, and one it did not finish is not called optimal.
/// The solves run in the async test bodies themselves, on Swift concurrency's cooperative threads (issue 17).
@Suite struct ControlledSolverTests {
    @Test(arguments: [SolverKind.flow, SolverKind.mip])
    func cancelledBeforeStartStillAnswers(_ kind: SolverKind) async throws {
        let snapshot = SnapshotGenerator.generate(students: 300, seed: 21)
        var policy = Policy()
        policy.maxMoves = 5
        let encoded = EncodedProblem(try MatchingContext(snapshot: snapshot, policy: policy))
        let cancellation = Cancellation()
        cancellation.cancel()
        let solver = ControlledSolver(base: kind.solver, cancellation: cancellation, progress: nil)
        let solution = solver.solve(encoded.problem, limits: policy.solveLimits)
        #expect(solution.status == .feasible || solution.status == .optimal)
        #expect(encoded.problem.violation(of: solution.chosenArc) == nil)
        #expect(solution.objective == encoded.problem.objective(of: solution.chosenArc))
        #expect(solution.bound >= solution.objective)

        let proven = FlowAssignmentSolver().solve(encoded.problem, limits: policy.solveLimits)
        #expect(proven.status == .optimal)
        #expect(solution.objective <= proven.objective)
        #expect(solution.bound >= proven.objective)
        if solution.status == .optimal { #expect(solution.objective == proven.objective) }
    }

    struct StoppedSolver: AssignmentSolver {
        func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
            AssignmentSolution(status: .failed("stopped before a feasible assignment was found"),
                               chosenArc: Array(repeating: nil, count: problem.studentCount), objective: 0, bound: 0, seconds: 0)
        }
    }

    /// Stopped by Ctrl-C before any assignment: the answer is the current state, not proven.
    /// Two students, one mentor with one seat: s0 on it now (weight 700), s1 without a mentor (weight
    /// 2000 if placed, unassigned cost 15000). Current state: s0 kept, s1 unassigned: 700 − 15000 = −14300.
    /// Best possible per student: max(700, −5000) + max(2000, −15000) = 2700.
    @Test func cancelledWithoutAnswerFallsBackToTheCurrentState() {
        let cancellation = Cancellation()
        cancellation.cancel()
        let solution = ControlledSolver(base: StoppedSolver(), cancellation: cancellation, progress: nil)
            .solve(Self.twoStudentsOneSeat, limits: SolveLimits())
        #expect(solution.status == .feasible)
        #expect(solution.chosenArc == [0, nil])
        #expect(solution.objective == -14300)
        #expect(solution.bound == 2700)
    }

    struct SlowSolver: AssignmentSolver {
        func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
            Thread.sleep(forTimeInterval: 2.5)
            return AssignmentSolution(status: .optimal, chosenArc: [], objective: 0, bound: 0, seconds: 2.5)
        }
    }

    /// A solver without progress of its own gets a heartbeat: elapsed time about once a second,
    /// nothing else claimed, and nothing after the solve returned.
    @Test func heartbeatForSilentSolvers() async throws {
        let events = Mutex<[SolveProgress]>([])
        let solver = ControlledSolver(base: SlowSolver(), cancellation: nil,
                                      progress: { p in events.withLock { $0.append(p) } }, reportsProgress: false)
        let problem = AssignmentProblem(arcStart: [0], arcs: [], unassignedCost: [], mayBeUnassigned: [],
                                        currentArc: [], capacity: [], maxNew: [], maxMoves: nil)
        _ = solver.solve(problem, limits: SolveLimits())
        let seen = events.withLock { $0 }
        #expect((1...3).contains(seen.count))
        #expect(seen.allSatisfy { $0.incumbent == nil && $0.bound == nil && $0.gap == nil && $0.elapsedSeconds >= 0.9 })
        try await Task.sleep(for: .seconds(1.2))
        #expect(events.withLock { $0.count } == seen.count)
    }

    struct StoppedWithAnswer: AssignmentSolver {
        let chosen: [Int?]
        func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
            AssignmentSolution(status: .feasible, chosenArc: chosen, objective: problem.objective(of: chosen),
                               bound: 2700, seconds: 0)
        }
    }

    /// A stopped search answers with the better of its incumbent and the current state (−14300 above).
    @Test(arguments: [
        (chosen: [nil, nil] as [Int?], expected: [0, nil] as [Int?], objective: -14300),  // −20000: current state is better
        (chosen: [nil, 1], expected: [nil, 1], objective: -3000),                          // −5000 + 2000: kept
    ])
    func stoppedSearchNeverWorseThanTheCurrentState(_ c: (chosen: [Int?], expected: [Int?], objective: Int)) {
        let solution = ControlledSolver(base: StoppedWithAnswer(chosen: c.chosen), cancellation: nil, progress: nil)
            .solve(Self.twoStudentsOneSeat, limits: SolveLimits())
        #expect(solution.status == .feasible)
        #expect(solution.chosenArc == c.expected)
        #expect(solution.objective == c.objective)
        #expect(solution.bound == 2700)
    }

    static let twoStudentsOneSeat = AssignmentProblem(
        arcStart: [0, 1, 2],
        arcs: [.init(mentor: 0, weight: 700, isMove: false, isArrival: false),
               .init(mentor: 0, weight: 2000, isMove: false, isArrival: true)],
        unassignedCost: [5000, 15000], mayBeUnassigned: [true, true], currentArc: [0, nil],
        capacity: [1], maxNew: [nil], maxMoves: nil)

    /// A failure that is not a cancellation stays a failure (status 3).
    @Test func failureWithoutCancellationIsKept() {
        let problem = AssignmentProblem(arcStart: [0], arcs: [], unassignedCost: [], mayBeUnassigned: [],
                                        currentArc: [], capacity: [], maxNew: [], maxMoves: nil)
        let solver = ControlledSolver(base: SolverFailureTests.BrokenSolver(), cancellation: Cancellation(), progress: nil)
        #expect(solver.solve(problem, limits: SolveLimits()).status == .failed("numerical trouble"))
    }
}
