/// Upper bounds on numbers that the contract leaves open (issue 18), checked by the readers.
///
/// Each is far above anything a school needs and far below what would overflow the engine's
/// integer arithmetic (`3 · sessionsPerWeek · sessionMinutes`). A value beyond a limit is an input
/// error naming the field, like any other.
public enum InputLimits {
    /// `sessionsPerWeek` ≤ 7 × 96 = 672: one session per quarter-hour slot of the week at most.
    public static let sessionsPerWeek = 672
    /// `capacity` and `maxNewPerWeek` of a mentor, and `setCapacity` in a scenario.
    public static let seats = 100_000
    /// `missedSessions` and `openHelpRequests` of a student.
    public static let counter = 1_000_000
}
