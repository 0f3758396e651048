import Foundation
@testable import MentorMatchData

/// Small snapshots written as JSON text, to feed the readers exactly what a user would.
enum Fixtures {
    static func mentor(_ id: String = "m-1", _ extra: [String: Any] = [:]) -> [String: Any] {
        var m: [String: Any] = [
            "id": id, "paths": ["web-developer"], "capacity": 2,
            "timezone": "Europe/Paris", "availability": ["Mon 18:00-21:00"],
        ]
        for (k, v) in extra { m[k] = v }
        return m
    }

    static func student(_ id: String = "s-1", _ extra: [String: Any] = [:]) -> [String: Any] {
        var s: [String: Any] = [
            "id": id, "path": "web-developer", "language": "fr",
            "timezone": "Europe/Paris", "availability": ["Mon 19:00-22:00"],
        ]
        for (k, v) in extra { s[k] = v }
        return s
    }

    /// A snapshot document; `nil` values drop a top-level field.
    static func json(asOf: Any? = "2026-11-23", mentors: [[String: Any]] = [mentor()],
                     students: [[String: Any]] = [student()], feedback: [[String: Any]] = [],
                     locks: [[String: Any]] = [], declined: [[String: Any]] = [], extra: [String: Any] = [:]) -> Data {
        var top: [String: Any] = ["mentors": mentors, "students": students, "feedback": feedback, "locks": locks,
                                  "declined": declined]
        if let asOf { top["asOf"] = asOf }
        for (k, v) in extra { top[k] = v }
        return try! JSONSerialization.data(withJSONObject: top, options: [.sortedKeys])
    }

    /// The error lines of reading `data`, or `[]` when it reads.
    static func errors(_ data: Data) -> [String] {
        do {
            _ = try SnapshotJSONReader.read(data: data, file: "snap.json")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mm-data-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A small snapshot exercising every field (v2: an assignedSince, declined moves with a duplicate
    /// and one lapsed), built in memory.
    static let rich: Snapshot = {
        let mentors = [
            Mentor(id: "m-1", name: "Claire \"Clo\" Martin, PhD", languages: ["fr", "en"],
                   paths: ["web-developer", "frontend"], styles: ["hands-on": 0.9, "structured": 0.6],
                   capacity: 12, maxNewPerWeek: 3, timezone: "Europe/Paris",
                   availability: [WeeklyInterval(day: 0, startMinute: 1080, endMinute: 1260),
                                  WeeklyInterval(day: 6, startMinute: 1320, endMinute: 60)]),
            Mentor(id: "m-2", languages: ["fr"], paths: ["data-analyst"], capacity: 0,
                   timezone: "Asia/Kathmandu", availability: [WeeklyInterval(day: 2, startMinute: 0, endMinute: 1440)],
                   active: false),
        ]
        let students = [
            Student(id: "s-1", name: "Awa Diallo", path: "web-developer", language: "fr", timezone: "Africa/Dakar",
                    preferences: ["hands-on": 1.0, "encouraging": 0.5],
                    availability: [WeeklyInterval(day: 0, startMinute: 1140, endMinute: 1320)],
                    currentMentor: "m-1", assignedSince: CalendarDate(year: 2026, month: 10, day: 5), missedSessions: 1, openHelpRequests: 2, changeRequested: true),
            Student(id: "s-2", path: "data-analyst", language: "en", timezone: "Asia/Kolkata",
                    availability: [WeeklyInterval(day: 4, startMinute: 1335, endMinute: 45)],
                    sessionsPerWeek: 2, sessionMinutes: 30),
        ]
        return Snapshot(asOf: CalendarDate(year: 2026, month: 11, day: 23), mentors: mentors, students: students,
                        feedback: [Feedback(student: "s-1", mentor: "m-1", date: CalendarDate(year: 2026, month: 11, day: 20),
                                            rating: 2, reason: .pedagogy),
                                   Feedback(student: "s-2", mentor: "m-1", date: CalendarDate(year: 2026, month: 10, day: 1),
                                            rating: 5)],
                        locks: [Lock(student: "s-2", mentor: "m-1")],
                        declined: [Declined(student: "s-1", mentor: "m-2", until: CalendarDate(year: 2027, month: 1, day: 18)),
                                   Declined(student: "s-2", mentor: "m-1", until: CalendarDate(year: 2026, month: 11, day: 2)),
                                   Declined(student: "s-1", mentor: "m-2", until: CalendarDate(year: 2026, month: 12, day: 7))])
    }()
}
