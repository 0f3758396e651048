import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// Column generation (`PricedRebalance`) against the full pair set: the flow solver on every pair, and
/// the GLPK MIP (an independent solver) on the smaller schools.
@Suite("PricedRebalance against the full pair set and the GLPK MIP")
struct PricedRebalanceTests {
    /// How the pipeline reads and ranks the pairs: every pair kept in a table and the first ones ranked by
    /// weight (the default on small schools), ranked by a price estimate (replicas of 2 mentors), or
    /// every pass recomputing the fits from the context (no table).
    enum Variant: CaseIterable { case byWeight, estimated, streamed }

    /// A generated school, rebalanced by pricing with `arcs` pairs per student first and by both full solvers.
    private func check(students: Int, seed: UInt64, arcs: Int, budget: Int?, mip: Bool, variant: Variant = .byWeight)
        throws -> (report: PricedRebalance.Report, priced: Int, unbudgeted: Int?) {
        let snapshot = SnapshotGenerator.generate(students: students, mentors: max(2, students / 10), seed: seed)
        var policy = Policy()
        policy.maxMoves = budget
        if budget == nil { policy.maxMovesPercent = 100 }  // no budget in effect (the default would be 2%)
        let context = try MatchingContext(snapshot: snapshot, policy: policy)
        var pipeline = PricedRebalance(arcsPerStudent: arcs)
        switch variant {
        case .byWeight: break
        case .estimated: pipeline.mentorsPerEstimateGroup = 2
        case .streamed: pipeline.tablePairLimit = 0
        }
        let (result, report) = pipeline.rebalance(context)
        #expect(report.keptPairTable == (variant != .streamed))
        #expect((report.estimateGroups > 0) == (variant == .estimated && context.mentorCount >= 8))
        let full = EncodedProblem(context)
        let reference = FlowAssignmentSolver().solve(full.problem, limits: SolveLimits())
        let label = "students \(students) seed \(seed) arcs \(arcs) budget \(budget.map(String.init) ?? "none") \(variant)"
        #expect(result.statusName == "optimal", "\(label)")
        #expect(reference.status == .optimal, "\(label)")
        #expect(result.objective == reference.objective, "\(label): priced \(result.objective ?? 0), full \(reference.objective)")
        #expect(result.bound == result.objective, "\(label)")
        if let budget { #expect(result.summary.voluntaryMoves <= budget, "\(label)") }
        // Every assigned student sits on one of its candidates (or its lock), within capacity.
        var load = [String: Int]()
        let candidates = (0..<context.studentCount).map { Set(context.candidateMentors(of: $0)) }
        let index = Dictionary(uniqueKeysWithValues: snapshot.mentors.enumerated().map { ($1.id, $0) })
        for (s, entry) in result.entries.enumerated() {
            guard let mentor = entry.mentor else { continue }
            load[mentor, default: 0] += 1
            if case .locked = context.roles[s] { continue }
            #expect(candidates[s].contains(index[mentor]!), "\(label): student #\(s) on a non-candidate")
        }
        for m in snapshot.mentors { #expect((load[m.id] ?? 0) <= m.capacity, "\(label): mentor over capacity") }
        if mip {
            let exact = MIPAssignmentSolver().solve(full.problem, limits: SolveLimits(timeLimitSeconds: 120))
            #expect(exact.status == .optimal, "\(label)")
            #expect(exact.objective == result.objective, "\(label): MIP \(exact.objective)")
        }
        var unbudgeted: Int?
        if budget != nil {
            var free = full.problem
            free.maxMoves = nil
            unbudgeted = FlowAssignmentSolver().solve(free, limits: SolveLimits()).objective
        }
        return (report, result.objective ?? 0, unbudgeted)
    }

    @Test("same optimum as the full flow solve and the MIP on generated schools, no move budget")
    func withoutBudget() throws {
        var added = 0, certified = 0
        for seed in UInt64(1)...12 {
            for arcs in [1, 2, 4] {
                let students = 40 + Int(seed) * 15
                let variant = Variant.allCases[Int(seed) % 3]
                let (report, _, _) = try check(students: students, seed: seed, arcs: arcs, budget: nil, mip: students <= 150, variant: variant)
                if report.pairsAdded > 0 { added += 1 }
                if !report.solvedFullSet { certified += 1 }
            }
        }
        #expect(added >= 12, "pricing added pairs in only \(added) of 36 solves")
        #expect(certified == 36, "the dual certificate closed only \(certified) of 36 solves")
    }

    @Test("same optimum with binding move budgets")
    func withBudget() throws {
        var binding = 0, added = 0, certified = 0
        for seed in UInt64(21)...32 {
            let students = 50 + Int(seed - 20) * 12
            for (arcs, budget) in [(1, 0), (2, 3), (3, students / 50), (2, students / 10)] {
                let variant = Variant.allCases[Int(seed) % 3]
                let (report, priced, free) = try check(students: students, seed: seed, arcs: arcs, budget: budget, mip: students <= 130, variant: variant)
                if let free, free > priced { binding += 1 }
                if report.pairsAdded > 0 { added += 1 }
                if !report.solvedFullSet { certified += 1 }
            }
        }
        #expect(certified == 48, "the dual certificate closed only \(certified) of 48 solves")
        #expect(binding >= 18, "only \(binding) of 48 budgets were binding")
        #expect(added >= 12, "pricing added pairs in only \(added) of 48 solves")
    }

    @Test("with a move budget and many pairs pricing in, rounds at the searched price reach the same optimum")
    func priceOnlyRounds() throws {
        // Schools of 1,500 and 2,000 students: there pricing adds more pairs than the dual repair would try.
        for (students, seed) in [(1_500, UInt64(41)), (2_000, UInt64(42))] {
            let (report, _, _) = try check(students: students, seed: seed, arcs: 1, budget: students / 50, mip: false)
            #expect(report.roundDetails.contains { $0.priceOnly }, "students \(students): no round at the searched price")
        }
    }

    @Test("pricing must add pairs: one pair per student leaves better pairs out, found and added")
    func pricingAddsPairs() throws {
        let (report, _, _) = try check(students: 300, seed: 5, arcs: 1, budget: nil, mip: false)
        #expect(report.rounds >= 2)
        #expect(report.pairsAdded > 0)
        #expect(!report.solvedFullSet)
    }

    @Test("fallbacks: the full pair set after too many rounds; an honest bound when it is too large to hold")
    func fallbacks() throws {
        let snapshot = SnapshotGenerator.generate(students: 200, mentors: 20, seed: 9)
        let context = try MatchingContext(snapshot: snapshot, policy: Policy(maxMoves: 4))
        let reference = FlowAssignmentSolver().solve(EncodedProblem(context).problem, limits: SolveLimits())
        let (full, fullReport) = PricedRebalance(arcsPerStudent: 1, maxRounds: 1).rebalance(context)
        #expect(fullReport.solvedFullSet)
        #expect(full.statusName == "optimal")
        #expect(full.objective == reference.objective)
        let (capped, cappedReport) = PricedRebalance(arcsPerStudent: 1, maxRounds: 1, fullSetPairLimit: 0).rebalance(context)
        #expect(!cappedReport.solvedFullSet)
        #expect(capped.statusName == "feasible")
        #expect((capped.objective ?? .max) < reference.objective)
        #expect((capped.bound ?? .min) >= reference.objective)
    }

    @Test("a time limit gives the restricted answer as feasible, with a bound that holds for every pair")
    func timeLimit() throws {
        let snapshot = SnapshotGenerator.generate(students: 300, mentors: 30, seed: 11)
        var policy = Policy(maxMoves: 5)
        let reference = FlowAssignmentSolver().solve(EncodedProblem(try MatchingContext(snapshot: snapshot, policy: policy)).problem,
                                                     limits: SolveLimits())
        policy.timeLimitSeconds = 1e-9
        let context = try MatchingContext(snapshot: snapshot, policy: policy)
        let (result, report) = PricedRebalance(arcsPerStudent: 2).rebalance(context)
        #expect(!report.solvedFullSet)
        #expect(result.statusName == "feasible")
        #expect(result.statusName != "optimal" || result.objective == reference.objective)
        if let bound = result.bound { #expect(bound >= reference.objective) }
        if let objective = result.objective, result.statusName != "failed" {
            #expect(objective <= reference.objective)
            #expect(result.summary.voluntaryMoves <= 5)
        }
    }
}
