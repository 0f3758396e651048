import MentorMatchData
import Testing
@testable import MentorMatchEngine

@Suite struct WhatIfTests {
    /// Base: A (expert 1, capacity 2) holds s1 (p2) and s3 (p1); B (expert 0, capacity 2) holds s2.
    ///   base objective: 2·925 + 425 + 925 = 3200, nobody moves.
    /// Scenario: A leaves (inactive). s1 and s3 are forced out; B has one seat left:
    ///   s1→B: 2·425 = 850, s3 unassigned −5000 → 850 + 425 − 5000 = −3725;
    ///   s3→B: 425, s1 unassigned −10000 → worse. So s1 moves to B, s3 is newly unassigned (B full).
    @Test(arguments: SolverKind.allCases) func mentorLeaves(_ kind: SolverKind) throws {
        let base = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1, capacity: 2), Fixture.mentor("B", capacity: 2)],
            students: [Fixture.student("s1", current: "A", missed: 1), Fixture.student("s2", current: "B"),
                       Fixture.student("s3", current: "A")])
        var scenario = base
        scenario.mentors[0].active = false
        let result = try whatIf(base: base, scenario: scenario, options: RebalanceOptions(method: .allPairs(kind.solver)))
        #expect(result.base.objective == 3200)
        #expect(result.scenario.objective == -3725)
        #expect(result.diff.mentorChanges == [
            .init(student: "s1", baseMentor: "A", scenarioMentor: "B"),
            .init(student: "s3", baseMentor: "A", scenarioMentor: nil),
        ])
        #expect(result.diff.newlyUnassigned == [.init(student: "s3", baseMentor: "A", reason: .allCandidatesFull(mentors: ["B"]))])
        let figures = Dictionary(uniqueKeysWithValues: result.diff.figures.map { ($0.name, $0) })
        #expect(figures["objective"]?.delta == -6925)
        #expect(figures["forcedMoves"]?.scenario == 1)
        #expect(figures["assigned"]?.base == 3 && figures["assigned"]?.scenario == 2)
        #expect(figures["unassigned.allCandidatesFull"]?.scenario == 1)
        // Utilisation: base A 2/2, B 1/2 → mean 0.75; scenario only B (active) 2/2 → 1.
        #expect(figures["utilisationMean"]?.base == 0.75 && figures["utilisationMean"]?.scenario == 1)
        // The budget of each run comes from its own students with a mentor (v2): 3 in both, ceil(0.06) = 1.
        #expect(result.base.maxMoves == 1 && result.scenario.maxMoves == 1)
        let text = result.jsonText(indent: nil)
        #expect(text.hasPrefix(#"{"kind":"whatif","tzdata":"#))
        #expect(text.contains(#""base":{"kind":"rebalance""#))
        #expect(text.contains(#""diff":{"figures":{"objective":{"base":3200.0,"scenario":-3725.0,"delta":-6925.0}"#))
    }

    /// A policy what-if (§7, v2): the same school, the scenario under its own policy. s1 (p1) and s2 (p2)
    /// are on B (425); A (925) has room: a move gains s1 350, s2 2·500 − 150 = 850.
    ///   base, default budget ceil(2% · 2) = 1: only s2 moves: 425 + 1700 = 2125;
    ///   scenario, maxMovesPercent 100 (budget 2): both move: 775 + 1700 = 2475.
    @Test(arguments: SolverKind.allCases) func policyWhatIf(_ kind: SolverKind) throws {
        let school = Fixture.snapshot(
            mentors: [Fixture.mentor("A", expert: 1), Fixture.mentor("B")],
            students: [Fixture.student("s1", current: "B"), Fixture.student("s2", current: "B", missed: 1)])
        let result = try whatIf(base: school, scenario: school, scenarioPolicy: Policy(maxMovesPercent: 100),
                                options: RebalanceOptions(method: .allPairs(kind.solver)))
        #expect(result.base.objective == 2125 && result.base.maxMoves == 1)
        #expect(result.scenario.objective == 2475 && result.scenario.maxMoves == 2)
        #expect(result.diff.mentorChanges == [.init(student: "s1", baseMentor: "B", scenarioMentor: "A")])
    }
}
