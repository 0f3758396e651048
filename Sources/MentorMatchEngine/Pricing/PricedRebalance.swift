import MentorMatchData

/// Rebalance by column generation on the candidate pairs: the flow solver works on each student's
/// best few pairs, and every pair left out is priced with the flow's duals.
///
/// 1. Each student keeps its `arcsPerStudent` best pairs by weight, each mentor its `arcsPerMentor`
///    best, plus each student's current pair (its lock when locked): the restricted program.
/// 2. ``FlowAssignmentSolver`` solves it and hands back the root flow's duals at the final move
///    price λ (``FlowDuals``); they certify the answer when its objective equals the bound at λ.
/// 3. Every pair left out is streamed from the context (fit computed on the fly, on every core) and
///    priced: its cost at λ less its head's potential against the student's value. When none is below,
///    the duals are feasible for the whole program, so the full Lagrangian bound at λ equals the
///    restricted one, which the restricted answer attains: it is optimal for the whole program.
///    Otherwise the pairs that price in are added and the program is solved again.
/// 4. When branch and bound had to close a gap below that bound (the duals certify nothing), or pricing
///    keeps adding pairs for `maxRounds`, the full pair set is solved instead (when it holds in memory).
///    `.optimal` is never claimed unproven.
public struct PricedRebalance: Sendable {
    /// Pairs kept per student in the first restricted program; `nil` chooses from the school's density
    /// (``arcsPerStudent(_:_:)``).
    public var arcsPerStudent: Int?
    /// Pairs kept per mentor (its best students) in the first restricted program.
    public var arcsPerMentor: Int
    /// Pairs added per student and round at most (those with the most negative reduced cost), so that a
    /// round never holds more than this many pairs per student; 0 adds every pair that prices in.
    public var addedPerStudent: Int
    /// Pricing rounds before falling back to the full pair set.
    public var maxRounds: Int
    /// The largest full pair set the fallback may hold in memory (~60 bytes a pair while solving); beyond
    /// it the restricted answer is returned as `.feasible` with a bound that holds for the full program.
    public var fullSetPairLimit: Int
    /// Up to this many candidate pairs (bounded in advance by the mentors sharing each student's path and
    /// language) are computed once and kept (8 bytes a pair), so that each pricing pass is a plain scan;
    /// beyond it every pass recomputes the fits from the context.
    public var tablePairLimit: Int
    /// Mentors per replica of the market in the ``PriceEstimate`` that ranks each student's first pairs by
    /// estimated reduced cost; 0 ranks by weight. Schools with fewer than four replicas' worth of mentors
    /// rank by weight too: there the estimate costs more than the rounds it saves (tier L: 1.05 s instead
    /// of 0.86 s; at 40,000 students and 4,000 mentors it cut 13.4 s to 5.3 s).
    public var mentorsPerEstimateGroup: Int

    public init(
        arcsPerStudent: Int? = nil, arcsPerMentor: Int = 0, addedPerStudent: Int = 24, maxRounds: Int = 12,
        fullSetPairLimit: Int = 30_000_000, tablePairLimit: Int = 250_000_000, mentorsPerEstimateGroup: Int = 1_000
    ) {
        self.arcsPerStudent = arcsPerStudent
        self.arcsPerMentor = arcsPerMentor
        self.addedPerStudent = addedPerStudent
        self.maxRounds = maxRounds
        self.fullSetPairLimit = fullSetPairLimit
        self.tablePairLimit = tablePairLimit
        self.mentorsPerEstimateGroup = mentorsPerEstimateGroup
    }

    /// What the pricing did, and how long each stage took (seconds).
    public struct Report: Sendable, Equatable {
        /// Restricted solves (1 when the first restricted optimum priced out).
        public var rounds = 0
        /// Pairs in the last program solved.
        public var pairsSolved = 0
        /// Pairs added by pricing, in all.
        public var pairsAdded = 0
        /// True when the full pair set had to be solved.
        public var solvedFullSet = false
        /// True when the last round's duals priced some pairs in and ``DualRepair`` found duals that
        /// price out every pair for the same flow (its seconds, successful or not, in `repairSeconds`).
        public var repairedDuals = false
        public var repairSeconds = 0.0
        /// Replicas solved for the ``PriceEstimate`` (0: the first pairs were ranked by weight).
        public var estimateGroups = 0
        /// True when every pair was computed once and kept (``tablePairLimit``).
        public var keptPairTable = false
        /// Seconds to compute the candidate table (when kept) and the price estimate.
        public var tableSeconds = 0.0
        public var estimateSeconds = 0.0
        public var selectSeconds = 0.0
        public var encodeSeconds = 0.0
        public var solveSeconds = 0.0
        public var priceSeconds = 0.0
        /// Each restricted solve in turn: its pairs, its flow-solve seconds and the pairs pricing added after it.
        public var roundDetails: [Round] = []

