import Foundation
import GRDB
import MentorMatchData
import Testing
@testable import MentorMatchStore

/// A store written by the first schema (`Fixtures/store-v1.sqlite`: made by migration v1 alone, then
/// the demo imported, one rebalance recorded, decided and applied) opens, migrates and keeps its data.
@Suite struct MigrationTests {
    static let fixture = Fixture.fixtures + "/store-v1.sqlite"

    @Test func aFirstSchemaStoreMigrates() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Baseline.copy(Self.fixture, to: "old.sqlite", in: folder)
        func migrations() throws -> [String] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
        }
        #expect(try migrations() == [StoreSchema.v1])
        let store = try Store.open(path: path, clock: .fixed(Fixture.day(7)))
        let pool = (store.repository as! SQLiteStore).pool
        let indexes = try pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'proposal_student'") }
        #expect(indexes == ["proposal_student"])
        // The data of the first schema is all there and usable.
        let runs = try store.runs()
        #expect(runs.count == 1 && runs[0].applied != nil && runs[0].proposals > 0)
        let changes = try store.repository.appliedChanges(run: 1)
        #expect(!changes.isEmpty)
        let history = try store.history(student: changes[0].student)
        #expect(history.proposals.count == 1 && history.changes.count == 1 && history.decisions.count == 1)
        #expect(try store.load(store.latest()).students.count == 120)
        // And the cycle goes on: the next export imports and reconciles.
        var next = try Fixture.demoSnapshot()
        next.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        let report = try store.importSnapshot(at: try Fixture.write(next, "next.json", in: folder), source: "next")
        #expect(report.info.id == 2 && report.plan!.differences.contains { $0.kind == .notCarriedOut })
        // Applications became permanent with the second schema.
        #expect(throws: (any Error).self) { try pool.write { try $0.execute(sql: "DELETE FROM application") } }
        try store.repository.close()
        #expect(try migrations() == StoreSchema.migrator.migrations)
    }

    /// Writes the fixture again (`MENTORMATCH_MAKE_STORE_FIXTURE=1 swift test --filter makeFixture`);
    /// only ever with the code of the first schema: the fixture must stay what v1 wrote.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MENTORMATCH_MAKE_STORE_FIXTURE"] == "1"))
    func makeFixture() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("store-v1.sqlite").path
        let repository = try SQLiteStore.create(path: path, upTo: StoreSchema.v1)
        let store = Store(repository: repository, clock: .fixed(Fixture.day()))
        _ = try store.importSnapshot(at: Fixture.demo, source: "Scenarios/demo/snapshot.json")
        try Fixture.rebalance(store)
        let proposals = try repository.proposals(run: 1)
        _ = try store.decide(run: 1, verdict: .accept, target: .all, actor: "alice", reason: "weekly review")
        _ = try store.decide(run: 1, verdict: .reject, target: .students([proposals.first { $0.change == "new" }!.student]),
                             actor: "bob", reason: "the student asked to wait")
        _ = try store.apply(run: 1, onlyValid: false, actor: "alice")
        try repository.pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        try repository.close()
        try? FileManager.default.removeItem(atPath: Self.fixture)
        try FileManager.default.copyItem(atPath: path, toPath: Self.fixture)
    }
}
