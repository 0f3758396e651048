import Logging
import MentorMatchData
import MentorMatchEngine
import Testing
@testable import MentorMatchCLI

/// A solver that cannot answer ends the command with status 3 and writes nothing.
@Suite struct SolverFailureTests {
    struct BrokenSolver: AssignmentSolver {
        func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
            AssignmentSolution(status: .failed("numerical trouble"), chosenArc: [], objective: 0, bound: 0, seconds: 0)
        }
    }

    @Test func failedSolveIsStatusThree() throws {
        let snapshot = Snapshot(asOf: CalendarDate(year: 2026, month: 11, day: 23))
        do {
            _ = try Solve.rebalance(snapshot, source: "x.json", policy: Policy(),
                                    options: RebalanceOptions(method: .allPairs(BrokenSolver())),
                                    logger: .init(label: "test"))
            Issue.record("expected a failure")
        } catch let failure as CommandFailure {
            #expect(failure.status == .solverFailure)
            #expect(failure.status.rawValue == 3)
            #expect(failure.message.contains("numerical trouble"))
        }
    }
}
