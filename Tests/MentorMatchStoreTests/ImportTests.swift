import Foundation
import MentorMatchData
import Testing
@testable import MentorMatchStore

/// Import: validated, versioned, content-hashed, compact; the same bytes twice add nothing; the
/// store's pairings follow the exports.
@Suite struct ImportTests {
    @Test func firstImportRecordsVersionOneWithItsHash() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        let report = try store.importSnapshot(at: Fixture.demo, source: "demo")
        #expect(report.added && report.first)
        #expect(report.info.id == 1 && report.info.asOf == "2026-11-23")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixture.demo))
        #expect(report.info.sha256 == ContentHash.sha256(bytes))
        #expect(report.info.importedBytes == Int64(bytes.count))
        // Kept compressed, and read back equal to the export as read.
        #expect(report.info.storedBytes < report.info.jsonBytes / 3)
        #expect(try store.load(report.info) == Fixture.demoSnapshot())
        // The export's own pairing starts are kept.
        let pairings = try store.repository.pairings()
        #expect(pairings.count == 94 && pairings.allSatisfy { $0.since != nil && $0.origin == .export })
        #expect(report.plan?.unknownStart == 0)
    }

    @Test func pairingsPresentAtTheFirstImportWithoutAStartHaveNone() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        let report = try store.importSnapshot(at: try Fixture.write(try Fixture.demoWithoutStarts(), "demo.json", in: folder), source: "demo")
        let pairings = try store.repository.pairings()
        #expect(pairings.count == 94 && pairings.allSatisfy { $0.since == nil && $0.origin == .firstImport })
        #expect(report.plan?.unknownStart == 94)
        #expect(try store.enriched().enrichment.assignedSince.isEmpty)
    }

    @Test func sameBytesTwiceAddNothing() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        let again = try store.importSnapshot(at: Fixture.demo, source: "demo again")
        #expect(!again.added && again.info.id == 1 && again.info.source == "demo")
        #expect(try store.repository.snapshotInfos().count == 1)
    }

    @Test func csvFolderIsHashedByItsFiles() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("csv")
        try SnapshotCSVWriter.write(try Fixture.demoSnapshot(), folder: csv)
        let first = try ContentHash.of(path: csv.path)
        #expect(try ContentHash.of(path: csv.path).sha256 == first.sha256)
        let store = try Fixture.store(in: folder)
        let report = try store.importSnapshot(at: csv.path, source: "csv")
        #expect(report.added && report.info.sha256 == first.sha256)
        #expect(try store.load(report.info).students.count == 120)
        // Any byte changed in any file: another content.
        let students = csv.appendingPathComponent("students.csv")
        var text = try String(contentsOf: students, encoding: .utf8)
        text += "\n"
        try text.write(to: students, atomically: true, encoding: .utf8)
        #expect(try ContentHash.of(path: csv.path).sha256 != first.sha256)
    }

    @Test func anInvalidSnapshotAddsNothing() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        let bad = Fixture.packageRoot.appendingPathComponent("Tests/MentorMatchCLITests/Fixtures/bad.json").path
        #expect(throws: InputErrors.self) { try store.importSnapshot(at: bad, source: "bad") }
        #expect(try store.repository.snapshotInfos().isEmpty)
    }

    @Test func anOlderExportIsRefused() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        var older = try Fixture.demoSnapshot()
        older.asOf = CalendarDate(year: 2026, month: 11, day: 16)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        let path = try Fixture.write(older, "older.json", in: folder)
        #expect(throws: StoreError.olderThanLatest(asOf: "2026-11-16", latestVersion: 1, latestAsOf: "2026-11-23")) {
            try store.importSnapshot(at: path, source: "older")
        }
        #expect(try store.repository.snapshotInfos().count == 1)
    }

    @Test func pairingsThatAppearBetweenImportsStartAtTheLaterAsOf() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Fixture.store(in: folder)
        _ = try store.importSnapshot(at: Fixture.demo, source: "demo")
        var next = try Fixture.demoSnapshot()
        next.asOf = CalendarDate(year: 2026, month: 11, day: 30)
        // s-0024 had no mentor and gets m-004; s-0012 changes from m-012 to m-002; s-0013 leaves m-018.
        func set(_ id: String, _ mentor: String?) { Fixture.move(&next, id, to: mentor) }
        set("s-0024", "m-004")
        set("s-0012", "m-002")
        set("s-0013", nil)
        let report = try store.importSnapshot(at: try Fixture.write(next, "week2.json", in: folder), source: "week2")
        #expect(report.added && !report.first && report.info.id == 2)
        #expect(report.plan?.started == 2 && report.plan?.ended == 1)
        let pairings = Dictionary(uniqueKeysWithValues: try store.repository.pairings().map { ($0.student, $0) })
        #expect(pairings["s-0024"]?.since == "2026-11-30" && pairings["s-0024"]?.origin == .import_)
        #expect(pairings["s-0012"]?.mentor == "m-002" && pairings["s-0012"]?.since == "2026-11-30")
        #expect(pairings["s-0013"] == nil)
        #expect(pairings["s-0001"]?.since == (try Fixture.demoSnapshot()).students.first { $0.id == "s-0001" }?.assignedSince?.description)
        // Nobody here proposed those changes: the reconciliation lists them.
        let unproposed = report.plan!.differences.filter { $0.kind == .unproposed }
        #expect(unproposed.map(\.student) == ["s-0012", "s-0013", "s-0024"])
        #expect(unproposed.map(\.found) == ["m-002", nil, "m-004"])
    }
}
