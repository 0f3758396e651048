/// Upper bounds on numbers that the contract leaves open (issue 18), checked by the readers.
///
/// Each is far above anything a school needs and far below what would overflow the engine's
/// integer arithmetic (`3 · sessionsPerWeek · sessionMinutes`, costs times priorities summed over
/// students) or turn its Double arithmetic into infinities. A value beyond a limit is an input
/// error naming the field, like any other.
public enum InputLimits {
    /// `sessionsPerWeek` ≤ 7 × 96 = 672: one session per quarter-hour slot of the week at most.
    public static let sessionsPerWeek = 672
    /// `capacity` and `maxNewPerWeek` of a mentor, and `setCapacity` in a scenario.
    public static let seats = 100_000
    /// `missedSessions` and `openHelpRequests` of a student.
    public static let counter = 1_000_000
    /// `moveCost`, `unassignedPenalty` and `evictionCost` of a policy: 10^12 (the engine checks the same
    /// bound), so that a priority-weighted sum over millions of students stays exact in a Double and
    /// far from Int overflow.
    public static let cost = 1_000_000_000_000
    /// `cooldownWeeks` of a policy: about 19 years, beyond any pairing; keeps `7 · cooldownWeeks` days small.
    public static let cooldownWeeks = 1000
    /// `ratingPrior` of a policy: a prior a million ratings strong already outweighs any school's ratings.
    public static let ratingPrior = 1_000_000.0
}
