import MentorMatchData

/// Rebalances `snapshot` under `policy` (matching-model §5): every student on a candidate mentor or
/// unassigned, maximising priority-weighted fit less move costs, unassigned penalties and evictions.
///
/// The front door of the engine: by default the product's exact pipeline (``PricedRebalance``), proven
/// optimal unless a limit of the policy or `options.cancellation` stops it (then the best assignment
/// found, never worse than the current state, with its bound and gap). Throws only on input the engine
/// cannot use.
public func rebalance(
    _ snapshot: Snapshot, policy: Policy = Policy(), options: RebalanceOptions = RebalanceOptions()
) throws(EngineInputError) -> RebalanceResult {
    rebalance(try MatchingContext(snapshot: snapshot, policy: policy), options: options)
}

/// Rebalances a prepared snapshot (see ``rebalance(_:policy:options:)``).
public func rebalance(_ context: MatchingContext, options: RebalanceOptions = RebalanceOptions()) -> RebalanceResult {
    var limits = context.policy.solveLimits
    limits.cancellation = options.cancellation ?? limits.cancellation
    limits.progress = options.progress ?? limits.progress
    switch options.method {
    case .priced(let pipeline):
        let heartbeat = limits.progress.map { Heartbeat($0) }  // the flow solver reports no progress of its own
        defer { heartbeat?.stop() }
        return pipeline.rebalance(context, limits: limits).result
    case .allPairs(let solver):
        let heartbeat = solver.reportsProgress ? nil : limits.progress.map { Heartbeat($0) }
        defer { heartbeat?.stop() }
        let encoded = EncodedProblem(context)
        let solution = solver.solve(encoded.problem, limits: limits)
            .notWorseThanCurrentState(of: encoded.problem, cancelled: limits.cancellation?.isCancelled == true)
        return RebalanceResult(encoded, solution: solution)
    }
}

/// Rebalances `snapshot` with `solver` on every candidate pair (``RebalanceOptions/Method/allPairs(_:)``).
public func rebalance(
    _ snapshot: Snapshot, policy: Policy = Policy(), solver: any AssignmentSolver
) throws(EngineInputError) -> RebalanceResult {
    try rebalance(snapshot, policy: policy, options: RebalanceOptions(method: .allPairs(solver)))
}

/// Rebalances an already encoded snapshot with `solver`, under the policy's limits only.
public func rebalance(_ encoded: EncodedProblem, solver: any AssignmentSolver) -> RebalanceResult {
    let solution = solver.solve(encoded.problem, limits: encoded.context.policy.solveLimits)
    return RebalanceResult(encoded, solution: solution)
}

extension RebalanceResult {
    /// Reads a solver's answer back into ids, changes and reasons.
    public init(_ encoded: EncodedProblem, solution: AssignmentSolution) {
        let context = encoded.context
        let mentors = context.snapshot.mentors.map { (id: $0.id, capacity: $0.capacity, active: $0.active) }
        let status: Status
        switch solution.status {
        case .optimal: status = .optimal
        case .feasible: status = .feasible
        case .infeasible: status = .failed("no assignment satisfies every lock and limit")
        case .failed(let message): status = .failed(message)
        }
        if case .failed = status {
            self.init(status: status, objective: nil, bound: nil, gap: nil, entries: [],
                      summary: RebalanceSummary(entries: [], mentors: mentors), solveSeconds: solution.seconds)
            maxMoves = context.maxMoves
            tzdata = context.tzdata
            return
        }
        let entries = RebalanceResult.entries(encoded, chosen: solution.chosenArc)
        self.init(status: status, objective: solution.objective, bound: solution.bound, gap: solution.gap,
                  entries: entries, summary: RebalanceSummary(entries: entries, mentors: mentors),
                  solveSeconds: solution.seconds)
        maxMoves = context.maxMoves
        tzdata = context.tzdata
    }

