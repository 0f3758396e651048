import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// Hand-solved suggest requests (matching-model §6). As in the rebalance tests: everyone shares
/// Mon 18:00-21:00 UTC (avail 1), there is no feedback (sat 0.75), so with default weights
///     fit = 0.5·style + 0.2 + 0.225 = 0.5·style + 0.425.
/// Students preferring expert 1.0: mentor expert 1 → 925, 0.7 → 775, 0.6 → 725, 0 → 425.
/// A student preferring only hands-on (or structured, socratic) has style 1 with a mentor whose profile
/// is that style alone (925) and 0 with any other (425). moveCost 150.
/// The default move budget (v2) is ceil(2% · students with a mentor): 1 on every school here, so chains
/// of two moves or more need `maxMovesPercent: 100` (a budget of every student with a mentor).
@Suite struct SuggestTests {
    /// Runs a request and checks every proposal against the reference model written from the
    /// snapshot alone: only s* and the chain's students change, every receiving mentor keeps its
    /// capacity and weekly limit, every pair is a candidate, and objectiveDelta is the difference of
    /// the §5 objectives recomputed independently (s*'s move is forced: the reference charges it a
    /// moveCost as a voluntary mover when s* had not asked to change, which §6 waives).
    func suggest(_ snapshot: Snapshot, _ id: String, chainMoves: Int = 1, alternatives: Int = 3,
                 policy: Policy = Policy()) throws -> SuggestResult {
        let result = try SuggestIndex(MatchingContext(snapshot: snapshot, policy: policy))
            .suggest(student: id, chainMoves: chainMoves, alternatives: alternatives)
        let reference = SnapshotReference(snapshot: snapshot, policy: policy)
        #expect(result.chainMoves == min(chainMoves, reference.maxMoves))
        for proposal in result.proposals {
            #expect(proposal.chain.count <= min(chainMoves, reference.maxMoves))
            let problems = SuggestCheck.problems(of: proposal, student: id, reference: reference)
            #expect(problems == [], "\(proposal.mentor): \(problems)")
            #expect(proposal.objectiveDelta == SuggestCheck.delta(of: proposal, student: id, reference: reference))
        }
        return result
    }

    func proposed(_ result: SuggestResult) -> [String] { result.proposals.map(\.mentor) }
    func deltas(_ result: SuggestResult) -> [Int] { result.proposals.map(\.objectiveDelta) }
    func reason(_ result: SuggestResult, _ mentor: String) -> NotProposedReason? {
        result.notProposed.first { $0.mentor == mentor }?.reason
    }
    func moves(_ p: SuggestProposal) -> [String] { p.chain.map { "\($0.student):\($0.from)→\($0.to)" } }

    /// s (priority 2: one missed session) on C (expert 0: 425); A (expert 1) and B (expert 0.6) have room.
    /// A: 2·(925 − 425) = 1000; B: 2·(725 − 425) = 600. No chain; C is the mentor s leaves (rule 6).
    /// Without a current mentor, s (priority 1) pays the unassigned penalty now: A 925 + 5000, B 725 + 5000.
    @Test func freeSeatNeedsNoChain() throws {
        let mentors = [Fixture.mentor("A", expert: 1, capacity: 2), Fixture.mentor("B", expert: 0.6, capacity: 2),
                       Fixture.mentor("C", capacity: 5)]
        let result = try suggest(Fixture.snapshot(mentors: mentors, students: [Fixture.student("s", current: "C", missed: 1)]), "s")
        #expect(proposed(result) == ["A", "B"])
        #expect(deltas(result) == [1000, 600])
        #expect(result.proposals.allSatisfy { $0.chain.isEmpty })
        #expect(result.proposals[0].fit == 925)
        #expect(result.proposals[0].improved == [.style])
        #expect(result.priority == 2)
        #expect(result.currentMentor == "C")
        #expect(result.currentFit == 425)
        #expect(reason(result, "C") == .excluded(.changeRequested))

        let new = try suggest(Fixture.snapshot(mentors: mentors, students: [Fixture.student("s")]), "s")
        #expect(proposed(new) == ["A", "B", "C"])
        #expect(deltas(new) == [5925, 5725, 5425])
        #expect(new.proposals[0].improved == [])
    }

