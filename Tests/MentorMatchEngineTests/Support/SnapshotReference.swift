import Foundation
import MentorMatchData
import MentorMatchEngine

/// The matching model of matching-model.md (version 2) §2–§5 written again, plainly and slowly, from
/// the snapshot alone (no engine code), to check the engine's results against: rules 1–7, learned
/// preferences, the settling period (§4b), the eviction cost and the default move budget (§5).
struct SnapshotReference {
    let snapshot: Snapshot
    let policy: Policy

    func slots(_ intervals: [WeeklyInterval], _ zone: String) -> WeekSlots {
        WeekSlots(intervals, utcOffsetMinutes: TimeZoneOffset.minutes(identifier: zone, at: snapshot.asOf)!)
    }

    func mentor(_ id: String) -> Mentor { snapshot.mentors.first { $0.id == id }! }

    func overlap(_ s: Student, _ m: Mentor) -> WeekSlots {
        slots(s.availability, s.timezone).intersection(slots(m.availability, m.timezone))
    }

    /// Rules 1–7 of §2 (locks aside).
    func isCandidate(_ s: Student, _ m: Mentor) -> Bool {
        guard m.active, m.languages.contains(s.language), m.paths.contains(s.path) else { return false }
        guard overlap(s, m).windows(sessionMinutes: s.sessionMinutes) >= s.sessionsPerWeek else { return false }
        if snapshot.feedback.contains(where: { $0.student == s.id && $0.mentor == m.id && $0.rating <= policy.forbidAtOrBelow }) {
            return false
        }
        if s.changeRequested && s.currentMentor == m.id { return false }
        if isDeclined(s, m) { return false }
        return true
    }

    /// Rule 7: a `declined` entry for (s, m) with `until` on or after `asOf`; never the current pair.
    func isDeclined(_ s: Student, _ m: Mentor) -> Bool {
        guard s.currentMentor != m.id else { return false }
        return snapshot.declined.contains { $0.student == s.id && $0.mentor == m.id && !($0.until < snapshot.asOf) }
    }

    /// §3 learned preferences: p' from the student's pedagogy ratings, in snapshot order, with the
    /// pinned arithmetic. Keyed by style name over the snapshot's `styles`.
    func effectivePreferences(_ s: Student) -> [String: Double] {
        let rate = policy.learningRate
        let ratings = snapshot.feedback.filter { $0.student == s.id && $0.reason == .pedagogy }
        guard !ratings.isEmpty, rate != 0 else { return s.preferences }
        var result: [String: Double] = [:]
        for k in snapshot.styles {
            var a = 0.0
            for f in ratings {
                // The mentor's profile, active or not (missing mentor or style: 0).
                let q = snapshot.mentors.first { $0.id == f.mentor }?.styles[k] ?? 0.0
                a = a + ((Double(f.rating) - 3.0) / 2.0) * q
            }
            let p = s.preferences[k] ?? 0.0
            result[k] = min(1.0, max(0.0, p + rate * a / Double(ratings.count)))
        }
        return result
    }

