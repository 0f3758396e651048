import MentorMatchData

/// The data module's SplitMix64, so every run draws the same snapshots.
typealias SnapshotRNG = SplitMix64

/// Small random snapshots and policies that touch every rule: languages, paths, thin or missing
/// overlaps, vetoes, change requests, inactive mentors, locks, tight capacities and limits; and, drawn
/// after all of these (so that each seed keeps its version-1 school), the model's version 2: pedagogy
/// ratings, settling students, declined moves, eviction costs, default move budgets.
enum RandomSnapshots {
    static func make(seed: UInt64, maxStudents: Int = 5) -> (Snapshot, Policy) {
        var g = SnapshotRNG(seed: seed)
        let slots = ["Mon 18:00-21:00", "Mon 20:00-22:00", "Tue 09:00-10:00", "Wed 12:00-12:30", "Sun 23:00-01:00"]
        let styles = ["expert", "structured", "hands-on"]
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &g)] }
        func weights() -> [String: Double] {
            Dictionary(uniqueKeysWithValues: styles.compactMap { name in
                Bool.random(using: &g) ? (name, pick([0, 0.25, 0.5, 1.0])) : nil
            })
        }
        func availability() -> [WeeklyInterval] {
            let n = Int.random(in: 1...2, using: &g)
            return Set((0..<n).map { _ in pick(slots) }).sorted().map { try! WeeklyInterval(parsing: $0) }
        }
        let mentorCount = Int.random(in: 2...3, using: &g)
        let mentors = (0..<mentorCount).map { i in
            Mentor(id: "m\(i)", languages: Bool.random(using: &g) ? ["fr"] : ["fr", "en"],
                   paths: Int.random(in: 0..<4, using: &g) == 0 ? ["data"] : ["web", "data"],
                   styles: weights(), capacity: Int.random(in: 0...2, using: &g),
                   maxNewPerWeek: Bool.random(using: &g) ? nil : Int.random(in: 0...1, using: &g),
                   timezone: pick(["UTC", "Europe/Paris"]), availability: availability(),
                   active: Int.random(in: 0..<5, using: &g) != 0)
        }
        let studentCount = Int.random(in: 2...maxStudents, using: &g)
        var students = (0..<studentCount).map { i in
            Student(id: "s\(i)", path: pick(["web", "web", "data"]), language: pick(["fr", "fr", "en"]),
                    timezone: pick(["UTC", "Europe/Paris", "Asia/Kolkata"]), preferences: weights(),
                    availability: availability(), sessionsPerWeek: pick([1, 1, 2]), sessionMinutes: pick([30, 45, 60]),
                    currentMentor: Bool.random(using: &g) ? pick(mentors).id : nil,
                    missedSessions: pick([0, 0, 1, 3]), openHelpRequests: pick([0, 0, 0, 1]),
                    changeRequested: Int.random(in: 0..<3, using: &g) == 0)
        }
        var feedback: [Feedback] = []
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            feedback.append(Feedback(student: pick(students).id, mentor: pick(mentors).id,
                                     date: CalendarDate(year: 2026, month: 11, day: Int.random(in: 1...20, using: &g)),
                                     rating: Int.random(in: 1...5, using: &g)))
        }
        var locks: [Lock] = []
        if Int.random(in: 0..<3, using: &g) == 0, let m = mentors.first(where: { $0.active && $0.capacity > 0 }) {
            let s = pick(students)
            if m.maxNewPerWeek.map({ $0 > 0 }) ?? true || s.currentMentor == m.id {
                locks.append(Lock(student: s.id, mentor: m.id))
            }
        }
        var policy = Policy(moveCost: pick([0, 150, 600]), unassignedPenalty: pick([5000, 5000, 300]),
                            maxMoves: pick([nil, 0, 1, 2]), forbidAtOrBelow: pick([2, 3]))
        // Version 2: reasons for the ratings (pedagogy ones teach preferences), pairings that started
        // recently (settling, §4b) or long ago, declined moves (rule 7), and the new policy fields.
        let asOf = CalendarDate(year: 2026, month: 11, day: 23)
        for i in feedback.indices { feedback[i].reason = pick([nil, .pedagogy, .pedagogy, .availability]) }
        for i in students.indices where students[i].currentMentor != nil {
            let days: Int? = pick([nil, 0, 13, 27, 28, 90])
            students[i].assignedSince = days.map { CalendarDate(daysSinceEpoch: asOf.daysSinceEpoch - $0) }
        }
        var declined: [Declined] = []
        for _ in 0..<pick([0, 0, 1, 2]) {
            declined.append(Declined(student: pick(students).id, mentor: pick(mentors).id,
                                     until: CalendarDate(daysSinceEpoch: asOf.daysSinceEpoch + pick([-1, 0, 7]))))
        }
        policy.evictionCost = pick([20000, 20000, 0, 2000])
        policy.maxMovesPercent = pick([2, 50, 100])
        policy.cooldownWeeks = pick([4, 4, 0])
        policy.learningRate = pick([0.5, 0.5, 1, 0])
        let snapshot = Snapshot(asOf: asOf, styles: styles, mentors: mentors, students: students,
                                feedback: feedback, locks: locks, declined: declined)
        return (snapshot, policy)
    }
}
