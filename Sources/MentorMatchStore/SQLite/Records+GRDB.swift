import GRDB

// The records' GRDB conformances: each value type is a row of its table (column names = Codable keys).

extension StoredSnapshot: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "snapshot"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SnapshotInfo: FetchableRecord {
    /// The columns of ``SnapshotInfo`` (the body's size, not the body).
    static let selection = """
        id, importedAt, asOf, source, sha256, importedBytes, jsonBytes, length(body) AS storedBytes, students, mentors
        """
}

extension Pairing: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "pairing"
}

extension RunRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Proposal: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "proposal"
}

extension Decision: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decision"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Application: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "application"
}

extension AppliedChange: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "appliedChange"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Difference: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "difference"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
