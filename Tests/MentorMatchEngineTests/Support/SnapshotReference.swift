import MentorMatchData
import MentorMatchEngine

/// The matching model of matching-model.md §2–§5 written again, plainly and slowly, from the
/// snapshot alone (no engine code), to check the engine's results against.
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

    /// Rules 1–6 of §2 (locks aside).
    func isCandidate(_ s: Student, _ m: Mentor) -> Bool {
        guard m.active, m.languages.contains(s.language), m.paths.contains(s.path) else { return false }
        guard overlap(s, m).windows(sessionMinutes: s.sessionMinutes) >= s.sessionsPerWeek else { return false }
        if snapshot.feedback.contains(where: { $0.student == s.id && $0.mentor == m.id && $0.rating <= policy.forbidAtOrBelow }) {
            return false
        }
        if s.changeRequested && s.currentMentor == m.id { return false }
        return true
    }

    func fit(_ s: Student, _ m: Mentor) -> Int {
        var num = 0.0, den = 0.0
        for name in snapshot.styles {
            let p = s.preferences[name] ?? 0, q = m.styles[name] ?? 0
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
            load[m, default: 0] += 1
            if s.currentMentor != m { arrivals[m, default: 0] += 1 }
            if isVoluntary(s) && s.currentMentor != m { moves += 1 }
        }
        for m in snapshot.mentors {
            if load[m.id, default: 0] > m.capacity { problems.append("\(m.id) over capacity") }
            if let limit = m.maxNewPerWeek, arrivals[m.id, default: 0] > limit { problems.append("\(m.id) over maxNewPerWeek") }
        }
        if let limit = policy.maxMoves, moves > limit { problems.append("\(moves) moves > maxMoves \(limit)") }
        return problems
    }

    /// The §5 objective of an assignment.
    func objective(_ assignment: [String: String?]) -> Int {
        var total = 0
        for s in snapshot.students {
            let p = priority(s)
            guard let m = assignment[s.id] ?? nil else {
                total -= p * policy.unassignedPenalty
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
