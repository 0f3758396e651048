import Foundation

/// An advisor's verdict on a run's proposal for one student. Append-only: a correction is a new
/// decision (the latest one counts), never an update (the schema refuses updates and deletes).
public struct Decision: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable { case accept, reject }

    public var id: Int64?
    public var runId: Int64
    public var student: String
    /// The proposed mentor the verdict is about (`nil`: a proposal that leaves the student without one).
    public var mentor: String?
    public var verdict: Verdict
    public var actor: String
    public var reason: String?
    public var decidedAt: Date
    /// The decision's date (UTC), `YYYY-MM-DD`: a rejection declines the pair until this + declineWeeks.
    public var decidedOn: String

    public init(id: Int64? = nil, runId: Int64, student: String, mentor: String?, verdict: Verdict, actor: String,
                reason: String?, decidedAt: Date, decidedOn: String) {
        self.id = id
        self.runId = runId
        self.student = student
        self.mentor = mentor
        self.verdict = verdict
        self.actor = actor
        self.reason = reason
        self.decidedAt = decidedAt
        self.decidedOn = decidedOn
    }
}
