/// How a student may move in a rebalance (matching-model §2).
public enum StudentRole: Sendable, Equatable {
    /// No current mentor.
    case unassigned
    /// The current pair is a candidate: a move is voluntary (pays moveCost, counts in maxMoves).
    case voluntary
    /// The current pair broke this rule: the student must move (no moveCost, not counted in maxMoves).
    case forced(ExclusionRule)
    /// An advisor locked the student onto a mentor: neither voluntary nor forced.
    case locked(mentor: Int)
}
