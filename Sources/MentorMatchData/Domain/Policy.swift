/// How the advisor weighs fit against stability (formats.md "Policy", matching-model §3 and §5).
///
/// Every field has the contract's default, so `Policy()` is the default policy.
/// `timeLimitSeconds` defaults to none: the solver runs until it proves optimality within `mipGap`.
public struct Policy: Sendable, Equatable {
    /// Relative weights of the three scores in fit; each >= 0, sum > 0.
    public struct Weights: Sendable, Equatable {
        public var style: Double
        public var availability: Double
        public var satisfaction: Double

        public init(style: Double = 0.5, availability: Double = 0.2, satisfaction: Double = 0.3) {
            self.style = style
            self.availability = availability
            self.satisfaction = satisfaction
        }
    }

    public var weights: Weights
    /// Paid once for each voluntary move (default 150).
    public var moveCost: Int
    /// Paid, times priority, for each unassigned student (default 5000).
    public var unassignedPenalty: Int
    /// At most this many voluntary moves; `nil` (default) for no limit.
    public var maxMoves: Int?
    /// A pair is forbidden when the student rated the mentor at or below this (default 2).
    public var forbidAtOrBelow: Int
    /// Weight of the prior mean in a mentor's satisfaction (default 5).
    public var ratingPrior: Double
    /// Relative gap at which a solution counts as optimal (default 0: prove optimality).
    public var mipGap: Double
    /// Stop after this many seconds and report the best found; `nil` (default) for no limit.
    public var timeLimitSeconds: Double?

    public init(
        weights: Weights = Weights(), moveCost: Int = 150, unassignedPenalty: Int = 5000,
        maxMoves: Int? = nil, forbidAtOrBelow: Int = 2, ratingPrior: Double = 5,
        mipGap: Double = 0, timeLimitSeconds: Double? = nil
    ) {
        self.weights = weights
        self.moveCost = moveCost
        self.unassignedPenalty = unassignedPenalty
        self.maxMoves = maxMoves
        self.forbidAtOrBelow = forbidAtOrBelow
        self.ratingPrior = ratingPrior
        self.mipGap = mipGap
        self.timeLimitSeconds = timeLimitSeconds
    }
}
