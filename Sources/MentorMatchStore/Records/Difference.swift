/// What an import found when it compared the export's mentors with the store's view.
public struct Difference: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// An applied move the export does not show.
        case notCarriedOut = "not-carried-out"
        /// An applied move the export shows.
        case carriedOut = "carried-out"
        /// A change of mentor the store did not apply (nobody here proposed it, or it was not applied here).
        case unproposed
    }

    public var id: Int64?
    public var snapshotId: Int64
    public var student: String
    public var kind: Kind
    /// The mentor the store expected (`nil`: none).
    public var expected: String?
    /// The mentor the export shows (`nil`: none, or the student left).
    public var found: String?
    /// The applied change it is about (`notCarriedOut`, `carriedOut`).
    public var changeId: Int64?

    public init(id: Int64? = nil, snapshotId: Int64, student: String, kind: Kind, expected: String?, found: String?,
                changeId: Int64? = nil) {
        self.id = id
        self.snapshotId = snapshotId
        self.student = student
        self.kind = kind
        self.expected = expected
        self.found = found
        self.changeId = changeId
    }
}
