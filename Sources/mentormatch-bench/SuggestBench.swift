import Foundation
import MentorMatchData
import MentorMatchEngine

/// Suggest latency (issue 4, matching-model §6): a generated snapshot (seed 1), the
/// `MatchingContext`, candidate table and `SuggestIndex` built once (timed separately), then
/// `--queries` suggest requests for students drawn at random (seed 7; locked students are skipped),
/// with `chainMoves` 1 and then 2 (`--chain-moves 1,2,3` to choose), in `--runs` passes. Prints p50, p95 and max over every request,
/// and p50 and p95 of each student's best pass (the cost without other processes' interruptions).
///
///     swift run -c release mentormatch-bench suggest --students 15000 --queries 100
enum SuggestBench {
    static func run(_ args: [String]) throws {
        var students = 15_000, mentors: Int?, queries = 100, runs = 5, seed: UInt64 = 1, alternatives = 3
        var chainLengths = [1, 2]
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students": students = Int(value) ?? students
            case "--mentors": mentors = Int(value)
            case "--queries": queries = max(1, Int(value) ?? queries)
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--seed": seed = UInt64(value) ?? seed
            case "--alternatives": alternatives = max(1, Int(value) ?? alternatives)
            case "--chain-moves": chainLengths = value.split(separator: ",").compactMap { Int($0) }
            default: throw BenchError.usage("unknown option \(args[i]); options: --students N --mentors N --queries N --runs N --seed N --alternatives N --chain-moves 1,2")
            }
            i += 2
        }
        let snapshot = SnapshotGenerator.generate(students: students, mentors: mentors ?? students / 10, seed: seed)
        print("suggest bench: \(snapshot.students.count) students, \(snapshot.mentors.count) mentors, \(queries) queries × \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        var t = ContinuousClock.now
        let context = try MatchingContext(snapshot: snapshot)
        let contextSeconds = Bench.seconds(since: t)
        t = ContinuousClock.now
        let table = CandidateTable(context)
        let tableSeconds = Bench.seconds(since: t)
        t = ContinuousClock.now
        let index = SuggestIndex(context, candidates: table)
        let indexSeconds = Bench.seconds(since: t)
        print(String(format: "build: context %.3f s, candidate table %.3f s, suggest index %.3f s", contextSeconds, tableSeconds, indexSeconds))

        var rng = SplitMix64(seed: 7)
        let locked = Set(snapshot.locks.map(\.student))
        var ids: [String] = []
        while ids.count < queries {
            let s = snapshot.students[Int(rng.next() % UInt64(snapshot.students.count))]
            if !locked.contains(s.id) { ids.append(s.id) }
        }
        for chain in chainLengths {
            // samples[r][q]: pass r over every query (passes interleave, so a busy moment hits one pass).
            var samples = [[Double]](repeating: [], count: runs)
            var proposals = 0, chains = 0
            for r in 0..<runs {
                for id in ids {
                    let start = ContinuousClock.now
                    let result = try index.suggest(student: id, chainMoves: chain, alternatives: alternatives)
                    samples[r].append(Bench.seconds(since: start) * 1000)
                    if r == 0 {
                        proposals += result.proposals.count
                        chains += result.proposals.filter { !$0.chain.isEmpty }.count
                    }
                }
            }
            let all = samples.flatMap { $0 }.sorted()
            let bestOfRuns = ids.indices.map { q in samples.map { $0[q] }.min()! }.sorted()
            print(String(format: "chainMoves %d: every request p50 %.3f ms, p95 %.3f ms, max %.3f ms; best of %d runs per student p50 %.3f ms, p95 %.3f ms; %d proposals, %d with a chain",
                         chain, percentile(all, 0.5), percentile(all, 0.95), all.last!, runs,
                         percentile(bestOfRuns, 0.5), percentile(bestOfRuns, 0.95), proposals, chains))
        }
    }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        sorted[max(0, min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1))]
    }
}
