import Foundation
import GRDB
import Testing
@testable import MentorMatchStore

/// A file given as --store that is not a MentorMatch store: a clear error, exit status 2, the file
/// untouched (same bytes, no files beside it).
@Suite struct NotAStoreTests {
    enum Case: String, CaseIterable { case text, empty, otherSQLite, truncated, newerSchema, folder }

    /// Makes the bad file for `kind` in `folder`; returns its path and what the message must say.
    static func make(_ kind: Case, in folder: URL) throws -> (path: String, says: String) {
        let path = folder.appendingPathComponent("bad.store").path
        switch kind {
        case .text:
            try "student,mentor\ns-0001,m-001\n".write(toFile: path, atomically: false, encoding: .utf8)
            return (path, "is not a MentorMatch store: a text file")
        case .empty:
            FileManager.default.createFile(atPath: path, contents: Data())
            return (path, "is not a MentorMatch store: an empty file")
        case .otherSQLite:
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
            try queue.close()
            return (path, "is not a MentorMatch store: an SQLite database of another kind")
        case .truncated:
            let (store, _) = try Baseline.decided(in: folder)
            let data = try Data(contentsOf: URL(fileURLWithPath: store))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            return (path, "is not a MentorMatch store: a truncated or damaged SQLite file")
        case .newerSchema:
            let (store, _) = try Baseline.decided(in: folder)
            let queue = try DatabaseQueue(path: store)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
            try queue.close()
            try FileManager.default.moveItem(atPath: store, toPath: path)
            return (path, "was written by a newer MentorMatch (schema v9-from-the-future is unknown to this version)")
        case .folder:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return (path, "is not a MentorMatch store: a folder")
        }
    }

    @Test(arguments: Case.allCases)
    func refusedUntouched(_ kind: Case) throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, says) = try Self.make(kind, in: folder)
        let before = kind == .folder ? nil : try Data(contentsOf: URL(fileURLWithPath: path))
        let neighbours = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        for arguments in [["store", "import", Fixture.demo, "--store", path], ["runs", "--store", path],
                          ["rebalance", "--store", path], ["history", "s-0001", "--store", path],
                          ["decide", "1", "--accept", "--all", "--store", path], ["apply", "1", "--store", path]] {
            let outcome = try Binary.run(arguments)
            #expect(outcome.status == 2, "\(kind) \(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains(says), "\(kind) \(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            if let before { #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(kind) \(arguments)") }
            let after = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(after.filter { !$0.hasSuffix("-shm") && !$0.hasSuffix("-wal") } == neighbours.filter { !$0.hasSuffix("-shm") && !$0.hasSuffix("-wal") },
                    "\(kind) \(arguments): \(after)")
        }
    }

    @Test func aMissingStoreIsCreatedOnlyByImport() throws {
        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.store").path
        let runs = try Binary.run(["runs", "--store", path])
        #expect(runs.status == 2 && runs.stderr.contains("no store at"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let imported = try Binary.run(["store", "import", Fixture.demo, "--store", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["new.store"])
    }
}