    /// A (expert 1, capacity 1) holds t, who prefers hands-on (fit 425 there); B (hands-on, capacity 1) is
    /// empty; s on C (expert 0, capacity 1).
    /// A: s gains 925 − 425 = 500; t must leave: to B 925 − 425 − 150 = 350, to C (freed) 425 − 425 − 150 = −150
    ///    → best t→B, delta 850.
    /// B: free; s's fit 425 → delta 0.
    @Test func oneMoveChain() throws {
        let snapshot = Self.oneMoveSnapshot()
        let result = try suggest(snapshot, "s")
        #expect(proposed(result) == ["A", "B"])
        #expect(deltas(result) == [850, 0])
        #expect(moves(result.proposals[0]) == ["t:A→B"])
        #expect(result.proposals[0].chain[0].fitBefore == 425)
        #expect(result.proposals[0].chain[0].fitAfter == 925)
        #expect(result.proposals[0].chain[0].objectiveDelta == 350)
        #expect(result.proposals[1].chain == [])
        #expect(result.chainMoves == 1)
    }

    static func oneMoveSnapshot(bMaxNew: Int? = nil) -> Snapshot {
        Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1, maxNew: bMaxNew, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1)],
            students: [Fixture.student("s", current: "C"), Fixture.student("t", current: "A", preferences: ["hands-on": 1])])
    }

    /// The one-move snapshot with chains forbidden, by chainMoves 0 or by maxMoves 0: A is full and
    /// cannot be freed; only B remains (delta 0).
    @Test func noChainAllowed() throws {
        for (c, policy) in [(0, Policy()), (1, Policy(maxMoves: 0)), (2, Policy(maxMoves: 0))] {
            let result = try suggest(Self.oneMoveSnapshot(), "s", chainMoves: c, policy: policy)
            #expect(proposed(result) == ["B"])
            #expect(result.chainMoves == 0)
            #expect(reason(result, "A") == .full(capacity: 1, chainMoves: 0))
        }
    }

    /// The one-move snapshot with B taking no new student (maxNewPerWeek 0): B cannot be proposed, and
    /// t cannot go there; t goes to C, the seat s frees: A delta 500 − 150 = 350.
    @Test func maxNewPerWeekBlocksReceivers() throws {
        let result = try suggest(Self.oneMoveSnapshot(bMaxNew: 0), "s")
        #expect(proposed(result) == ["A"])
        #expect(deltas(result) == [350])
        #expect(moves(result.proposals[0]) == ["t:A→C"])
        #expect(reason(result, "B") == .maxNewPerWeekReached(limit: 0))
    }

    /// t1 (path data) is on A (expert 1, capacity 1) and may only go to A or B (web and data); B
    /// (hands-on, capacity 1) holds t2 (web, prefers socratic); D (socratic, capacity 1) is empty; s on C
    /// (capacity 1), all others web only.
    /// A with c = 2: s +500; t1 A→B +350 (B full); t2 B→D 925 − 425 − 150 = +350 (better than B→C −150)
    ///    → delta 1200. With c = 1, t1 has nowhere free to go: A is full.
    /// B: s 425 − 425 = 0; t2 B→D +350 → 350 (a second move t2→A then t1 from A finds no seat).
    /// D: free, s 0.
    /// Three students with a mentor: the default budget ceil(2·3/100) = 1 allows one move whatever c, so
    /// c = 2 needs maxMovesPercent 100 (budget 3); by default, c = 2 answers as c = 1.
    @Test func twoMoveChain() throws {
        let both = ["web", "data"]
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1, paths: both),
                      Fixture.mentor("B", capacity: 1, paths: both, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1), Fixture.mentor("D", capacity: 1, styles: ["socratic": 1])],
            students: [Fixture.student("s", current: "C"),
                       Fixture.student("t1", current: "A", path: "data", preferences: ["hands-on": 1]),
                       Fixture.student("t2", current: "B", preferences: ["socratic": 1])])
        let unlimited = Policy(maxMovesPercent: 100)
        let two = try suggest(snapshot, "s", chainMoves: 2, policy: unlimited)
        #expect(two.chainMoves == 2)
        #expect(proposed(two) == ["A", "B", "D"])
        #expect(deltas(two) == [1200, 350, 0])
        #expect(moves(two.proposals[0]) == ["t1:A→B", "t2:B→D"])
        #expect(moves(two.proposals[1]) == ["t2:B→D"])

        for (c, policy) in [(1, unlimited), (1, Policy()), (2, Policy())] {
            let one = try suggest(snapshot, "s", chainMoves: c, policy: policy)
            #expect(one.chainMoves == 1)
            #expect(proposed(one) == ["B", "D"])
            #expect(deltas(one) == [350, 0])
            #expect(reason(one, "A") == .full(capacity: 1, chainMoves: 1))
        }

        let budget = try suggest(snapshot, "s", chainMoves: 2, policy: Policy(maxMoves: 1))
        #expect(proposed(budget) == ["B", "D"])
        #expect(budget.chainMoves == 1)
    }

    /// Only A (expert 1, capacity 1, holding t who prefers structured) and C (structured, capacity 1,
    /// holding s). Before: 425 + 425. After s→A, t→C (the seat s frees): 925 + 925 − 150. Delta 850.
    /// With C at capacity 2 (a free seat already) the answer is the same.
    @Test func chainEndsAtTheMentorLeft() throws {
        for capacity in [1, 2] {
            let snapshot = Fixture.snapshot(
                mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("C", capacity: capacity, styles: ["structured": 1])],
                students: [Fixture.student("s", current: "C"), Fixture.student("t", current: "A", preferences: ["structured": 1])])
            let result = try suggest(snapshot, "s")
            #expect(proposed(result) == ["A"])
            #expect(deltas(result) == [850])
            #expect(moves(result.proposals[0]) == ["t:A→C"])
            #expect(reason(result, "C") == .excluded(.changeRequested))
        }
    }

    /// A (expert 1, capacity 1) holds L, locked there; E (expert 1, capacity 1) holds F, who asked to
    /// change (a forced mover); both prefer hands-on and would gain 350 on B (hands-on, capacity 2).
    /// Neither may move in a chain, so A and E are full and only B (delta 0) is proposed, even with c = 2
    /// (and a budget of 3, maxMovesPercent 100, so that c = 2 is not cut to the default budget of 1).
    /// Suggesting for L is refused (the advisor's lock); an unknown id is named.
    @Test func lockedAndForcedStudentsNeverMove() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 2, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1), Fixture.mentor("E", expert: 1, capacity: 1)],
            students: [Fixture.student("s", current: "C"),
                       Fixture.student("L", current: "A", preferences: ["hands-on": 1]),
                       Fixture.student("F", current: "E", preferences: ["hands-on": 1], changeRequested: true)],
            locks: [Lock(student: "L", mentor: "A")])
        for c in [1, 2] {
            let result = try suggest(snapshot, "s", chainMoves: c, policy: Policy(maxMovesPercent: 100))
            #expect(proposed(result) == ["B"])
            #expect(reason(result, "A") == .full(capacity: 1, chainMoves: c))
            #expect(reason(result, "E") == .full(capacity: 1, chainMoves: c))
        }
        let index = try SuggestIndex(MatchingContext(snapshot: snapshot))
        #expect(throws: SuggestError.lockedStudent(student: "L", mentor: "A")) { try index.suggest(student: "L") }
        #expect(throws: SuggestError.unknownStudent("nobody")) { try index.suggest(student: "nobody") }
        #expect(throws: SuggestError.invalidAlternatives(0)) { try index.suggest(student: "s", alternatives: 0) }
        #expect(throws: SuggestError.invalidChainMoves(-1)) { try index.suggest(student: "s", chainMoves: -1) }
        // The forced student F (p3, fit 425 on E) may ask: B: 3·(925 − 425) = 1500. C (fit 425) is full, but
        // s may move to E, the seat F frees: 925 − 425 − 150 = +350, delta 0 + 350. A is full (L is locked).
        let forced = try suggest(snapshot, "F")
        #expect(proposed(forced) == ["B", "C"])
        #expect(deltas(forced) == [1500, 350])
        #expect(moves(forced.proposals[1]) == ["s:C→E"])
        #expect(reason(forced, "A") == .full(capacity: 1, chainMoves: 1))
    }

    /// Mentors listed M2, M1, P, Q, C, D; s on C (capacity 1). u (prefers hands-on) fills P (expert 1,
    /// capacity 1) with fit 425 and fits 425 everywhere else (−150 for any move): the tie between its
    /// destinations goes to the lowest id, C.
    /// M1, M2: 500 (fit 925) — same delta and fit: id order M1, M2;
    /// P: 500 − 150 = 350 (fit 925) before Q: 775 − 425 = 350 (fit 775); D (socratic): 0.
    @Test func orderingAndTieBreaks() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("M2", expert: 1, capacity: 3), Fixture.mentor("M1", expert: 1, capacity: 3),
                      Fixture.mentor("P", expert: 1, capacity: 1), Fixture.mentor("Q", expert: 0.7, capacity: 3),
                      Fixture.mentor("C", capacity: 1), Fixture.mentor("D", capacity: 3, styles: ["socratic": 1])],
            students: [Fixture.student("s", current: "C"), Fixture.student("u", current: "P", preferences: ["hands-on": 1])])
        let all = try suggest(snapshot, "s", alternatives: 10)
        #expect(proposed(all) == ["M1", "M2", "P", "Q", "D"])
        #expect(deltas(all) == [500, 500, 350, 350, 0])
        #expect(all.proposals.map(\.fit) == [925, 925, 925, 775, 425])
        #expect(moves(all.proposals[2]) == ["u:P→C"])

        let three = try suggest(snapshot, "s")
        #expect(proposed(three) == ["M1", "M2", "P"])
        #expect(three.notProposed.map(\.mentor) == ["C", "D", "Q"])
        #expect(reason(three, "Q") == .rankedBelow(rank: 4, objectiveDelta: 350))
        #expect(reason(three, "D") == .rankedBelow(rank: 5, objectiveDelta: 0))
        #expect(proposed(try suggest(snapshot, "s", alternatives: 1)) == ["M1"])
    }

    /// A (expert 1, capacity 2) holds t2 and t1 (listed in that order), both preferring hands-on; B
    /// (hands-on) has room. Either move gains 350: the lower id, t1, moves. Delta 500 + 350.
    @Test func equalChainsBreakTiesOnStudentID() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 2), Fixture.mentor("B", capacity: 2, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1)],
            students: [Fixture.student("s", current: "C"),
                       Fixture.student("t2", current: "A", preferences: ["hands-on": 1]),
                       Fixture.student("t1", current: "A", preferences: ["hands-on": 1])])
        let result = try suggest(snapshot, "s")
        #expect(moves(result.proposals[0]) == ["t1:A→B"])
        #expect(deltas(result) == [850, 0])
    }

    /// Mentors off the student's path, language or inactive are counted by rule; a vetoed one is listed.
    /// Feedback {1 by s on V}: μ = 1, every mentor's score 1 → sat 0, so A: 0.5 + 0.2 = 700 and C: 200.
    @Test func reasonsForOtherMentors() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("C"), Fixture.mentor("I", active: false),
                      Fixture.mentor("L", languages: ["en"]), Fixture.mentor("P", paths: ["data"]), Fixture.mentor("V"),
                      Fixture.mentor("W", availability: ["Tue 09:00-10:00"])],
            students: [Fixture.student("s", current: "C")], feedback: [Fixture.rating("s", "V", 1)])
        let result = try suggest(snapshot, "s")
        #expect(proposed(result) == ["A"])
        #expect(deltas(result) == [500])
        #expect(result.notProposed.map(\.mentor) == ["C", "V", "W"])
        #expect(reason(result, "V") == .excluded(.vetoedByFeedback))
        #expect(reason(result, "W") == .excluded(.noSessionWindow))
        #expect(result.otherMentors == [RuleCount(rule: .inactive, count: 1), RuleCount(rule: .language, count: 1),
                                        RuleCount(rule: .path, count: 1)])
    }

    /// The JSON has the fields of formats.md first, in order.
    @Test func json() throws {
        let result = try suggest(Self.oneMoveSnapshot(), "s", alternatives: 1)
        let text = result.jsonText(indent: nil)
        #expect(text.hasPrefix(#"{"kind":"suggest","student":"s","proposals":[{"mentor":"A","fit":925,"objectiveDelta":850,"chain":[{"student":"t","from":"A","to":"B","#))
        #expect(text.contains(#""notProposed":[{"mentor":"B","reasonKind":"rankedBelow""#))
    }

    /// Random small snapshots: for every student and c in 0…3, the proposals are exactly the mentors
    /// for which some chain exists, each with the best chain found by enumerating every chain, ties
    /// included (``SuggestCheck/bestChains``), in the order of §6.
    @Test(arguments: 0..<1000) func matchesEnumeration(seed: Int) throws {
        let (snapshot, policy) = SuggestRandom.make(seed: UInt64(seed))
        try checkAgainstEnumeration(snapshot, policy, chainMoves: 0...3, seed: seed)
    }

    /// The same on crowded schools (most mentors full), where chains of three and four moves happen.
    @Test(arguments: 0..<300) func crowdedMatchesEnumeration(seed: Int) throws {
        let (snapshot, policy) = SuggestRandom.make(seed: UInt64(seed), crowded: true)
        try checkAgainstEnumeration(snapshot, policy, chainMoves: 1...4, seed: seed)
    }

    func checkAgainstEnumeration(_ snapshot: Snapshot, _ policy: Policy, chainMoves: ClosedRange<Int>, seed: Int) throws {
        guard let index = try? SuggestIndex(MatchingContext(snapshot: snapshot, policy: policy)) else { return }
        let reference = SnapshotReference(snapshot: snapshot, policy: policy)
        for student in snapshot.students {
            if reference.lock(student) != nil {
                #expect(throws: SuggestError.self) { try index.suggest(student: student.id) }
                continue
            }
            for c in chainMoves {
                let result = try index.suggest(student: student.id, chainMoves: c, alternatives: 10)
                let expected = SuggestCheck.bestChains(student: student.id, chainMoves: c, reference: reference)
                let got = Dictionary(uniqueKeysWithValues: result.proposals.map {
                    ($0.mentor, SuggestCheck.Best(delta: $0.objectiveDelta, moves: $0.chain.map { [$0.student, $0.from, $0.to] }))
                })
                #expect(got == expected, "seed \(seed) student \(student.id) c \(c)")
                let keys = result.proposals.map { (-$0.objectiveDelta, -$0.fit, $0.mentor) }
                #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
                for proposal in result.proposals {
                    #expect(SuggestCheck.problems(of: proposal, student: student.id, reference: reference) == [])
                    #expect(proposal.objectiveDelta == SuggestCheck.delta(of: proposal, student: student.id, reference: reference))
                }
            }
        }
    }

    /// The answer depends on ids, not on the order of the records: reversing the mentors and the
    /// students of a snapshot gives the same JSON for every student and c.
    @Test(arguments: 0..<100) func recordOrderDoesNotMatter(seed: Int) throws {
        let (snapshot, policy) = SuggestRandom.make(seed: UInt64(seed))
        var reversed = snapshot
        reversed.mentors.reverse()
        reversed.students.reverse()
        guard let index = try? SuggestIndex(MatchingContext(snapshot: snapshot, policy: policy)) else { return }
        let other = try SuggestIndex(MatchingContext(snapshot: reversed, policy: policy))
        for student in snapshot.students where snapshot.locks.allSatisfy({ $0.student != student.id }) {
            for c in 1...2 {
                #expect(try index.suggest(student: student.id, chainMoves: c).jsonText()
                        == other.suggest(student: student.id, chainMoves: c).jsonText())
            }
        }
    }
}
