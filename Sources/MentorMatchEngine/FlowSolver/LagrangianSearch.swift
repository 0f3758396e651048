/// The move budget by Lagrangian relaxation, over profits (objective + Σ unassignedCost).
///
/// For a price λ = P/Q on each move, the flow optimum x(λ) gives the bound
/// L(λ) = f(x) − λ·(k(x) − K) ≥ the program's optimum (f = profit, k = moves,
/// K = budget); if k(x) = K, or λ = 0 and k(x) ≤ K, x is optimal. Newton's
/// method on the convex piecewise-linear L: intersect the lines of the last
/// point above the budget and the last point below; the intersection is the
/// breakpoint λ* as soon as the flow there is no better than both lines.
struct LagrangianSearch {
    enum Outcome {
        case optimal([Int32])
        /// Feasible, with the best proven upper bound on the profit, and (when the
        /// search ended at a breakpoint, not at a limit) a student choice to branch on.
        case feasible([Int32], profitBound: Int, branch: (student: Int, option: Int32)?)
        case infeasible
        case stoppedWithoutSolution
    }

    private struct Point {
        var chosen: [Int32]
        var profit: Int
        var moves: Int
    }

    private enum Evaluation {
        case point(Point)
        case infeasible
        case stopped(partial: [Int32])
    }

    let instance: FlowInstance
    let shouldStop: () -> Bool
    private let flow: SuccessiveShortestPaths
    private var bestBound: Int

    init(instance: FlowInstance, shouldStop: @escaping () -> Bool) {
        self.instance = instance
        self.shouldStop = shouldStop
        self.flow = SuccessiveShortestPaths(instance)
        self.bestBound = instance.profitBound
    }

    private func evaluate(_ p: Int, _ q: Int) -> Evaluation {
        switch flow.solve(priceNumerator: p, denominator: q, shouldStop: shouldStop) {
        case .optimal:
            let (profit, moves) = flow.profitAndMoves
            return .point(Point(chosen: flow.chosen, profit: profit, moves: moves))
        case .infeasible:
            return .infeasible
        case .stopped:
            return .stopped(partial: flow.chosen)
        }
    }

    /// floor(L(P/Q)) for a point optimal at that price.
    private func lagrangianBound(_ x: Point, _ p: Int, _ q: Int, budget: Int) -> Int {
        floorDivide(q * x.profit - p * (x.moves - budget), q)
    }

    mutating func run() -> Outcome {
        let zero: Point
        switch evaluate(0, 1) {
        case .infeasible: return .infeasible
        case .stopped(let partial): return salvage(partial)
        case .point(let x): zero = x
        }
        guard let budget = instance.maxMoves, zero.moves > budget else { return .optimal(zero.chosen) }
        bestBound = min(bestBound, zero.profit)

        // A price above any profit difference: the flow minimises moves first.
        var spread = 1
        for s in 0..<instance.studentCount {
            var largest = 0
            for a in instance.arcStart[s] ..< instance.arcStart[s + 1] { largest = max(largest, abs(instance.arcProfit[a])) }
            spread += 2 * largest
        }
        var high = zero  // moves > budget
        var low: Point
        switch evaluate(spread, 1) {
        case .infeasible: return .infeasible
        case .stopped: return salvage(zero.chosen)
        case .point(let x): low = x
        }
        if low.moves > budget { return .infeasible }
        bestBound = min(bestBound, lagrangianBound(low, spread, 1, budget: budget))
        if low.moves == budget { return .optimal(low.chosen) }

        while true {
            if shouldStop() { return .feasible(low.chosen, profitBound: bestBound, branch: nil) }
            var p = high.profit - low.profit, q = high.moves - low.moves
            let g = gcd(p, q)
            p /= g; q /= g
            let x: Point
            switch evaluate(p, q) {
            case .infeasible: return .infeasible  // cannot happen: feasibility does not depend on the price
            case .stopped: return .feasible(low.chosen, profitBound: bestBound, branch: nil)
            case .point(let point): x = point
            }
            bestBound = min(bestBound, lagrangianBound(x, p, q, budget: budget))
            if x.moves == budget { return .optimal(x.chosen) }
            let lineValue = q * high.profit - p * (high.moves - budget)
            let value = q * x.profit - p * (x.moves - budget)
            if value > lineValue {
                if x.moves > budget { high = x } else { low = x }
                continue
            }
            // λ* = p/q: low, high and x are all optimal there.
            if x.moves > budget && x.moves < high.moves { high = x }
            if x.moves < budget && x.moves > low.moves { low = x }
            let repaired = MoveBudgetRepair.combine(
                low: low.chosen, high: high.chosen, extraMoves: budget - low.moves, instance: instance)
            if low.moves + repaired.addedMoves == budget { return .optimal(repaired.chosen) }
            // A gap is left: branch on a student that differs between the two optima (a mover first).
            let differing = (0..<instance.studentCount).filter { repaired.chosen[$0] != high.chosen[$0] }
            let moveFlags = instance.arcIsMove
            func isMove(_ a: Int32) -> Bool { a >= 0 && moveFlags[Int(a)] }
            let s = differing.first { isMove(high.chosen[$0]) || isMove(low.chosen[$0]) } ?? differing.first
            return .feasible(repaired.chosen, profitBound: bestBound, branch: s.map { ($0, high.chosen[$0]) })
        }
    }

    /// A feasible assignment from a partial one: optional students on move arcs
    /// are let go (last first) until the budget holds.
    private func salvage(_ partial: [Int32]) -> Outcome {
        var chosen = partial.map { $0 == SuccessiveShortestPaths.notEntered ? SuccessiveShortestPaths.unassigned : $0 }
        for s in 0..<instance.studentCount where partial[s] == SuccessiveShortestPaths.notEntered && !instance.mayBeUnassigned[s] {
            return .stoppedWithoutSolution
        }
        if let budget = instance.maxMoves {
            var moves = chosen.reduce(0) { $0 + ($1 >= 0 && instance.arcIsMove[Int($1)] ? 1 : 0) }
            var s = instance.studentCount - 1
            while moves > budget && s >= 0 {
                let a = chosen[s]
                if a >= 0 && instance.arcIsMove[Int(a)] && instance.mayBeUnassigned[s] {
                    chosen[s] = SuccessiveShortestPaths.unassigned
                    moves -= 1
                }
                s -= 1
            }
            if moves > budget { return .stoppedWithoutSolution }
        }
        return .feasible(chosen, profitBound: bestBound, branch: nil)
    }
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var a = abs(a), b = abs(b)
    while b != 0 { (a, b) = (b, a % b) }
    return max(a, 1)
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
