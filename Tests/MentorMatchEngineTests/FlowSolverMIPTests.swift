import GLPK
import Testing
@testable import MentorMatchEngine

/// The flow solver against the reference MIP (the §5 program solved by GLPK's branch and cut).
@Suite("FlowAssignmentSolver against the GLPK MIP")
struct FlowSolverMIPTests {
    @Test("same optimum on 24 medium random programs (binding budgets, intake limits, locks)")
    func agreesWithMIP() {
        var g = SeededGenerator(seed: 424242)
        let flow = FlowAssignmentSolver()
        let mip = MIPAssignmentSolver(backend: GLPKBackend())
        var binding = 0
        for round in 0..<24 {
            let p = randomProblem(
                students: Int.random(in: 80...200, using: &g), mentors: Int.random(in: 8...20, using: &g),
                candidates: 3...8, using: &g, lockChance: 0.03, budgetChance: 0.75,
                capacity: 3...16, maxNew: 1...6, budget: 0...25)
            let reference = mip.solve(p, limits: SolveLimits(timeLimitSeconds: 60))
            let result = flow.solve(p, limits: SolveLimits())
            #expect(result.status == reference.status, "round \(round)")
            guard reference.status == .optimal else { continue }
            #expect(result.objective == reference.objective, "round \(round)")
            #expect(result.bound == reference.objective, "round \(round)")
            #expect(Reference.isFeasible(p, result.chosenArc), "round \(round)")
            var free = p
            free.maxMoves = nil
            if p.maxMoves != nil && flow.solve(free, limits: SolveLimits()).objective > result.objective { binding += 1 }
        }
        #expect(binding >= 8, "only \(binding) programs had a binding move budget")
    }
}
