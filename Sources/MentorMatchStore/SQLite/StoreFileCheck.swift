import Foundation
import GRDB

/// Tells a MentorMatch store from any other file before anything is written to it: the SQLite header
/// (magic, page size, page count against the file's size: a truncated store), the application id,
/// then, read-only, the migrations it records (a store from a newer MentorMatch is refused).
enum StoreFileCheck {
    enum Kind { case missing, store }

    static func inspect(path: String) throws(StoreError) -> Kind {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue { throw .notAStore(path: path, why: "a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notAStore(path: path, why: "the file cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? Int64(header.count)
        if header.isEmpty { throw .notAStore(path: path, why: "an empty file") }
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count >= 100, header.prefix(16) == magic else {
            let text = header.allSatisfy { $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) || $0 >= 0x80 }
            throw .notAStore(path: path, why: text ? "a text file, not an SQLite database" : "not an SQLite database")
        }
        func u32(_ offset: Int) -> UInt32 {
            header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pageCount = Int64(u32(28))
        let headerCountValid = u32(92) == u32(24)
        if pageSize < 512 || size % pageSize != 0 || (headerCountValid && size < pageCount * pageSize) {
            throw .notAStore(path: path, why: "a truncated or damaged SQLite file (\(size) bytes; its header announces "
                + "\(headerCountValid ? "\(pageCount) pages of \(pageSize) bytes" : "pages of \(pageSize) bytes"))")
        }
        let applicationID = Int32(bitPattern: u32(68))
        guard applicationID == StoreSchema.applicationID else {
            throw .notAStore(path: path, why: applicationID == 0
                ? "an SQLite database of another kind (no MentorMatch application id)"
                : "an SQLite database of another application (application id \(String(format: "0x%08x", applicationID)))")
        }
        try checkMigrations(path: path)
        return .store
    }

    /// Reads the recorded migrations without writing: unknown ones mean a newer MentorMatch wrote the store.
    static func checkMigrations(path: String) throws(StoreError) {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(60)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            let applied: [String] = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            if applied.isEmpty { throw StoreError.notAStore(path: path, why: "an SQLite database without the MentorMatch schema") }
            let known = Set(StoreSchema.migrator.migrations)
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknown: unknown) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .notAStore(path: path, why: "SQLite cannot read it (\(error.message ?? error.resultCode.description))")
        } catch {
            throw .notAStore(path: path, why: "\(error)")
        }
    }
}
