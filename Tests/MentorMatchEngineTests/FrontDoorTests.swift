import Foundation
import Dispatch
import MIPModel
import MentorMatchData
import Synchronization
import Testing
@testable import MentorMatchEngine

/// The engine's front door, `rebalance(_:policy:options:)`: the product's pipeline by default, one
/// cancellation and progress vocabulary for every method, and "never worse than the current state".
@Suite struct FrontDoorTests {
    /// The default method is the priced pipeline, and it proves the GLPK MIP's optimum (an outside
    /// reference: branch and cut on every pair).
    @Test func defaultIsThePricedPipelineWithTheMIPOptimum() throws {
        let snapshot = SnapshotGenerator.generate(students: 300, seed: 21)
        let policy = Policy(maxMovesPercent: 5)
        let result = try rebalance(snapshot, policy: policy)
        let mip = try rebalance(snapshot, policy: policy, solver: MIPAssignmentSolver())
        #expect(result.status == .optimal)
        #expect(mip.status == .optimal)
        #expect(result.objective == mip.objective)
        let withMentor = snapshot.students.filter { $0.currentMentor != nil }.count
        #expect(result.maxMoves == Int((Double(5 * withMentor) / 100).rounded(.up)))
    }

    /// Cancelled before the search starts (Ctrl-C during a what-if's base run): every method still answers
    /// with a feasible assignment no better than the optimum, a bound no lower, and only an answer equal
    /// to the optimum may be called optimal.
    @Test(arguments: ["priced", "mip", "flow"])
    func cancelledBeforeStartStillAnswers(_ method: String) throws {
        let snapshot = SnapshotGenerator.generate(students: 300, seed: 21)
        let context = try MatchingContext(snapshot: snapshot, policy: Policy(maxMoves: 5))
        let cancellation = Cancellation()
        cancellation.cancel()
        let options: RebalanceOptions.Method = switch method {
        case "mip": .allPairs(MIPAssignmentSolver())
        case "flow": .allPairs(FlowAssignmentSolver())
        default: .priced
        }
        let stopped = rebalance(context, options: RebalanceOptions(method: options, cancellation: cancellation))
        let proven = rebalance(context, options: RebalanceOptions(method: .allPairs(MIPAssignmentSolver())))
        #expect(proven.status == .optimal)
        let objective = try #require(stopped.objective), bound = try #require(stopped.bound)
        let optimum = try #require(proven.objective)
        #expect(stopped.status == .feasible || stopped.status == .optimal)
        #expect(objective <= optimum)
        #expect(bound >= optimum)
        if stopped.status == .optimal { #expect(objective == optimum) }
        // The answer is the objective of its own assignment, under every rule.
        let encoded = EncodedProblem(context)
        let chosen = encoded.arcs(fromMentors: stopped.entries.map { $0.mentor.flatMap { context.mentorIndex[$0] } })
        #expect(encoded.problem.violation(of: chosen) == nil)
        #expect(encoded.problem.objective(of: chosen) == objective)
    }

    /// Two students, one mentor with one seat: s0 on it now (weight 700), s1 without a mentor (weight
    /// 2000 if placed, unassigned cost 15000). Current state: s0 kept, s1 unassigned: 700 − 15000 = −14300.
    /// Best possible per student: max(700, −5000) + max(2000, −15000) = 2700.
    static let twoStudentsOneSeat = AssignmentProblem(
        arcStart: [0, 1, 2],
        arcs: [.init(mentor: 0, weight: 700, isMove: false, isArrival: false),
               .init(mentor: 0, weight: 2000, isMove: false, isArrival: true)],
        unassignedCost: [5000, 15000], mayBeUnassigned: [true, true], currentArc: [0, nil],
        capacity: [1], maxNew: [nil], maxMoves: nil)

    /// Stopped by a cancellation before any assignment: the answer is the current state, not proven.
    @Test func cancelledWithoutAnswerFallsBackToTheCurrentState() {
        let failed = AssignmentSolution(status: .failed("stopped before a feasible assignment was found"),
                                        chosenArc: [nil, nil], objective: 0, bound: 0, seconds: 0)
        let solution = failed.notWorseThanCurrentState(of: Self.twoStudentsOneSeat, cancelled: true)
        #expect(solution.status == .feasible)
        #expect(solution.chosenArc == [0, nil])
        #expect(solution.objective == -14300)
        #expect(solution.bound == 2700)
        // A failure that is not a cancellation stays a failure (status 3 at the command line).
        #expect(failed.notWorseThanCurrentState(of: Self.twoStudentsOneSeat, cancelled: false) == failed)
    }

    /// A stopped search answers with the better of its incumbent and the current state (−14300 above).
    @Test(arguments: [
        (chosen: [nil, nil] as [Int?], expected: [0, nil] as [Int?], objective: -14300),  // −20000: current state is better
        (chosen: [nil, 1], expected: [nil, 1], objective: -3000),                          // −5000 + 2000: kept
    ])
    func stoppedSearchNeverWorseThanTheCurrentState(_ c: (chosen: [Int?], expected: [Int?], objective: Int)) {
        let problem = Self.twoStudentsOneSeat
        let stopped = AssignmentSolution(status: .feasible, chosenArc: c.chosen, objective: problem.objective(of: c.chosen),
                                         bound: 2700, seconds: 0)
        let solution = stopped.notWorseThanCurrentState(of: problem, cancelled: false)
        #expect(solution.status == .feasible)
        #expect(solution.chosenArc == c.expected)
        #expect(solution.objective == c.objective)
        #expect(solution.bound == 2700)
    }

    /// A solver without progress of its own gets a heartbeat: elapsed time only, nothing claimed, and
    /// nothing once stopped. The solver waits for two beats (no wall-clock threshold in the assertion).
    @Test func heartbeatForSilentSolvers() {
        let events = Mutex<[SolveProgress]>([])
        let twoBeats = DispatchSemaphore(value: 0)
        let heartbeat = Heartbeat(interval: .milliseconds(20)) { p in
            let count = events.withLock { $0.append(p); return $0.count }
            if count == 2 { twoBeats.signal() }
        }
        #expect(twoBeats.wait(timeout: .now() + 60) == .success)
        heartbeat.stop()
        let seen = events.withLock { $0.count }
        #expect(events.withLock { $0 }.allSatisfy { $0.incumbent == nil && $0.bound == nil && $0.gap == nil })
        #expect(events.withLock { $0 }.map(\.elapsedSeconds) == events.withLock { $0 }.map(\.elapsedSeconds).sorted())
        // After stop, a later beat would append: wait on a fresh timer of ten intervals and compare.
        let later = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { later.signal() }
        later.wait()
        #expect(events.withLock { $0.count } == seen)
    }
}

/// The library example of the README and of the DocC article "Getting started", as written there.
@Suite struct GettingStartedTests {
    @Test func theArticleExampleRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let snapshot = try SnapshotReader.read(at: root.appendingPathComponent("Scenarios/demo/snapshot.json")).value
        let result = try rebalance(snapshot, policy: Policy())
        #expect(result.status == .optimal)
        let reference = try rebalance(snapshot, policy: Policy(), options: RebalanceOptions(method: .allPairs(MIPAssignmentSolver())))
        #expect(result.objective == reference.objective)

        let context = try MatchingContext(snapshot: snapshot, policy: Policy())
        let index = SuggestIndex(context)
        let answer = try index.suggest(student: "s-0014", chainMoves: 1, alternatives: 3)
        #expect(answer.student == "s-0014")
        let whyFit = context.preferenceExplanation(student: try #require(context.studentIndex["s-0014"]))
        #expect(whyFit.styles.contains("socratic"))
    }
}
