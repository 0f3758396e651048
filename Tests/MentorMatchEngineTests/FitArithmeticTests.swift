import MentorMatchData
import Testing
@testable import MentorMatchEngine

@Suite struct FitArithmeticTests {
    /// Student prefers hands-on 1.0 and encouraging 0.5; mentor m1 is hands-on 0.9, structured 0.6,
    /// encouraging 0.2.
    ///   style: num = 1.0·0.9 + 0.5·0.2 = 1.0, den = 1.5 → 0.666…
    ///   avail: student Mon 19:00-22:00 UTC, mentor Mon 18:00-21:00 UTC → 120 min; 120/135 = 0.888…
    ///   sat:   ratings of m1: 4 and 5 (n = 2, R = 9); all ratings 4, 5, 3 → μ = 4.0; P = 5;
    ///          score = (9 + 20)/7 = 4.142857…; sat = 3.142857…/4 = 0.785714…
    ///   v = 0.5·0.666667 + 0.2·0.888889 + 0.3·0.785714 = 0.333333 + 0.177778 + 0.235714 = 0.746825
    ///   fit = floor(746.825 + 0.5) = 747
    @Test func concretePair() throws {
        let m1 = Fixture.mentor("m1", styles: ["hands-on": 0.9, "structured": 0.6, "encouraging": 0.2])
        let m2 = Fixture.mentor("m2")
        let s = Fixture.student("s1", availability: ["Mon 19:00-22:00"], preferences: ["hands-on": 1.0, "encouraging": 0.5])
        let snapshot = Fixture.snapshot(
            mentors: [m1, m2], students: [s],
            feedback: [Fixture.rating("s1", "m1", 4), Fixture.rating("s1", "m1", 5, day: 21), Fixture.rating("s1", "m2", 3)])
        let context = try MatchingContext(snapshot: snapshot)
        let score = context.score(student: 0, mentor: 0)
        #expect(abs(score.style - 2.0 / 3.0) < 1e-12)
        #expect(abs(score.availability - 120.0 / 135.0) < 1e-12)
        #expect(abs(score.satisfaction - (29.0 / 7.0 - 1) / 4) < 1e-12)
        #expect(score.fit == 747)
        #expect(SnapshotReference(snapshot: snapshot, policy: Policy()).fit(s, m1) == 747)
    }

    /// Halves round up: weights (1, 0, 0), preference expert 1.0, profile expert 0.0625
    /// → v = 0.0625, v·1000 = 62.5 exactly → floor(63.0) = 63.
    @Test func halvesRoundUp() throws {
        let policy = Policy(weights: .init(style: 1, availability: 0, satisfaction: 0))
        #expect(FitArithmetic.fit(style: 0.0625, availability: 0, satisfaction: 0, weights: policy.weights) == 63)
        #expect(FitArithmetic.fit(style: 0.0614, availability: 0, satisfaction: 0, weights: policy.weights) == 61)
    }

    /// No preference at all → style 0.5; no feedback → μ = 4, sat = (0 + 5·4)/5 → (4 − 1)/4 = 0.75;
    /// v = 0.5·0.5 + 0.2·1 + 0.3·0.75 = 0.675 → 675.
    @Test func neutralDefaults() throws {
        let snapshot = Fixture.snapshot(mentors: [Fixture.mentor("m1", expert: 1)],
                                        students: [Fixture.student("s1", preferences: [:])])
        let score = try MatchingContext(snapshot: snapshot).score(student: 0, mentor: 0)
        #expect(score.style == 0.5)
        #expect(score.satisfaction == 0.75)
        #expect(score.fit == 675)
    }

    /// Time zones: the student in Europe/Paris (UTC+1 on 2026-11-23) is available Mon 19:00-22:00 local
    /// = 18:00-21:00 UTC, exactly the mentor's UTC evening: 180 min → avail 1.
    @Test func zonesShiftToUTC() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("m1")],
            students: [Fixture.student("s1", availability: ["Mon 19:00-22:00"], timezone: "Europe/Paris")])
        #expect(try MatchingContext(snapshot: snapshot).score(student: 0, mentor: 0).availability == 1)
    }

    /// Rule 4 counts windows per run: two 30-minute overlaps (60 minutes in all) hold no 45-minute session.
    @Test func windowsArePerRun() throws {
        let snapshot = Fixture.snapshot(
            mentors: [Fixture.mentor("m1", availability: ["Mon 18:00-18:30", "Tue 18:00-18:30"])],
            students: [Fixture.student("s1", availability: ["Mon 18:00-19:00", "Tue 18:00-19:00"])])
        let context = try MatchingContext(snapshot: snapshot)
        #expect(context.exclusion(student: 0, mentor: 0) == .noSessionWindow)
        #expect(context.candidateMentors(of: 0).isEmpty)
    }
}

