import MentorMatchData
@testable import MentorMatchEngine

/// Small hand-made snapshots. Everyone is in UTC and, unless said otherwise, available
/// `Mon 18:00-21:00` (180 minutes: avail = min(1, 180/135) = 1 for one 45-minute session).
enum Fixture {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)
    static let evening = ["Mon 18:00-21:00"]

    static func intervals(_ texts: [String]) -> [WeeklyInterval] {
        texts.map { try! WeeklyInterval(parsing: $0) }
    }

    static func mentor(
        _ id: String, expert: Double = 0, capacity: Int = 5, maxNew: Int? = nil, languages: [String] = ["fr"],
        paths: [String] = ["web"], availability: [String] = evening, active: Bool = true,
        styles: [String: Double]? = nil, timezone: String = "UTC"
    ) -> Mentor {
        Mentor(id: id, languages: languages, paths: paths, styles: styles ?? ["expert": expert], capacity: capacity,
               maxNewPerWeek: maxNew, timezone: timezone, availability: intervals(availability), active: active)
    }

    static func student(
        _ id: String, current: String? = nil, path: String = "web", language: String = "fr",
        availability: [String] = evening, preferences: [String: Double] = ["expert": 1],
        missed: Int = 0, help: Int = 0, changeRequested: Bool = false, sessions: Int = 1, minutes: Int = 45,
        timezone: String = "UTC"
    ) -> Student {
        Student(id: id, path: path, language: language, timezone: timezone, preferences: preferences,
                availability: intervals(availability), sessionsPerWeek: sessions, sessionMinutes: minutes,
                currentMentor: current, missedSessions: missed, openHelpRequests: help, changeRequested: changeRequested)
    }

    static func snapshot(
        mentors: [Mentor], students: [Student], feedback: [Feedback] = [], locks: [Lock] = []
    ) -> Snapshot {
        Snapshot(asOf: asOf, mentors: mentors, students: students, feedback: feedback, locks: locks)
    }

    static func rating(_ student: String, _ mentor: String, _ rating: Int, day: Int = 20) -> Feedback {
        Feedback(student: student, mentor: mentor, date: CalendarDate(year: 2026, month: 11, day: day), rating: rating)
    }
}

extension RebalanceResult {
    /// The entry of one student (tests only).
    func entry(_ id: String) -> StudentResult { entries.first { $0.student == id }! }
}
