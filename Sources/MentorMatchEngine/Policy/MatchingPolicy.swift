/// The knobs of matching-model §2–§5 that the engine reads.
///
/// The data module's `Policy` (read from YAML/JSON) converts to this value; the
/// engine keeps its own small type so it can be used without any file format.
public struct MatchingPolicy: Sendable, Equatable {
    /// Weights of the three fit parts (each ≥ 0, sum > 0).
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
    /// Paid once by each voluntary student who changes mentor.
    public var moveCost: Int
    /// Paid, times the student's priority, for each student left without a mentor.
    public var unassignedPenalty: Int
    /// At most this many voluntary moves; `nil` means no limit.
    public var maxMoves: Int?
    /// A rating at or below this vetoes the pair (rule 5).
    public var forbidAtOrBelow: Int
    /// Prior weight P of the satisfaction score.
    public var ratingPrior: Double
    /// Relative MIP gap at which a solve may stop (0 = prove optimality).
    public var mipGap: Double
    /// Stop after this many seconds and report the best assignment found, with bound and gap.
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

    /// The solver limits this policy asks for.
    public var solveLimits: SolveLimits {
        SolveLimits(timeLimitSeconds: timeLimitSeconds, relativeGap: mipGap)
    }
}
