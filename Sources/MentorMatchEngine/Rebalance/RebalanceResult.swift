/// The outcome of a rebalance: status, objective, one entry per student, summary figures.
public struct RebalanceResult: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Proven optimal (within the policy's mipGap).
        case optimal
        /// Stopped by a limit: `bound` and `gap` say how far from proven the assignment may be.
        case feasible
        /// No assignment: the message says why.
        case failed(String)
    }

    public var status: Status
    /// Objective of §5 of the assignment (`nil` when failed).
    public var objective: Int?
    /// Best proven upper bound on the optimum (`nil` when failed).
    public var bound: Int?
    /// (bound − objective) / max(1, |objective|) (`nil` when failed).
    public var gap: Double?
    /// One entry per student, in snapshot order (empty when failed).
    public var entries: [StudentResult]
    public var summary: RebalanceSummary
    /// Seconds the solver ran.
    public var solveSeconds: Double
    /// The move budget in effect (§5: the policy's `maxMoves`, else `maxMovesPercent` of the students with a mentor).
    public var maxMoves: Int?
    /// The time-zone database version the snapshot's hours were converted with (matching-model §1).
    public var tzdata: String?

    public init(status: Status, objective: Int?, bound: Int?, gap: Double?, entries: [StudentResult],
                summary: RebalanceSummary, solveSeconds: Double) {
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.entries = entries
        self.summary = summary
        self.solveSeconds = solveSeconds
    }
}

/// What happened to one student.
public struct StudentResult: Sendable, Equatable {
    public enum Change: String, Sendable, Equatable, CaseIterable {
        /// Stays with the current mentor.
        case keep
        /// Moves voluntarily, or where an advisor's lock sends them.
        case move
        /// Had to leave the current mentor (the pair broke a rule).
        case forced
        /// Had no mentor and gets one.
        case new
        /// Left without a mentor.
        case unassigned
    }

    public var student: String
    public var change: Change
    /// The mentor after the rebalance (`nil` when unassigned).
    public var mentor: String?
    public var previousMentor: String?
    /// fit with the new mentor (`nil` when unassigned).
    public var fit: Int?
    /// fit with the previous mentor (`nil` without one).
    public var previousFit: Int?
    public var priority: Int
    /// Why the student moved (for `move` and `forced`).
    public var moveReason: MoveReason?
    /// Why the student has no mentor (for `unassigned`).
    public var unassignedReason: UnassignedReason?
    /// Whether the student is settling (§4b): not moved voluntarily.
    public var settling: Bool = false
    /// For a settling student kept on their mentor: a candidate that fits better, which settling kept
    /// them from (the best by fit, then mentor id).
    public var settlingKeptFrom: (mentor: String, fit: Int)? {
        get { keptFrom.map { ($0.mentor, $0.fit) } }
        set { keptFrom = newValue.map { KeptFrom(mentor: $0.mentor, fit: $0.fit) } }
    }
    private var keptFrom: KeptFrom?
    private struct KeptFrom: Sendable, Equatable {
        var mentor: String
        var fit: Int
    }

    public init(student: String, change: Change, mentor: String?, previousMentor: String?, fit: Int?,
                previousFit: Int?, priority: Int, moveReason: MoveReason? = nil,
                unassignedReason: UnassignedReason? = nil) {
        self.student = student
        self.change = change
        self.mentor = mentor
        self.previousMentor = previousMentor
        self.fit = fit
        self.previousFit = previousFit
        self.priority = priority
        self.moveReason = moveReason
        self.unassignedReason = unassignedReason
    }
}
