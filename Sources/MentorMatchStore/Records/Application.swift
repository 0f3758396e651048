import Foundation

/// A run's accepted moves, applied: at most one per run.
public struct Application: Codable, Sendable, Equatable {
    public var runId: Int64
    public var appliedAt: Date
    /// The effective date of its changes, `YYYY-MM-DD`.
    public var effective: String
    /// The latest snapshot version when it was applied.
    public var snapshotId: Int64
    public var onlyValid: Bool
    public var appliedCount: Int
    /// The moves left out by `--only-valid`, as JSON (`[{student, from, to, why}]`).
    public var skipped: String
    public var actor: String

    public init(runId: Int64, appliedAt: Date, effective: String, snapshotId: Int64, onlyValid: Bool,
                appliedCount: Int, skipped: String, actor: String) {
        self.runId = runId
        self.appliedAt = appliedAt
        self.effective = effective
        self.snapshotId = snapshotId
        self.onlyValid = onlyValid
        self.appliedCount = appliedCount
        self.skipped = skipped
        self.actor = actor
    }
}

/// One change of mentor carried out by an application: a line of the back office's change list.
public struct AppliedChange: Codable, Sendable, Equatable {
    public var id: Int64?
    public var runId: Int64
    public var student: String
    public var fromMentor: String?
    /// `nil`: the student leaves their mentor (forced out, with no other seat).
    public var toMentor: String?
    public var effective: String
    /// Who accepted it.
    public var decidedBy: String
    public var decisionId: Int64
    /// The import that compared it with the export (`nil` until then).
    public var reconciledSnapshotId: Int64?

    public init(id: Int64? = nil, runId: Int64, student: String, fromMentor: String?, toMentor: String?, effective: String,
                decidedBy: String, decisionId: Int64, reconciledSnapshotId: Int64? = nil) {
        self.id = id
        self.runId = runId
        self.student = student
        self.fromMentor = fromMentor
        self.toMentor = toMentor
        self.effective = effective
        self.decidedBy = decidedBy
        self.decisionId = decisionId
        self.reconciledSnapshotId = reconciledSnapshotId
    }
}
