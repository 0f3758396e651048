/// The answer to a suggest request (matching-model §6): up to `alternatives` new mentors for one
/// student, best first, each with the chain of moves that makes room, and why every other mentor
/// of the student's path and language was not proposed.
public struct SuggestResult: Sendable, Equatable {
    /// The student's id.
    public var student: String
    /// The mentor the student leaves (`nil` for a student without one).
    public var currentMentor: String?
    /// fit with the current mentor (`nil` without one).
    public var currentFit: Int?
    /// The student's real priority p (1…3).
    public var priority: Int
    /// The chain length allowed: min(chainMoves, maxMoves).
    public var chainMoves: Int
    /// Best first: objectiveDelta descending, then fit descending, then mentor id.
    public var proposals: [SuggestProposal]
    /// Every active mentor on the student's path and language that is not proposed, in mentor id order.
    public var notProposed: [NotProposedMentor]
    /// How many other mentors (inactive, or not on the student's language or path) there are, by the
    /// first rule of §2 that excludes them, in the rule order.
    public var otherMentors: [RuleCount]
    /// The student's declared and effective style preferences, and the pedagogy ratings behind them.
    public var preferences: PreferenceExplanation?
    /// The time-zone database version the hours were converted with.
    public var tzdata: String?

    public init(student: String, currentMentor: String?, currentFit: Int?, priority: Int, chainMoves: Int,
                proposals: [SuggestProposal], notProposed: [NotProposedMentor], otherMentors: [RuleCount]) {
        self.student = student
        self.currentMentor = currentMentor
        self.currentFit = currentFit
        self.priority = priority
        self.chainMoves = chainMoves
        self.proposals = proposals
        self.notProposed = notProposed
        self.otherMentors = otherMentors
    }
}

/// One new mentor for the student, and the moves that make room.
public struct SuggestProposal: Sendable, Equatable {
    /// The proposed mentor m1.
    public var mentor: String
    /// fit of the student with m1, and its parts.
    public var score: FitScore
    /// The parts that are better than with the current mentor (empty without one).
    public var improved: [FitPart]
    /// §5 objective after the proposal − objective of the current state.
    public var objectiveDelta: Int
    /// The other students who move, in chain order (empty when m1 has a free seat).
    public var chain: [ChainMove]

    public var fit: Int { score.fit }

    public init(mentor: String, score: FitScore, improved: [FitPart], objectiveDelta: Int, chain: [ChainMove]) {
        self.mentor = mentor
        self.score = score
        self.improved = improved
        self.objectiveDelta = objectiveDelta
        self.chain = chain
    }
}

/// A voluntary student moved along a chain to free a seat.
public struct ChainMove: Sendable, Equatable {
    public var student: String
    public var from: String
    public var to: String
    /// fit with `from` and with `to`.
    public var fitBefore: Int
    public var fitAfter: Int
    /// The mover's priority.
    public var priority: Int
    /// This move's share of the objective delta: p·(fitAfter − fitBefore) − moveCost.
    public var objectiveDelta: Int

    public init(student: String, from: String, to: String, fitBefore: Int, fitAfter: Int, priority: Int, objectiveDelta: Int) {
        self.student = student
        self.from = from
        self.to = to
        self.fitBefore = fitBefore
        self.fitAfter = fitAfter
        self.priority = priority
        self.objectiveDelta = objectiveDelta
    }
}

/// A mentor of the student's path and language that is not proposed, and why.
public struct NotProposedMentor: Sendable, Equatable {
    public var mentor: String
    public var reason: NotProposedReason

    public init(mentor: String, reason: NotProposedReason) {
        self.mentor = mentor
        self.reason = reason
    }
}

/// Why a mentor is not proposed.
public enum NotProposedReason: Sendable, Equatable {
    /// Not a candidate: this rule of §2 (rule 6 for the mentor the student leaves).
    case excluded(ExclusionRule)
    /// The mentor takes no new student this week (maxNewPerWeek 0).
    case maxNewPerWeekReached(limit: Int)
    /// The mentor is full and no chain of at most `chainMoves` moves frees a seat.
    case full(capacity: Int, chainMoves: Int)
    /// A valid proposal, ranked below the ones shown (rank 1 is the best).
    case rankedBelow(rank: Int, objectiveDelta: Int)
    /// The mentor is full; a student of theirs could move to a free seat and make room, but is settling (§4b).
    case fullSettling(capacity: Int, student: String)

    /// A short stable name.
    public var kind: String {
        switch self {
        case .excluded: return "excluded"
        case .maxNewPerWeekReached: return "maxNewPerWeekReached"
        case .full: return "fullNoChain"
        case .rankedBelow: return "rankedBelow"
        case .fullSettling: return "fullSettling"
        }
    }

    /// Words for a report.
    public var text: String {
        switch self {
        case .excluded(let rule): return rule.explanation
        case .maxNewPerWeekReached(let limit): return "takes at most \(limit) new students per week"
        case .full(let capacity, let c):
            return c == 0 ? "full (capacity \(capacity)); chains are not allowed"
                          : "full (capacity \(capacity)); no chain of at most \(c) moves frees a seat"
        case .rankedBelow(let rank, let delta): return "ranked \(rank) (objective delta \(delta)), below the proposals shown"
        case .fullSettling(let capacity, let student):
            return "full (capacity \(capacity)); \(student) could move on to free a seat but is settling (paired less than the cooldown ago)"
        }
    }
}

/// A number of mentors excluded by one rule.
public struct RuleCount: Sendable, Equatable {
    public var rule: ExclusionRule
    public var count: Int

    public init(rule: ExclusionRule, count: Int) {
        self.rule = rule
        self.count = count
    }
}
