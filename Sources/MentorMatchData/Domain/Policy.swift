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
    /// Paid, on top of the unassigned penalty, for each voluntary student left without a mentor
    /// (an eviction, matching-model §5; default 20000).
    public var evictionCost: Int
    /// At most this many voluntary moves; `nil` (default): `maxMovesPercent` of the students with a mentor.
    public var maxMoves: Int?
    /// The default move budget, in percent of the students with a current mentor (0…100, default 2).
    public var maxMovesPercent: Int
    /// Weeks after a change of mentor during which a student is not moved voluntarily (§4b; default 4, 0 = off).
    public var cooldownWeeks: Int
    /// How strongly pedagogy ratings move a student's preferences (§3 learned preferences; 0…1, default 0.5).
    public var learningRate: Double
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
        evictionCost: Int = 20000, maxMoves: Int? = nil, maxMovesPercent: Int = 2, cooldownWeeks: Int = 4,
        learningRate: Double = 0.5, forbidAtOrBelow: Int = 2, ratingPrior: Double = 5,
        mipGap: Double = 0, timeLimitSeconds: Double? = nil
    ) {
        self.weights = weights
        self.moveCost = moveCost
        self.unassignedPenalty = unassignedPenalty
        self.evictionCost = evictionCost
        self.maxMoves = maxMoves
        self.maxMovesPercent = maxMovesPercent
        self.cooldownWeeks = cooldownWeeks
        self.learningRate = learningRate
        self.forbidAtOrBelow = forbidAtOrBelow
        self.ratingPrior = ratingPrior
        self.mipGap = mipGap
        self.timeLimitSeconds = timeLimitSeconds
    }
}
