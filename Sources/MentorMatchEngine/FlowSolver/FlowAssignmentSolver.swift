import MIPModel

/// An exact solver for the rebalance program that uses its structure. Without
/// the move budget the program is a min-cost flow (integral), solved by
/// ``SuccessiveShortestPaths``. The budget Σ moves ≤ maxMoves is priced into
/// the move arcs (Lagrangian relaxation, ``LagrangianSearch``): integer prices
/// by secant steps, then Newton's method on the piecewise-linear dual up to the
/// exact breakpoint, where optimal flows on either side are mixed cycle by cycle
/// to use the budget exactly (``MoveBudgetRepair``). The answer is `.optimal`
/// only when its objective equals a proven bound; a gap left at the breakpoint
/// is closed by ``BranchAndBound``; a time limit or cancellation gives
/// `.feasible` with the best bound. Deterministic: ties are broken by index.
///
///     let solution = FlowAssignmentSolver().solve(problem, limits: SolveLimits(timeLimitSeconds: 60))
public struct FlowAssignmentSolver: AssignmentSolver {
    public init() {}

    public func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
        solveWithDuals(problem, limits: limits).solution
    }

    /// The root flow of a solve at its final move price and the duals that go with it: for pricing pairs
    /// left out, and to start the next solve of a larger pair set from.
    struct Certificate {
        var duals: FlowDuals
        /// The head of each student's arc in that flow (its mentor's node, or the mentor's arrival node, in
        /// ``FlowInstance`` numbering, which depends only on the numbers of students and mentors), −1 unassigned.
        var headOf: [Int32]
        /// True when the answer is optimal with an objective equal to the root's Lagrangian bound: then
        /// duals that price out every pair left out prove it optimal for them too. Otherwise (branching
        /// closed a gap below the bound) they do not.
        var certifies: Bool
    }

    /// The optimal flow at the move price of `warmStart` (an optimum of the same program with fewer arcs, which
    /// it starts from) and its duals, without searching the price: for pricing pairs in while the price
    /// stays where an earlier search put it. `certifies` is false: this flow answers nothing about the budget.
    /// Nil when the solve was stopped or the problem cannot be solved.
    func dualsAtPrice(of warmStart: Certificate, _ problem: AssignmentProblem, limits: SolveLimits) -> Certificate? {
        let shouldStop = limits.stopCondition(since: .now)
        guard let instance = try? FlowInstance(problem), warmStart.headOf.count == problem.studentCount else { return nil }
        let search = LagrangianSearch(instance: instance, shouldStop: shouldStop)
        search.seed(headOf: warmStart.headOf, duals: warmStart.duals)
        guard search.solve(atPrice: warmStart.duals.priceNumerator, warmStart.duals.priceDenominator) else { return nil }
        return Certificate(duals: search.lastDuals, headOf: search.lastFlow.map { $0 >= 0 ? instance.arcHead[Int($0)] : -1 },
                           certifies: false)
    }

    /// Solves (from `warmStart`, an earlier solve of the same program with fewer arcs, when given) and
    /// returns the root's ``Certificate`` when the price search ran to its end.
    func solveWithDuals(_ problem: AssignmentProblem, limits: SolveLimits, warmStart: Certificate? = nil)
        -> (solution: AssignmentSolution, certificate: Certificate?) {
        let start = ContinuousClock.now
        func elapsed() -> Double { start.secondsUntilNow }
        let shouldStop = limits.stopCondition(since: start)

        let instance: FlowInstance
        do { instance = try FlowInstance(problem) } catch {
            return (AssignmentSolution(status: .failed(error.description), chosenArc: Array(repeating: nil, count: problem.studentCount),
                                       objective: 0, bound: 0, seconds: elapsed()), nil)
        }
        let shift = instance.unassignedTotal
        var search = BranchAndBound(root: instance, shouldStop: shouldStop)
        if let warmStart, warmStart.headOf.count == problem.studentCount,
           warmStart.duals.mentorPotential.count == problem.mentorCount {
            search.warmStart = (warmStart.headOf, warmStart.duals)
        }
        if let progress = limits.progress {
            search.report = { incumbentProfit, boundProfit in
                let incumbent = incumbentProfit.map { $0 - shift }, bound = boundProfit - shift
                let gap = incumbent.map { Double(bound - $0) / Double(max(1, abs($0))) }
                progress(SolveProgress(elapsedSeconds: elapsed(), incumbent: incumbent.map(Double.init),
                                       bound: Double(bound), gap: gap))
            }
        }
        let outcome = search.run()

        func solution(_ status: AssignmentSolution.Status, _ chosen: [Int], profitBound: Int?) -> AssignmentSolution {
            let arcs: [Int?] = chosen.map { $0 >= 0 ? $0 : nil }
            let objective = problem.objective(of: arcs)
            let bound = max(objective, profitBound.map { $0 - shift } ?? objective)
            var status = status
            if status == .feasible, Double(bound - objective) <= limits.relativeGap * Double(max(1, abs(objective))) {
                status = .optimal
            }
            return AssignmentSolution(status: status, chosenArc: arcs, objective: objective, bound: bound, seconds: elapsed())
        }
        let result = answer(outcome)
        guard let root = search.rootCertificate else { return (result, nil) }
        let headOf = root.flow.map { $0 >= 0 ? instance.arcHead[Int($0)] : -1 }
        let certifies = result.status == .optimal && result.objective == root.profitBound - shift
        return (result, Certificate(duals: root.duals, headOf: headOf, certifies: certifies))

        func answer(_ outcome: BranchAndBound.Outcome) -> AssignmentSolution {
            switch outcome {
            case .optimal(let chosen):
                return solution(.optimal, chosen, profitBound: nil)
            case .feasible(let chosen, let profitBound):
                return solution(.feasible, chosen, profitBound: profitBound)
            case .infeasible:
                return AssignmentSolution(status: .infeasible, chosenArc: Array(repeating: nil, count: problem.studentCount),
                                          objective: 0, bound: 0, seconds: elapsed())
            case .stoppedWithoutSolution(let profitBound):
                return AssignmentSolution(status: .failed("stopped before a feasible assignment was found"),
                                          chosenArc: Array(repeating: nil, count: problem.studentCount),
                                          objective: 0, bound: profitBound - shift, seconds: elapsed())
            }
        }
    }
}