    /// Whole days from `from` to `to` (proleptic Gregorian, by Foundation's calendar, not the engine's).
    static func days(from: CalendarDate, to: CalendarDate) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ d: CalendarDate) -> Date {
            calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day, hour: 12))!
        }
        return calendar.dateComponents([.day], from: date(from), to: date(to)).day!
    }

    /// §4b: a voluntary student whose pairing started less than 7·cooldownWeeks days before `asOf`.
    func isSettling(_ s: Student) -> Bool {
        guard isVoluntary(s), let since = s.assignedSince else { return false }
        return Self.days(from: since, to: snapshot.asOf) < 7 * policy.cooldownWeeks
    }

    /// §5 move budget: the policy's maxMoves, else ceil(maxMovesPercent · M / 100), M = students with a mentor.
    var maxMoves: Int {
        if let limit = policy.maxMoves { return limit }
        let withMentor = snapshot.students.filter { $0.currentMentor != nil }.count
        return Int(ceil(Double(policy.maxMovesPercent) * Double(withMentor) / 100.0))
    }

    func fit(_ s: Student, _ m: Mentor) -> Int {
        var num = 0.0, den = 0.0
        let preferences = effectivePreferences(s)
        for name in snapshot.styles {
            let p = preferences[name] ?? 0, q = m.styles[name] ?? 0
            num = num + p * q
            den = den + p
        }
        let style = den == 0 ? 0.5 : num / den
        let avail = min(1.0, Double(overlap(s, m).count * 15) / Double(3 * s.sessionsPerWeek * s.sessionMinutes))
        let all = snapshot.feedback.map(\.rating)
        let mu = all.isEmpty ? 4.0 : Double(all.reduce(0, +)) / Double(all.count)
        let mine = snapshot.feedback.filter { $0.mentor == m.id }.map(\.rating)
        let n = Double(mine.count), r = Double(mine.reduce(0, +)), p = policy.ratingPrior
        let score = n + p == 0 ? mu : (r + p * mu) / (n + p)
        let sat = (score - 1.0) / 4.0
        let w = policy.weights
        let v = ((w.style * style + w.availability * avail) + w.satisfaction * sat) / ((w.style + w.availability) + w.satisfaction)
        return Int((v * 1000.0 + 0.5).rounded(.down))
    }

    func priority(_ s: Student) -> Int {
        if s.missedSessions >= 3 || s.openHelpRequests >= 1 || s.changeRequested { return 3 }
        if s.missedSessions >= 1 { return 2 }
        let mine = snapshot.feedback.filter { $0.student == s.id && $0.mentor == s.currentMentor }
        if let latest = mine.map(\.date).max() {
            let lowest = mine.filter { $0.date == latest }.map(\.rating).min()!
            if lowest <= 3 { return 2 }
        }
        return 1
    }

    func lock(_ s: Student) -> String? { snapshot.locks.first { $0.student == s.id }?.mentor }

    /// Has a current mentor, no lock, and the current pair is a candidate.
    func isVoluntary(_ s: Student) -> Bool {
        guard lock(s) == nil, let cur = s.currentMentor else { return false }
        return isCandidate(s, mentor(cur))
    }

    /// What breaks a hard rule in an assignment (student id → mentor id or nil); empty when none.
    func violations(_ assignment: [String: String?]) -> [String] {
        var problems: [String] = []
        var load: [String: Int] = [:], arrivals: [String: Int] = [:]
        var moves = 0
        for s in snapshot.students {
            let chosen = assignment[s.id] ?? nil
            if let l = lock(s), chosen != l { problems.append("\(s.id) not on its lock \(l)") }
            guard let m = chosen else { continue }
            if lock(s) != m && !isCandidate(s, mentor(m)) { problems.append("\(s.id)–\(m) is not a candidate") }
            if isSettling(s) && s.currentMentor != m { problems.append("settling \(s.id) moved to \(m)") }
            load[m, default: 0] += 1
            if s.currentMentor != m { arrivals[m, default: 0] += 1 }
            if isVoluntary(s) && s.currentMentor != m { moves += 1 }
        }
        for m in snapshot.mentors {
            if load[m.id, default: 0] > m.capacity { problems.append("\(m.id) over capacity") }
            if let limit = m.maxNewPerWeek, arrivals[m.id, default: 0] > limit { problems.append("\(m.id) over maxNewPerWeek") }
        }
        if moves > maxMoves { problems.append("\(moves) moves > maxMoves \(maxMoves)") }
        return problems
    }

    /// The §5 objective of an assignment.
    func objective(_ assignment: [String: String?]) -> Int {
        var total = 0
        for s in snapshot.students {
            let p = priority(s)
            guard let m = assignment[s.id] ?? nil else {
                total -= p * policy.unassignedPenalty
                if isVoluntary(s) { total -= policy.evictionCost }  // an eviction (v2)
                continue
            }
            total += p * fit(s, mentor(m))
            if isVoluntary(s) && s.currentMentor != m { total -= policy.moveCost }
        }
        return total
    }

    /// The optimum by trying every mentor (or none) for every student: tiny snapshots only.
    func bruteForceOptimum() -> Int? {
        let students = snapshot.students
        let options: [[String?]] = students.map { s in
            if let l = lock(s) { return [l] }
            if isSettling(s) { return [nil, s.currentMentor] }
            return [nil] + snapshot.mentors.filter { isCandidate(s, $0) }.map(\.id)
        }
        var best: Int?
        var current: [String: String?] = [:]
        func visit(_ i: Int) {
            if i == students.count {
                guard violations(current).isEmpty else { return }
                let value = objective(current)
                if best == nil || value > best! { best = value }
                return
            }
            for option in options[i] {
                current[students[i].id] = .some(option)
                visit(i + 1)
            }
        }
        visit(0)
        return best
    }
}

extension Array where Element == MentorMatchEngine.StudentResult {
    /// Student id → mentor id.
    var assignment: [String: String?] {
        Dictionary(uniqueKeysWithValues: map { ($0.student, $0.mentor) })
    }
}
