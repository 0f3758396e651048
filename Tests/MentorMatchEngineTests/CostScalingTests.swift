import Testing
@testable import MentorMatchEngine

/// Cost scaling against successive shortest paths and brute force, with its potentials checked here.
@Suite("CostScalingFlow")
struct CostScalingTests {
    /// Arc costs at move price p/q, as the flow solvers use them.
    static func costs(_ inst: FlowInstance, p: Int, q: Int) -> [Int] {
        inst.arcProfit.indices.map { -q * inst.arcProfit[$0] + (inst.arcIsMove[$0] ? p : 0) }
    }

    /// Σ cost of the chosen arcs.
    static func totalCost(_ chosen: [Int32], _ cost: [Int]) -> Int {
        chosen.reduce(0) { $0 + ($1 >= 0 ? cost[Int($1)] : 0) }
    }

    /// Checks, independently of the solver, that `chosen` is a flow of the network and that the
    /// potentials give every residual arc a non-negative reduced cost `c + π(tail) − π(head)`.
    static func certifies(_ inst: FlowInstance, _ cost: [Int], _ chosen: [Int32], _ pi: [Int]) -> Bool {
        let sCount = inst.studentCount, mCount = inst.mentorCount, sink = inst.sink
        guard chosen.count == sCount, pi.count == inst.nodeCount else { return false }
        var load = [Int](repeating: 0, count: mCount), arrivals = load
        for s in 0..<sCount {
            let range = inst.arcStart[s] ..< inst.arcStart[s + 1]
            let a = chosen[s]
            if a < 0 {
                guard a == SuccessiveShortestPaths.unassigned, inst.mayBeUnassigned[s] else { return false }
                // Residual: s → every head (forward), sink → s (flow on the unassigned arc).
                if 0 + pi[sink] - pi[s] < 0 { return false }
            } else {
                guard range.contains(Int(a)) else { return false }
                let h = Int(inst.arcHead[Int(a)])
                if h >= sCount + mCount { arrivals[h - sCount - mCount] += 1; load[h - sCount - mCount] += 1 } else { load[h - sCount] += 1 }
                // The reverse of the chosen arc: head → s at cost −c.
                if -cost[Int(a)] + pi[h] - pi[s] < 0 { return false }
                if inst.mayBeUnassigned[s] && 0 + pi[s] - pi[sink] < 0 { return false }
            }
            for b in range where b != Int(a) {
                if cost[b] + pi[s] - pi[Int(inst.arcHead[b])] < 0 { return false }
            }
        }
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            if load[m] > inst.capacity[m] || arrivals[m] > inst.maxNew[m] { return false }
            if load[m] < inst.capacity[m] && pi[mentor] - pi[sink] < 0 { return false }
            if load[m] > 0 && pi[sink] - pi[mentor] < 0 { return false }
            if arrivals[m] < inst.maxNew[m] && pi[arrival] - pi[mentor] < 0 { return false }
            if arrivals[m] > 0 && pi[mentor] - pi[arrival] < 0 { return false }
        }
        return true
    }

    /// Solves with SSP alone (cost scaling switched off): the outcome and, when optimal, Σ cost.
    static func sspCost(_ inst: FlowInstance, p: Int, q: Int) -> Int? {
        let ssp = SuccessiveShortestPaths(inst)
        ssp.usesCostScaling = false
        guard ssp.solve(priceNumerator: p, denominator: q, warmStart: false, shouldStop: { false }) == .optimal else { return nil }
        return totalCost(ssp.assignment, costs(inst, p: p, q: q))
    }

    func check(_ problem: AssignmentProblem, p: Int, q: Int, bruteForce: Bool) throws {
        let inst = try FlowInstance(problem)
        let cost = Self.costs(inst, p: p, q: q)
        let expected = Self.sspCost(inst, p: p, q: q)
        let result = CostScalingFlow(inst, cost: cost).solve()
        guard let expected else {
            // Infeasible: cost scaling must not claim an answer.
            #expect(result == nil, "\(problem)")
            return
        }
        guard let result else { Issue.record("no answer for a feasible network: \(problem)"); return }
        #expect(Self.totalCost(result.chosen, cost) == expected, "\(problem)")
        #expect(Self.certifies(inst, cost, result.chosen, result.potential), "\(problem)")
        if bruteForce {
            var unbudgeted = problem
            unbudgeted.maxMoves = nil
            if p == 0, let best = Reference.bruteForceOptimum(unbudgeted) {
                let profit = result.chosen.reduce(0) { $0 + ($1 >= 0 ? inst.arcProfit[Int($1)] : 0) }
                #expect(profit - inst.unassignedTotal == best, "\(problem)")
            }
        }
        // Deterministic: the same input gives the same flow and potentials.
        #expect(CostScalingFlow(inst, cost: cost).solve() == result)
    }

    @Test("matches SSP and brute force on 4000 small random networks, potentials certify")
    func small() throws {
        var g = SeededGenerator(seed: 6_2026)
        for i in 0..<4000 {
            let p = randomProblem(students: Int.random(in: 1...8, using: &g), mentors: Int.random(in: 1...4, using: &g),
                                  candidates: 0...4, using: &g)
            let price = i % 3 == 0 ? 0 : Int.random(in: 0...400, using: &g)
            try check(p, p: price, q: i % 5 == 0 ? Int.random(in: 1...7, using: &g) : 1, bruteForce: true)
        }
    }

    @Test("matches SSP on 40 medium random networks at several move prices")
    func medium() throws {
        var g = SeededGenerator(seed: 6_2027)
        for _ in 0..<40 {
            let students = Int.random(in: 200...800, using: &g)
            let p = randomProblem(students: students, mentors: students / 8, candidates: 1...12, using: &g,
                                  lockChance: 0.02, capacity: 4...12, maxNew: 0...6)
            for (price, q) in [(0, 1), (137, 1), (901, 3), (100_000, 1)] {
                try check(p, p: price, q: q, bruteForce: false)
            }
        }
    }

    @Test("started from the optimum at another price, matches SSP on 4000 small and 40 medium networks")
    func warmStart() throws {
        var g = SeededGenerator(seed: 6_2029)
        for i in 0..<4040 {
            let medium = i >= 4000
            let students = medium ? Int.random(in: 200...600, using: &g) : Int.random(in: 1...8, using: &g)
            let p = medium
                ? randomProblem(students: students, mentors: students / 8, candidates: 1...12, using: &g,
                                lockChance: 0.02, capacity: 4...12, maxNew: 0...6)
                : randomProblem(students: students, mentors: Int.random(in: 1...4, using: &g), candidates: 0...4, using: &g)
            let inst = try FlowInstance(p)
            let firstCost = Self.costs(inst, p: Int.random(in: 0...300, using: &g), q: 1)
            guard let first = CostScalingFlow(inst, cost: firstCost).solve() else { continue }
            let (price, q) = (Int.random(in: 0...900, using: &g), Int.random(in: 1...3, using: &g))
            let cost = Self.costs(inst, p: price, q: q)
            let start = CostScalingFlow.Start(chosen: first.chosen, potential: first.potential)
            // From its own optimum at the same price, there is nothing to do.
            let again = CostScalingFlow(inst, cost: firstCost).solve(from: start)
            #expect(again?.work == 0 && again.map { Self.totalCost($0.chosen, firstCost) } == Self.totalCost(first.chosen, firstCost))
            guard let result = CostScalingFlow(inst, cost: cost).solve(from: start) else {
                Issue.record("no answer from a start: \(p)"); continue
            }
            #expect(Self.totalCost(result.chosen, cost) == Self.sspCost(inst, p: price, q: q), "\(p)")
            #expect(Self.certifies(inst, cost, result.chosen, result.potential), "\(p)")
        }
    }

    @Test("the flow solver gives the same optimum with cost scaling on and off")
    func plugged() throws {
        var g = SeededGenerator(seed: 6_2028)
        for _ in 0..<20 {
            let p = randomProblem(students: 300, mentors: 40, candidates: 1...8, using: &g, lockChance: 0.02,
                                  capacity: 4...12, maxNew: 0...6)
            let inst = try FlowInstance(p)
            for warm in [false, true] {
                let on = SuccessiveShortestPaths(inst), off = SuccessiveShortestPaths(inst)
                on.usesCostScaling = true; off.usesCostScaling = false
                for (price, q) in [(0, 1), (300, 1), (301, 2)] {
                    let a = on.solve(priceNumerator: price, denominator: q, warmStart: warm, shouldStop: { false })
                    let b = off.solve(priceNumerator: price, denominator: q, warmStart: warm, shouldStop: { false })
                    #expect(a == b)
                    guard a == .optimal else { continue }
                    let cost = Self.costs(inst, p: price, q: q)
                    #expect(Self.totalCost(on.assignment, cost) == Self.totalCost(off.assignment, cost))
                    let d = on.duals
                    // The installed duals price every arc of the network at a non-negative reduced cost.
                    for s in 0..<inst.studentCount {
                        for a in inst.arcStart[s] ..< inst.arcStart[s + 1] {
                            let h = Int(inst.arcHead[a]) - inst.studentCount
                            let isArrival = h >= inst.mentorCount
                            #expect(d.violation(student: s, mentor: h % inst.mentorCount, profit: inst.arcProfit[a],
                                                isMove: inst.arcIsMove[a], isArrival: isArrival) <= 0)
                        }
                    }
                }
            }
        }
    }

    /// The reduced cost of every residual arc of `state`'s pseudoflow, and its tail, read off the state's
    /// fields (student arcs not taken and the reverse of the one taken; links by their flows).
    static func residualArcs(_ state: CostScalingState) -> [(tail: Int, reduced: Int)] {
        let sCount = state.studentCount, mCount = state.mentorCount, sink = state.sink
        var result: [(tail: Int, reduced: Int)] = []
        for s in 0..<sCount {
            let node = state.node[s]
            for b in Int(node.start) ..< Int(node.end) {
                let arc = state.arcs[b], h = Int(arc.head)
                if b == Int(node.chosen) {
                    result.append((h, -arc.cost + state.price[h] - node.price))
                } else {
                    result.append((s, arc.cost + node.price - state.price[h]))
                }
            }
        }
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            if state.load[m] < state.capacity[m] { result.append((mentor, state.price[mentor] - state.price[sink])) }
            if state.load[m] > 0 { result.append((sink, state.price[sink] - state.price[mentor])) }
            if state.arrivals[m] < state.maxNew[m] { result.append((arrival, state.price[arrival] - state.price[mentor])) }
            if state.arrivals[m] > 0 { result.append((mentor, state.price[mentor] - state.price[arrival])) }
        }
        return result
    }

    @Test("a global price update keeps the pseudoflow ε-optimal and gives every excess an admissible arc")
    func globalPriceUpdate() throws {
        var g = SeededGenerator(seed: 6_2030)
        var updates = 0
        for _ in 0..<30 {
            let students = Int.random(in: 50...300, using: &g)
            let p = randomProblem(students: students, mentors: students / 6, candidates: 1...10, using: &g,
                                  lockChance: 0, capacity: 2...10, maxNew: 0...4)
            let inst = try FlowInstance(p)
            let cost = Self.costs(inst, p: Int.random(in: 0...300, using: &g), q: 1)
            let multiplier = inst.nodeCount + 1
            let state = CostScalingFlow(inst, cost: cost).makeState(multiplier: multiplier)
            defer { state.deallocate() }
            state.resetFlow()
            let largest = (cost.map { abs($0) }.max() ?? 1) * multiplier
            // A few refinements, each stopped part-way, then a global update checked.
            var epsilon = largest
            for _ in 0..<4 {
                epsilon = max(1, epsilon / CostScalingFlow.alpha)
                state.epsilon = epsilon
                guard state.startRefinement() else { break }
                for v in 0..<state.nodeCount where state.hasExcess(v) && !state.inQueue[v] { state.enqueue(v) }
                for _ in 0 ..< Int.random(in: 0...students, using: &g) where state.queueCount > 0 {
                    let v = state.dequeue()
                    if v < students { if state.hasExcess(v) { _ = state.dischargeStudent(v) } } else { _ = state.dischargeHead(v) }
                }
                #expect(state.globalPriceUpdate())
                updates += 1
                let arcs = Self.residualArcs(state)
                #expect(arcs.allSatisfy { $0.reduced >= -epsilon }, "\(p)")
                var admissible = Set<Int>()
                for arc in arcs where arc.reduced < 0 { admissible.insert(arc.tail) }
                for v in 0..<state.nodeCount where state.hasExcess(v) {
                    #expect(admissible.contains(v), "node \(v) holds an excess without an admissible arc")
                }
                while state.queueCount > 0 { _ = state.dequeue() }
            }
        }
        #expect(updates > 60)
    }

    @Test("matches SSP on networks of a few thousand students (global updates, early certificate, sink cursor)")
    func larger() throws {
        var g = SeededGenerator(seed: 6_2031)
        var solved = 0
        for round in 0..<4 {
            let students = Int.random(in: 2000...4000, using: &g)
            // Scarce seats in half of them: many students end unassigned, the sink is busy.
            let p = randomProblem(students: students, mentors: students / 10, candidates: 4...16, using: &g,
                                  lockChance: 0.01, capacity: round % 2 == 0 ? 2...8 : 8...14, maxNew: 0...6)
            let inst = try FlowInstance(p)
            let first = Self.costs(inst, p: 0, q: 1)
            guard let expected = Self.sspCost(inst, p: 0, q: 1) else {
                #expect(CostScalingFlow(inst, cost: first).solve() == nil)  // forced students that cannot all be placed
                continue
            }
            guard let optimum = CostScalingFlow(inst, cost: first).solve() else { Issue.record("no answer"); continue }
            #expect(Self.totalCost(optimum.chosen, first) == expected)
            #expect(Self.certifies(inst, first, optimum.chosen, optimum.potential))
            let cost = Self.costs(inst, p: 250, q: 2)
            let start = CostScalingFlow.Start(chosen: optimum.chosen, potential: optimum.potential)
            guard let warm = CostScalingFlow(inst, cost: cost).solve(from: start) else { Issue.record("no warm answer"); continue }
            #expect(Self.totalCost(warm.chosen, cost) == Self.sspCost(inst, p: 250, q: 2))
            #expect(Self.certifies(inst, cost, warm.chosen, warm.potential))
            solved += 1
        }
        #expect(solved >= 2)
    }

    @Test("a stop request ends the solve with no answer")
    func stops() throws {
        var g = SeededGenerator(seed: 6_2032)
        let p = randomProblem(students: 3000, mentors: 300, candidates: 4...16, using: &g, lockChance: 0, capacity: 4...12, maxNew: 0...6)
        let inst = try FlowInstance(p)
        let cost = Self.costs(inst, p: 0, q: 1)
        let flow = CostScalingFlow(inst, cost: cost)
        #expect(flow.solve(shouldStop: { true }) == nil)
        var asked = 0
        let full = try #require(flow.solve(shouldStop: { asked += 1; return false }))
        #expect(asked >= 1)
        // The second question comes after 65,536 pushes and relabels, before the end: it stops the solve.
        #expect(full.work > 0x10000)
        var calls = 0
        #expect(flow.solve(shouldStop: { calls += 1; return calls >= 2 }) == nil)
        #expect(calls == 2)
    }
}
