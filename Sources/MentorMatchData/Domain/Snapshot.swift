/// Everything MentorMatch knows at one moment: who mentors, who learns, how it went.
///
/// A snapshot is a plain value. Readers build it (and validate it); the engine
/// only reads it. Ids are kept as the back office exports them.
public struct Snapshot: Sendable, Equatable {
    /// The day the snapshot describes; time-zone offsets are taken at 12:00 UTC that day.
    public var asOf: CalendarDate
    /// The teaching-style vocabulary, in order (the order pins the fit arithmetic).
    public var styles: [String]
    public var mentors: [Mentor]
    public var students: [Student]
    public var feedback: [Feedback]
    public var locks: [Lock]
    /// Moves an advisor turned down (matching-model §2 rule 7): not proposed again before `until`.
    public var declined: [Declined]

    /// The eight modalities of the contract, used when a snapshot names none.
    public static let defaultStyles = [
        "expert", "structured", "hands-on", "socratic",
        "autonomy", "encouraging", "career", "reviewer",
    ]

    public init(
        asOf: CalendarDate,
        styles: [String] = Snapshot.defaultStyles,
        mentors: [Mentor] = [],
        students: [Student] = [],
        feedback: [Feedback] = [],
        locks: [Lock] = [],
        declined: [Declined] = []
    ) {
        self.asOf = asOf
        self.styles = styles
        self.mentors = mentors
        self.students = students
        self.feedback = feedback
        self.locks = locks
        self.declined = declined
    }
}

/// A mentor and the way they work.
public struct Mentor: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var languages: [String]
    public var paths: [String]
    /// Style profile: modality name → weight in [0, 1]; a missing modality weighs 0.
    public var styles: [String: Double]
    public var capacity: Int
    /// At most this many new students a week; `nil` means no limit.
    public var maxNewPerWeek: Int?
    /// IANA time-zone name.
    public var timezone: String
    /// Local weekly availability.
    public var availability: [WeeklyInterval]
    public var active: Bool

    public init(
        id: String, name: String? = nil, languages: [String] = ["fr"], paths: [String],
        styles: [String: Double] = [:], capacity: Int, maxNewPerWeek: Int? = nil,
        timezone: String, availability: [WeeklyInterval], active: Bool = true
    ) {
        self.id = id
        self.name = name
        self.languages = languages
        self.paths = paths
        self.styles = styles
        self.capacity = capacity
        self.maxNewPerWeek = maxNewPerWeek
        self.timezone = timezone
        self.availability = availability
        self.active = active
    }
}

/// A student on a diploma path, with what they prefer and how they are doing.
public struct Student: Sendable, Equatable {
    public var id: String
    public var name: String?
    public var path: String
    public var language: String
    /// IANA time-zone name.
    public var timezone: String
    /// Style preferences: modality name → weight in [0, 1].
    public var preferences: [String: Double]
    public var availability: [WeeklyInterval]
    public var sessionsPerWeek: Int
    public var sessionMinutes: Int
    public var currentMentor: String?
    /// The date the current pairing started (requires `currentMentor`, not after `asOf`); `nil` when unknown.
    public var assignedSince: CalendarDate?
    /// Sessions missed in the last 21 days.
    public var missedSessions: Int
    public var openHelpRequests: Int
    public var changeRequested: Bool

    public init(
        id: String, name: String? = nil, path: String, language: String, timezone: String,
        preferences: [String: Double] = [:], availability: [WeeklyInterval],
        sessionsPerWeek: Int = 1, sessionMinutes: Int = 45, currentMentor: String? = nil,
        assignedSince: CalendarDate? = nil, missedSessions: Int = 0, openHelpRequests: Int = 0, changeRequested: Bool = false
    ) {
        self.id = id
        self.name = name
        self.path = path
        self.language = language
        self.timezone = timezone
        self.preferences = preferences
        self.availability = availability
        self.sessionsPerWeek = sessionsPerWeek
        self.sessionMinutes = sessionMinutes
        self.currentMentor = currentMentor
        self.assignedSince = assignedSince
        self.missedSessions = missedSessions
        self.openHelpRequests = openHelpRequests
        self.changeRequested = changeRequested
    }
}

/// Why a student rated a mentor the way they did.
public enum FeedbackReason: String, Sendable, Equatable, CaseIterable {
    case pedagogy, availability, communication, expertise, other
}

/// One rating a student gave a mentor.
public struct Feedback: Sendable, Equatable {
    public var student: String
    public var mentor: String
    public var date: CalendarDate
    /// 1…5.
    public var rating: Int
    public var reason: FeedbackReason?

    public init(student: String, mentor: String, date: CalendarDate, rating: Int, reason: FeedbackReason? = nil) {
        self.student = student
        self.mentor = mentor
        self.date = date
        self.rating = rating
        self.reason = reason
    }
}

/// An advisor's decision: this student stays with (or goes to) this mentor.
public struct Lock: Sendable, Equatable {
    public var student: String
    public var mentor: String

    public init(student: String, mentor: String) {
        self.student = student
        self.mentor = mentor
    }
}

/// An advisor turned down the move of `student` to `mentor`; it is not proposed again while
/// `until` is on or after the snapshot's `asOf` (matching-model §2 rule 7).
public struct Declined: Sendable, Equatable {
    public var student: String
    public var mentor: String
    public var until: CalendarDate

    public init(student: String, mentor: String, until: CalendarDate) {
        self.student = student
        self.mentor = mentor
        self.until = until
    }
}
