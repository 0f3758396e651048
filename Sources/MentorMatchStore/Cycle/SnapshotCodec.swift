import Foundation
import MentorMatchData

/// How a snapshot is kept: its canonical JSON (`SnapshotJSONWriter`), zlib-compressed.
public enum SnapshotCodec {
    /// zlib level 6: the L school's 9.8 MB of JSON become 0.79 MB (8.0 %) for about 140 ms of CPU; level 1
    /// gives 12.1 % in 51 ms, level 9 7.4 % in 540 ms (docs/store.md).
    public static let level: Int32 = 6

    /// The record for `snapshot`, imported from `source` whose bytes hash to `content`.
    public static func encode(_ snapshot: Snapshot, source: String, content: ContentHash.Content, at date: Date) throws -> StoredSnapshot {
        let json = Data(SnapshotJSONWriter.text(snapshot).utf8)
        let body = try Deflate.compress(json, level: level)
        return StoredSnapshot(importedAt: date, asOf: snapshot.asOf.description, source: source, sha256: content.sha256,
                              importedBytes: content.byteCount, jsonBytes: Int64(json.count), encoding: "zlib", body: body,
                              students: snapshot.students.count, mentors: snapshot.mentors.count,
                              pairings: snapshot.students.filter { $0.currentMentor != nil }.count)
    }

    /// The canonical JSON of a stored snapshot.
    public static func json(_ stored: StoredSnapshot) throws -> Data {
        switch stored.encoding {
        case "zlib": return try Deflate.decompress(stored.body, size: Int(stored.jsonBytes))
        default: return stored.body
        }
    }

    /// The snapshot a stored record holds.
    public static func decode(_ stored: StoredSnapshot) throws -> Snapshot {
        do {
            return try SnapshotJSONReader.read(data: try json(stored), file: "snapshot \(stored.id ?? 0)").value
        } catch let errors as InputErrors {
            throw StoreError.damaged(path: "snapshot \(stored.id ?? 0)", message: errors.description)
        }
    }
}
