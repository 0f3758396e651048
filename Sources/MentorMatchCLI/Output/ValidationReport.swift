import MentorMatchData
import MentorMatchEngine

/// What a valid snapshot holds, in one line: students by path and language, at-risk students,
/// mentors already full.
struct ValidationReport {
    let source: String
    let snapshot: Snapshot
    /// Priority of each student (matching-model §4), in snapshot order.
    let priority: [Int]

    init(source: String, context: MatchingContext) {
        self.source = source
        snapshot = context.snapshot
        priority = context.priority
    }

    var activeMentors: Int { snapshot.mentors.filter(\.active).count }
    var atRisk: Int { priority.filter { $0 == 3 }.count }
    var watch: Int { priority.filter { $0 == 2 }.count }
    var withoutMentor: Int { snapshot.students.filter { $0.currentMentor == nil }.count }

    /// Active mentors with capacity whose current students already fill it.
    var mentorsFull: Int {
        var load: [String: Int] = [:]
        for s in snapshot.students { if let m = s.currentMentor { load[m, default: 0] += 1 } }
        return snapshot.mentors.filter { $0.active && $0.capacity > 0 && load[$0.id, default: 0] >= $0.capacity }.count
    }

    /// Counts by key, sorted by key.
    static func counts(_ keys: [String]) -> [(key: String, count: Int)] {
        Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    var byPath: [(key: String, count: Int)] { Self.counts(snapshot.students.map(\.path)) }
    var byLanguage: [(key: String, count: Int)] { Self.counts(snapshot.students.map(\.language)) }

    var summary: String {
        func list(_ c: [(key: String, count: Int)]) -> String { c.map { "\($0.key) \($0.count)" }.joined(separator: ", ") }
        return "\(source): valid; \(snapshot.students.count) students (paths: \(list(byPath)); languages: \(list(byLanguage))), "
            + "\(atRisk) at risk, \(watch) to watch, \(withoutMentor) without a mentor; "
            + "\(snapshot.mentors.count) mentors (\(activeMentors) active, \(mentorsFull) full); "
            + "\(Numbers.counted(snapshot.feedback.count, "rating")), \(Numbers.counted(snapshot.locks.count, "lock")); as of \(snapshot.asOf)"
    }

    var report: Report {
        Report(blocks: [.line(summary)], rows: rows, json: json)
    }

    /// One row per student: what the engine will read about them.
    var rows: Table {
        var table = Table([("student", .left), ("path", .left), ("language", .left), ("priority", .left), ("currentMentor", .left)])
        for (s, p) in zip(snapshot.students, priority) {
            table.append([s.id, s.path, s.language, String(p), s.currentMentor ?? ""])
        }
        return table
    }

    var json: JSONValue {
        func object(_ c: [(key: String, count: Int)]) -> JSONValue { .object(c.map { ($0.key, .int($0.count)) }) }
        return .object([
            ("kind", .string("validate")),
            ("status", .string("valid")),
            ("asOf", .string(snapshot.asOf.description)),
            ("students", .int(snapshot.students.count)),
            ("studentsByPath", object(byPath)),
            ("studentsByLanguage", object(byLanguage)),
            ("atRisk", .int(atRisk)),
            ("watch", .int(watch)),
            ("withoutMentor", .int(withoutMentor)),
            ("mentors", .int(snapshot.mentors.count)),
            ("activeMentors", .int(activeMentors)),
            ("mentorsFull", .int(mentorsFull)),
            ("feedback", .int(snapshot.feedback.count)),
            ("locks", .int(snapshot.locks.count)),
        ])
    }
}
