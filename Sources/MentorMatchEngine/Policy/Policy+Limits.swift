import MentorMatchData

extension Policy {
    /// The solver limits this policy asks for (time limit, relative MIP gap).
    public var solveLimits: SolveLimits {
        SolveLimits(timeLimitSeconds: timeLimitSeconds, relativeGap: mipGap)
    }
}
