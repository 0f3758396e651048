/// Why a student changed mentor.
public enum MoveReason: Sendable, Equatable {
    /// A voluntary move to a higher fit; these parts are better with the new mentor.
    case betterFit([FitPart])
    /// A voluntary move to an equal or lower fit: it frees a seat that serves the whole assignment better.
    case freesSeat
    /// The current pair broke this rule.
    case forced(ExclusionRule)
    /// An advisor locked the student onto the new mentor.
    case locked

    /// Words for a report.
    public var text: String {
        switch self {
        case .betterFit(let parts) where parts.isEmpty: return "better fit"
        case .betterFit(let parts): return "better " + parts.map(\.rawValue).joined(separator: ", ")
        case .freesSeat: return "frees a seat for a better overall assignment"
        case .forced(let rule): return "forced: " + rule.explanation
        case .locked: return "locked by an advisor"
        }
    }
}

/// Why a student is left without a mentor.
public enum UnassignedReason: Sendable, Equatable {
    /// No active mentor teaches the path in the language.
    case noMentorOnPathAndLanguage(path: String, language: String)
    /// Mentors teach the path in the language, but none has enough session windows in common.
    case noOverlappingAvailability
    /// The only mentors left were vetoed by the student's own feedback.
    case vetoedByFeedback
    /// The only mentor left is the one the student asked to leave.
    case changeRequested
    /// The only mentors left are moves an advisor declined (rule 7).
    case declined
    /// Every candidate is at capacity or at its weekly limit of new students (best fit first).
    case allCandidatesFull(mentors: [String])
    /// The move budget (maxMoves) is spent; these candidates had room.
    case moveBudgetSpent(mentors: [String])
    /// Leaving the student unassigned costs less than any seat left (a policy with a low unassignedPenalty).
    case cheaperUnassigned(mentors: [String])
    /// A voluntary student whose mentor could have kept them lost the seat: the mentor's capacity was
    /// needed for locked or forced students (an eviction, §5, paid at `evictionCost`).
    case evicted(mentor: String)

    /// A short stable name, used to count reasons.
    public var kind: String {
        switch self {
        case .noMentorOnPathAndLanguage: return "noMentorOnPathAndLanguage"
        case .noOverlappingAvailability: return "noOverlappingAvailability"
        case .vetoedByFeedback: return "vetoedByFeedback"
        case .changeRequested: return "changeRequested"
        case .declined: return "declined"
        case .allCandidatesFull: return "allCandidatesFull"
        case .moveBudgetSpent: return "moveBudgetSpent"
        case .cheaperUnassigned: return "cheaperUnassigned"
        case .evicted: return "evicted"
        }
    }

    /// Words for a report.
    public var text: String {
        switch self {
        case .noMentorOnPathAndLanguage(let p, let l): return "no mentor on path \(p) in language \(l)"
        case .noOverlappingAvailability: return "no overlapping availability with any mentor of the path"
        case .vetoedByFeedback: return "every remaining mentor was vetoed by the student's feedback"
        case .changeRequested: return "the only possible mentor is the one the student asked to leave"
        case .declined: return "every remaining mentor is a move an advisor declined"
        case .allCandidatesFull(let ms): return "all candidates full: " + ms.joined(separator: ", ")
        case .moveBudgetSpent(let ms): return "move budget spent; candidates with room: " + ms.joined(separator: ", ")
        case .cheaperUnassigned(let ms): return "leaving unassigned costs less than a seat with " + ms.joined(separator: ", ")
        case .evicted(let m): return "evicted: \(m), their mentor, could not keep them, and no other seat fit this week's limits"
        }
    }
}
