import Foundation

/// One imported snapshot version: the export as MentorMatch read it, kept as canonical JSON
/// (`SnapshotJSONWriter`), compressed, with the SHA-256 of the bytes that were imported.
public struct StoredSnapshot: Codable, Sendable, Equatable {
    /// The snapshot version: 1, 2, … in import order.
    public var id: Int64?
    public var importedAt: Date
    /// The export's `asOf`, `YYYY-MM-DD`.
    public var asOf: String
    /// Where it was imported from, as given.
    public var source: String
    /// SHA-256 (hex) of the imported bytes (a CSV folder: see ``ContentHash``).
    public var sha256: String
    public var importedBytes: Int64
    /// Size of the canonical JSON before compression.
    public var jsonBytes: Int64
    /// `zlib` or `identity`.
    public var encoding: String
    /// The canonical JSON, encoded as `encoding` says.
    public var body: Data
    public var students: Int
    public var mentors: Int
    /// Students with a current mentor in the export.
    public var pairings: Int

    public init(id: Int64? = nil, importedAt: Date, asOf: String, source: String, sha256: String, importedBytes: Int64,
                jsonBytes: Int64, encoding: String, body: Data, students: Int, mentors: Int, pairings: Int) {
        self.id = id
        self.importedAt = importedAt
        self.asOf = asOf
        self.source = source
        self.sha256 = sha256
        self.importedBytes = importedBytes
        self.jsonBytes = jsonBytes
        self.encoding = encoding
        self.body = body
        self.students = students
        self.mentors = mentors
        self.pairings = pairings
    }
}

/// A snapshot version without its body: what listings need.
public struct SnapshotInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var importedAt: Date
    public var asOf: String
    public var source: String
    public var sha256: String
    public var importedBytes: Int64
    public var jsonBytes: Int64
    public var storedBytes: Int64
    public var students: Int
    public var mentors: Int
}
