/// The store's view of one student's current pairing: updated by every import (the export's
/// `currentMentor`) and by every applied move.
public struct Pairing: Codable, Sendable, Equatable {
    /// How the store learned when the pairing started.
    public enum Origin: String, Codable, Sendable {
        /// The start is unknown: present at the store's first import, or a pairing an applied move was to end
        /// but the back office kept (`since` none).
        case firstImport = "first-import"
        /// The export gave `assignedSince`.
        case export
        /// Appeared between two imports: `since` is the later import's `asOf`.
        case import_ = "import"
        /// An applied move: `since` is its effective date.
        case apply
    }

    public var student: String
    public var mentor: String
    /// `YYYY-MM-DD`, or `nil` when unknown.
    public var since: String?
    public var origin: Origin
    /// The snapshot version that last confirmed or changed the pairing.
    public var snapshotId: Int64

    public init(student: String, mentor: String, since: String?, origin: Origin, snapshotId: Int64) {
        self.student = student
        self.mentor = mentor
        self.since = since
        self.origin = origin
        self.snapshotId = snapshotId
    }
}
