import MIPModel

/// The rebalance integer program of matching-model §5 in index form.
///
/// The engine's encoder fills it from a snapshot and a policy (ids ↔ indices
/// live there, nowhere else); any ``AssignmentSolver`` solves it. All numbers
/// are integers, so the optimum is an integer.
///
///     maximise Σ weight(a)·x[a] − Σ_s unassignedCost[s]·u[s]
///     Σ_{a of s} x[a] + u[s] = 1            every student (u[s] = 0 when !mayBeUnassigned[s])
///     Σ_{a into m} x[a] ≤ capacity[m]
///     Σ_{a into m, a.isArrival} x[a] ≤ maxNew[m]      when maxNew[m] != nil
///     Σ_{a.isMove} x[a] ≤ maxMoves                    when maxMoves != nil
public struct AssignmentProblem: Sendable, Equatable {
    /// One candidate pair (s, m).
    public struct Arc: Sendable, Equatable {
        // Field order keeps the stride at 16 bytes (Int first, then Int32 and the flags).
        /// Objective coefficient: p[s]·fit(s,m), minus moveCost when `isMove`.
        public var weight: Int
        /// Mentor index.
        public var mentor: Int32
        /// A voluntary student leaving their current mentor (pays moveCost, counts in maxMoves).
        public var isMove: Bool
        /// m ≠ cur(s): counts in maxNewPerWeek(m).
        public var isArrival: Bool

        public init(mentor: Int32, weight: Int, isMove: Bool, isArrival: Bool) {
            self.mentor = mentor
            self.weight = weight
            self.isMove = isMove
            self.isArrival = isArrival
        }
    }

    public var studentCount: Int { unassignedCost.count }
    public var mentorCount: Int { capacity.count }

    /// Arcs of student s are `arcs[arcStart[s] ..< arcStart[s+1]]`, sorted by mentor index.
    public var arcStart: [Int]
    public var arcs: [Arc]
    /// p[s]·unassignedPenalty.
    public var unassignedCost: [Int]
    /// False for a locked student (exactly one arc, which must be taken).
    public var mayBeUnassigned: [Bool]
    /// The mentor index of each student's current pair when it is a candidate arc, for warm starts.
    public var currentArc: [Int?]
    public var capacity: [Int]
    public var maxNew: [Int?]
    public var maxMoves: Int?

    public init(
        arcStart: [Int], arcs: [Arc], unassignedCost: [Int], mayBeUnassigned: [Bool],
        currentArc: [Int?], capacity: [Int], maxNew: [Int?], maxMoves: Int?
    ) {
        self.arcStart = arcStart
        self.arcs = arcs
        self.unassignedCost = unassignedCost
        self.mayBeUnassigned = mayBeUnassigned
        self.currentArc = currentArc
        self.capacity = capacity
        self.maxNew = maxNew
        self.maxMoves = maxMoves
    }

    /// The arc indices of student s.
    @inlinable public func arcRange(of student: Int) -> Range<Int> {
        arcStart[student] ..< arcStart[student + 1]
    }

    /// The objective of an assignment (`chosenArc[s]` an arc index, or `nil` for unassigned).
    public func objective(of chosenArc: [Int?]) -> Int {
        var total = 0
        for s in 0..<studentCount {
            if let a = chosenArc[s] { total += arcs[a].weight } else { total -= unassignedCost[s] }
        }
        return total
    }
}

/// How an assignment solve ended, and its answer.
public struct AssignmentSolution: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// Proven optimal.
        case optimal
        /// Feasible, stopped by a limit or cancellation; `bound` says how far it may be.
        case feasible
        /// No feasible assignment (only possible with locks that cannot all hold).
        case infeasible
        case failed(String)
    }

    public var status: Status
    /// Chosen arc index for each student, or `nil` when unassigned.
    public var chosenArc: [Int?]
    public var objective: Int
    /// Best proven upper bound on the optimum.
    public var bound: Int
    public var seconds: Double

    public init(status: Status, chosenArc: [Int?], objective: Int, bound: Int, seconds: Double) {
        self.status = status
        self.chosenArc = chosenArc
        self.objective = objective
        self.bound = bound
        self.seconds = seconds
    }

    /// (bound − objective) / max(1, |objective|).
    public var gap: Double { Double(bound - objective) / Double(max(1, abs(objective))) }
}

/// Anything that solves an ``AssignmentProblem`` to proven optimality (or says how far it got).
public protocol AssignmentSolver: Sendable {
    func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution
    /// Whether the solver calls the progress hook itself (best objective, bound, gap) during its search.
    var reportsProgress: Bool { get }
}

extension AssignmentSolver {
    public var reportsProgress: Bool { false }
}

/// Limits and hooks shared by every assignment solver.
public struct SolveLimits: Sendable {
    public var timeLimitSeconds: Double?
    public var relativeGap: Double
    /// Set from another thread (Ctrl-C) to stop the search; the solver returns its best answer, not proven.
    public var cancellation: Cancellation?
    /// Called now and then during a long search (elapsed, incumbent, bound, gap).
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double = 0,
        cancellation: Cancellation? = nil, progress: (@Sendable (SolveProgress) -> Void)? = nil
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.cancellation = cancellation
        self.progress = progress
    }
}