        /// One restricted solve and the pricing pass after it.
        public struct Round: Sendable, Equatable {
            public var pairs: Int
            public var solveSeconds: Double
            public var pairsAdded: Int
            /// True when the round solved the flow at the last searched move price only (no price search).
            public var priceOnly = false
        }
    }

    /// Rebalances `context`: the same optimum as the flow or MIP solver on the full pair set.
    /// `limits` (default: the policy's) may carry a cancellation and a progress hook; a stopped search
    /// answers with the restricted program's best, never worse than the current state, not proven.
    public func rebalance(_ context: MatchingContext, limits: SolveLimits? = nil) -> (result: RebalanceResult, report: Report) {
        let limits = limits ?? context.policy.solveLimits
        let t = ContinuousClock.now
        if context.candidatePairBound <= tablePairLimit {
            let table = CandidateTable(context)
            return rebalance(context, pairs: table, limits: limits, tableSeconds: seconds(since: t))
        }
        return rebalance(context, pairs: context, limits: limits, tableSeconds: seconds(since: t))
    }

    /// The column generation, reading every pair from `pairs`.
    private func rebalance(
        _ context: MatchingContext, pairs: some CandidateSource, limits: SolveLimits, tableSeconds: Double
    ) -> (result: RebalanceResult, report: Report) {
        var report = Report()
        report.tableSeconds = tableSeconds
        let solver = FlowAssignmentSolver()
        var t = ContinuousClock.now
        let groups = mentorsPerEstimateGroup > 0 ? context.mentorCount / mentorsPerEstimateGroup : 0
        let estimate = groups >= 4 ? PriceEstimate.sampled(context, pairs: pairs, groups: groups) : nil
        report.estimateGroups = estimate == nil ? 0 : groups
        report.keptPairTable = pairs is CandidateTable
        report.estimateSeconds = seconds(since: t)
        t = ContinuousClock.now
        var table = CandidateTable.best(perStudent: arcsPerStudent ?? Self.arcsPerStudent(context, pairs), perMentor: arcsPerMentor,
                                        of: context, from: pairs, ranking: estimate)
        report.selectSeconds += seconds(since: t)
        var warmStart: FlowAssignmentSolver.Certificate?
        // With a move budget, while pricing adds many pairs the rounds keep the price where the last search
        // put it and solve only the flow at that price (one solve instead of a search); the search runs
        // again once few pairs price in. The last searched answer stands in for a stopped price-only round.
        var priceOnly = false
        var searched: (encoded: EncodedProblem, solution: AssignmentSolution)?
        while true {
            t = ContinuousClock.now
            let encoded = EncodedProblem(context, candidates: table)
            report.encodeSeconds += seconds(since: t)
            t = ContinuousClock.now
            let solution: AssignmentSolution?, certificate: FlowAssignmentSolver.Certificate?
            if priceOnly, let seed = warmStart, let searched {
                certificate = solver.dualsAtPrice(of: seed, encoded.problem, limits: limits)
                solution = nil
                if certificate == nil {
                    let answer = searched.solution.notWorseThanCurrentState(
                        of: searched.encoded.problem, cancelled: limits.cancellation?.isCancelled == true)
                    return restrictedAnswer(context, pairs, searched.encoded, answer, report: report)
                }
            } else {
                (solution, certificate) = solver.solveWithDuals(encoded.problem, limits: limits, warmStart: warmStart)
            }
            let solveSeconds = seconds(since: t)
            report.solveSeconds += solveSeconds
            report.rounds += 1
            report.pairsSolved = encoded.problem.arcs.count
            report.roundDetails.append(Report.Round(pairs: report.pairsSolved, solveSeconds: solveSeconds, pairsAdded: 0,
                                                    priceOnly: solution == nil))
            if let solution {
                if case .infeasible = solution.status { return (RebalanceResult(encoded, solution: solution), report) }
                guard certificate != nil, solution.status == .optimal else {
                    // A limit or cancellation stopped the search: the restricted answer, with a bound for every pair.
                    let cancelled = limits.cancellation?.isCancelled == true
                    let answer = solution.notWorseThanCurrentState(of: encoded.problem, cancelled: cancelled)
                    return restrictedAnswer(context, pairs, encoded, answer, report: report)
                }
                searched = (encoded, solution)
            }
            guard let certificate, let searched else { preconditionFailure("a certificate comes with every searched or price-only round") }
            t = ContinuousClock.now
            let added = Self.pairsPricingIn(context, pairs, restricted: table, duals: certificate.duals, perStudent: addedPerStudent)
            report.priceSeconds += seconds(since: t)
            let count = added.reduce(0) { $0 + $1.count }
            report.roundDetails[report.roundDetails.count - 1].pairsAdded = count
            let few = count <= fewPairs(context)
            if solution != nil {
                if count > 0 && few && certificate.certifies
                    && provenByRepair(context, pairs, table: table, certificate: certificate, added: added, report: &report) {
                    return (RebalanceResult(encoded, solution: searched.solution), report)
                }
                if count == 0 {
                    if certificate.certifies { return (RebalanceResult(encoded, solution: searched.solution), report) }
                    // Branching closed a gap below the root bound: the duals prove nothing about the pairs left out.
                    return solveFullSet(context, pairs, restricted: searched, solver: solver, limits: limits, report: report)
                }
            }
            priceOnly = context.moveBudget != nil && !few
            report.pairsAdded += count
            if report.rounds >= maxRounds {
                return solveFullSet(context, pairs, restricted: searched, solver: solver, limits: limits, report: report)
            }
            warmStart = certificate  // the next solve starts from this flow and its duals
            t = ContinuousClock.now
            if count > 0 { table = table.adding(added) }
            report.selectSeconds += seconds(since: t)
        }
    }

