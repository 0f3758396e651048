import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// The changes of the matching model's version 2, worked by hand from matching-model.md: learned
/// preferences (§3), declined moves (§2 rule 7), the settling period (§4b), the eviction cost and the
/// default move budget (§5), and what they do to suggest (§6).
///
/// As in ``RebalanceTests``: everyone is in UTC and shares Mon 18:00-21:00 (avail 1 for one 45-minute
/// session), default weights, asOf 2026-11-23. Without feedback, sat = 0.75 and
///     fit = 0.5·style + 0.2·1 + 0.3·0.75 = 0.5·style + 0.425 (expert 1 → 925, expert 0 → 425).
/// With feedback, every rating of the snapshot counts in μ (whatever its reason), which changes sat:
///     μ = 1 → every sat 0 (score (R + 5)/(n + 5) = 1 for a mentor rated only 1s, 5·1/5 for the others);
///     μ = 5 → every sat 1;  μ = 3 → sat 0.5.
@Suite struct ModelV2Tests {
    // MARK: - Helpers

    static let asOf = Fixture.asOf  // 2026-11-23
    /// 10 days before asOf: settling with the default 4 weeks (10 < 28).
    static let tenDaysAgo = CalendarDate(year: 2026, month: 11, day: 13)
    /// 27 days before asOf (October has 31 days: Oct 27 + 4 = Oct 31, + 23 = Nov 23): still settling.
    static let twentySevenDaysAgo = CalendarDate(year: 2026, month: 10, day: 27)
    /// 28 days before asOf: asOf − assignedSince = 28, not < 28, so no longer settling.
    static let twentyEightDaysAgo = CalendarDate(year: 2026, month: 10, day: 26)

    /// Rebalances with `kind`, checks the result against ``SnapshotReference`` (every hard rule, its own
    /// objective recomputed, and, on small snapshots, the optimum found by trying every assignment).
    func solve(_ snapshot: Snapshot, _ policy: Policy = Policy(), _ kind: SolverKind, bruteForce: Bool = true)
        throws -> RebalanceResult {
        let result = try rebalance(snapshot, policy: policy, solver: kind.solver)
        let reference = SnapshotReference(snapshot: snapshot, policy: policy)
        #expect(result.status == .optimal)
        #expect(reference.violations(result.entries.assignment) == [])
        #expect(result.objective == reference.objective(result.entries.assignment))
        if bruteForce { #expect(result.objective == reference.bruteForceOptimum()) }
        return result
    }

    func pedagogy(_ student: String, _ mentor: String, _ rating: Int) -> Feedback {
        var f = Fixture.rating(student, mentor, rating)
        f.reason = .pedagogy
        return f
    }

    func since(_ date: CalendarDate, _ student: Student) -> Student {
        var s = student
        s.assignedSince = date
        return s
    }

    /// The effective preferences of `student`, over the snapshot's styles (a missing style is 0).
    func effective(_ snapshot: Snapshot, _ student: String, policy: Policy = Policy()) throws -> [Double] {
        let context = try MatchingContext(snapshot: snapshot, policy: policy)
        let p = context.effectivePreferences[context.studentIndex[student]!]
        return snapshot.styles.map { p[$0] ?? 0 }
    }

    func vector(_ snapshot: Snapshot, _ p: [String: Double]) -> [Double] { snapshot.styles.map { p[$0] ?? 0 } }

    /// fit(student, mentor) as the engine computes it, checked against the reference.
    func fit(_ snapshot: Snapshot, _ student: String, _ mentor: String, policy: Policy = Policy()) throws -> Int {
        let context = try MatchingContext(snapshot: snapshot, policy: policy)
        let value = context.fit(student: context.studentIndex[student]!, mentor: context.mentorIndex[mentor]!)
        let reference = SnapshotReference(snapshot: snapshot, policy: policy)
        #expect(value == reference.fit(snapshot.students.first { $0.id == student }!, reference.mentor(mentor)),
                "\(student)–\(mentor)")
        return value
    }

    // MARK: - Learned preferences (§3)

    /// s declares {socratic 1.0, hands-on 0.9} and rated X (socratic 0.8, hands-on 0.2) 1/5 for pedagogy
    /// (r = 0.5, |F| = 1, (1 − 3)/2 = −1):
    ///     socratic: a = −1·0.8 = −0.8 → p' = 1 + 0.5·(−0.8)/1 = 0.6
    ///     hands-on: a = −1·0.2 = −0.2 → p' = 0.9 + 0.5·(−0.2)/1 = 0.8
    /// X is vetoed (1 ≤ 2). Feedback {1}: μ = 1 → sat 0 everywhere, fit = 0.5·style + 0.2.
    ///     Y (socratic 1): learned 0.6/1.4 = 0.4286 → 414;  declared 1/1.9 = 0.5263 → 463
    ///     Z (hands-on 1): learned 0.8/1.4 = 0.5714 → 486;  declared 0.9/1.9 = 0.4737 → 437
    /// So the 1/5 pushes s from Y to Z: objective 486; with learningRate 0 (declared) s goes to Y: 463.
    @Test(arguments: SolverKind.allCases) func oneStarPushesAway(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("X", capacity: 1, styles: ["socratic": 0.8, "hands-on": 0.2]),
                      Fixture.mentor("Y", capacity: 1, styles: ["socratic": 1]),
                      Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
            students: [Fixture.student("s", preferences: ["socratic": 1.0, "hands-on": 0.9])],
            feedback: [pedagogy("s", "X", 1)])
        #expect(try effective(snapshot, "s") == vector(snapshot, ["socratic": 1 + 0.5 * -0.8, "hands-on": 0.9 + 0.5 * -0.2]))
        #expect(try fit(snapshot, "s", "Y") == 414)
        #expect(try fit(snapshot, "s", "Z") == 486)
        let learned = try solve(snapshot, Policy(), kind)
        #expect(learned.objective == 486)
        #expect(learned.entry("s").mentor == "Z")

