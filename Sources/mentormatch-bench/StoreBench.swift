import Foundation
import MentorMatchData
import MentorMatchEngine
import MentorMatchStore

/// A year of the weekly cycle on a generated school (issue 12).
///
/// `swift run -c release mentormatch-bench store --students 15000 --mentors 1500 --weeks 52`: generates the
/// school (seed 42), then each week writes its export (the back office carried out last week's applied
/// changes; some counters move), imports it, rebalances the enriched snapshot and records the run,
/// accepts every proposal but one in ten (rejected), and applies the run. Reports the store's size, the
/// import against reading and validating the same file without a store, the recording against the
/// run, apply, and `history STUDENT` on the final store (medians; each figure with its range).
enum StoreBench {
    static func run(_ args: [String]) throws {
        var students = 15_000, mentors: Int? = 1_500, weeks = 52, seed: UInt64 = 42, histories = 200
        var keep: String?
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students": students = Int(value) ?? students
            case "--mentors": mentors = Int(value)
            case "--weeks": weeks = max(1, Int(value) ?? weeks)
            case "--seed": seed = UInt64(value) ?? seed
            case "--histories": histories = max(1, Int(value) ?? histories)
            case "--keep": keep = value
            default: throw BenchError.usage("unknown option \(args[i]); options: --students N --mentors N --weeks N --seed N --histories N --keep STORE")
            }
            i += 2
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-store-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storePath = keep ?? folder.appendingPathComponent("year.store").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storePath + suffix) }

        var school = SnapshotGenerator.generate(students: students, mentors: mentors, seed: seed)
        let start = school.asOf
        var random = SplitMix64(seed: seed &+ 1)
        let today = Today(start)
        let clock = StoreClock { Date(timeIntervalSince1970: Double(today.day.daysSinceEpoch) * 86_400 + 9 * 3600) }
        let store = try Store.open(path: storePath, create: true, clock: clock)
        print("store bench: \(school.students.count) students, \(school.mentors.count) mentors, \(weeks) weeks, store \(storePath)")

        var readTimes: [Double] = [], importTimes: [Double] = [], solveTimes: [Double] = [], recordTimes: [Double] = []
        var applyTimes: [Double] = [], decideTimes: [Double] = [], jsonBytes = 0, proposalsTotal = 0, changesTotal = 0
        var lastChanges: [AppliedChange] = []
        for week in 0..<weeks {
            // The back office's export: last week's changes carried out, a few counters moved.
            school.asOf = start.adding(days: 7 * week)
            today.day = school.asOf.adding(days: 1)
            let index = Dictionary(uniqueKeysWithValues: school.students.enumerated().map { ($1.id, $0) })
            for c in lastChanges { if let s = index[c.student] { school.students[s].currentMentor = c.toMentor; school.students[s].assignedSince = nil } }
            for _ in 0..<(school.students.count / 50) {
                let s = random.int(0...(school.students.count - 1))
                school.students[s].missedSessions = random.int(0...4)
            }
            let file = folder.appendingPathComponent("week.json")
            try SnapshotJSONWriter.write(school, to: file)
            jsonBytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0

            let r0 = ContinuousClock.now
            _ = try SnapshotJSONReader.read(contentsOf: file)
            readTimes.append(Bench.seconds(since: r0))

            let i0 = ContinuousClock.now
            let imported = try store.importSnapshot(at: file.path, source: "week \(week + 1)")
            importTimes.append(Bench.seconds(since: i0))
            precondition(imported.added)

            let s0 = ContinuousClock.now
            let input = try store.enriched()
            let policy = Policy()
            let context = try MatchingContext(snapshot: input.snapshot, policy: policy)
            let result = rebalance(context)
            solveTimes.append(Bench.seconds(since: s0))
            let c0 = ContinuousClock.now
            let run = try store.recordRebalance(result, input: input, context: context,
                                                settings: RunSettings(policy: policy, declineWeeks: 8, solver: "flow", startedAt: Date()))
            recordTimes.append(Bench.seconds(since: c0))

            let d0 = ContinuousClock.now
            let proposals = try store.repository.proposals(run: run.id!)
            proposalsTotal += proposals.count
            let rejected = proposals.enumerated().filter { $0.offset % 10 == 9 }.map(\.element.student)
            _ = try store.decide(run: run.id!, verdict: .accept, target: .all, actor: "bench", reason: nil)
            if !rejected.isEmpty { _ = try store.decide(run: run.id!, verdict: .reject, target: .students(rejected), actor: "bench", reason: "bench") }
            decideTimes.append(Bench.seconds(since: d0))

            let a0 = ContinuousClock.now
            let applied = try store.apply(run: run.id!, onlyValid: true, actor: "bench")
            applyTimes.append(Bench.seconds(since: a0))
            lastChanges = applied.changes
            changesTotal += applied.changes.count
            if week % 4 == 3 || week == weeks - 1 {
                print(String(format: "week %2d: import %.2f s (read+validate %.2f), run %.2f s + record %.3f s (%d proposals), apply %.2f s (%d changes, %d left out), store %.1f MB",
                             week + 1, importTimes.last!, readTimes.last!, solveTimes.last!, recordTimes.last!, proposals.count,
                             applyTimes.last!, applied.changes.count, applied.skipped.count, Double(size(storePath)) / 1e6))
            }
        }
        try store.repository.close()
        let finalSize = size(storePath)

        // history STUDENT on the year's store, for students picked at random.
        let reopened = try Store.open(path: storePath)
        var historyTimes: [Double] = []
        var entries = 0
        for _ in 0..<histories {
            let id = school.students[random.int(0...(school.students.count - 1))].id
            let h0 = ContinuousClock.now
            if let h = try? reopened.history(student: id) { entries += h.proposals.count + h.decisions.count + h.changes.count }
            historyTimes.append(Bench.seconds(since: h0))
        }
        try reopened.repository.close()

        print("")
        print("snapshot JSON \(jsonBytes / 1024) KiB; \(proposalsTotal) proposals and \(changesTotal) applied changes in \(weeks) weeks")
        print("store size after \(weeks) weeks: \(String(format: "%.1f", Double(finalSize) / 1e6)) MB")
        print("read + validate (no store): \(DataBench.summary(readTimes))")
        print("import:                     \(DataBench.summary(importTimes)) = \(String(format: "%.2f", Bench.median(importTimes) / Bench.median(readTimes)))× read + validate")
        print("run (enrich + solve):       \(DataBench.summary(solveTimes))")
        print("record run + proposals:     \(DataBench.summary(recordTimes)) = \(String(format: "%.1f", 100 * Bench.median(recordTimes) / Bench.median(solveTimes)))% of the run")
        print("decide (accept all, reject 1 in 10): \(DataBench.summary(decideTimes))")
        print("apply:                      \(DataBench.summary(applyTimes))")
        let sorted = historyTimes.sorted()
        print(String(format: "history STUDENT: median %.2f ms, p95 %.2f ms, max %.2f ms (%d students, %d entries)",
                     1000 * Bench.median(historyTimes), 1000 * sorted[Int(Double(sorted.count - 1) * 0.95)], 1000 * (sorted.last ?? 0),
                     histories, entries))
    }

    static func size(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + $1)[.size] as? Int) ?? 0) }
    }
}

/// The bench's calendar: the day after each week's export (one thread writes it between store calls).
private final class Today: @unchecked Sendable {
    var day: CalendarDate
    init(_ day: CalendarDate) { self.day = day }
}
