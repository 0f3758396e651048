/// A suggest request the engine refuses. Each case names the student by id.
public enum SuggestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No student has this id in the snapshot.
    case unknownStudent(String)
    /// The student is locked onto a mentor by an advisor: only the advisor can move them
    /// (remove the lock first).
    case lockedStudent(student: String, mentor: String)
    /// `chainMoves` must be >= 0.
    case invalidChainMoves(Int)
    /// `alternatives` must be >= 1.
    case invalidAlternatives(Int)

    public var description: String {
        switch self {
        case .unknownStudent(let id): return "suggest: student \(id) is not in the snapshot"
        case .lockedStudent(let s, let m):
            return "suggest: student \(s) is locked onto mentor \(m) by an advisor; remove the lock to suggest another mentor"
        case .invalidChainMoves(let c): return "suggest: chainMoves must be >= 0 (got \(c))"
        case .invalidAlternatives(let n): return "suggest: alternatives must be >= 1 (got \(n))"
        }
    }
}
