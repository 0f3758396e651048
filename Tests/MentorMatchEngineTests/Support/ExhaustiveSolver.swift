@testable import MentorMatchEngine

/// Solves tiny ``AssignmentProblem``s by trying every assignment: a reference that shares no
/// code with the MIP or flow solvers. Ties go to the first assignment found (deterministic).
struct ExhaustiveSolver: AssignmentSolver {
    func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
        var best: (objective: Int, chosen: [Int?])?
        var chosen = [Int?](repeating: nil, count: problem.studentCount)
        func feasible() -> Bool {
            var load = [Int](repeating: 0, count: problem.mentorCount)
            var arrivals = [Int](repeating: 0, count: problem.mentorCount)
            var moves = 0
            for a in chosen.compactMap({ $0 }) {
                let arc = problem.arcs[a], m = Int(arc.mentor)
                load[m] += 1
                if arc.isArrival { arrivals[m] += 1 }
                if arc.isMove { moves += 1 }
            }
            for m in 0..<problem.mentorCount {
                if load[m] > problem.capacity[m] { return false }
                if let limit = problem.maxNew[m], arrivals[m] > limit { return false }
            }
            if let limit = problem.maxMoves, moves > limit { return false }
            return true
        }
        func visit(_ s: Int) {
            if s == problem.studentCount {
                guard feasible() else { return }
                var total = 0
                for t in 0..<problem.studentCount {
                    if let a = chosen[t] { total += problem.arcs[a].weight } else { total -= problem.unassignedCost[t] }
                }
                if best == nil || total > best!.objective { best = (total, chosen) }
                return
            }
            for a in problem.arcRange(of: s) {
                chosen[s] = a
                visit(s + 1)
            }
            if problem.mayBeUnassigned[s] {
                chosen[s] = nil
                visit(s + 1)
            }
            chosen[s] = nil
        }
        visit(0)
        guard let best else {
            return AssignmentSolution(status: .infeasible, chosenArc: chosen, objective: 0, bound: 0, seconds: 0)
        }
        return AssignmentSolution(status: .optimal, chosenArc: best.chosen, objective: best.objective,
                                  bound: best.objective, seconds: 0)
    }
}
