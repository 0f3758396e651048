import Foundation

/// A run recorded in the store: its inputs, how it ended, its timings.
public struct RunRecord: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case rebalance, suggest, whatif
        /// Whether advisors decide on its proposals (a what-if only compares).
        public var isDecidable: Bool { self != .whatif }
    }

    public var id: Int64?
    public var kind: Kind
    /// The snapshot version the run read (enriched as `enrichment` says).
    public var snapshotId: Int64
    public var startedAt: Date
    public var finishedAt: Date
    /// The policy in effect, as JSON (every field, `declineWeeks` included).
    public var policy: String
    public var declineWeeks: Int
    public var tzdata: String?
    public var solver: String
    public var toolVersion: String
    /// `optimal`, `feasible` or `failed`.
    public var status: String
    public var objective: Int64?
    public var bound: Int64?
    public var gap: Double?
    public var maxMoves: Int?
    /// Reading the snapshot from the store and enriching it.
    public var readSeconds: Double
    public var solveSeconds: Double
    /// Writing the run and its proposals.
    public var recordSeconds: Double
    /// The command's parameters as JSON (suggest: student, chain, alternatives; what-if: scenario).
    public var parameters: String
    /// The enrichment the run saw (assignedSince and declined, zlib-compressed JSON): with the stored
    /// snapshot, the exact input of the run (`store export --run`).
    public var enrichment: Data
    /// The result's summary figures, as JSON.
    public var summary: String

    public init(id: Int64? = nil, kind: Kind, snapshotId: Int64, startedAt: Date, finishedAt: Date, policy: String,
                declineWeeks: Int, tzdata: String?, solver: String, toolVersion: String, status: String,
                objective: Int64?, bound: Int64?, gap: Double?, maxMoves: Int?, readSeconds: Double,
                solveSeconds: Double, recordSeconds: Double, parameters: String, enrichment: Data, summary: String) {
        self.id = id
        self.kind = kind
        self.snapshotId = snapshotId
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.policy = policy
        self.declineWeeks = declineWeeks
        self.tzdata = tzdata
        self.solver = solver
        self.toolVersion = toolVersion
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.maxMoves = maxMoves
        self.readSeconds = readSeconds
        self.solveSeconds = solveSeconds
        self.recordSeconds = recordSeconds
        self.parameters = parameters
        self.enrichment = enrichment
        self.summary = summary
    }
}
