import MentorMatchData
@testable import MentorMatchEngine

/// §6 (model version 2) written again from the snapshot alone, on top of ``SnapshotReference`` (no
/// engine code): chains of at most min(c, maxMoves) moves, maxMoves the §5 budget (the default one when
/// the policy sets none); locked, forced, settling and mentor-less students never move in a chain.
enum SuggestCheck {
    /// Everyone on their current mentor.
    static func current(_ reference: SnapshotReference) -> [String: String?] {
        Dictionary(uniqueKeysWithValues: reference.snapshot.students.map { ($0.id, $0.currentMentor) })
    }

    /// The §5 objective after − before. s*'s move is forced: the reference charges it as a voluntary
    /// move when s*'s current pair is a candidate, so that moveCost is given back.
    static func delta(after: [String: String?], student id: String, reference: SnapshotReference) -> Int {
        let s = reference.snapshot.students.first { $0.id == id }!
        let waived = reference.isVoluntary(s) ? reference.policy.moveCost : 0
        return reference.objective(after) + waived - reference.objective(current(reference))
    }

    static func assignment(of proposal: SuggestProposal, student id: String, reference: SnapshotReference) -> [String: String?] {
        var after = current(reference)
        after[id] = .some(proposal.mentor)
        for move in proposal.chain { after[move.student] = .some(move.to) }
        return after
    }

    static func delta(of proposal: SuggestProposal, student id: String, reference: SnapshotReference) -> Int {
        delta(after: assignment(of: proposal, student: id, reference: reference), student: id, reference: reference)
    }

    /// What breaks §6 in a proposal; empty when nothing.
    static func problems(of proposal: SuggestProposal, student id: String, reference: SnapshotReference) -> [String] {
        var problems: [String] = []
        let students = reference.snapshot.students
        let star = students.first { $0.id == id }!
        if proposal.mentor == star.currentMentor { problems.append("s* stays") }
        if !reference.isCandidate(star, reference.mentor(proposal.mentor)) { problems.append("s*–m1 not a candidate") }
        var receivers = [proposal.mentor]
        var at = proposal.mentor
        for move in proposal.chain {
            let v = students.first { $0.id == move.student }!
            if move.from != at || v.currentMentor != at { problems.append("\(v.id) is not on \(at)") }
            if v.id == id || !mayMoveInAChain(v, reference) { problems.append("\(v.id) may not move") }
            if !reference.isCandidate(v, reference.mentor(move.to)) { problems.append("\(v.id)–\(move.to) not a candidate") }
            if receivers.contains(move.to) { problems.append("\(move.to) twice") }
            receivers.append(move.to)
            at = move.to
        }
        let after = assignment(of: proposal, student: id, reference: reference)
        for m in receivers {
            let mentor = reference.mentor(m)
            let load = students.filter { after[$0.id] == .some(m) }.count
            let arrivals = students.filter { after[$0.id] == .some(m) && $0.currentMentor != m }.count
            if load > mentor.capacity { problems.append("\(m) over capacity") }
            if let limit = mentor.maxNewPerWeek, arrivals > limit { problems.append("\(m) over maxNewPerWeek") }
        }
        return problems
    }

    /// Voluntary and not settling (§6: locked, forced, settling and mentor-less students never move in a chain).
    static func mayMoveInAChain(_ v: Student, _ reference: SnapshotReference) -> Bool {
        reference.isVoluntary(v) && !reference.isSettling(v)
    }

    /// The best chain found by enumeration: its delta and moves (student, from, to).
    struct Best: Equatable, CustomStringConvertible {
        var delta: Int
        var moves: [[String]]
        var description: String { "\(delta) \(moves)" }

        /// The documented order: higher delta, then fewer moves, then (student id, destination id) in order.
        func beats(_ other: Best) -> Bool {
            if delta != other.delta { return delta > other.delta }
            if moves.count != other.moves.count { return moves.count < other.moves.count }
            for (a, b) in zip(moves, other.moves) where a != b {
                return (a[0], a[2]) < (b[0], b[2])
            }
            return false
        }
    }

    /// For each m1 that has a valid chain of at most min(c, maxMoves) moves, the best chain, by
    /// enumerating every chain: a full receiver passes on one of its voluntary students, a receiver with
    /// a free seat ends the chain.
    static func bestChains(student id: String, chainMoves c: Int, reference: SnapshotReference) -> [String: Best] {
        let students = reference.snapshot.students, mentors = reference.snapshot.mentors
        let star = students.first { $0.id == id }!
        let limit = min(c, reference.maxMoves)
        var best: [String: Best] = [:]
        func seatsBefore(_ m: String) -> Int {
            students.filter { $0.currentMentor == m && $0.id != id }.count
        }
        /// Every receiver within its capacity and weekly limit after the chain.
        func valid(_ after: [String: String?], receivers: [String]) -> Bool {
            receivers.allSatisfy { m in
                let mentor = reference.mentor(m)
                let load = students.filter { after[$0.id] == .some(m) }.count
                let arrivals = students.filter { after[$0.id] == .some(m) && $0.currentMentor != m }.count
                return load <= mentor.capacity && arrivals <= (mentor.maxNewPerWeek ?? .max)
            }
        }
        func explore(_ m1: String, at: String, after: [String: String?], used: [String], moves: [[String]]) {
            if seatsBefore(at) < reference.mentor(at).capacity {
                guard valid(after, receivers: used) else { return }
                let found = Best(delta: delta(after: after, student: id, reference: reference), moves: moves)
                if best[m1].map({ found.beats($0) }) ?? true { best[m1] = found }
                return
            }
            guard moves.count < limit else { return }
            for v in students where v.currentMentor == at && v.id != id && mayMoveInAChain(v, reference) {
                for next in mentors where !used.contains(next.id) && reference.isCandidate(v, next) {
                    var moved = after
                    moved[v.id] = .some(next.id)
                    explore(m1, at: next.id, after: moved, used: used + [next.id], moves: moves + [[v.id, at, next.id]])
                }
            }
        }
        for m1 in mentors where m1.id != star.currentMentor && reference.isCandidate(star, m1) {
            var after = current(reference)
            after[id] = .some(m1.id)
            explore(m1.id, at: m1.id, after: after, used: [m1.id], moves: [])
        }
        return best
    }
}