    /// Whether ``DualRepair`` finds duals for the searched round's flow that price out every pair (re-checked
    /// by pricing every pair again: the proof does not rest on the repair alone).
    private func provenByRepair(
        _ context: MatchingContext, _ pairs: some CandidateSource, table restricted: CandidateTable,
        certificate: FlowAssignmentSolver.Certificate, added: [[(student: Int, mentor: Int32, fit: Int32)]], report: inout Report
    ) -> Bool {
        guard let table = pairs as? CandidateTable else { return false }
        let t = ContinuousClock.now
        defer { report.repairSeconds += seconds(since: t) }
        let violators = Array(Set(added.joined().map(\.student))).sorted()
        let repair = DualRepair(context: context, table: table, p: certificate.duals.priceNumerator, q: certificate.duals.priceDenominator)
        guard let repaired = repair.repaired(certificate.duals, headOf: certificate.headOf, violators: violators,
                                             workLimit: max(1_000_000, table.pairCount / 4)) else { return false }
        let proven = Self.pairsPricingIn(context, pairs, restricted: restricted, duals: repaired, perStudent: 1).allSatisfy(\.isEmpty)
        report.repairedDuals = proven
        return proven
    }

    private func solveFullSet(
        _ context: MatchingContext, _ pairs: some CandidateSource, restricted: (encoded: EncodedProblem, solution: AssignmentSolution),
        solver: FlowAssignmentSolver, limits: SolveLimits, report: Report
    ) -> (result: RebalanceResult, report: Report) {
        var report = report
        var t = ContinuousClock.now
        let pairCount = Self.pairCountAndBound(context, pairs).pairs
        report.priceSeconds += seconds(since: t)
        if pairCount > fullSetPairLimit {
            // Too large to hold: the restricted answer, with a bound that holds for every pair.
            return restrictedAnswer(context, pairs, restricted.encoded, restricted.solution, report: report)
        }
        report.solvedFullSet = true
        t = ContinuousClock.now
        let encoded = (pairs as? CandidateTable).map { EncodedProblem(context, candidates: $0) } ?? EncodedProblem(context)
        report.encodeSeconds += seconds(since: t)
        t = ContinuousClock.now
        let solution = solver.solve(encoded.problem, limits: limits)
            .notWorseThanCurrentState(of: encoded.problem, cancelled: limits.cancellation?.isCancelled == true)
        report.solveSeconds += seconds(since: t)
        report.pairsSolved = encoded.problem.arcs.count
        return (RebalanceResult(encoded, solution: solution), report)
    }

    /// The restricted program's answer for the whole program: its bound replaced by one that holds for
    /// every pair (``pairCountAndBound(_:)``), `.optimal` only if the answer meets it. A failure stays one.
    private func restrictedAnswer(
        _ context: MatchingContext, _ pairs: some CandidateSource, _ encoded: EncodedProblem, _ solution: AssignmentSolution, report: Report
    ) -> (result: RebalanceResult, report: Report) {
        var solution = solution, report = report
        guard solution.status == .optimal || solution.status == .feasible else {
            return (RebalanceResult(encoded, solution: solution), report)
        }
        let t = ContinuousClock.now
        let bound = Self.pairCountAndBound(context, pairs).bound
        report.priceSeconds += seconds(since: t)
        solution.status = solution.objective >= bound ? .optimal : .feasible
        solution.bound = max(solution.objective, bound)
        return (RebalanceResult(encoded, solution: solution), report)
    }

