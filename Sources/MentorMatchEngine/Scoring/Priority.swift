import MentorMatchData

/// How urgently a student needs a good mentor (matching-model §4): 1 normal, 2 watch, 3 at risk.
public enum Priority {
    /// The priority of `student`; `latestRatingOfCurrent` is the student's most recent rating of
    /// their current mentor (latest date; same-day ties: the lowest), if any.
    public static func of(_ student: Student, latestRatingOfCurrent: Int?) -> Int {
        if student.missedSessions >= 3 || student.openHelpRequests >= 1 || student.changeRequested { return 3 }
        if student.missedSessions >= 1 { return 2 }
        if let r = latestRatingOfCurrent, r <= 3 { return 2 }
        return 1
    }

}