    static func entries(_ encoded: EncodedProblem, chosen: [Int?]) -> [StudentResult] {
        let context = encoded.context, problem = encoded.problem
        let mentorIDs = context.snapshot.mentors.map(\.id)
        var load = [Int](repeating: 0, count: problem.mentorCount)
        var arrivals = [Int](repeating: 0, count: problem.mentorCount)
        var moves = 0
        for a in chosen.compactMap({ $0 }) {
            let arc = problem.arcs[a]
            load[Int(arc.mentor)] += 1
            if arc.isArrival { arrivals[Int(arc.mentor)] += 1 }
            if arc.isMove { moves += 1 }
        }
        let usage = Usage(load: load, arrivals: arrivals, moves: moves)
        return context.snapshot.students.indices.map { s in
            let student = context.snapshot.students[s]
            let cur = context.currentMentor[s]
            var result = StudentResult(
                student: student.id, change: .unassigned, mentor: nil, previousMentor: cur.map { mentorIDs[$0] },
                fit: nil, previousFit: cur.map { context.fit(student: s, mentor: $0) }, priority: context.priority[s])
            result.settling = context.settling[s]
            guard let a = chosen[s] else {
                result.unassignedReason = unassignedReason(encoded, student: s, usage: usage)
                return result
            }
            let m = encoded.mentor(ofArc: a)
            result.mentor = mentorIDs[m]
            result.fit = encoded.fit(ofArc: a, student: s)
            guard let cur else {
                result.change = .new
                return result
            }
            if m == cur {
                result.change = .keep
                if context.settling[s], let better = settlingKeptFrom(context, student: s, fit: result.fit ?? 0, usage: usage) {
                    result.settlingKeptFrom = (mentorIDs[better.mentor], better.fit)
                }
                return result
            }
            switch context.roles[s] {
            case .locked:
                result.change = .move
                result.moveReason = .locked
            case .forced(let rule):
                result.change = .forced
                result.moveReason = .forced(rule)
            case .voluntary, .unassigned:
                result.change = .move
                let before = context.score(student: s, mentor: cur), after = context.score(student: s, mentor: m)
                result.moveReason = after.fit > before.fit ? .betterFit(before.partsImproved(in: after)) : .freesSeat
            }
            return result
        }
    }

    /// The candidate a settling student would have moved to were they not settling: the best fit among
    /// those worth a voluntary move (p·Δfit > moveCost) with a seat and an arrival left in the answer;
    /// `nil` when settling is not why they stay.
    static func settlingKeptFrom(_ context: MatchingContext, student s: Int, fit: Int, usage: Usage) -> (mentor: Int, fit: Int)? {
        let mentors = context.snapshot.mentors
        var best: (mentor: Int, fit: Int)?
        context.forEachCandidate(of: s, includingSettling: true) { m, f in
            guard context.priority[s] * (f - fit) > context.policy.moveCost,
                  usage.load[m] < mentors[m].capacity, usage.arrivals[m] < (mentors[m].maxNewPerWeek ?? Int.max)
            else { return }
            if let b = best, b.fit > f || (b.fit == f && mentors[b.mentor].id < mentors[m].id) { return }
            best = (m, f)
        }
        return best
    }

    struct Usage {
        var load: [Int]
        var arrivals: [Int]
        var moves: Int
    }

    static func unassignedReason(_ encoded: EncodedProblem, student s: Int, usage: Usage) -> UnassignedReason {
        let context = encoded.context, problem = encoded.problem
        let student = context.snapshot.students[s]
        if context.roles[s] == .voluntary, let cur = context.currentMentor[s] {
            return .evicted(mentor: context.snapshot.mentors[cur].id)
        }
        let pool = context.mentorsOnPathAndLanguage(of: s)
        if pool.isEmpty { return .noMentorOnPathAndLanguage(path: student.path, language: student.language) }
        let arcs = Array(problem.arcRange(of: s))
        if arcs.isEmpty {
            let rules = Set(pool.compactMap { context.exclusionOnSameKey(student: s, mentor: $0) })
            if rules.contains(.vetoedByFeedback) { return .vetoedByFeedback }
            if rules.contains(.changeRequested) { return .changeRequested }
            if rules.contains(.declined) { return .declined }
            return .noOverlappingAvailability
        }
        // Best fit first, then mentor id.
        let ids = context.snapshot.mentors.map(\.id)
        let fit = { (a: Int) in encoded.fit(ofArc: a, student: s) }
        let ranked = arcs.sorted { (fit($0), ids[encoded.mentor(ofArc: $1)]) > (fit($1), ids[encoded.mentor(ofArc: $0)]) }
        func isFull(_ a: Int) -> Bool {
            let arc = problem.arcs[a], m = Int(arc.mentor)
            if usage.load[m] >= problem.capacity[m] { return true }
            if arc.isArrival, let limit = problem.maxNew[m], usage.arrivals[m] >= limit { return true }
            return false
        }
        let open = ranked.filter { !isFull($0) }
        if open.isEmpty { return .allCandidatesFull(mentors: ranked.map { ids[encoded.mentor(ofArc: $0)] }) }
        let openIDs = open.map { ids[encoded.mentor(ofArc: $0)] }
        if let limit = problem.maxMoves, usage.moves >= limit, open.allSatisfy({ problem.arcs[$0].isMove }) {
            return .moveBudgetSpent(mentors: openIDs)
        }
        return .cheaperUnassigned(mentors: openIDs)
    }
}
