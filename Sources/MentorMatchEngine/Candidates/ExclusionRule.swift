/// The hard rule of matching-model §2 that keeps a mentor from being a student's candidate.
public enum ExclusionRule: String, Sendable, Equatable, CaseIterable {
    /// Rule 1: the mentor is inactive.
    case inactive
    /// Rule 2: the mentor does not speak the student's language.
    case language
    /// Rule 3: the mentor does not teach the student's path.
    case path
    /// Rule 4: fewer session windows in the overlap than the student's sessions per week.
    case noSessionWindow
    /// Rule 5: the student rated this mentor at or below `forbidAtOrBelow`.
    case vetoedByFeedback
    /// Rule 6: the student asked to leave this mentor.
    case changeRequested
    /// Rule 7: an advisor declined this move, and the decline still holds at `asOf`.
    case declined

    /// Words for a report.
    public var explanation: String {
        switch self {
        case .inactive: return "mentor inactive"
        case .language: return "mentor does not speak the student's language"
        case .path: return "mentor does not teach the student's path"
        case .noSessionWindow: return "no session window in common"
        case .vetoedByFeedback: return "vetoed by the student's feedback"
        case .changeRequested: return "the student asked to change mentor"
        case .declined: return "an advisor declined this move"
        }
    }
}
