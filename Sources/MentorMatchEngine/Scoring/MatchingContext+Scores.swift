import MentorMatchData

extension MatchingContext {
    /// fit(s,m) and its parts, by the pinned arithmetic of §3. Defined for any pair (also a locked
    /// or forced one), whether or not it is a candidate.
    public func score(student s: Int, mentor m: Int) -> FitScore {
        let k = styleCount
        let style = studentPreferences.withUnsafeBufferPointer { p in
            mentorProfile.withUnsafeBufferPointer { q in
                FitArithmetic.style(preferences: UnsafeBufferPointer(rebasing: p[(s * k)..<((s + 1) * k)]),
                                    profile: UnsafeBufferPointer(rebasing: q[(m * k)..<((m + 1) * k)]))
            }
        }
        let overlapMinutes = studentSlots[s].overlapCount(mentorSlots[m]) * WeekSlots.minutesPerSlot
        let availability = FitArithmetic.availability(
            overlapMinutes: overlapMinutes, sessionsPerWeek: sessionsPerWeek[s], sessionMinutes: sessionMinutes[s])
        let sat = satisfaction[m]
        return FitScore(
            style: style, availability: availability, satisfaction: sat,
            fit: FitArithmetic.fit(style: style, availability: availability, satisfaction: sat, weights: policy.weights))
    }

    /// fit(s,m) alone.
    public func fit(student s: Int, mentor m: Int) -> Int { score(student: s, mentor: m).fit }
}
