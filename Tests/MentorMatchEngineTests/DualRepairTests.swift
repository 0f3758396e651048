import MentorMatchData
import Testing
@testable import MentorMatchEngine

/// `DualRepair` never certifies a flow that is not optimal for every pair, and the duals it returns are
/// checked here arc by arc, independently of its code.
@Suite("DualRepair")
struct DualRepairTests {
    @Test("repaired duals certify every residual arc of the whole program; a flow that is not optimal is never certified")
    func soundOnGeneratedSchools() throws {
        var repaired = 0, refused = 0
        for seed in UInt64(1)...80 {
            let students = 60 + Int(seed % 8) * 20
            let snapshot = SnapshotGenerator.generate(students: students, mentors: max(3, students / 10), seed: seed)
            // An explicit budget, the default one (2% of the students with a mentor), or none in effect (100%).
            var policy = Policy()
            policy.maxMoves = seed % 3 == 0 ? students / 25 : nil
            if seed % 3 == 2 { policy.maxMovesPercent = 100 }
            let context = try MatchingContext(snapshot: snapshot, policy: policy)
            let table = CandidateTable(context)
            let full = FlowAssignmentSolver().solve(EncodedProblem(context, candidates: table).problem, limits: SolveLimits())
            for perStudent in [1, 2, 4, 8] {
                let restricted = CandidateTable.best(perStudent: perStudent, perMentor: 0, of: context, from: table)
                let encoded = EncodedProblem(context, candidates: restricted)
                let (solution, certificate) = FlowAssignmentSolver().solveWithDuals(encoded.problem, limits: SolveLimits())
                guard let certificate, certificate.certifies, solution.status == .optimal else { continue }
                let added = PricedRebalance.pairsPricingIn(context, table, restricted: restricted, duals: certificate.duals)
                let violators = Array(Set(added.joined().map(\.student))).sorted()
                guard !violators.isEmpty else { continue }
                let repair = DualRepair(context: context, table: table, p: certificate.duals.priceNumerator,
                                        q: certificate.duals.priceDenominator)
                let label = "seed \(seed), \(perStudent) pair(s) first, budget \(policy.maxMoves.map(String.init) ?? "\(policy.maxMovesPercent)%")"
                guard let duals = repair.repaired(certificate.duals, headOf: certificate.headOf, violators: violators,
                                                  workLimit: 20 * table.pairCount) else {
                    refused += 1
                    continue
                }
                repaired += 1
                #expect(solution.objective == full.objective, "\(label): certified \(solution.objective), optimum \(full.objective)")
                expectCertifies(duals, headOf: certificate.headOf, context: context, table: table, label: label)
            }
        }
        #expect(repaired >= 10, "only \(repaired) repairs")
        #expect(refused >= 10, "only \(refused) refusals")
    }

    /// Every residual arc of the whole program (each pair, each mentor's and arrival node's link, each
    /// student's arc to the sink) has a non-negative reduced cost under `duals` (sink at 0).
    private func expectCertifies(_ duals: FlowDuals, headOf: [Int32], context: MatchingContext, table: CandidateTable, label: String) {
        let sCount = context.studentCount, mCount = context.mentorCount
        let p = duals.priceNumerator, q = duals.priceDenominator
        var load = [Int](repeating: 0, count: mCount), arrivals = [Int](repeating: 0, count: mCount)
        for h in headOf where h >= 0 {
            let m = (Int(h) - sCount) % mCount
            load[m] += 1
            if Int(h) >= sCount + mCount { arrivals[m] += 1 }
        }
        for m in 0..<mCount {
            let mentor = context.snapshot.mentors[m], pm = duals.mentorPotential[m], pa = duals.arrivalPotential[m]
            if load[m] < mentor.capacity { #expect(pm >= 0, "\(label): mentor \(m) has room, potential \(pm)") }
            if load[m] > 0 { #expect(pm <= 0, "\(label): mentor \(m) is used, potential \(pm)") }
            if arrivals[m] < (mentor.maxNewPerWeek ?? .max) { #expect(pa >= pm, "\(label): arrival link of \(m)") }
            if arrivals[m] > 0 { #expect(pm >= pa, "\(label): arrival link back of \(m)") }
        }
        let penalty = context.policy.unassignedPenalty, eviction = context.policy.evictionCost
        for s in 0..<sCount {
            let value = duals.studentValue[s]
            if case .locked = context.roles[s] { continue }
            if headOf[s] >= 0 { #expect(value <= 0, "\(label): student \(s) could leave for the sink") } else { #expect(value >= 0) }
            for i in table.range(of: s) {
                let m = Int(table.mentor[i]), fit = Int(table.fit[i])
                let cur = context.currentMentor[s]
                let isMove = context.roles[s] == .voluntary && m != cur, isArrival = m != cur
                // Weight of the pair plus what leaving s unassigned costs (§5): p·unassignedPenalty, and
                // evictionCost on top for a voluntary student (v2).
                let unassigned = context.priority[s] * penalty + (context.roles[s] == .voluntary ? eviction : 0)
                let profit = context.priority[s] * fit - (isMove ? context.policy.moveCost : 0) + unassigned
                guard profit > 0 else { continue }
                let cost = -q * profit + (isMove ? p : 0)
                let head = isArrival ? duals.arrivalPotential[m] : duals.mentorPotential[m]
                let reduced = cost - head - value
                let chosenHead = isArrival ? sCount + mCount + m : sCount + m
                if Int(headOf[s]) == chosenHead {
                    // Its reverse arc is the residual one.
                    #expect(reduced <= 0, "\(label): chosen pair (\(s), \(m)) has reduced cost \(reduced)")
                } else {
                    #expect(reduced >= 0, "\(label): pair (\(s), \(m)) has reduced cost \(reduced)")
                }
            }
        }
    }
}
