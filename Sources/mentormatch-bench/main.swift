import Foundation
// Benchmarks of MentorMatch, run as `swift run -c release mentormatch-bench <suite> [options]`.
// Each suite lives in its own file and is registered here.

let suites: [String: ([String]) throws -> Void] = [
    "data": DataBench.run,
    "solve": SolveBench.run,
    "candidates": CandidatesBench.run,
    "suggest": SuggestBench.run,
    "rebalance": RebalanceBench.run,
    "costscaling": CostScalingBench.run,
    "store": StoreBench.run,
]

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first, let suite = suites[name] else {
    print("usage: mentormatch-bench <\(suites.keys.sorted().joined(separator: "|"))> [options]")
    exit(2)
}
do {
    try suite(Array(args.dropFirst()))
} catch {
    print("mentormatch-bench: \(error)")
    exit(1)
}
