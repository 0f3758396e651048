import Foundation
import GRDB
import MentorMatchData
import Testing
@testable import MentorMatchStore

/// `mentormatch` killed with SIGKILL at random points of `store import` and `apply`: afterwards the
/// store passes `PRAGMA integrity_check`, and every import and every application is there whole or
/// not at all. The kill points are drawn from a seeded generator: a number of the store's step lines
/// (`MENTORMATCH_STORE_TRACE=1`) to wait for, 0 meaning at once; the kill then lands wherever the
/// child has got to. Every fifth trial waits for the last line (after the commit), so that both
/// outcomes are always seen.
@Suite(.serialized) struct CrashTests {
    static let kills = 50

    /// The store's own invariants after a crash.
    static func checkIntegrity(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let result = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        #expect(result == ["ok"], "\(path): \(result)")
        let foreign = try queue.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(foreign.isEmpty)
    }

    @Test func killedDuringImport() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (baseline, next) = try Baseline.appliedWithNextExport(in: folder)
        // How many step lines a whole import writes.
        let probe = try Baseline.copy(baseline, to: "probe.sqlite", in: folder)
        let full = try Child(["store", "import", next, "--store", probe], trace: true).finish()
        #expect(full.status == 0, "\(full.stderr)")
        let steps = full.stderr.components(separatedBy: "store-step:").count - 1
        #expect(steps >= 8)
        var random = SplitMix64(seed: 12)
        var outcomes = [0, 0]
        for trial in 0..<Self.kills {
            let path = try Baseline.copy(baseline, to: "trial.sqlite", in: folder)
            let child = try Child(["store", "import", next, "--store", path], trace: true)
            _ = child.waitForSteps(trial % 5 == 4 ? steps : random.int(0...steps))
            child.kill()
            _ = child.finish()
            try Self.checkIntegrity(path)
            let store = try Store.open(path: path, clock: .fixed(Fixture.day(6)))
            let infos = try store.repository.snapshotInfos()
            #expect(infos.count == 1 || infos.count == 2, "trial \(trial)")
            let queue = (store.repository as! SQLiteStore).pool
            let (versions, differences, unreconciled) = try queue.read { db in
                (try Int64.fetchAll(db, sql: "SELECT DISTINCT snapshotId FROM pairing"),
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM difference")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedChange WHERE reconciledSnapshotId IS NULL")!)
            }
            if infos.count == 2 {
                // Whole: the pairings are the new export's, the applied changes reconciled, the differences found.
                outcomes[1] += 1
                #expect(versions == [2] && differences > 0 && unreconciled == 0, "trial \(trial)")
            } else {
                // Not at all: nothing of the import is there.
                outcomes[0] += 1
                #expect(!versions.contains(2) && differences == 0 && unreconciled > 0, "trial \(trial)")
            }
            // The import can be done (again): it ends in the same state.
            let again = try store.importSnapshot(at: next, source: "week2")
            #expect(again.info.id == 2 && again.added == (infos.count == 1))
            try store.repository.close()
        }
        // Both outcomes were seen: the kills landed before and after the commit.
        #expect(outcomes[0] > 0 && outcomes[1] > 0, "\(outcomes)")
    }

    @Test func killedDuringApply() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (baseline, moves) = try Baseline.decided(in: folder)
        let probe = try Baseline.copy(baseline, to: "probe.sqlite", in: folder)
        let full = try Child(["apply", "1", "--store", probe], trace: true).finish()
        #expect(full.status == 0, "\(full.stderr)")
        let steps = full.stderr.components(separatedBy: "store-step:").count - 1
        #expect(steps >= moves)
        var random = SplitMix64(seed: 21)
        var outcomes = [0, 0]
        for trial in 0..<Self.kills {
            let path = try Baseline.copy(baseline, to: "trial.sqlite", in: folder)
            let changes = folder.appendingPathComponent("changes.csv").path
            let child = try Child(["apply", "1", "--store", path, "-o", changes], trace: true)
            _ = child.waitForSteps(trial % 5 == 4 ? steps : random.int(0...steps))
            child.kill()
            _ = child.finish()
            try Self.checkIntegrity(path)
            let store = try Store.open(path: path, clock: .fixed(Fixture.day()))
            let queue = (store.repository as! SQLiteStore).pool
            let (applications, changeCount, moved, toMentor, left) = try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM application")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedChange")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pairing WHERE origin = 'apply'")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appliedChange WHERE toMentor IS NOT NULL")!,
                 try Int.fetchOne(db, sql: """
                     SELECT COUNT(*) FROM appliedChange c JOIN pairing p ON p.student = c.student WHERE c.toMentor IS NULL
                     """)!)
            }
            if applications == 1 {
                // Whole: every change, each pairing moved (or ended, for a student left without a mentor).
                outcomes[1] += 1
                #expect(changeCount == moves && moved == toMentor && left == 0, "trial \(trial)")
            } else {
                outcomes[0] += 1
                #expect(applications == 0 && changeCount == 0 && moved == 0, "trial \(trial)")
            }
            let again = try store.apply(run: 1, onlyValid: false, actor: "carol")
            #expect(again.appliedNow == (applications == 0) && again.changes.count == moves)
            try store.repository.close()
        }
        #expect(outcomes[0] > 0 && outcomes[1] > 0, "\(outcomes)")
    }
}
