import MentorMatchData

extension MatchingContext {
    /// The first rule of §2 (in the order inactive, language, path, session window, veto,
    /// change requested, declined) that keeps `mentor` from being a candidate of `student`; `nil` for a candidate.
    /// Locks are not considered here (see ``roles``).
    public func exclusion(student s: Int, mentor m: Int) -> ExclusionRule? {
        let mentor = snapshot.mentors[m], student = snapshot.students[s]
        if !mentor.active { return .inactive }
        if !mentor.languages.contains(student.language) { return .language }
        if !mentor.paths.contains(student.path) { return .path }
        return exclusionOnSameKey(student: s, mentor: m)
    }

    /// Active mentors on the student's path who speak their language, or `nil`.
    @usableFromInline
    func candidatePool(of student: Int) -> [Int32]? {
        guard let key = studentKey[student] else { return nil }
        return mentorsByKey[key]
    }

    /// Rules 4–7 only, for an active mentor already known to share path and language.
    @inline(__always)
    func exclusionOnSameKey(student s: Int, mentor m: Int) -> ExclusionRule? {
        if !hasSessionWindows(student: s, mentor: m) { return .noSessionWindow }
        if vetoed[s].contains(Int32(m)) { return .vetoedByFeedback }
        if currentMentor[s] == m && changeRequested[s] { return .changeRequested }
        if declined[s].contains(Int32(m)) { return .declined }
        return nil
    }

    /// Rule 4: windows(s,m) ≥ sessionsPerWeek(s).
    @inline(__always)
    func hasSessionWindows(student s: Int, mentor m: Int) -> Bool {
        Self.hasSessionWindows(studentSlots[s].intersection(mentorSlots[m]),
                               sessions: sessionsPerWeek[s], minutes: sessionMinutes[s])
    }

    @inlinable @inline(__always)
    static func hasSessionWindows(_ overlap: WeekSlots, sessions: Int, minutes: Int) -> Bool {
        // Σ⌊15·run/len⌋ ≤ ⌊15·Σrun/len⌋: a cheap test rejects most pairs.
        guard overlap.count * WeekSlots.minutesPerSlot >= sessions * minutes else { return false }
        if sessions == 1 { return overlap.hasRun(atLeast: (minutes + WeekSlots.minutesPerSlot - 1) / WeekSlots.minutesPerSlot) }
        return overlap.windows(sessionMinutes: minutes) >= sessions
    }

    /// Every mentor that is not a candidate of `student`, with the first rule that excludes it, in mentor order.
    public func exclusions(of student: Int) -> [Exclusion] {
        (0..<mentorCount).compactMap { m in exclusion(student: student, mentor: m).map { Exclusion(mentor: m, rule: $0) } }
    }

    /// The candidate mentors of `student` (rules 1–7; locks aside), in mentor order.
    /// Only active mentors sharing the student's path and language are examined.
    public func candidateMentors(of student: Int) -> [Int] {
        var result: [Int] = []
        forEachCandidate(of: student, includingSettling: true) { m, _ in result.append(m) }
        return result
    }

    /// Calls `body(mentor, fit)` for each pair of `student` in the §5 program, in mentor order: the
    /// candidates (rules 1–7), of which a settling student (§4b) keeps only their current mentor unless
    /// `includingSettling`. The hot loop of candidate generation, with the student's values hoisted
    /// and the mentors' read in place.
    @inlinable
    public func forEachCandidate(of student: Int, _ body: (Int, Int) -> Void) {
        forEachCandidate(of: student, includingSettling: false, body)
    }

    /// ``forEachCandidate(of:_:)``, with every candidate of a settling student when `includingSettling`.
    @inlinable
    public func forEachCandidate(of student: Int, includingSettling: Bool, _ body: (Int, Int) -> Void) {
        guard let whole = candidatePool(of: student) else { return }
        var pool = whole[...]
        if settling[student] && !includingSettling, let cur = currentMentor[student] {
            guard let i = pool.firstIndex(of: Int32(cur)) else { return }
            pool = pool[i...i]
        }
        let slots = studentSlots[student], sessions = sessionsPerWeek[student], minutes = sessionMinutes[student]
        let vetoes = vetoed[student], declines = declined[student]
        let leaving = changeRequested[student] ? currentMentor[student] : nil
        let k = styleCount, weights = policy.weights
        studentPreferences.withUnsafeBufferPointer { prefs in
            let p = UnsafeBufferPointer(rebasing: prefs[(student * k)..<((student + 1) * k)])
            mentorProfile.withUnsafeBufferPointer { profiles in
                mentorSlots.withUnsafeBufferPointer { mentorSlots in
                    satisfaction.withUnsafeBufferPointer { satisfaction in
                        for m32 in pool {
                            let m = Int(m32)
                            let overlap = slots.intersection(mentorSlots[m])
                            guard Self.hasSessionWindows(overlap, sessions: sessions, minutes: minutes),
                                  m != leaving, vetoes.isEmpty || !vetoes.contains(m32),
                                  declines.isEmpty || !declines.contains(m32)
                            else { continue }
                            let style = FitArithmetic.style(
                                preferences: p, profile: UnsafeBufferPointer(rebasing: profiles[(m * k)..<((m + 1) * k)]))
                            let availability = FitArithmetic.availability(
                                overlapMinutes: overlap.count * WeekSlots.minutesPerSlot, sessionsPerWeek: sessions, sessionMinutes: minutes)
                            body(m, FitArithmetic.fit(style: style, availability: availability,
                                                      satisfaction: satisfaction[m], weights: weights))
                        }
                    }
                }
            }
        }
    }

    /// The candidates of `student` with their scores, in mentor order.
    public func candidates(of student: Int) -> [Candidate] {
        candidateMentors(of: student).map { Candidate(mentor: $0, score: score(student: student, mentor: $0)) }
    }

    /// Active mentors on the student's path who speak their language (rules 1–3), in mentor order.
    public func mentorsOnPathAndLanguage(of student: Int) -> [Int] {
        guard let key = studentKey[student], let pool = mentorsByKey[key] else { return [] }
        return pool.map(Int.init)
    }
}

/// A mentor a student may be assigned to, and how well they fit.
public struct Candidate: Sendable, Equatable {
    public var mentor: Int
    public var score: FitScore
    public init(mentor: Int, score: FitScore) {
        self.mentor = mentor
        self.score = score
    }
}

/// A mentor who is not a student's candidate, and the first rule that excludes them.
public struct Exclusion: Sendable, Equatable {
    public var mentor: Int
    public var rule: ExclusionRule
    public init(mentor: Int, rule: ExclusionRule) {
        self.mentor = mentor
        self.rule = rule
    }
}

