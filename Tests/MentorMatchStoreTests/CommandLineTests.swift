import Foundation
import GRDB
import MentorMatchData
import Testing
@testable import MentorMatchStore

/// The weekly cycle through the `mentormatch` binary, and the exit statuses of its refusals.
@Suite struct CommandLineTests {
    @Test func aWeekWithTheStore() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.store").path
        func run(_ arguments: [String]) throws -> Binary.Outcome {
            let outcome = try Binary.run(arguments + ["--store", store])
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            return outcome
        }
        let imported = try run(["store", "import", Fixture.demo])
        #expect(imported.stdout.contains("as snapshot 1 (as of 2026-11-23") && imported.stdout.contains("94 pairings, 0 of unknown start"))
        let rebalance = try run(["rebalance"])
        #expect(rebalance.stdout.hasPrefix("Rebalance of snapshot 1 of "))
        #expect(rebalance.stderr.contains("recorded as run 1"))
        let suggest = try run(["suggest", "--student", "s-0014"])
        #expect(suggest.stderr.contains("recorded as run 2"))
        #expect(try run(["decide", "1", "--accept", "--all", "--as", "alice"]).stdout.hasPrefix("run 1: accepted "))
        #expect(try run(["decide", "1", "--reject", "s-0024", "--as", "bob", "--reason", "waits for January"]).stdout
            == "run 1: rejected 1 proposal as bob (\"waits for January\"): s-0024 → m-019\n")
        let csv = folder.appendingPathComponent("changes.csv").path
        let applied = try run(["apply", "1", "-o", csv])
        #expect(applied.stdout.hasPrefix("Applied run 1: "))
        let list = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(list.hasPrefix("student,from,to,effective,run,decidedBy\n") && list.contains(",2026-11-24,1,alice"))
        #expect(!list.contains("s-0024,"))
        #expect(try run(["apply", "1"]).stdout.hasPrefix("Run 1 was already applied"))
        let history = try run(["history", "s-0024", "--format", "json"])
        #expect(history.stdout.contains("\"verdict\": \"reject\"") && history.stdout.contains("\"by\": \"bob\""))
        let runs = try run(["runs", "--format", "json"])
        #expect(runs.stdout.contains("\"kind\": \"suggest\"") && runs.stdout.contains("\"applied\": {"))
        // The rejected move is declined for the next run, and the run's input can be exported.
        let again = try run(["rebalance", "--format", "json"])
        #expect(!again.stdout.contains("\"student\": \"s-0024\", \"mentor\": \"m-019\""))
        // A what-if on the store is recorded, and not decidable.
        let whatif = try run(["whatif", Fixture.packageRoot.appendingPathComponent("Scenarios/demo/whatif-mentor-leaves.yaml").path])
        #expect(whatif.stderr.contains("recorded as run 4"))
        let refused = try Binary.run(["decide", "4", "--accept", "--all", "--store", store])
        #expect(refused.status == 2 && refused.stderr.contains("run 4 is a whatif run: it proposes nothing to decide or apply"))
        // Snapshot versions, and a backup that is a store with the same runs.
        let info = try run(["store", "info", "--format", "json"])
        #expect(info.stdout.contains("\"snapshot\": 1") && info.stdout.contains("\"asOf\": \"2026-11-23\""))
        let copy = folder.appendingPathComponent("backup.store").path
        #expect(try run(["store", "backup", copy]).stdout.hasPrefix("backed up "))
        let backedUp = try Binary.run(["runs", "--format", "json", "--store", copy])
        let original = try run(["runs", "--format", "json"])
        #expect(backedUp.status == 0 && backedUp.stdout == original.stdout)
        #expect(try Binary.run(["store", "backup", copy, "--store", store]).status == 2)  // never over a file
        let exported = folder.appendingPathComponent("run3.json").path
        _ = try run(["store", "export", "--run", "3", "-o", exported])
        let snapshot = try SnapshotJSONReader.read(contentsOf: URL(fileURLWithPath: exported)).value
        #expect(snapshot.declined.contains { $0.student == "s-0024" && $0.mentor == "m-019" && $0.until.description == "2027-01-19" })
    }

    /// `store export --run N` then the stateless `rebalance` gives the recorded run's answer.
    @Test func anExportedRunReproducesStatelessly() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("demo.store").path
        _ = try Binary.run(["store", "import", Fixture.demo, "--store", store])
        _ = try Binary.run(["rebalance", "--store", store])
        _ = try Binary.run(["decide", "1", "--reject", "--all", "--store", store])
        let recorded = try Binary.run(["rebalance", "--store", store, "--format", "json"])
        #expect(recorded.status == 0)
        let exported = folder.appendingPathComponent("input.json").path
        #expect(try Binary.run(["store", "export", "--run", "2", "--store", store, "-o", exported]).status == 0)
        let stateless = try Binary.run(["rebalance", exported, "--format", "json"])
        #expect(stateless.status == 0 && stateless.stdout == recorded.stdout)
    }

    @Test(arguments: [
        (["decide", "9", "--accept", "--all"], "run 9: no such run in the store"),
        (["decide", "1", "--accept", "s-9999"], "student s-9999: run 1 proposes nothing for this student"),
        (["decide", "1", "--accept", "s-0014", "--mentor", "m-999"], "mentor m-999: run 1 does not propose this mentor for s-0014"),
        (["decide", "1", "--accept"], "name the students decided on, or give --all"),
        (["decide", "1", "--all"], "give exactly one of --accept and --reject"),
        (["apply", "9"], "run 9: no such run in the store"),
        (["apply", "1"], "run 1 has no accepted proposal"),
        (["history", "s-9999"], "student s-9999: the store has no record of this student"),
        (["store", "export", "--run", "9"], "run 9: no such run in the store"),
        (["rebalance"], "give a snapshot, or --store"),
    ])
    func badIdsAreInputErrorsThatWriteNothing(_ arguments: [String], _ says: String) throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Baseline.recorded(in: folder)
        let before = try Self.records(path)
        let outcome = try Binary.run(arguments == ["rebalance"] ? arguments : arguments + ["--store", path])
        #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.contains(says), "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        // Nothing written: every table holds the same rows.
        #expect(try Self.records(path) == before)
    }

    /// Every row of every table of the store, as text (SQLite's own bookkeeping aside).
    static func records(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0.description)" }
            }
        }
    }

    @Test func aDecisionOnAnAppliedRunIsRefused() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _) = try Baseline.decided(in: folder)
        #expect(try Binary.run(["apply", "1", "--store", store]).status == 0)
        let outcome = try Binary.run(["decide", "1", "--reject", "--all", "--store", store])
        #expect(outcome.status == 2 && outcome.stderr.contains("run 1 was applied on 2026-11-24: its decisions are closed"))
    }
}
