import Foundation

/// Where the store keeps its records. `SQLiteStore` (GRDB, one file) is the one implementation today;
/// the cycle's logic (``Store``) only talks to this protocol, so that a PostgreSQL store can join later.
///
/// Every mutating call is one transaction: its `plan` closure runs inside it, on the state read in
/// that same transaction, and whatever it throws rolls everything back. Implementations serialise
/// writers (SQLite: `BEGIN IMMEDIATE`), so that two processes never both act on the same state.
public protocol StoreRepository: Sendable {
    /// Where the store lives, for messages.
    var location: String { get }

    // MARK: Snapshots

    func snapshotInfo(sha256: String) throws -> SnapshotInfo?
    func snapshotInfos() throws -> [SnapshotInfo]
    func latestSnapshotInfo() throws -> SnapshotInfo?
    func snapshot(id: Int64) throws -> StoredSnapshot?
    /// Records `snapshot` unless its hash is already there (then returns that version, `added` false).
    /// `plan` gets the state before this import and returns the pairings to write and the differences found.
    func importSnapshot(_ snapshot: StoredSnapshot,
                        plan: (ImportState) throws -> ImportPlan) throws -> (info: SnapshotInfo, added: Bool, plan: ImportPlan?)

    // MARK: Pairings

    func pairings() throws -> [Pairing]
    func pairing(student: String) throws -> Pairing?

    // MARK: Runs

    func recordRun(_ run: RunRecord, proposals: [Proposal]) throws -> RunRecord
    func run(id: Int64) throws -> RunRecord?
    func runListings() throws -> [RunListing]
    func proposals(run: Int64) throws -> [Proposal]

    // MARK: Decisions

    /// Appends `decisions` once `check` (given the run's state in the same transaction) accepts them.
    func appendDecisions(run: Int64, check: (RunState) throws -> [Decision]) throws -> [Decision]
    func decisions(run: Int64) throws -> [Decision]
    /// Every rejection that is the latest decision on its (run, student, mentor).
    func standingRejections() throws -> [Decision]

    // MARK: Applying

    /// Applies what `plan` decides on the run's state (`nil` plan result: nothing to do).
    func apply(run: Int64, plan: (ApplyState) throws -> ApplyPlan) throws -> ApplyOutcome
    func appliedChanges(run: Int64) throws -> [AppliedChange]

    // MARK: History

    func history(student: String) throws -> StudentHistory

    /// A consistent copy of the whole store at `path` (SQLite: the online backup API).
    func backup(to path: String) throws

    /// Closes the store (SQLite: checkpoints the write-ahead log into the file).
    func close() throws
}

/// The store before an import, read inside the import's transaction.
public struct ImportState: Sendable {
    public var latest: SnapshotInfo?
    public var pairings: [Pairing]
    /// Applied changes no import has compared with an export yet.
    public var unreconciled: [AppliedChange]
    /// The version this import will get.
    public var nextVersion: Int64
}

/// What an import writes besides the snapshot.
public struct ImportPlan: Sendable {
    /// The store's pairings after the import (they replace the previous ones).
    public var pairings: [Pairing]
    public var differences: [Difference]
    /// How many pairings are new, ended or unchanged (for the report).
    public var started: Int
    public var ended: Int
    public var unknownStart: Int

    public init(pairings: [Pairing], differences: [Difference], started: Int, ended: Int, unknownStart: Int) {
        self.pairings = pairings
        self.differences = differences
        self.started = started
        self.ended = ended
        self.unknownStart = unknownStart
    }
}

/// A run as listed by `runs`.
public struct RunListing: Sendable, Equatable {
    public var run: RunRecord
    public var asOf: String
    public var proposals: Int
    public var accepted: Int
    public var rejected: Int
    public var applied: Application?
}

/// A run, its proposals and its decisions, read inside a transaction.
public struct RunState: Sendable {
    public var run: RunRecord
    public var proposals: [Proposal]
    public var decisions: [Decision]
    public var application: Application?
}

/// What `apply` reads inside its transaction.
public struct ApplyState: Sendable {
    public var run: RunState
    public var latest: SnapshotInfo
    public var pairings: [String: Pairing]
}

/// What `apply` writes.
public struct ApplyPlan: Sendable {
    public var application: Application
    public var changes: [AppliedChange]

    public init(application: Application, changes: [AppliedChange]) {
        self.application = application
        self.changes = changes
    }
}

/// How `apply` ended.
public struct ApplyOutcome: Sendable {
    public var application: Application
    public var changes: [AppliedChange]
    /// `false` when the run had been applied before: nothing changed.
    public var appliedNow: Bool
}

/// Everything the store knows about one student.
public struct StudentHistory: Sendable {
    public struct ProposalEntry: Sendable {
        public var proposal: Proposal
        public var run: RunRecord
        public var asOf: String
    }

    public var student: String
    public var proposals: [ProposalEntry]
    public var decisions: [Decision]
    public var changes: [AppliedChange]
    public var differences: [(difference: Difference, asOf: String)]
    public var pairing: Pairing?
}
