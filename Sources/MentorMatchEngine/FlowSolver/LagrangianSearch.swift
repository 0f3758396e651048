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
        /// search ended at a breakpoint, not at a limit) a student choice to branch on
        /// and the integer price just below the breakpoint, a good start for the branches.
        case feasible([Int32], profitBound: Int, branch: (student: Int, option: Int32, price: Int)?)
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
    private let flow: ComponentFlows
    private var bestBound: Int

    /// Told after each flow solve: the best profit within the budget so far (if any) and the best bound.
    var report: ((_ incumbentProfit: Int?, _ boundProfit: Int) -> Void)?

    init(instance: FlowInstance, shouldStop: @escaping () -> Bool) {
        self.instance = instance
        self.shouldStop = shouldStop
        self.flow = ComponentFlows(instance)
        self.bestBound = instance.profitBound
    }

    private func evaluate(_ p: Int, _ q: Int) -> Evaluation {
        switch flow.solve(priceNumerator: p, denominator: q, warmStart: true, shouldStop: shouldStop) {
        case .optimal:
            let (profit, moves) = flow.profitAndMoves
            return .point(Point(chosen: flow.assignment, profit: profit, moves: moves))
        case .infeasible:
            return .infeasible
        case .stopped:
            return .stopped(partial: flow.assignment)
        }
    }

    /// Solves the flow at one move price p/q only (no search): true when it is optimal there, and then
    /// ``lastDuals`` and ``lastFlow`` are that flow's.
    func solve(atPrice p: Int, _ q: Int) -> Bool {
        flow.solve(priceNumerator: p, denominator: q, warmStart: true, shouldStop: shouldStop) == .optimal
    }

    /// The dual solution of the last flow solved (after ``run(priceHint:)``: at the price where it ended).
    var lastDuals: FlowDuals { flow.duals }
    /// That flow: each student's arc of ``instance`` (−1 unassigned).
    var lastFlow: [Int32] { flow.assignment }

    /// Starts from an optimal flow of a related network (each student's head node, −1 unassigned) and its duals.
    func seed(headOf: [Int32], duals: FlowDuals) { flow.seed(headOf: headOf, duals: duals) }

    /// floor(L(P/Q)) for a point optimal at that price.
    private func lagrangianBound(_ x: Point, _ p: Int, _ q: Int, budget: Int) -> Int {
        floorDivide(q * x.profit - p * (x.moves - budget), q)
    }

    /// The two sides of the budget seen so far, and the last two probes.
    private struct Bracket {
        /// The highest price seen with moves > budget, and its flow.
        var high: (price: Int, point: Point)?
        /// The lowest price seen with moves < budget, and its flow.
        var low: (price: Int, point: Point)?
        var latest: (price: Int, moves: Int)?
        var before: (price: Int, moves: Int)?
    }

    /// Solves at an integer price; returns the search's answer when this probe settles it.
    private mutating func probe(_ price: Int, _ bracket: inout Bracket, budget: Int) -> Outcome? {
        switch evaluate(price, 1) {
        case .infeasible:
            return .infeasible
        case .stopped(let partial):
            return stopped(bracket, partial: partial)
        case .point(let x):
            bestBound = min(bestBound, lagrangianBound(x, price, 1, budget: budget))
            report?(x.moves <= budget ? max(x.profit, bracket.low?.point.profit ?? x.profit) : bracket.low?.point.profit, bestBound)
            if x.moves == budget || (price == 0 && x.moves < budget) { return .optimal(x.chosen) }
            if x.moves > budget {
                if bracket.high == nil || price > bracket.high!.price { bracket.high = (price, x) }
            } else if bracket.low == nil || price < bracket.low!.price {
                bracket.low = (price, x)
            }
            bracket.before = bracket.latest
            bracket.latest = (price, x.moves)
            return nil
        }
    }

    private func stopped(_ bracket: Bracket, partial: [Int32]) -> Outcome {
        if let low = bracket.low { return .feasible(low.point.chosen, profitBound: bestBound, branch: nil) }
        return salvage(bracket.high?.point.chosen ?? partial)
    }

    /// Runs the search; `priceHint` (a parent branch's λ*) is the first price tried instead of 0.
    mutating func run(priceHint: Int? = nil) -> Outcome {
        guard let budget = instance.maxMoves else {
            switch evaluate(0, 1) {
            case .infeasible: return .infeasible
            case .stopped(let partial): return salvage(partial)
            case .point(let x): return .optimal(x.chosen)
            }
        }
        var bracket = Bracket()
        if let done = probe(max(0, priceHint ?? 0), &bracket, budget: budget) { return done }

        // A price below the budget's breakpoint: step down from the hint.
        var step = 1
        while bracket.high == nil {
            if shouldStop() { return stopped(bracket, partial: []) }
            var next = bracket.low!.price - step
            if let latest = bracket.latest, let before = bracket.before, latest.moves != before.moves {
                // No further than a secant step through the last two probes (with a quarter more), so a
                // growing step does not overshoot far below the breakpoint.
                let secant = Double(budget - latest.moves) * Double(latest.price - before.price) / Double(latest.moves - before.moves)
                next = max(next, min(bracket.low!.price - 1, latest.price + Int((1.25 * secant).rounded(.down))))
            }
            if let done = probe(max(0, next), &bracket, budget: budget) { return done }
            step *= 4
        }
        // A price above it: from 0, the margin at which about (moves − budget)
        // movers would rather stay (an underestimate, so scaled up); from a hint,
        // one more. Then growing steps; beyond `spread` the flow minimises moves
        // first, so a budget still broken there cannot be met.
        var price = bracket.high!.price + 1
        if bracket.high!.price == 0 {
            let margins = flow.moveMargins()
            let guess = margins[min(margins.count - 1, bracket.high!.point.moves - budget - 1)]
            let capped = min(guess, moveSpread)
            price = max(1, capped + capped / 4)
        }
        step = max(1, price - bracket.high!.price)
        var steppedUp = false
        while bracket.low == nil {
            if shouldStop() { return stopped(bracket, partial: []) }
            if let done = probe(price, &bracket, budget: budget) { return done }
            if price > moveSpread { return .infeasible }
            price += step
            step *= 2
            steppedUp = true
        }
        // Back down from that price: the margin at which about (budget − moves) students of its flow
        // would start moving (scaled up, to land above the budget), when that narrows the bracket. On tier
        // XL the secant steps from there overshot to 1,008 for a breakpoint at 1,193 and took three more probes.
        if steppedUp, let low = bracket.low, let high = bracket.high, low.price - high.price > 2, low.point.moves < budget {
            let margins = flow.stayMargins()
            if !margins.isEmpty {
                let drop = margins[min(margins.count - 1, budget - low.point.moves - 1)]
                let guess = low.price - max(1, drop + drop / 4)
                if guess > high.price + 1, guess < low.price {
                    if shouldStop() { return stopped(bracket, partial: []) }
                    if let done = probe(guess, &bracket, budget: budget) { return done }
                }
            }
        }

        // Integer prices: secant steps on the move count through the two latest
        // probes (rounded away from the latest), kept
        // strictly inside the bracket, until its ends are adjacent integers.
        while bracket.low!.price - bracket.high!.price > 1 {
            if shouldStop() { return stopped(bracket, partial: []) }
            let hi = bracket.high!, lo = bracket.low!
            var next = (hi.price + lo.price) / 2
            if let latest = bracket.latest, let before = bracket.before {
                if latest.moves != before.moves {
                    let step = Double(budget - latest.moves) * Double(latest.price - before.price) / Double(latest.moves - before.moves)
                    next = latest.price + Int(step.rounded(step > 0 ? .up : .down))
                } else {
                    // A flat stretch: step on by the last distance, towards the budget.
                    next = latest.price + (latest.moves > budget ? 1 : -1) * max(1, abs(latest.price - before.price))
                }
            }
            next = min(max(next, hi.price + 1), lo.price - 1)
            if let done = probe(next, &bracket, budget: budget) { return done }
        }

        // Newton between the two sides' lines, at rational prices.
        var high = bracket.high!.point, low = bracket.low!.point
        let floorPrice = bracket.high!.price
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
            report?(x.moves <= budget ? max(x.profit, low.profit) : low.profit, bestBound)
            if x.moves == budget { return .optimal(x.chosen) }
            let lineValue = q * high.profit - p * (high.moves - budget)
            let value = q * x.profit - p * (x.moves - budget)
            if value > lineValue {
                if x.moves > budget { high = x } else { low = x }
                continue
            }
            // λ* = p/q: low, high and x are all optimal there. Mix each pair on
            // either side of the budget; different pairs split into different cycles.
            var lows = [low], highs = [high]
            if x.moves < budget { lows.insert(x, at: 0) } else { highs.insert(x, at: 0) }
            var best: (chosen: [Int32], moves: Int)?
            for l in lows {
                for h in highs {
                    let mix = MoveBudgetRepair.combine(low: l.chosen, high: h.chosen, extraMoves: budget - l.moves, instance: instance)
                    if l.moves + mix.addedMoves == budget { return .optimal(mix.chosen) }
                    if best == nil || l.moves + mix.addedMoves > best!.moves { best = (mix.chosen, l.moves + mix.addedMoves) }
                }
            }
            let repaired = best!
            if x.moves > budget && x.moves < high.moves { high = x }
            // A gap is left: branch on a student that differs between the two optima (a mover first).
            let differing = (0..<instance.studentCount).filter { repaired.chosen[$0] != high.chosen[$0] }
            let moveFlags = instance.arcIsMove
            func isMove(_ a: Int32) -> Bool { a >= 0 && moveFlags[Int(a)] }
            let s = differing.first { isMove(high.chosen[$0]) || isMove(low.chosen[$0]) } ?? differing.first
            return .feasible(repaired.chosen, profitBound: bestBound,
                             branch: s.map { (student: $0, option: high.chosen[$0], price: floorPrice) })
        }
    }

    /// A price above any difference in profit: the flow then minimises moves first.
    private var moveSpread: Int {
        var spread = 1
        for s in 0..<instance.studentCount {
            var largest = 0
            for a in instance.arcStart[s] ..< instance.arcStart[s + 1] { largest = max(largest, abs(instance.arcProfit[a])) }
            spread += 2 * largest
        }
        return spread
    }

    /// A feasible assignment from a partial one: optional students on move arcs
    /// are let go (last first) until the budget holds.
    private func salvage(_ partial: [Int32]) -> Outcome {
        guard partial.count == instance.studentCount else { return .stoppedWithoutSolution }
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