    /// Pricing that adds at most this many pairs counts as few: a searched round then tries ``DualRepair``
    /// first, and with a budget the next round searches the price again. 1% of the students, at least 64
    /// (on tier XL a repair after round 1, 199,365 pairs, found the flow not yet optimal).
    private func fewPairs(_ context: MatchingContext) -> Int { max(64, context.studentCount / 100) }

    /// A tenth of the mean number of candidates per student (a twentieth with a move budget), between 16
    /// and 64: denser schools have more pairs near each student's best, and the first restricted program
    /// should hold them; with a budget most students stay and every price the search tries costs a solve
    /// of the whole restricted program (tier XL, 2%: 23.9 s with 40 pairs a student, 27.0 s with 64).
    static func arcsPerStudent(_ context: MatchingContext, _ pairs: some CandidateSource) -> Int {
        let table = pairs as? CandidateTable
        let count = table?.pairCount ?? context.candidatePairBound
        let divisor = context.moveBudget == nil ? 25 : 20
        return min(64, max(16, count / max(1, divisor * context.studentCount)))
    }

    /// The number of candidate pairs, and Σ over students of their best choice (the best pair's weight, or
    /// −unassignedCost when that is better or there is none; a locked student's lock): an upper bound
    /// on every objective.
    static func pairCountAndBound(_ context: MatchingContext, _ pairs: some CandidateSource) -> (pairs: Int, bound: Int) {
        let source = pairs
        let parts = forEachStudentChunk(context.studentCount) { students in
            var pairs = 0, bound = 0
            for s in students {
                if case .locked(let m) = context.roles[s] {
                    bound += context.pairTerms(student: s, mentor: m, fit: context.fit(student: s, mentor: m)).weight
                    pairs += 1
                    continue
                }
                var best = -context.unassignedCost[s]
                source.forEachCandidate(of: s) { m, fit in
                    pairs += 1
                    best = max(best, context.pairTerms(student: s, mentor: m, fit: fit).weight)
                }
                bound += best
            }
            return (pairs, bound)
        }
        return parts.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }

    /// Every candidate pair outside `restricted` whose reduced cost under `duals` is negative (at most
    /// `perStudent` per student, the most negative first; 0 for all), per chunk of students, in student
    /// then mentor order. Pairs that cannot beat leaving the student unassigned (profit ≤ 0) are skipped,
    /// as the flow solver drops them too.
    static func pairsPricingIn(
        _ context: MatchingContext, _ pairs: some CandidateSource, restricted: CandidateTable, duals: FlowDuals, perStudent: Int = 0
    ) -> [[(student: Int, mentor: Int32, fit: Int32)]] {
        let limit = perStudent > 0 ? perStudent : Int.max
        return forEachStudentChunk(context.studentCount) { students in
            var found: [(student: Int, mentor: Int32, fit: Int32)] = []
            var mine: [(violation: Int, mentor: Int32, fit: Int32)] = []
            for s in students {
                if case .locked = context.roles[s] { continue }
                let range = restricted.range(of: s)
                var i = range.lowerBound
                let unassignedCost = context.unassignedCost[s]
                mine.removeAll(keepingCapacity: true)
                pairs.forEachCandidate(of: s) { m, fit in
                    let m32 = Int32(m)
                    while i < range.upperBound && restricted.mentor[i] < m32 { i += 1 }
                    if i < range.upperBound && restricted.mentor[i] == m32 { return }
                    let terms = context.pairTerms(student: s, mentor: m, fit: fit)
                    let profit = terms.weight + unassignedCost
                    guard profit > 0 else { return }
                    let v = duals.violation(student: s, mentor: m, profit: profit, isMove: terms.isMove, isArrival: terms.isArrival)
                    if v > 0 { mine.append((v, m32, Int32(fit))) }
                }
                if mine.count > limit {
                    mine.sort { ($0.violation, $1.mentor) > ($1.violation, $0.mentor) }
                    mine.removeLast(mine.count - limit)
                    mine.sort { $0.mentor < $1.mentor }
                }
                for p in mine { found.append((s, p.mentor, p.fit)) }
            }
            return found
        }
    }
}

private func seconds(since start: ContinuousClock.Instant) -> Double { start.secondsUntilNow }
