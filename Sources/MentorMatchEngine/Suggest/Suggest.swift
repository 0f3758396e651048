import MentorMatchData

extension SuggestIndex {
    /// Up to `alternatives` new mentors for student `id` (matching-model §6), best first.
    ///
    /// The student leaves their current mentor (rule 6 applies as if they had asked to change; their
    /// move is forced, so it pays no moveCost; they keep their real priority). Everyone else stays,
    /// except along one chain of at most min(`chainMoves`, maxMoves) voluntary moves that frees a seat
    /// at the proposed mentor (see ``ChainSearch``). Each proposal is the best chain for its mentor;
    /// `objectiveDelta` is the §5 objective after it minus the objective now.
    ///
    /// Throws ``SuggestError`` for an unknown or locked student, `chainMoves < 0` or `alternatives < 1`.
    public func suggest(student id: String, chainMoves: Int = 1, alternatives: Int = 3) throws(SuggestError) -> SuggestResult {
        guard let s = context.studentIndex[id] else { throw .unknownStudent(id) }
        guard chainMoves >= 0 else { throw .invalidChainMoves(chainMoves) }
        guard alternatives >= 1 else { throw .invalidAlternatives(alternatives) }
        let mentors = context.snapshot.mentors
        if case .locked(let m) = context.roles[s] { throw .lockedStudent(student: id, mentor: mentors[m].id) }

        let limit = min(chainMoves, context.maxMoves)
        let p = context.priority[s]
        let current = context.currentMentor[s]
        // The student's own term of the objective now: p·fit on their mentor, or the unassigned penalty.
        let before = current != nil ? p * currentFit[s] : -context.unassignedCost[s]
        var search = ChainSearch(index: self, student: s)

        var feasible: [(mentor: Int, fit: Int, delta: Int, chain: Chain)] = []
        var reasons: [(mentor: Int, reason: NotProposedReason)] = []
        let options = ownCandidates(of: s)
        for (m1, fit) in options {
            if m1 == current { continue }  // rule 6, reported below with the other non-candidates
            guard maxNew[m1] >= 1 else {
                reasons.append((m1, .maxNewPerWeekReached(limit: maxNew[m1])))
                continue
            }
            var chain = Chain()
            if search.seatsTaken(m1) >= capacity[m1] {
                guard search.seatsTaken(m1) == capacity[m1], let found = search.bestChain(into: m1, limit: limit) else {
                    if limit >= 1, let v = settlingStudentWhoCouldMove(from: m1, leaving: s) {
                        reasons.append((m1, .fullSettling(capacity: capacity[m1], student: context.snapshot.students[v].id)))
                    } else {
                        reasons.append((m1, .full(capacity: capacity[m1], chainMoves: limit)))
                    }
                    continue
                }
                chain = found
            }
            feasible.append((m1, fit, p * fit - before + chain.gain, chain))
        }
        feasible.sort { a, b in
            if a.delta != b.delta { return a.delta > b.delta }
            if a.fit != b.fit { return a.fit > b.fit }
            return mentorRank[a.mentor] < mentorRank[b.mentor]
        }
        for (rank, f) in feasible.enumerated().dropFirst(alternatives) {
            reasons.append((f.mentor, .rankedBelow(rank: rank + 1, objectiveDelta: f.delta)))
        }

        let pool = context.mentorsOnPathAndLanguage(of: s)
        reasons += nonCandidates(student: s, pool: pool, candidates: options.map(\.mentor)).map { ($0.mentor, .excluded($0.rule)) }
        reasons.sort { mentorRank[$0.mentor] < mentorRank[$1.mentor] }

        let currentScore = current.map { context.score(student: s, mentor: $0) }
        let proposals = feasible.prefix(alternatives).map { f in
            let score = context.score(student: s, mentor: f.mentor)
            return SuggestProposal(
                mentor: mentors[f.mentor].id, score: score, improved: currentScore?.partsImproved(in: score) ?? [],
                objectiveDelta: f.delta, chain: f.chain.hops.map(move))
        }
        var result = SuggestResult(
            student: id, currentMentor: current.map { mentors[$0].id }, currentFit: current.map { _ in currentFit[s] },
            priority: p, chainMoves: limit, proposals: proposals,
            notProposed: reasons.map { NotProposedMentor(mentor: mentors[$0.mentor].id, reason: $0.reason) },
            otherMentors: otherMentors(student: s, pool: pool))
        result.preferences = context.preferenceExplanation(student: s)
        result.tzdata = context.tzdata
        return result
    }

