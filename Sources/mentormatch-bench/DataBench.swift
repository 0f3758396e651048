import Foundation
import MentorMatchData

/// Reading, validating and grid-overlap benchmark (issue 3).
///
/// `swift run -c release mentormatch-bench data --students 15000 --runs 5`: generates a snapshot
/// (seed 1), writes it to a temporary JSON file, then times, over several runs, reading and
/// validating it, and computing the overlap and session windows of every same-path,
/// same-language student–mentor pair. Prints the median and the range of the runs.
/// `--write FILE` only writes the generated snapshot (how `Scenarios/medium` was made).
enum DataBench {
    static func run(_ args: [String]) throws {
        var students = 15_000
        var mentors: Int? = nil
        var runs = 5
        var seed: UInt64 = 1
        var writePath: String?
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--students": students = Int(value) ?? students
            case "--mentors": mentors = Int(value)
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--seed": seed = UInt64(value) ?? seed
            case "--write": writePath = value
            default: throw BenchError.usage("unknown option \(args[i]); options: --students N --mentors N --runs N --seed N --write FILE")
            }
            i += 2
        }

        let t0 = ContinuousClock.now
        let snapshot = SnapshotGenerator.generate(students: students, mentors: mentors, seed: seed)
        let generateSeconds = Bench.seconds(since: t0)
        if let writePath {  // only write the generated snapshot (for Scenarios/ and profiling)
            try SnapshotJSONWriter.write(snapshot, to: URL(fileURLWithPath: writePath))
            print("wrote \(writePath): \(snapshot.students.count) students, \(snapshot.mentors.count) mentors")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentormatch-bench-\(ProcessInfo.processInfo.processIdentifier).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let t1 = ContinuousClock.now
        try SnapshotJSONWriter.write(snapshot, to: file)
        let writeSeconds = Bench.seconds(since: t1)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("data bench: \(snapshot.students.count) students, \(snapshot.mentors.count) mentors, "
            + "\(snapshot.feedback.count) ratings, \(bytes / 1024) KiB JSON")
        print(String(format: "generate %.3f s, write %.3f s (single run)", generateSeconds, writeSeconds))

        var readTimes: [Double] = []
        var gridTimes: [Double] = []
        var pairs = 0
        var checksum = 0
        for _ in 0..<runs {
            let r0 = ContinuousClock.now
            let loaded = try SnapshotJSONReader.read(contentsOf: file)
            readTimes.append(Bench.seconds(since: r0))
            precondition(loaded.value == snapshot, "the snapshot read back differs from the one written")

            let g0 = ContinuousClock.now
            (pairs, checksum) = overlaps(loaded.value)
            gridTimes.append(Bench.seconds(since: g0))
        }
        print("read + validate JSON: \(summary(readTimes))")
        print("grid + overlaps of \(pairs) same-path same-language pairs: \(summary(gridTimes)) (checksum \(checksum))")
    }

    /// Builds the grid, then the overlap and windows of every pair sharing path and language.
    static func overlaps(_ snapshot: Snapshot) -> (pairs: Int, checksum: Int) {
        let grid = SnapshotGrid(snapshot)
        var byKey: [String: [Int]] = [:]
        for (m, mentor) in snapshot.mentors.enumerated() {
            for path in mentor.paths {
                for language in mentor.languages { byKey[path + "|" + language, default: []].append(m) }
            }
        }
        var pairs = 0, checksum = 0
        for (s, student) in snapshot.students.enumerated() {
            guard let mentors = byKey[student.path + "|" + student.language] else { continue }
            let slots = grid.studentSlots[s]
            for m in mentors {
                let common = slots.intersection(grid.mentorSlots[m])
                checksum &+= common.count &+ common.windows(sessionMinutes: student.sessionMinutes)
                pairs += 1
            }
        }
        return (pairs, checksum)
    }

    static func summary(_ times: [Double]) -> String {
        String(format: "median %.3f s (min %.3f, max %.3f, %d runs)",
               Bench.median(times), times.min() ?? 0, times.max() ?? 0, times.count)
    }
}
