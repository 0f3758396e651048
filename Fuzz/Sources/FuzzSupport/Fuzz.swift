import CFuzzDriver
@_exported import Foundation
@_exported import MentorMatchData
@_exported import MentorMatchEngine

/// What the fuzz targets share: splitting an input into files, a fixed small school, and the engine run.
///
/// The oracle of every target is "no trap": an input the readers or the engine refuse throws
/// (`InputErrors`, `EngineInputError`, `SuggestError`) and that is fine; a trap, an overflow, an
/// out-of-range index or a sanitizer report is a finding, which libFuzzer saves as `crash-…`.
public enum Fuzz {
    /// Hands `test` to libFuzzer: parses libFuzzer's options from the command line and calls `test` on
    /// each input (or on the files named), then exits. Call it once, from a target's main.swift.
    public static func run(_ test: @escaping (Data) -> Void) -> Never {
        Fuzz.test = test
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { start, count in
            Fuzz.test(start.map { Data(bytes: $0, count: count) } ?? Data())  // a copy: the readers may keep slices
            return 0
        }
        exit(status)
    }

    nonisolated(unsafe) fileprivate static var test: (Data) -> Void = { _ in
        fatalError("fuzz set-up: libFuzzer's main ran instead of the target's main.swift")
    }

    /// The input cut at each NUL byte into at most `parts` parts (the last part keeps any further NULs);
    /// missing parts are `nil`. Text formats never contain NUL, so the seeds are the files joined by NUL.
    public static func split(_ data: Data, parts: Int) -> [Data?] {
        var result: [Data?] = []
        var rest = data[...]
        while result.count < parts - 1, let nul = rest.firstIndex(of: 0) {
            result.append(Data(rest[..<nul]))
            rest = rest[(nul + 1)...]
        }
        result.append(Data(rest))
        while result.count < parts { result.append(nil) }
        return result
    }

    /// `asOf` for CSV folders without one (so that a run does not depend on today's date).
    public static let today = CalendarDate(year: 2026, month: 11, day: 23)

    /// The package root (`Fuzz/Sources/FuzzSupport/Fuzz.swift` is four levels below it).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A small valid school (the CLI tests' `school.json`, 4 mentors and 8 students), for the policy and
    /// scenario targets.
    public static let school: Snapshot = {
        let url = root.appendingPathComponent("Tests/MentorMatchCLITests/Fixtures/school.json")
        do {
            return try SnapshotJSONReader.read(contentsOf: url).value
        } catch {
            fatalError("fuzz set-up: cannot read \(url.path): \(error)")
        }
    }()

    /// A snapshot that read must write and read again: JSON and CSV writers must not trap.
    public static func writeBack(_ snapshot: Snapshot) {
        _ = SnapshotJSONWriter.text(snapshot)
        _ = try? SnapshotCSVWriter.files(snapshot)
    }

    /// `policy` with a time limit of at most 50 ms (a smaller one read from the input is kept).
    public static func limited(_ policy: Policy) -> Policy {
        var policy = policy
        policy.timeLimitSeconds = min(policy.timeLimitSeconds ?? .infinity, 0.05)
        return policy
    }

    /// The engine on `snapshot` under `policy`: context, rebalance (the front door, with a time limit of
    /// at most 50 ms), then suggest for one student chosen by `pick`, with a chain of `pick % 3` moves;
    /// each result written as JSON. Input the engine refuses is fine; so is a locked student.
    public static func runEngine(_ snapshot: Snapshot, policy: Policy, pick: Int) {
        let context: MatchingContext
        do {
            context = try MatchingContext(snapshot: snapshot, policy: limited(policy))
        } catch {
            return
        }
        _ = rebalance(context, options: RebalanceOptions()).jsonText()
        guard !snapshot.students.isEmpty else { return }
        let student = snapshot.students[abs(pick % snapshot.students.count)].id
        _ = try? SuggestIndex(context).suggest(student: student, chainMoves: abs(pick % 3)).jsonText()
    }

    /// Whether a snapshot is small enough for the engine targets (bounded run time per input).
    public static func isSmall(_ snapshot: Snapshot) -> Bool {
        snapshot.students.count <= 200 && snapshot.mentors.count <= 50
    }
}

/// The test function libFuzzer's own `main` (in its runtime archive) refers to. The linker pulls that `main`
/// in, but SwiftPM's `--defsym main=TARGET_main` takes precedence, so it is never called: the target's
/// main.swift runs, and ``Fuzz/run(_:)`` hands the same test to libFuzzer's driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    Fuzz.test(start.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