@Suite struct PriorityTests {
    func priority(_ student: Student, feedback: [Feedback] = []) throws -> Int {
        let snapshot = Fixture.snapshot(mentors: [Fixture.mentor("m1"), Fixture.mentor("m2")], students: [student],
                                        feedback: feedback)
        return try MatchingContext(snapshot: snapshot).priority[0]
    }

    @Test func atRisk() throws {
        #expect(try priority(Fixture.student("s", missed: 3)) == 3)
        #expect(try priority(Fixture.student("s", help: 1)) == 3)
        #expect(try priority(Fixture.student("s", current: "m1", changeRequested: true)) == 3)
    }

    @Test func watch() throws {
        #expect(try priority(Fixture.student("s", missed: 1)) == 2)
        #expect(try priority(Fixture.student("s", missed: 2)) == 2)
        // Latest rating of the current mentor is 3.
        #expect(try priority(Fixture.student("s", current: "m1"), feedback: [Fixture.rating("s", "m1", 3)]) == 2)
        // Same-day tie: 5 and 3 on the latest day → the lowest, 3.
        #expect(try priority(Fixture.student("s", current: "m1"),
                             feedback: [Fixture.rating("s", "m1", 5, day: 21), Fixture.rating("s", "m1", 3, day: 21)]) == 2)
    }

    @Test func normal() throws {
        #expect(try priority(Fixture.student("s")) == 1)
        // An older low rating, a later good one: the latest counts.
        #expect(try priority(Fixture.student("s", current: "m1"),
                             feedback: [Fixture.rating("s", "m1", 2, day: 10), Fixture.rating("s", "m1", 5, day: 20)]) == 1)
        // A low rating of another mentor does not count.
        #expect(try priority(Fixture.student("s", current: "m1"), feedback: [Fixture.rating("s", "m2", 1)]) == 1)
    }
}

@Suite struct CandidateRuleTests {
    /// One mentor per rule, in the order of §2; the first failing rule is the one reported.
    @Test func everyRuleNamed() throws {
        let snapshot = Fixture.snapshot(
            mentors: [
                Fixture.mentor("ok"),
                Fixture.mentor("inactive", languages: ["en"], active: false),  // inactive (and language): rule 1 first
                Fixture.mentor("english", languages: ["en"]),
                Fixture.mentor("data", paths: ["data"]),
                Fixture.mentor("morning", availability: ["Mon 08:00-09:00"]),
                Fixture.mentor("vetoed"),
                Fixture.mentor("current"),
            ],
            students: [Fixture.student("s1", current: "current", changeRequested: true)],
            feedback: [Fixture.rating("s1", "vetoed", 2)])
        let context = try MatchingContext(snapshot: snapshot)
        #expect(context.candidateMentors(of: 0) == [0])
        #expect(context.exclusions(of: 0) == [
            Exclusion(mentor: 1, rule: .inactive), Exclusion(mentor: 2, rule: .language), Exclusion(mentor: 3, rule: .path),
            Exclusion(mentor: 4, rule: .noSessionWindow), Exclusion(mentor: 5, rule: .vetoedByFeedback),
            Exclusion(mentor: 6, rule: .changeRequested),
        ])
        #expect(context.roles[0] == .forced(.changeRequested))
        let report = context.report(student: 0)
        #expect(report.candidates.map(\.mentor) == ["ok"])
        #expect(report.candidates.first?.score == context.score(student: 0, mentor: 0))
        #expect(report.excluded.map(\.mentor) == ["inactive", "english", "data", "morning", "vetoed", "current"])
        #expect(report.priority == 3)
        // A candidate through the index matches a candidate by the rules, mentor by mentor.
        for m in 0..<context.mentorCount {
            #expect(context.candidateMentors(of: 0).contains(m) == (context.exclusion(student: 0, mentor: m) == nil))
        }
    }
}