        let declared = Policy(learningRate: 0)
        #expect(try effective(snapshot, "s", policy: declared) == vector(snapshot, ["socratic": 1.0, "hands-on": 0.9]))
        #expect(try fit(snapshot, "s", "Y", policy: declared) == 463)
        #expect(try fit(snapshot, "s", "Z", policy: declared) == 437)
        let plain = try solve(snapshot, declared, kind)
        #expect(plain.objective == 463)
        #expect(plain.entry("s").mentor == "Y")
    }

    /// s declares {socratic 0.3, hands-on 0.2} and rated X (hands-on 1), who has left (inactive), 5/5 for
    /// pedagogy: hands-on a = ((5 − 3)/2)·1 = 1 → p' = 0.2 + 0.5·1/1 = 0.7; socratic 0.3 + 0 = 0.3.
    /// X's profile counts although X is inactive. Feedback {5}: μ = 5 → sat 1, fit = 0.5·style + 0.5.
    ///     Y (socratic 1): learned 0.3/1.0 → 650;  declared 0.3/0.5 = 0.6 → 800
    ///     Z (hands-on 1): learned 0.7/1.0 → 850;  declared 0.2/0.5 = 0.4 → 700
    /// The 5/5 pulls s to Z (850); declared, s goes to Y (800). With X active (capacity 0), p' is the same.
    @Test(arguments: SolverKind.allCases) func fiveStarsPullTowardsEvenFromAnInactiveMentor(_ kind: SolverKind) throws {
        for xActive in [false, true] {
            let snapshot = Fixture.snapshot(
                mentors: [Fixture.mentor("X", capacity: 0, active: xActive, styles: ["hands-on": 1]),
                          Fixture.mentor("Y", capacity: 1, styles: ["socratic": 1]),
                          Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
                students: [Fixture.student("s", preferences: ["socratic": 0.3, "hands-on": 0.2])],
                feedback: [pedagogy("s", "X", 5)])
            #expect(try effective(snapshot, "s") == vector(snapshot, ["socratic": 0.3, "hands-on": 0.2 + 0.5 * 1.0]))
            #expect(try fit(snapshot, "s", "Y") == 650)
            #expect(try fit(snapshot, "s", "Z") == 850)
            let learned = try solve(snapshot, Policy(), kind)
            #expect(learned.objective == 850)
            #expect(learned.entry("s").mentor == "Z")
            let declared = try solve(snapshot, Policy(learningRate: 0), kind)
            #expect(declared.objective == 800)
            #expect(declared.entry("s").mentor == "Y")
        }
    }

    /// The same student rating X 3/5 for pedagogy: (3 − 3)/2 = 0, so p' = p. Feedback {3}: μ = 3 → sat 0.5,
    /// fit = 0.5·style + 0.35: Y 0.6 → 650, Z 0.4 → 550, whatever the learning rate; s goes to Y.
    @Test(arguments: SolverKind.allCases) func threeStarsSayNothing(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("X", capacity: 0, styles: ["hands-on": 1]),
                      Fixture.mentor("Y", capacity: 1, styles: ["socratic": 1]),
                      Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
            students: [Fixture.student("s", preferences: ["socratic": 0.3, "hands-on": 0.2])],
            feedback: [pedagogy("s", "X", 3)])
        for policy in [Policy(), Policy(learningRate: 1), Policy(learningRate: 0)] {
            #expect(try effective(snapshot, "s", policy: policy) == vector(snapshot, ["socratic": 0.3, "hands-on": 0.2]))
            #expect(try fit(snapshot, "s", "Y", policy: policy) == 650)
            #expect(try fit(snapshot, "s", "Z", policy: policy) == 550)
            let result = try solve(snapshot, policy, kind)
            #expect(result.objective == 650)
            #expect(result.entry("s").mentor == "Y")
        }
    }

    /// p' stays in [0, 1].
    ///   s declares {socratic 1.0}, rated X (socratic 0.8, hands-on 0.2) 1/5: socratic 1 − 0.4 = 0.6;
    ///     hands-on max(0, 0 + 0.5·(−0.2)) = max(0, −0.1) = 0.
    ///   t declares {socratic 0.2}, rated X 1/5: socratic max(0, 0.2 − 0.4) = 0, hands-on 0: every p' is 0,
    ///     so style = 0.5 with any mentor (Σp' = 0). Feedback {1, 1}: μ = 1 → sat 0:
    ///     fit(t, Y socratic 1) = 0.25 + 0.2 = 450 (declared: style 1 → 700); s's fit with Y: 0.6/0.6 → 700.
    ///   u declares {hands-on 0.9, socratic 0.5}, rated Z (hands-on 1) 5/5 (another school: μ = 5, sat 1):
    ///     hands-on min(1, 0.9 + 0.5) = 1, socratic 0.5; fit(u, Z) = 0.5·(1/1.5) + 0.5 = 0.8333 → 833
    ///     (unclamped 1.4/1.9 → 868; declared 0.9/1.4 → 821).
    @Test(arguments: SolverKind.allCases) func learnedPreferencesAreClamped(_ kind: SolverKind) throws {
        let pushed = Fixture.snapshot(
            mentors: [Fixture.mentor("X", capacity: 0, styles: ["socratic": 0.8, "hands-on": 0.2]),
                      Fixture.mentor("Y", capacity: 2, styles: ["socratic": 1])],
            students: [Fixture.student("s", preferences: ["socratic": 1.0]), Fixture.student("t", preferences: ["socratic": 0.2])],
            feedback: [pedagogy("s", "X", 1), pedagogy("t", "X", 1)])
        #expect(try effective(pushed, "s") == vector(pushed, ["socratic": 1 + 0.5 * -0.8]))
        #expect(try effective(pushed, "t") == vector(pushed, [:]))
        #expect(try fit(pushed, "t", "Y") == 450)
        #expect(try fit(pushed, "t", "Y", policy: Policy(learningRate: 0)) == 700)
        #expect(try fit(pushed, "s", "Y") == 700)
        let result = try solve(pushed, Policy(), kind)
        #expect(result.objective == 700 + 450)

        let pulled = Fixture.snapshot(
            mentors: [Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
            students: [Fixture.student("u", preferences: ["hands-on": 0.9, "socratic": 0.5])],
            feedback: [pedagogy("u", "Z", 5)])
        #expect(try effective(pulled, "u") == vector(pulled, ["hands-on": 1.0, "socratic": 0.5]))
        #expect(try fit(pulled, "u", "Z") == 833)
        #expect(try fit(pulled, "u", "Z", policy: Policy(learningRate: 0)) == 821)
        #expect(try solve(pulled, Policy(), kind).objective == 833)
    }

    /// Two pedagogy ratings are averaged (|F| = 2). s declares {socratic 0.5, hands-on 0.5}; rated X
    /// (socratic 1, inactive) 5/5 and W (hands-on 1, inactive) 2/5:
    ///     socratic: a = 1·1 + (−0.5)·0 = 1     → p' = 0.5 + 0.5·1/2 = 0.75
    ///     hands-on: a = 1·0 + (−0.5)·1 = −0.5  → p' = 0.5 + 0.5·(−0.5)/2 = 0.375
    /// μ = (5 + 2)/2 = 3.5; Y and Z have no rating: score 3.5 → sat 0.625 (0.3·0.625 = 0.1875).
    ///     Y (socratic 1): 0.75/1.125 = 2/3 → 0.3333 + 0.2 + 0.1875 = 0.7208 → 721
    ///     Z (hands-on 1): 0.375/1.125 = 1/3 → 0.1667 + 0.2 + 0.1875 = 0.5542 → 554
    @Test(arguments: SolverKind.allCases) func twoRatingsAreAveraged(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("X", active: false, styles: ["socratic": 1]),
                      Fixture.mentor("W", active: false, styles: ["hands-on": 1]),
                      Fixture.mentor("Y", capacity: 1, styles: ["socratic": 1]),
                      Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
            students: [Fixture.student("s", preferences: ["socratic": 0.5, "hands-on": 0.5])],
            feedback: [pedagogy("s", "X", 5), pedagogy("s", "W", 2)])
        #expect(try effective(snapshot, "s") == vector(snapshot, ["socratic": 0.75, "hands-on": 0.375]))
        #expect(try fit(snapshot, "s", "Y") == 721)
        #expect(try fit(snapshot, "s", "Z") == 554)
        let result = try solve(snapshot, Policy(), kind)
        #expect(result.objective == 721)
        #expect(result.entry("s").mentor == "Y")
    }

    /// Ratings for another reason (availability, expertise) or none teach nothing about pedagogy: the
    /// school of ``fiveStarsPullTowardsEvenFromAnInactiveMentor(_:)`` with X's three 5/5 given for those
    /// reasons. p' = p; μ = 5 → sat 1: Y 0.6 → 800, Z 0.4 → 700; s goes to Y (800), not Z.
    @Test(arguments: SolverKind.allCases) func otherReasonsAreIgnored(_ kind: SolverKind) throws {
        var availability = Fixture.rating("s", "X", 5), expertise = Fixture.rating("s", "X", 5)
        availability.reason = .availability
        expertise.reason = .expertise
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("X", capacity: 0, active: false, styles: ["hands-on": 1]),
                      Fixture.mentor("Y", capacity: 1, styles: ["socratic": 1]),
                      Fixture.mentor("Z", capacity: 1, styles: ["hands-on": 1])],
            students: [Fixture.student("s", preferences: ["socratic": 0.3, "hands-on": 0.2])],
            feedback: [availability, expertise, Fixture.rating("s", "X", 5)])
        #expect(try effective(snapshot, "s") == vector(snapshot, ["socratic": 0.3, "hands-on": 0.2]))
        #expect(try fit(snapshot, "s", "Y") == 800)
        #expect(try fit(snapshot, "s", "Z") == 700)
        let result = try solve(snapshot, Policy(), kind)
        #expect(result.objective == 800)
        #expect(result.entry("s").mentor == "Y")
    }

    // MARK: - Declined moves (§2 rule 7)

    /// s (p1) is on B (expert 0: 425); A (expert 1: 925) has room. Moving gains 925 − 150 − 425 = 350, so
    /// s moves (objective 775; the default budget is ceil(2% · 1) = 1). A decline of (s, A) in force
    /// (until on or after asOf) removes the pair: s stays, 425. Expired (until the day before): 775.
    @Test(arguments: SolverKind.allCases) func declinedPairIsNotACandidateUntilItExpires(_ kind: SolverKind) throws {
        func school(_ untils: [CalendarDate]) -> Snapshot {
            var snapshot = Fixture.snapshot(mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("B")],
                                            students: [Fixture.student("s", current: "B")])
            snapshot.declined = untils.map { Declined(student: "s", mentor: "A", until: $0) }
            return snapshot
        }
        let dayBefore = CalendarDate(year: 2026, month: 11, day: 22), later = CalendarDate(year: 2026, month: 12, day: 7)
        let early = CalendarDate(year: 2026, month: 11, day: 1)
        let cases: [(untils: [CalendarDate], declined: Bool)] = [
            ([], false),
            ([Self.asOf], true),                 // until = asOf: still in force
            ([later], true),
            ([dayBefore], false),                // expired
            ([dayBefore, later], true),          // duplicates: one in force is enough
            ([later, later], true),              // the same decline twice: as once
            ([early, dayBefore], false),         // every entry expired
        ]
        for c in cases {
            let snapshot = school(c.untils)
            let context = try MatchingContext(snapshot: snapshot)
            #expect(context.exclusion(student: 0, mentor: 0) == (c.declined ? .declined : nil), "\(c.untils)")
            #expect(context.exclusions(of: 0) == (c.declined ? [Exclusion(mentor: 0, rule: .declined)] : []), "\(c.untils)")
            #expect(context.candidateMentors(of: 0) == (c.declined ? [1] : [0, 1]), "\(c.untils)")
            let result = try solve(snapshot, Policy(), kind)
            #expect(result.objective == (c.declined ? 425 : 775), "\(c.untils)")
            #expect(result.entry("s").mentor == (c.declined ? "B" : "A"), "\(c.untils)")
        }
    }

    /// Declining a move never forces one: s on A (925) with a decline of (s, A) in force keeps A as a
    /// candidate and stays a voluntary student (keep, 925, not a forced move). A new student t whose only
    /// candidate would be A, declined, stays without a mentor (−5000), the rule named.
    @Test(arguments: SolverKind.allCases) func declinedCurrentPairIsUnaffected(_ kind: SolverKind) throws {
        var snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1, languages: ["fr", "en"]), Fixture.mentor("B")],
            students: [Fixture.student("s", current: "A"), Fixture.student("t", language: "en")])
        let until = CalendarDate(year: 2026, month: 12, day: 31)
        snapshot.declined = [Declined(student: "s", mentor: "A", until: until), Declined(student: "t", mentor: "A", until: until)]
        let context = try MatchingContext(snapshot: snapshot)
        #expect(context.exclusion(student: 0, mentor: 0) == nil)
        #expect(context.roles[0] == .voluntary)
        // A is full with s anyway; t could only have had A.
        let result = try solve(snapshot, Policy(), kind)
        #expect(result.objective == 925 - 5000)
        #expect(result.entry("s").change == .keep)
        #expect(result.entry("t").unassignedReason == .declined)
    }

    /// An advisor's lock overrides rule 7 (§2: "A lock (s,m) … overrides rules 2–7 for that pair"): s on B
    /// locked onto A, whose move was declined, goes to A (925, a locked move). Suggest for another
    /// student t on C with (t, A) declined: A is excluded by the rule, B is proposed.
    @Test func lockOverridesADeclineAndSuggestSkipsDeclinedMentors() throws {
        var snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("B"), Fixture.mentor("C")],
            students: [Fixture.student("s", current: "B"), Fixture.student("t", current: "C")],
            locks: [Lock(student: "s", mentor: "A")])
        let until = CalendarDate(year: 2027, month: 1, day: 1)
        snapshot.declined = [Declined(student: "s", mentor: "A", until: until), Declined(student: "t", mentor: "A", until: until)]
        for kind in SolverKind.allCases {
            let result = try solve(snapshot, Policy(), kind)
            #expect(result.entry("s").mentor == "A")
            #expect(result.entry("s").moveReason == .locked)
        }
        let proposals = try suggest(snapshot, "t")
        #expect(proposals.proposals.map(\.mentor) == ["B"])
        #expect(proposals.notProposed.first { $0.mentor == "A" }?.reason == .excluded(.declined))
    }

    // MARK: - Settling (§4b)

    /// s (p1) on B (425) since `assignedSince`; A (925) has room: without settling, s moves (+350: 775).
    /// Settling (asOf − assignedSince < 7·cooldownWeeks days): s keeps B (425) and the result names A.
    ///     10 days, 4 weeks: settling;   27 days: settling;   28 days: not (28 < 28 is false);
    ///     0 days with cooldownWeeks 0: not;   10 days with cooldownWeeks 1 (7 days): not.
    @Test(arguments: SolverKind.allCases) func settlingKeepsAVoluntaryStudent(_ kind: SolverKind) throws {
        let cases: [(since: CalendarDate, policy: Policy, settling: Bool)] = [
            (Self.tenDaysAgo, Policy(), true),
            (Self.twentySevenDaysAgo, Policy(), true),
            (Self.twentyEightDaysAgo, Policy(), false),
            (Self.asOf, Policy(cooldownWeeks: 0), false),
            (Self.tenDaysAgo, Policy(cooldownWeeks: 1), false),
        ]
        for c in cases {
            let label = "since \(c.since), cooldown \(c.policy.cooldownWeeks)"
            let snapshot = Fixture.snapshot(mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("B")],
                                            students: [since(c.since, Fixture.student("s", current: "B"))])
            #expect(try MatchingContext(snapshot: snapshot, policy: c.policy).settling == [c.settling], "\(label)")
            let result = try solve(snapshot, c.policy, kind)
            let s = result.entry("s")
            #expect(result.objective == (c.settling ? 425 : 775), "\(label)")
            #expect(s.mentor == (c.settling ? "B" : "A"), "\(label)")
            #expect(s.settling == c.settling, "\(label)")
            #expect(s.settlingKeptFrom?.mentor == (c.settling ? "A" : nil), "\(label)")
            #expect(s.settlingKeptFrom?.fit == (c.settling ? 925 : nil), "\(label)")
            #expect(result.summary.settlingStudents == (c.settling ? 1 : 0), "\(label)")
            #expect(result.summary.settlingKeptFromBetterFit == (c.settling ? 1 : 0), "\(label)")
        }
    }

    /// Settling does not hold back a forced move. s on B since 10 days:
    ///   rated B 2 (a veto): forced. Feedback {2}: μ = 2 → A (no rating) sat (2 − 1)/4 = 0.25;
    ///     fit(s, A) = 0.5 + 0.2 + 0.075 = 775; priority 2 (latest rating of the current mentor ≤ 3):
    ///     objective 2·775 = 1550.
    ///   asked to change (priority 3): forced, 3·925 = 2775.
    @Test(arguments: SolverKind.allCases) func settlingStudentWhosePairIsForcedStillMoves(_ kind: SolverKind) throws {
        let mentors = [Fixture.mentor("A", expert: 1), Fixture.mentor("B")]
        let vetoed = Fixture.snapshot(mentors: mentors, students: [since(Self.tenDaysAgo, Fixture.student("s", current: "B"))],
                                      feedback: [Fixture.rating("s", "B", 2)])
        let v = try solve(vetoed, Policy(), kind)
        #expect(v.objective == 1550)
        #expect(v.entry("s").change == .forced)
        #expect(v.entry("s").moveReason == .forced(.vetoedByFeedback))
        #expect(v.entry("s").settling == false)
        let asked = Fixture.snapshot(
            mentors: mentors, students: [since(Self.tenDaysAgo, Fixture.student("s", current: "B", changeRequested: true))])
        let a = try solve(asked, Policy(), kind)
        #expect(a.objective == 2775)
        #expect(a.entry("s").moveReason == .forced(.changeRequested))
    }

    /// A (expert 1, capacity 1) is free; B (expert 0, capacity 1, fr and en) holds s (p1) since 10 days.
    /// New t (p3: a help request) speaks en: B is t's only candidate.
    ///   Settling: s may not move to A. Keep s: 425 − 3·5000 = −14575; evict s for t:
    ///     3·425 − 5000 − 20000 = −23725. So s stays and t waits (all candidates full: B).
    ///   cooldownWeeks 0: s → A (925 − 150 = 775) frees B for t (3·425 = 1275): 2050.
    @Test(arguments: SolverKind.allCases) func settlingStudentIsNotMovedToFreeASeat(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1, languages: ["fr", "en"])],
            students: [since(Self.tenDaysAgo, Fixture.student("s", current: "B")), Fixture.student("t", language: "en", help: 1)])
        let settling = try solve(snapshot, Policy(), kind)
        #expect(settling.objective == -14575)
        #expect(settling.entry("s").change == .keep)
        #expect(settling.entry("s").settlingKeptFrom?.mentor == "A")
        #expect(settling.entry("t").unassignedReason == .allCandidatesFull(mentors: ["B"]))
        let off = try solve(snapshot, Policy(cooldownWeeks: 0), kind)
        #expect(off.objective == 2050)
        #expect(off.entry("s").mentor == "A")
        #expect(off.entry("t").mentor == "B")
    }

    /// A settling student is left without a mentor only when capacity forces it: B (capacity 1) holds s
    /// (p1, since 10 days); new t is locked onto B (fit 425) and takes the seat; A (925) is free but s may
    /// not move: s is evicted, 425 − 5000 − 20000 = −24575, the reason naming B.
    /// cooldownWeeks 0: s → A (775) + t 425 = 1200.
    @Test(arguments: SolverKind.allCases) func settlingStudentEvictedOnlyByCapacity(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1)],
            students: [since(Self.tenDaysAgo, Fixture.student("s", current: "B")), Fixture.student("t")],
            locks: [Lock(student: "t", mentor: "B")])
        let settling = try solve(snapshot, Policy(), kind)
        #expect(settling.objective == -24575)
        #expect(settling.entry("s").unassignedReason == .evicted(mentor: "B"))
        #expect(settling.summary.evicted == 1)
        let off = try solve(snapshot, Policy(cooldownWeeks: 0), kind)
        #expect(off.objective == 1200)
        #expect(off.entry("s").mentor == "A")
    }

    // MARK: - Eviction (§5)

    /// A (expert 1) is the only mentor; its capacity was cut to 1.
    ///   s (p1) on A and new t locked onto A: t takes the seat (925), s is evicted:
    ///     925 − 5000 − 20000 = −24075 (evictionCost 0: −4075, the same assignment).
    ///   s1 (p2: one missed session) and s2 (p1) both on A: keep s1, evict s2: 2·925 − 25000 = −23150;
    ///     keep s2, evict s1: 925 − 2·5000 − 20000 = −29075. s2 is evicted.
    @Test(arguments: SolverKind.allCases) func capacityCutEvicts(_ kind: SolverKind) throws {
        let locked = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1)],
            students: [Fixture.student("s", current: "A"), Fixture.student("t")],
            locks: [Lock(student: "t", mentor: "A")])
        let result = try solve(locked, Policy(), kind)
        #expect(result.objective == -24075)
        #expect(result.entry("s").unassignedReason == .evicted(mentor: "A"))
        #expect(result.entry("t").mentor == "A")
        #expect(result.summary.evicted == 1)
        #expect(try solve(locked, Policy(evictionCost: 0), kind).objective == -4075)

        let two = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1)],
            students: [Fixture.student("s1", current: "A", missed: 1), Fixture.student("s2", current: "A")])
        let cut = try solve(two, Policy(), kind)
        #expect(cut.objective == -23150)
        #expect(cut.entry("s1").change == .keep)
        #expect(cut.entry("s2").unassignedReason == .evicted(mentor: "A"))
    }

    /// A (expert 1, capacity 1, fr and en) holds happy s (p1, 925). New t (p3: a help request) speaks en:
    /// A is t's only candidate. A seat is worth at most 3·(1000 + 5000) = 18000 to t (here
    /// 3·925 + 3·5000 = 17775), less than evicting s costs (925 + 5000 + 20000 = 25925):
    ///   keep s: 925 − 15000 = −14075;  t takes A: 2775 − 5000 − 20000 = −22225. s keeps A.
    /// With evictionCost 0 (version 1): t takes A, 2775 − 5000 = −2225 > −14075, and s is evicted.
    @Test(arguments: SolverKind.allCases) func newcomerDoesNotTakeAHappyStudentsSeat(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1, languages: ["fr", "en"])],
            students: [Fixture.student("s", current: "A"), Fixture.student("t", language: "en", help: 1)])
        let kept = try solve(snapshot, Policy(), kind)
        #expect(kept.objective == -14075)
        #expect(kept.entry("s").change == .keep)
        #expect(kept.entry("t").unassignedReason == .allCandidatesFull(mentors: ["A"]))
        #expect(kept.summary.evicted == 0)
        let v1 = try solve(snapshot, Policy(evictionCost: 0), kind)
        #expect(v1.objective == -2225)
        #expect(v1.entry("t").mentor == "A")
        #expect(v1.entry("s").unassignedReason == .evicted(mentor: "A"))
        #expect(v1.summary.evicted == 1)
    }

    // MARK: - Default move budget (§5)

    /// M counts every student with a current mentor, whatever their role: v1, v2 (voluntary), f (forced:
    /// C is inactive), l (locked on B), g (settling): M = 5; n1, n2 have none.
    ///     2% → ceil(0.1) = 1;  20% → ceil(1.0) = 1;  30% → ceil(1.5) = 2;  50% → ceil(2.5) = 3;
    ///     100% → 5;  0% → 0;  maxMoves 7 (with 2%) → 7;  maxMoves 0 (with 100%) → 0.
    @Test func defaultBudgetCountsEveryStudentWithAMentor() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("B"), Fixture.mentor("C", active: false)],
            students: [Fixture.student("v1", current: "B"), Fixture.student("v2", current: "B"),
                       Fixture.student("f", current: "C"), Fixture.student("l", current: "B"),
                       since(Self.tenDaysAgo, Fixture.student("g", current: "B")),
                       Fixture.student("n1"), Fixture.student("n2")],
            locks: [Lock(student: "l", mentor: "B")])
        let cases: [(Policy, Int)] = [
            (Policy(), 1), (Policy(maxMovesPercent: 20), 1), (Policy(maxMovesPercent: 30), 2),
            (Policy(maxMovesPercent: 50), 3), (Policy(maxMovesPercent: 100), 5), (Policy(maxMovesPercent: 0), 0),
            (Policy(maxMoves: 7), 7), (Policy(maxMoves: 0, maxMovesPercent: 100), 0),
        ]
        for (policy, expected) in cases {
            #expect(try MatchingContext(snapshot: snapshot, policy: policy).maxMoves == expected, "\(policy)")
            let result = try rebalance(snapshot, policy: policy)
            #expect(result.maxMoves == expected, "\(policy)")
            #expect(result.summary.voluntaryMoves <= expected, "\(policy)")
            #expect(SnapshotReference(snapshot: snapshot, policy: policy).maxMoves == expected, "\(policy)")
        }
    }

    /// s1, s2, s3 (p1) on B (425) would each gain 350 on A (925, capacity 10); new n goes to A (925, no
    /// move). M = 3:
    ///     default 2%: ceil(0.06) = 1 move: 3·425 + 350 + 925 = 2550
    ///     50%: ceil(1.5) = 2: 1275 + 700 + 925 = 2900;   100%: 3: 1275 + 1050 + 925 = 3250
    ///     maxMoves 2 (percent left at 2): 2900 — an explicit maxMoves wins.
    @Test(arguments: SolverKind.allCases) func defaultBudgetBinds(_ kind: SolverKind) throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 10), Fixture.mentor("B")],
            students: [Fixture.student("s1", current: "B"), Fixture.student("s2", current: "B"),
                       Fixture.student("s3", current: "B"), Fixture.student("n")])
        for (policy, budget, objective) in [(Policy(), 1, 2550), (Policy(maxMovesPercent: 50), 2, 2900),
                                            (Policy(maxMovesPercent: 100), 3, 3250), (Policy(maxMoves: 2), 2, 2900)] {
            let result = try solve(snapshot, policy, kind)
            #expect(result.maxMoves == budget)
            #expect(result.objective == objective)
            #expect(result.summary.voluntaryMoves == budget)
            #expect(result.entry("n").mentor == "A")
        }
    }

    /// 51 students (p1) on B who would each gain 350 on A (capacity 100), and 3 new ones (to A, 925 each,
    /// no move): 2% of 51 = 1.02 → 2 moves: 51·425 + 2·350 + 3·925 = 21675 + 700 + 2775 = 25150.
    /// With 50 on B: 2% of 50 = 1.0 → 1 move: 50·425 + 350 + 2775 = 24375. (Too many for the exhaustive solver.)
    @Test(arguments: [SolverKind.glpk, .flow]) func defaultBudgetOnALargerSchool(_ kind: SolverKind) throws {
        for (onB, budget, objective) in [(51, 2, 25150), (50, 1, 24375)] {
            let snapshot = Fixture.snapshot(
                mentors: [Fixture.mentor("A", expert: 1, capacity: 100), Fixture.mentor("B", capacity: 100)],
                students: (0..<onB).map { Fixture.student("s\($0)", current: "B") } + (0..<3).map { Fixture.student("n\($0)") })
            for result in [try solve(snapshot, Policy(), kind, bruteForce: false), try rebalance(snapshot)] {
                #expect(result.status == .optimal)
                #expect(result.maxMoves == budget)
                #expect(result.objective == objective)
                #expect(result.summary.voluntaryMoves == budget)
            }
        }
    }

    // MARK: - Suggest (§6)

    func suggest(_ snapshot: Snapshot, _ id: String, chainMoves: Int = 1, policy: Policy = Policy()) throws -> SuggestResult {
        let result = try SuggestIndex(MatchingContext(snapshot: snapshot, policy: policy))
            .suggest(student: id, chainMoves: chainMoves, alternatives: 10)
        let reference = SnapshotReference(snapshot: snapshot, policy: policy)
        #expect(result.chainMoves == min(chainMoves, reference.maxMoves))
        for proposal in result.proposals {
            #expect(SuggestCheck.problems(of: proposal, student: id, reference: reference) == [], "\(proposal.mentor)")
            #expect(proposal.objectiveDelta == SuggestCheck.delta(of: proposal, student: id, reference: reference))
        }
        let expected = SuggestCheck.bestChains(student: id, chainMoves: chainMoves, reference: reference)
        let got = Dictionary(uniqueKeysWithValues: result.proposals.map {
            ($0.mentor, SuggestCheck.Best(delta: $0.objectiveDelta, moves: $0.chain.map { [$0.student, $0.from, $0.to] }))
        })
        #expect(got == expected)
        return result
    }

    func moves(_ p: SuggestProposal) -> [String] { p.chain.map { "\($0.student):\($0.from)→\($0.to)" } }

    /// The two-move school of ``SuggestTests/twoMoveChain()``: s on C; A (expert 1, cap 1) holds t1 (data
    /// path, prefers hands-on); B (hands-on, cap 1) holds t2 (prefers socratic); D (socratic) is empty.
    /// A with two moves: s +500, t1 A→B +350, t2 B→D +350 → 1200. M = 3 students with a mentor:
    ///     default 2%: ceil(0.06) = 1 → chains of one move whatever c: A is not proposed;
    ///     33%: ceil(0.99) = 1;   34%: ceil(1.02) = 2 → A at 1200 with c = 2;   maxMoves 2: the same.
    @Test func chainLimitFromTheDefaultBudget() throws {
        let both = ["web", "data"]
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1, paths: both),
                      Fixture.mentor("B", capacity: 1, paths: both, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1), Fixture.mentor("D", capacity: 1, styles: ["socratic": 1])],
            students: [Fixture.student("s", current: "C"),
                       Fixture.student("t1", current: "A", path: "data", preferences: ["hands-on": 1]),
                       Fixture.student("t2", current: "B", preferences: ["socratic": 1])])
        for policy in [Policy(), Policy(maxMovesPercent: 33)] {
            let one = try suggest(snapshot, "s", chainMoves: 2, policy: policy)
            #expect(one.chainMoves == 1)
            #expect(one.proposals.map(\.mentor) == ["B", "D"])
        }
        for policy in [Policy(maxMovesPercent: 34), Policy(maxMoves: 2)] {
            let two = try suggest(snapshot, "s", chainMoves: 2, policy: policy)
            #expect(two.chainMoves == 2)
            #expect(two.proposals.map(\.mentor) == ["A", "B", "D"])
            #expect(two.proposals.map(\.objectiveDelta) == [1200, 350, 0])
            #expect(moves(two.proposals[0]) == ["t1:A→B", "t2:B→D"])
        }
    }

    /// The one-move school of ``SuggestTests/oneMoveChain()``: s on C; A (expert 1, cap 1) holds t, who
    /// prefers hands-on and would gain 350 on B (hands-on, cap 1). With t settling (paired 10 days ago)
    /// t may not move, so A stays full: only B (delta 0). Paired 28 days ago: A at 500 + 350 = 850.
    @Test func settlingStudentNeverMovesInAChain() throws {
        func school(_ since: CalendarDate) -> Snapshot {
            Fixture.snapshot(
                mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1, styles: ["hands-on": 1]),
                          Fixture.mentor("C", capacity: 1)],
                students: [Fixture.student("s", current: "C"),
                           self.since(since, Fixture.student("t", current: "A", preferences: ["hands-on": 1]))])
        }
        let settling = try suggest(school(Self.tenDaysAgo), "s", chainMoves: 1)
        #expect(settling.proposals.map(\.mentor) == ["B"])
        #expect(settling.proposals.map(\.objectiveDelta) == [0])
        #expect(settling.notProposed.first { $0.mentor == "A" }?.reason == .fullSettling(capacity: 1, student: "t"))
        let settled = try suggest(school(Self.twentyEightDaysAgo), "s", chainMoves: 1)
        #expect(settled.proposals.map(\.mentor) == ["A", "B"])
        #expect(settled.proposals.map(\.objectiveDelta) == [850, 0])
        #expect(moves(settled.proposals[0]) == ["t:A→B"])
    }

    /// A settling s* is still given proposals: s* leaves (a forced move, no moveCost). s (p1) on C (425)
    /// since 10 days; A (expert 1) and B (expert 0.6: 0.3 + 0.425 = 725) have room:
    /// A 925 − 425 = 500, B 725 − 425 = 300; C is the mentor s leaves. (A rebalance keeps s on C.)
    @Test func settlingStudentStillGetsProposals() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 2), Fixture.mentor("B", expert: 0.6, capacity: 2),
                      Fixture.mentor("C", capacity: 5)],
            students: [since(Self.tenDaysAgo, Fixture.student("s", current: "C"))])
        let result = try suggest(snapshot, "s")
        #expect(result.proposals.map(\.mentor) == ["A", "B"])
        #expect(result.proposals.map(\.objectiveDelta) == [500, 300])
        #expect(result.notProposed.first { $0.mentor == "C" }?.reason == .excluded(.changeRequested))
        let kept = try rebalance(snapshot, solver: FlowAssignmentSolver())
        #expect(kept.entry("s").change == .keep)
        #expect(kept.entry("s").settlingKeptFrom?.mentor == "A")
    }

    // MARK: - Reporting in the spec's words

    /// §4b: "The result counts settling students and names the rule when it is why a better mentor was
    /// not proposed." s (p1) on B (425) since 10 days; A (expert 0.1: 0.05 + 0.425 = 475) fits better by 50,
    /// less than moveCost 150: even without the settling period s stays (cooldownWeeks 0: keep, 425), so
    /// settling is not why A was not proposed. And with A full (capacity 1, held by locked t), a seat is
    /// what s lacks. The engine names settling (settlingKeptFrom A) in both.
    @Test func settlingNamedOnlyWhenItIsWhy() throws {
        let s = since(Self.tenDaysAgo, Fixture.student("s", current: "B"))
        let small = Fixture.snapshot(mentors: [Fixture.mentor("A", expert: 0.1), Fixture.mentor("B")], students: [s])
        let off = try rebalance(small, policy: Policy(cooldownWeeks: 0), solver: FlowAssignmentSolver())
        #expect(off.entry("s").change == .keep && off.objective == 425)
        let full = Fixture.snapshot(mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B")],
                                    students: [s, Fixture.student("t", current: "A")], locks: [Lock(student: "t", mentor: "A")])
        for snapshot in [small, full] {
            let result = try rebalance(snapshot, solver: FlowAssignmentSolver())
            #expect(result.entry("s").change == .keep)
            #expect(result.entry("s").settlingKeptFrom == nil)
        }
    }

    /// §4b, the same sentence, in suggest (§6): A (expert 1, 925 for s) is full and the only student who
    /// could free it, t, is settling; A is not proposed because of the settling rule, but the reason given
    /// is only "full (capacity 1); no chain of at most 1 moves frees a seat".
    @Test func suggestNamesSettlingWhenItBlocksAChain() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 1), Fixture.mentor("B", capacity: 1, styles: ["hands-on": 1]),
                      Fixture.mentor("C", capacity: 1)],
            students: [Fixture.student("s", current: "C"),
                       since(Self.tenDaysAgo, Fixture.student("t", current: "A", preferences: ["hands-on": 1]))])
        let result = try suggest(snapshot, "s")
        let reason = try #require(result.notProposed.first { $0.mentor == "A" }?.reason)
        #expect(reason.text.contains("settling"))
    }

    /// §5: "results name every evicted student with the reason (`evicted`, the mentor whose capacity
    /// forced it)". s1 on A (capacity 0) with maxMoves 0: B has room, the budget keeps s1 from it. The
    /// kind (evicted, A) is right; the words say "no other candidate with room", which is not so here.
    @Test func evictionWordsUnderABudget() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 0), Fixture.mentor("B")],
            students: [Fixture.student("s1", current: "A")])
        let result = try rebalance(snapshot, policy: Policy(maxMoves: 0), solver: FlowAssignmentSolver())
        #expect(result.entry("s1").unassignedReason == .evicted(mentor: "A"))
        let text = try #require(result.entry("s1").reasonText)
        #expect(!text.contains("no other candidate with room"))
    }
}
