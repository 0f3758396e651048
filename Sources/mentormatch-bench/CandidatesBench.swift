import Foundation
import MentorMatchData
import MentorMatchEngine

/// Candidate generation and encoding at scale (engine): a generated school (`SnapshotGenerator`, seed 42), then
/// MatchingContext (slots, satisfaction, priorities, index), CandidateTable and EncodedProblem,
/// each timed over several runs (median reported).
///
///     swift run -c release mentormatch-bench candidates [students] [mentors] [runs] [flow|mip|both]
///
/// With a solver named last, the encoded program is also rebalanced once per solver (status, objective, time).
enum CandidatesBench {
    static func run(_ args: [String]) throws {
        let students = args.count > 0 ? Int(args[0]) ?? 100_000 : 100_000
        let mentors = args.count > 1 ? Int(args[1]) ?? 10_000 : 10_000
        let runs = args.count > 2 ? Int(args[2]) ?? 3 : 3
        let snapshot = SnapshotGenerator.generate(students: students, mentors: mentors, seed: 42)
        print("candidates bench: \(students) students × \(mentors) mentors, \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        var contextTimes: [Double] = [], tableTimes: [Double] = [], encodeTimes: [Double] = []
        var pairs = 0
        var last: EncodedProblem?
        for _ in 0..<runs {
            var t = ContinuousClock.now
            let context = try MatchingContext(snapshot: snapshot)
            contextTimes.append(Bench.seconds(since: t))
            t = ContinuousClock.now
            let table = CandidateTable(context)
            tableTimes.append(Bench.seconds(since: t))
            t = ContinuousClock.now
            let encoded = EncodedProblem(context, candidates: table)
            encodeTimes.append(Bench.seconds(since: t))
            pairs = encoded.problem.arcs.count
            last = encoded
        }
        func median(_ xs: [Double]) -> String { String(format: "%.3f s", Bench.median(xs)) }
        print("candidate pairs: \(pairs) (\(String(format: "%.1f", Double(pairs) / Double(students))) per student)")
        print("context (grid, scores, index): median \(median(contextTimes))  runs \(contextTimes.map { String(format: "%.3f", $0) })")
        print("candidate table:               median \(median(tableTimes))  runs \(tableTimes.map { String(format: "%.3f", $0) })")
        print("encode:                        median \(median(encodeTimes))  runs \(encodeTimes.map { String(format: "%.3f", $0) })")
        let which = args.count > 3 ? args[3] : ""
        var solvers: [(String, any AssignmentSolver)] = []
        if which == "flow" || which == "both" { solvers.append(("flow", FlowAssignmentSolver())) }
        if which == "mip" || which == "both" { solvers.append(("mip (GLPK)", MIPAssignmentSolver())) }
        for (name, solver) in solvers {
            guard let encoded = last else { break }
            let t = ContinuousClock.now
            let result = rebalance(encoded, solver: solver)
            print("rebalance \(name): \(result.statusName) objective \(result.objective.map(String.init) ?? "-") "
                + "bound \(result.bound.map(String.init) ?? "-") in \(String(format: "%.3f s", Bench.seconds(since: t))); "
                + "assigned \(result.summary.assigned), moves \(result.summary.voluntaryMoves), forced \(result.summary.forcedMoves)")
        }
    }
}
