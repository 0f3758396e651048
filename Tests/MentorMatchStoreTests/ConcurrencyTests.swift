import Foundation
import MentorMatchData
import Testing
@testable import MentorMatchStore

/// Two processes at once on one store: writers take turns (`BEGIN IMMEDIATE`, busy timeout).
@Suite(.serialized) struct ConcurrencyTests {
    @Test func twoAppliesOfOneRunApplyItOnce() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (baseline, moves) = try Baseline.decided(in: folder)
        for trial in 0..<5 {
            let path = try Baseline.copy(baseline, to: "trial.sqlite", in: folder)
            let a = try Child(["apply", "1", "--store", path, "--as", "a"])
            let b = try Child(["apply", "1", "--store", path, "--as", "b"])
            let outcomes = [a.finish(), b.finish()]
            #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.stderr))")
            let applied = outcomes.filter { $0.stdout.hasPrefix("Applied run 1: \(moves) changes") }
            let already = outcomes.filter { $0.stdout.hasPrefix("Run 1 was already applied") }
            #expect(applied.count == 1 && already.count == 1, "trial \(trial): \(outcomes.map(\.stdout))")
            let store = try Store.open(path: path)
            #expect(try store.repository.appliedChanges(run: 1).count == moves)
            try store.repository.close()
        }
    }

    @Test func twoImportsAtOnceAreBothRecordedInOrder() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (baseline, _) = try Baseline.decided(in: folder)
        // Two exports of the same day that differ in one counter.
        var a = try Fixture.demoSnapshot(), b = try Fixture.demoSnapshot()
        a.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        b.asOf = a.asOf
        b.students[0].missedSessions += 1
        let pathA = try Fixture.write(a, "a.json", in: folder), pathB = try Fixture.write(b, "b.json", in: folder)
        for trial in 0..<3 {
            let path = try Baseline.copy(baseline, to: "trial.sqlite", in: folder)
            let first = try Child(["store", "import", pathA, "--store", path])
            let second = try Child(["store", "import", pathB, "--store", path])
            let outcomes = [first.finish(), second.finish()]
            #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.stderr))")
            let store = try Store.open(path: path)
            let infos = try store.repository.snapshotInfos()
            #expect(infos.map(\.id) == [1, 2, 3], "trial \(trial)")
            #expect(Set(infos.dropFirst().map(\.source)) == Set([pathA, pathB].map { URL(fileURLWithPath: $0).path }) ||
                    Set(infos.dropFirst().map(\.sha256)).count == 2)
            // The pairings are those of the later import.
            let versions = Set(try store.repository.pairings().map(\.snapshotId))
            #expect(versions == [3])
            try store.repository.close()
        }
    }
}
