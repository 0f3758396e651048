import Foundation
import MentorMatchData
import MentorMatchEngine

/// End-to-end rebalance on generated schools (issue 6): `SnapshotGenerator` (seed 42) at a tier's size,
/// then MatchingContext, the priced flow pipeline (`PricedRebalance`: best pairs per student, encode,
/// flow solve, pricing of every other pair) and the result, each stage timed over `--runs` runs (median).
/// Prints the peak memory (getrusage maxrss), the objective, bound and gap, and the pricing figures.
///
///     swift run -c release mentormatch-bench rebalance --tier S|M|L|XL [--students N] [--mentors M] [--runs 3] [--max-moves-percent 2]
///         [--arcs K] [--estimate-mentors 500] [--mentor-arcs 0] [--added 24] [--full] [--write-mps FILE] [--suggest]
///
/// `--full` also solves the full pair set with `FlowAssignmentSolver` once (the old pipeline) and checks
/// the objectives agree; `--write-mps` writes the full program as free MPS (for `scripts/highs_solve.py`);
/// `--suggest` then runs the suggest suite (100 random students) on the same tier.
enum RebalanceBench {
    static func run(_ args: [String]) throws {
        var estimateMentors = PricedRebalance().mentorsPerEstimateGroup, tierName = "L", students: Int?, mentors: Int?, runs = 3, percent: Double?, arcs: Int?, perMentor = 0, added = PricedRebalance().addedPerStudent, full = false, mps: String?, suggest = false
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--tier": tierName = value.uppercased(); i += 2
            case "--students": students = Int(value); i += 2
            case "--mentors": mentors = Int(value); i += 2
            case "--runs": runs = max(1, Int(value) ?? runs); i += 2
            case "--max-moves-percent": percent = Double(value); i += 2
            case "--arcs": arcs = Int(value).map { max(1, $0) }; i += 2
            case "--estimate-mentors": estimateMentors = max(0, Int(value) ?? estimateMentors); i += 2
            case "--mentor-arcs": perMentor = max(0, Int(value) ?? perMentor); i += 2
            case "--added": added = max(0, Int(value) ?? added); i += 2
            case "--write-mps": mps = value; i += 2
            case "--full": full = true; i += 1
            case "--suggest": suggest = true; i += 1
            default:
                throw BenchError.usage("unknown option \(args[i]); options: --tier S|M|L|XL [--students N --mentors M] --runs N --max-moves-percent P --arcs K --estimate-mentors E --mentor-arcs R --added A --full --write-mps FILE --suggest")
            }
        }
        let (name, tier) = try SolveBench.tier(named: tierName, students: students, mentors: mentors)
        tierName = name
        var policy = Policy()
        if let percent { policy.maxMoves = Int((Double(tier.students) * percent / 100).rounded()) }
        print("rebalance bench: tier \(tierName) (\(tier.students) students, \(tier.mentors) mentors), maxMoves "
            + "\(policy.maxMoves.map(String.init) ?? "none"), \(arcs.map(String.init) ?? "automatic") pairs per student and \(perMentor) per mentor first, \(runs) runs, "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")

        var t = ContinuousClock.now
        let snapshot = SnapshotGenerator.generate(students: tier.students, mentors: tier.mentors, seed: 42)
        let generateSeconds = Bench.seconds(since: t)
        var stages: [String: [Double]] = [:]
        var last: (result: RebalanceResult, report: PricedRebalance.Report)?
        var lastContext: MatchingContext?
        for _ in 0..<runs {
            lastContext = nil
            last = nil
            let start = ContinuousClock.now
            let cpuStart = Bench.cpuSeconds()
            t = start
            let context = try MatchingContext(snapshot: snapshot, policy: policy)
            stages["context", default: []].append(Bench.seconds(since: t))
            let outcome = PricedRebalance(arcsPerStudent: arcs, arcsPerMentor: perMentor, addedPerStudent: added, mentorsPerEstimateGroup: estimateMentors).rebalance(context)
            stages["total", default: []].append(Bench.seconds(since: start))
            stages["cpu", default: []].append(Bench.cpuSeconds() - cpuStart)
            stages["table", default: []].append(outcome.report.tableSeconds)
            stages["estimate", default: []].append(outcome.report.estimateSeconds)
            stages["candidates", default: []].append(outcome.report.selectSeconds)
            stages["encode", default: []].append(outcome.report.encodeSeconds)
            stages["solve", default: []].append(outcome.report.solveSeconds)
            stages["pricing", default: []].append(outcome.report.priceSeconds)
            last = outcome
            lastContext = context
        }
        func line(_ name: String, _ label: String) {
            let xs = stages[name]!
            print(label.padding(toLength: 34, withPad: " ", startingAt: 0)
                + String(format: "median %7.3f s   runs %@", Bench.median(xs), xs.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        }
        print(String(format: "generate (SnapshotGenerator, once)  %.3f s", generateSeconds))
        line("context", "context (grid, scores, index)")
        line("table", "candidate table (every pair)")
        line("estimate", "price estimate (replicas)")
        line("candidates", "restricted pairs (best K, + added)")
        line("encode", "model build / encode")
        line("solve", "flow solve(s)")
        line("pricing", "pricing (stream every pair)")
        line("total", "total (context → result)")
        line("cpu", "CPU seconds (both threads)")
        guard let (result, report) = last, let context = lastContext else { return }
        print("result: \(result.statusName) objective \(result.objective.map(String.init) ?? "-") bound "
            + "\(result.bound.map(String.init) ?? "-") gap \(result.gap.map { String(format: "%.2g", $0) } ?? "-"); "
            + "assigned \(result.summary.assigned), voluntary moves \(result.summary.voluntaryMoves), forced \(result.summary.forcedMoves)")
        print("pricing: \(report.rounds) restricted solve(s), \(report.pairsSolved) pairs in the last, "
            + "\(report.pairsAdded) added by pricing, full set solved: \(report.solvedFullSet), "
            + "duals repaired: \(report.repairedDuals) (" + String(format: "%.3f s", report.repairSeconds) + ")")
        for (i, round) in report.roundDetails.enumerated() {
            print("  round \(i + 1): \(round.pairs) pairs, \(round.priceOnly ? "flow at the searched price" : "solve") "
                + String(format: "%.3f s", round.solveSeconds) + ", \(round.pairsAdded) pairs priced in")
        }
        print("peak memory (maxrss): \(Bench.peakMemoryMiB()) MiB")

        if full || mps != nil {
            t = ContinuousClock.now
            let encoded = EncodedProblem(context)
            let encodeSeconds = Bench.seconds(since: t)
            print("full pair set: \(encoded.problem.arcs.count) pairs (\(String(format: "%.1f", Double(encoded.problem.arcs.count) / Double(tier.students))) per student), table + encode \(String(format: "%.3f s", encodeSeconds))")
            if let mps {
                try MPSWriter.write(encoded.problem, to: mps)
                print("wrote \(mps)")
            }
            if full {
                t = ContinuousClock.now
                let solution = FlowAssignmentSolver().solve(encoded.problem, limits: policy.solveLimits)
                let agree = solution.objective == result.objective ? "agrees" : "DIFFERS"
                print(String(format: "full-set flow solve: %.3f s, ", Bench.seconds(since: t))
                    + "\(solution.status) objective \(solution.objective) (\(agree) with the priced pipeline)")
                print("peak memory (maxrss) after the full solve: \(Bench.peakMemoryMiB()) MiB")
            }
        }
        if suggest {
            try SuggestBench.run(["--students", "\(tier.students)", "--mentors", "\(tier.mentors)", "--queries", "100", "--runs", "\(runs)"])
        }
    }
}
