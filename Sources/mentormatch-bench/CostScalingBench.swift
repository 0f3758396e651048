import Foundation
import MentorMatchData
@_spi(Bench) import MentorMatchEngine

/// The cost-scaling flow solver alone on the networks of the priced rebalance's first two rounds of a generated
/// tier (seed 42): round 1 fresh, round 2 fresh and warm (from round 1's optimum). Wall and CPU seconds per
/// solve (median of runs; CPU of the solving thread, steadier on a shared machine), pushes + relabels.
///
///     swift run -c release mentormatch-bench costscaling --tier S|M|L|XL [--students N] [--mentors M] [--runs 3]
enum CostScalingBench {
    static func run(_ args: [String]) throws {
        var tierName = "L", students: Int?, mentors: Int?, runs = 3
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--tier": tierName = value.uppercased(); i += 2
            case "--students": students = Int(value); i += 2
            case "--mentors": mentors = Int(value); i += 2
            case "--runs": runs = max(1, Int(value) ?? runs); i += 2
            default: throw BenchError.usage("unknown option \(args[i]); options: --tier S|M|L|XL [--students N --mentors M] --runs N")
            }
        }
        let (name, tier) = try SolveBench.tier(named: tierName, students: students, mentors: mentors)
        tierName = name
        let snapshot = SnapshotGenerator.generate(students: tier.students, mentors: tier.mentors, seed: 42)
        let context = try MatchingContext(snapshot: snapshot, policy: Policy())
        let f = try CostScalingProbe.measure(context, runs: runs)
        print("costscaling bench: tier \(tierName) (\(f.students) students, \(f.nodes) nodes), \(runs) runs")
        func line(_ label: String, _ arcs: Int, _ t: CostScalingProbe.Timing) {
            print(label.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%9d arcs  median %7.3f s  CPU %7.3f s  work %10d  runs %@", arcs, Bench.median(t.seconds),
                         Bench.median(t.cpuSeconds), t.work, t.seconds.map { String(format: "%.3f", $0) }.joined(separator: " ")))
        }
        line("round 1 fresh", f.roundOneArcs, f.fresh)
        line("round 2 fresh", f.roundTwoArcs, f.roundTwoFresh)
        line("round 2 warm", f.roundTwoArcs, f.roundTwoWarm)
        print("optimum cost: round 1 \(f.fresh.cost), round 2 \(f.roundTwoFresh.cost) (warm and fresh agree)")
    }
}