    /// The candidates of s* with their fit, in mentor order: s* leaves their mentor (a forced move), so a
    /// settling s* has every candidate, not only the current one as in the table.
    func ownCandidates(of s: Int) -> [(mentor: Int, fit: Int)] {
        guard context.settling[s] else {
            return candidates.range(of: s).map { (Int(candidates.mentor[$0]), Int(candidates.fit[$0])) }
        }
        var options: [(mentor: Int, fit: Int)] = []
        context.forEachCandidate(of: s, includingSettling: true) { options.append(($0, $1)) }
        return options
    }

    /// A settling student of mentor `m` (lowest id first) with a candidate mentor that has a free seat now
    /// and takes arrivals: the move settling rules out, for the report.
    func settlingStudentWhoCouldMove(from m: Int, leaving s: Int) -> Int? {
        return settlingByMentor[m]?.lazy.map(Int.init).first { v in
            var found = false
            context.forEachCandidate(of: v, includingSettling: true) { to, _ in
                let freed = to == context.currentMentor[s] ? 1 : 0
                if to != m, load[to] - freed < capacity[to], maxNew[to] >= 1 { found = true }
            }
            return found
        }
    }

    /// A hop in ids.
    func move(_ hop: Hop) -> ChainMove {
        let v = Int(hop.student), mentors = context.snapshot.mentors
        return ChainMove(
            student: context.snapshot.students[v].id, from: mentors[Int(hop.from)].id, to: mentors[Int(hop.to)].id,
            fitBefore: currentFit[v], fitAfter: Int(hop.fit),
            priority: context.priority[v], objectiveDelta: hop.gain)
    }

    /// The mentors of `pool` (rules 1–3 hold) that are not candidates of s*, with the first rule that
    /// excludes them; the mentor s* leaves is excluded by rule 6 if by nothing before it.
    func nonCandidates(student s: Int, pool: [Int], candidates: [Int]) -> [Exclusion] {
        let current = context.currentMentor[s]
        var result: [Exclusion] = []
        var next = 0
        for m in pool {  // both in mentor order
            while next < candidates.count && candidates[next] < m { next += 1 }
            if next < candidates.count && candidates[next] == m && m != current { continue }
            result.append(Exclusion(mentor: m, rule: context.exclusion(student: s, mentor: m) ?? .changeRequested))
        }
        return result
    }

    /// Mentors outside `pool` (rules 1–3) counted by the first rule that excludes them.
    func otherMentors(student s: Int, pool: [Int]) -> [RuleCount] {
        var counts: [ExclusionRule: Int] = [:]
        var next = 0
        for m in 0..<context.mentorCount {
            if next < pool.count && pool[next] == m {
                next += 1
                continue
            }
            if let rule = context.exclusion(student: s, mentor: m) { counts[rule, default: 0] += 1 }
        }
        return ExclusionRule.allCases.compactMap { rule in counts[rule].map { RuleCount(rule: rule, count: $0) } }
    }
}

/// Up to `alternatives` new mentors for student `id` of `snapshot` (matching-model §6). Prepares the
/// snapshot first: to answer many requests, build a ``SuggestIndex`` once and call its `suggest`.
public func suggest(
    _ snapshot: Snapshot, student id: String, chainMoves: Int = 1, alternatives: Int = 3, policy: Policy = Policy()
) throws -> SuggestResult {
    try SuggestIndex(MatchingContext(snapshot: snapshot, policy: policy))
        .suggest(student: id, chainMoves: chainMoves, alternatives: alternatives)
}
