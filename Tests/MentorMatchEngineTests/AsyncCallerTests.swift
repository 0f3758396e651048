import Foundation
import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// The engine called from Swift concurrency, as a service will call it (issue 17, docs/async.md): solves started
/// from a task on the default executor run on a cooperative thread and give the answer they give elsewhere.
@Suite("The engine called from a Swift task")
struct AsyncCallerTests {
    /// Half the smallest stack a caller is likely to give the engine (512 KiB: secondary threads and Swift
    /// concurrency's threads on Apple platforms; 8 MiB on Linux). A debug solve of the 300-student program
    /// below peaks at about 52 KiB of stack, so recursion as deep as the program is large, or huge frames, fail
    /// here rather than in a service.
    static let smallStack = 256 << 10

    /// Runs `body` on a new thread with a `smallStack`-byte stack, without blocking the caller's thread.
    static func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: body()) }
            thread.stackSize = smallStack
            thread.start()
        }
    }

    /// The 300-student program the CLI tests once had to move to a plain thread (move budget 5).
    @Test func flowSolverFromATask() async throws {
        let snapshot = SnapshotGenerator.generate(students: 300, seed: 21)
        var policy = Policy()
        policy.maxMoves = 5
        let problem = EncodedProblem(try MatchingContext(snapshot: snapshot, policy: policy)).problem
        let limits = policy.solveLimits
        let fromTask = await Task { FlowAssignmentSolver().solve(problem, limits: limits) }.value
        let fromBody = FlowAssignmentSolver().solve(problem, limits: limits)  // the async test body itself
        let reference = await Self.onSmallStack { FlowAssignmentSolver().solve(problem, limits: limits) }

        #expect(reference.status == .optimal)
        for solution in [fromTask, fromBody] {
            #expect(solution.status == .optimal)
            #expect(problem.violation(of: solution.chosenArc) == nil)
            #expect(solution.objective == problem.objective(of: solution.chosenArc))
            #expect(solution.objective == reference.objective)
            #expect(solution.bound == reference.bound)
            #expect(solution.chosenArc == reference.chosenArc)
        }
    }

    /// Size L (15,000 students, 1,500 mentors, seed 42: the bench's tier L) through the product's default path,
    /// `PricedRebalance` with the default policy, from a task. One solve (about 20 s of CPU in a debug build), so
    /// the checks are properties any right answer has: proven optimal, no mentor over capacity, and the objective
    /// the one §5 gives the assignment it reports.
    @Test func pricedRebalanceAtSizeLFromATask() async throws {
        let snapshot = SnapshotGenerator.generate(students: 15_000, mentors: 1_500, seed: 42)
        let context = try MatchingContext(snapshot: snapshot, policy: Policy())
        let result = await Task { PricedRebalance().rebalance(context).result }.value

        #expect(result.statusName == "optimal")
        #expect(result.bound == result.objective)
        #expect(result.entries.count == snapshot.students.count)
        var load = [String: Int]()
        var objective = 0
        let policy = context.policy
        for entry in result.entries {
            guard let mentor = entry.mentor, let fit = entry.fit else {
                objective -= entry.priority * policy.unassignedPenalty
                continue
            }
            load[mentor, default: 0] += 1
            let voluntaryMove: Bool
            switch entry.moveReason {
            case .betterFit?, .freesSeat?: voluntaryMove = true
            default: voluntaryMove = false
            }
            objective += entry.priority * fit - (voluntaryMove ? policy.moveCost : 0)
        }
        #expect(result.objective == objective)
        #expect(snapshot.mentors.allSatisfy { (load[$0.id] ?? 0) <= $0.capacity })
        #expect(result.summary.assigned == load.values.reduce(0, +))
        #expect(result.summary.assigned + result.summary.unassigned == snapshot.students.count)
    }
}