/// Small random schools where chains happen: 3–5 mentors of capacity 0–2 on one path, most students on
/// a mentor (a few over capacity), styles that make moves worthwhile, and now and then a thin overlap,
/// a veto, a change request, a weekly limit, a lock, a second path or language; and (v2) a pedagogy
/// rating, a settling student, a declined move, move budgets from the default percentage.
/// With `crowded`, 5–7 mentors of capacity 1 and about as many students, nearly all placed, so that
/// most mentors are full and chains of three or four moves happen.
enum SuggestRandom {
    static func make(seed: UInt64, crowded: Bool = false) -> (Snapshot, Policy) {
        var g = SnapshotRNG(seed: seed)
        let styles = ["expert", "structured", "hands-on"]
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &g)] }
        func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &g) == 0 }
        func weights() -> [String: Double] {
            Dictionary(uniqueKeysWithValues: styles.compactMap { chance(2) ? ($0, pick([0.25, 0.5, 1.0])) : nil })
        }
        func availability() -> [WeeklyInterval] {
            [try! WeeklyInterval(parsing: chance(8) ? "Tue 09:00-10:00" : "Mon 18:00-21:00")]
        }
        // Ids in shuffled order, so that index order and id order (which breaks ties) differ.
        let mentorCount = crowded ? Int.random(in: 5...7, using: &g) : Int.random(in: 3...5, using: &g)
        let mentorIDs = (0..<mentorCount).map { "m\($0)" }.shuffled(using: &g)
        let studentCount = crowded ? mentorCount + Int.random(in: -1...1, using: &g) : Int.random(in: 3...7, using: &g)
        let studentIDs = (0..<studentCount).map { "s\($0)" }.shuffled(using: &g)
        let mentors = mentorIDs.map { id in
            Mentor(id: id, languages: chance(8) ? ["en"] : ["fr"], paths: chance(8) ? ["data"] : ["web"],
                   styles: weights(), capacity: crowded ? 1 : pick([0, 1, 1, 2, 2]),
                   maxNewPerWeek: chance(6) ? pick([0, 1]) : nil, timezone: "UTC", availability: availability(),
                   active: !chance(10))
        }
        var load = [String: Int]()
        var students = studentIDs.map { id in
            var current: String?
            if crowded ? !chance(12) : !chance(5) {
                let open = mentors.filter { load[$0.id, default: 0] < $0.capacity }
                if let m = chance(10) ? mentors.randomElement(using: &g) : open.randomElement(using: &g) {
                    current = m.id
                    load[m.id, default: 0] += 1
                }
            }
            return Student(id: id, path: chance(10) ? "data" : "web", language: "fr", timezone: "UTC",
                           preferences: weights(), availability: availability(), currentMentor: current,
                           missedSessions: pick([0, 0, 1, 3]), changeRequested: chance(8))
        }
        var feedback: [Feedback] = []
        for _ in 0..<Int.random(in: 0...2, using: &g) {
            feedback.append(Feedback(student: pick(students).id, mentor: pick(mentors).id,
                                     date: CalendarDate(year: 2026, month: 11, day: Int.random(in: 1...20, using: &g)),
                                     rating: Int.random(in: 1...5, using: &g), reason: pick([nil, .pedagogy])))
        }
        var locks: [Lock] = []
        if chance(4), let s = students.first(where: { $0.currentMentor != nil }) {
            locks.append(Lock(student: s.id, mentor: s.currentMentor!))
        }
        // v2: now and then a settling student (paired 10 days ago) and a declined move.
        for i in students.indices where students[i].currentMentor != nil && chance(6) {
            students[i].assignedSince = CalendarDate(daysSinceEpoch: Fixture.asOf.daysSinceEpoch - 10)
        }
        var declined: [Declined] = []
        if chance(5) {
            declined.append(Declined(student: pick(students).id, mentor: pick(mentors).id,
                                     until: CalendarDate(daysSinceEpoch: Fixture.asOf.daysSinceEpoch + pick([-1, 7]))))
        }
        // Mostly a budget that lets chains happen (100% or half of the students with a mentor), now and
        // then the default 2% (one move on these schools) or an explicit 0 or 1.
        let policy = Policy(moveCost: pick([0, 150, 400]), maxMoves: chance(5) ? pick([0, 1]) : nil,
                            maxMovesPercent: pick([100, 100, 50, 2]))
        return (Snapshot(asOf: Fixture.asOf, mentors: mentors, students: students, feedback: feedback, locks: locks,
                         declined: declined), policy)
    }
}
