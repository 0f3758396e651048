/// The fields of snapshot records (formats.md), shared by the JSON, CSV and scenario readers.
enum SnapshotRecords {
    static let mentorFields: [String] = [
        "id", "name", "languages", "paths", "styles", "capacity", "maxNewPerWeek",
        "timezone", "availability", "active",
    ]
    static let studentFields: [String] = [
        "id", "name", "path", "language", "timezone", "preferences", "availability",
        "sessionsPerWeek", "sessionMinutes", "currentMentor", "assignedSince",
        "missedSessions", "openHelpRequests", "changeRequested",
    ]
    static let feedbackFields: [String] = ["student", "mentor", "date", "rating", "reason"]
    static let lockFields: [String] = ["student", "mentor"]
    static let declinedFields: [String] = ["student", "mentor", "until"]

    /// The fields a record cannot do without (formats.md "Required fields").
    static let mentorRequired = ["id", "paths", "capacity", "timezone", "availability"]
    static let studentRequired = ["id", "path", "language", "timezone", "availability"]
    static let feedbackRequired = ["student", "mentor", "date", "rating"]
    static let lockRequired = ["student", "mentor"]
    static let declinedRequired = ["student", "mentor", "until"]

    private static let mentorSet = Set(mentorFields)
    private static let studentSet = Set(studentFields)
    private static let feedbackSet = Set(feedbackFields)
    private static let lockSet = Set(lockFields)
    private static let declinedSet = Set(declinedFields)

    /// A mentor, or `nil` after recording its errors.
    static func mentor(_ r: RecordReader) -> Mentor? {
        r.warnUnknown(known: mentorSet, section: "mentors")
        let id = r.requiredString("id")
        let name = r.optionalString("name")
        let languages = r.stringList("languages", default: ["fr"])
        let paths = r.stringList("paths", default: nil)
        let styles = r.styleWeights("styles")
        let capacity = r.int("capacity", default: nil, minimum: 0, maximum: InputLimits.seats)
        let maxNew = r.optionalInt("maxNewPerWeek", minimum: 0, maximum: InputLimits.seats)
        let timezone = r.timezone("timezone")
        let availability = r.availability("availability")
        let active = r.bool("active", default: true)
        guard let id, let name, let languages, let paths, let styles, let capacity, let maxNew,
              let timezone, let availability, let active else { return nil }
        return Mentor(id: id, name: name, languages: languages, paths: paths, styles: styles,
                      capacity: capacity, maxNewPerWeek: maxNew, timezone: timezone,
                      availability: availability, active: active)
    }

    /// A student, or `nil` after recording its errors.
    static func student(_ r: RecordReader) -> Student? {
        r.warnUnknown(known: studentSet, section: "students")
        let id = r.requiredString("id")
        let name = r.optionalString("name")
        let path = r.requiredString("path")
        let language = r.requiredString("language")
        let timezone = r.timezone("timezone")
        let preferences = r.styleWeights("preferences")
        let availability = r.availability("availability")
        let sessions = r.int("sessionsPerWeek", default: 1, minimum: 1, maximum: InputLimits.sessionsPerWeek)
        let minutes = r.int("sessionMinutes", default: 45, minimum: 15, maximum: 240)
        let current = r.optionalString("currentMentor")
        let since = r.optionalDate("assignedSince")
        let missed = r.int("missedSessions", default: 0, minimum: 0, maximum: InputLimits.counter)
        let help = r.int("openHelpRequests", default: 0, minimum: 0, maximum: InputLimits.counter)
        let change = r.bool("changeRequested", default: false)
        guard let id, let name, let path, let language, let timezone, let preferences, let availability,
              let sessions, let minutes, let current, let since, let missed, let help, let change else { return nil }
        return Student(id: id, name: name, path: path, language: language, timezone: timezone,
                       preferences: preferences, availability: availability, sessionsPerWeek: sessions,
                       sessionMinutes: minutes, currentMentor: current, assignedSince: since, missedSessions: missed,
                       openHelpRequests: help, changeRequested: change)
    }

    /// A rating, or `nil` after recording its errors.
    static func feedback(_ r: RecordReader) -> Feedback? {
        r.warnUnknown(known: feedbackSet, section: "feedback")
        let student = r.requiredString("student")
        let mentor = r.requiredString("mentor")
        let date = r.date("date")
        let rating = r.int("rating", default: nil, minimum: 1, maximum: 5)
        let reason = r.optionalEnum("reason", FeedbackReason.self)
        guard let student, let mentor, let date, let rating, let reason else { return nil }
        return Feedback(student: student, mentor: mentor, date: date, rating: rating, reason: reason)
    }

    /// A lock, or `nil` after recording its errors.
    static func lock(_ r: RecordReader) -> Lock? {
        r.warnUnknown(known: lockSet, section: "locks")
        let student = r.requiredString("student")
        let mentor = r.requiredString("mentor")
        guard let student, let mentor else { return nil }
        return Lock(student: student, mentor: mentor)
    }

    /// A declined move (matching-model §2 rule 7), or `nil` after recording its errors.
    static func declined(_ r: RecordReader) -> Declined? {
        r.warnUnknown(known: declinedSet, section: "declined")
        let student = r.requiredString("student")
        let mentor = r.requiredString("mentor")
        let until = r.date("until")
        guard let student, let mentor, let until else { return nil }
        return Declined(student: student, mentor: mentor, until: until)
    }

    /// The record's name in messages: `mentor m-001` when it has a usable id, else its position.
    static func label(_ fields: [String: RawValue], kind: String, section: String, index: Int) -> String {
        if case .string(let id)? = fields["id"], !id.isEmpty, id.count <= 60 { return "\(kind) \(id)" }
        return "\(section)[\(index)]"
    }
}
