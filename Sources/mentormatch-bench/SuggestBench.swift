import Foundation
import MentorMatchData
import MentorMatchEngine

/// Suggest latency (issue 4, matching-model §6): a generated snapshot (seed 1), the
/// `MatchingContext`, candidate table and `SuggestIndex` built once (timed separately), then
/// `--queries` suggest requests for students drawn at random (seed 7; locked students are skipped),
/// once with `chainMoves` 1 and once with 2. Prints p50, p95 and max per request.
///
///     swift run -c release mentormatch-bench suggest --students 15000 --queries 100
enum SuggestBench {
    static func run(_ args: [String]) throws {
        var students = 15_000, mentors: Int?, queries = 100, seed: UInt64 = 1, alternatives = 3
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students": students = Int(value) ?? students
            case "--mentors": mentors = Int(value)
            case "--queries": queries = max(1, Int(value) ?? queries)
            case "--seed": seed = UInt64(value) ?? seed
            case "--alternatives": alternatives = max(1, Int(value) ?? alternatives)
            default: throw DataBench.BenchError.usage("unknown option \(args[i]); options: --students N --mentors N --queries N --seed N --alternatives N")
            }
            i += 2
        }
        let snapshot = SnapshotGenerator.generate(students: students, mentors: mentors ?? students / 10, seed: seed)
        print("suggest bench: \(snapshot.students.count) students, \(snapshot.mentors.count) mentors, \(queries) queries, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        var t = ContinuousClock.now
        let context = try MatchingContext(snapshot: snapshot)
        let contextSeconds = elapsed(since: t)
        t = ContinuousClock.now
        let table = CandidateTable(context)
        let tableSeconds = elapsed(since: t)
        t = ContinuousClock.now
        let index = SuggestIndex(context, candidates: table)
        let indexSeconds = elapsed(since: t)
        print(String(format: "build: context %.3f s, candidate table %.3f s, suggest index %.3f s", contextSeconds, tableSeconds, indexSeconds))

        var rng = SplitMix(state: 7)
        let locked = Set(snapshot.locks.map(\.student))
        var ids: [String] = []
        while ids.count < queries {
            let s = snapshot.students[Int(rng.next() % UInt64(snapshot.students.count))]
            if !locked.contains(s.id) { ids.append(s.id) }
        }
        for chain in [1, 2] {
            var times: [Double] = [], proposals = 0, chains = 0
            for id in ids {
                let start = ContinuousClock.now
                let result = try index.suggest(student: id, chainMoves: chain, alternatives: alternatives)
                times.append(elapsed(since: start) * 1000)
                proposals += result.proposals.count
                chains += result.proposals.filter { !$0.chain.isEmpty }.count
            }
            if ProcessInfo.processInfo.environment["SUGGEST_DEBUG"] != nil {
                let slow = times.indices.sorted { times[$0] > times[$1] }.prefix(5)
                for q in slow {
                    let s = context.studentIndex[ids[q]]!
                    print(String(format: "  q%d %@ %.3f ms: %d candidates, role %@", q, ids[q], times[q], table.range(of: s).count, "\(context.roles[s])"))
                }
            }
            times.sort()
            func pct(_ q: Double) -> Double { times[min(times.count - 1, Int((q * Double(times.count)).rounded(.up)) - 1)] }
            print(String(format: "chainMoves %d: p50 %.3f ms, p95 %.3f ms, max %.3f ms; %d proposals, %d with a chain",
                         chain, pct(0.5), pct(0.95), times.last!, proposals, chains))
        }
    }

    static func elapsed(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
