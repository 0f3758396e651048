import Foundation

/// Min-cost flow on a ``FlowInstance`` by Goldberg–Tarjan cost scaling (push–relabel),
/// for the fresh solves of ``SuccessiveShortestPaths``.
///
/// The network is the one the successive shortest paths solve: each student ships one unit
/// along one of its arcs (to a mentor or arrival node) or, when it may be unassigned, straight
/// to the sink; arrival nodes feed their mentor up to `maxNew`, mentors feed the sink up to
/// their capacity. Costs are the caller's (`−q·profit + p·isMove`), multiplied by
/// `nodeCount + 1`, so that a flow that is 1-optimal in that scale is optimal for the
/// original costs. Each refinement divides ε by ``alpha`` and restores ε-optimality by
/// FIFO push–relabel. Exact integer potentials for the original costs are then computed from
/// the scaled ones (rounded down, then label-correcting until every residual arc has a
/// non-negative reduced cost), so the answer carries its own optimality certificate.
///
/// Integer arithmetic throughout (checked for overflow in advance), FIFO order: deterministic.
/// `solve` returns nil, and the caller falls back to successive shortest paths, when the
/// numbers could overflow, the forced students cannot all be placed, or `shouldStop` fires.
final class CostScalingFlow {
    /// An optimal flow and potentials certifying it (reduced cost `cost + π(tail) − π(head) ≥ 0`
    /// on every residual arc, original cost units).
    struct Optimum: Equatable {
        /// Local arc chosen by each student, or ``SuccessiveShortestPaths/unassigned``.
        var chosen: [Int32]
        /// Potential of every node in ``FlowInstance`` numbering (students, mentors, arrival nodes, sink).
        var potential: [Int]
        /// Pushes and relabels done (a deterministic measure of effort).
        var work: Int
    }

    /// Whether ``SuccessiveShortestPaths`` uses cost scaling for its fresh solves: on unless the
    /// environment variable `MENTORMATCH_COST_SCALING` is `0` (to compare both solvers).
    static let isEnabledByDefault = ProcessInfo.processInfo.environment["MENTORMATCH_COST_SCALING"] != "0"

    /// Division of ε per refinement.
    static let alpha = Int(ProcessInfo.processInfo.environment["CS_ALPHA"] ?? "8")!

    /// Relabels between two global price updates, per node.
    static let updateFrequency = Double(ProcessInfo.processInfo.environment["CS_UPD"] ?? "2")!

    let instance: FlowInstance
    // The network in the layout of ``CostScalingState``: each student's arcs (its instance arcs, then its
    // arc to the sink when it may be unassigned) with head node and original cost, and the arcs into each
    // head node (mentor, arrival node, sink).
    private let arcStart: [Int]
    private let arcHead: [Int32]
    private let arcStudent: [Int32]
    private let originalCost: [Int]
    private let inStart: [Int]
    private let inArc: [Int32]
    /// The instance arc of each arc (−1 for an arc to the sink), and each instance arc's arc.
    private let instanceArc: [Int32]
    private let arcOfInstanceArc: [Int32]

    /// `cost[a]` is the cost of local arc a of `instance`.
    init(_ instance: FlowInstance, cost: [Int]) {
        self.instance = instance
        let sCount = instance.studentCount, sink = instance.sink
        let total = instance.arcHead.count + instance.mayBeUnassigned.reduce(0) { $0 + ($1 ? 1 : 0) }
        var arcStart = [Int](), arcHead = [Int32](), arcStudent = [Int32](), costs = [Int](), instanceArc = [Int32]()
        arcStart.reserveCapacity(sCount + 1); arcHead.reserveCapacity(total); arcStudent.reserveCapacity(total)
        costs.reserveCapacity(total); instanceArc.reserveCapacity(total)
        var arcOfInstanceArc = [Int32](repeating: -1, count: instance.arcHead.count)
        arcStart.append(0)
        for s in 0..<sCount {
            for a in instance.arcStart[s] ..< instance.arcStart[s + 1] {
                arcOfInstanceArc[a] = Int32(arcHead.count)
                arcHead.append(instance.arcHead[a]); arcStudent.append(Int32(s)); costs.append(cost[a]); instanceArc.append(Int32(a))
            }
            if instance.mayBeUnassigned[s] {
                arcHead.append(Int32(sink)); arcStudent.append(Int32(s)); costs.append(0); instanceArc.append(-1)
            }
            arcStart.append(arcHead.count)
        }
        // Arcs into each head node, by head then arc.
        let headCount = instance.nodeCount - sCount
        var inStart = [Int](repeating: 0, count: headCount + 1)
        for h in arcHead { inStart[Int(h) - sCount + 1] += 1 }
        for h in 0..<headCount { inStart[h + 1] += inStart[h] }
        var fill = Array(inStart.prefix(headCount))
        var inArc = [Int32](repeating: 0, count: arcHead.count)
        for (a, h) in arcHead.enumerated() {
            let i = Int(h) - sCount
            inArc[fill[i]] = Int32(a); fill[i] += 1
        }
        self.arcStart = arcStart
        self.arcHead = arcHead
        self.arcStudent = arcStudent
        self.originalCost = costs
        self.inStart = inStart
        self.inArc = inArc
        self.instanceArc = instanceArc
        self.arcOfInstanceArc = arcOfInstanceArc
    }

    /// A complete flow (each student's local arc or ``SuccessiveShortestPaths/unassigned``) and potentials of the
    /// mentor, arrival and sink nodes (``FlowInstance`` numbering, student entries ignored) to start from:
    /// typically the optimum at another move price. Scaling then starts at the largest violation of
    /// reduced-cost optimality instead of the largest cost.
    struct Start {
        var chosen: [Int32]
        var potential: [Int]
    }

    /// Solves; nil when the numbers could overflow, the forced students cannot all be placed, or `shouldStop` fires.
    func solve(from start: Start? = nil, shouldStop: () -> Bool = { false }) -> Optimum? {
        let n = instance.nodeCount, sCount = instance.studentCount
        var largest = 1
        for c in originalCost { largest = max(largest, abs(c)) }
        let multiplier = n + 1
        // Prices move by at most ~3n·ε per refinement and ε shrinks geometrically from the largest
        // scaled cost: keep 16·n·(largest scaled cost) within 63 bits.
        let (scaledLargest, o1) = largest.multipliedReportingOverflow(by: multiplier)
        let (bound, o2) = scaledLargest.multipliedReportingOverflow(by: 16 * n + 16)
        guard !o1, !o2, bound < Int.max / 4 else { return nil }

        var clk = ContinuousClock.now
        var times = [String: Double]()
        func lap(_ k: String) { let d = ContinuousClock.now - clk; clk = ContinuousClock.now; times[k, default: 0] += Double(d.components.attoseconds) * 1e-18 + Double(d.components.seconds) }
        var updates = 0
        let state = CostScalingState(
            studentCount: sCount, mentorCount: instance.mentorCount, arcStart: arcStart, arcHead: arcHead,
            arcStudent: arcStudent, cost: originalCost.map { $0 * multiplier }, inStart: inStart, inArc: inArc,
            capacity: instance.capacity, maxNew: instance.maxNew)
        defer { state.deallocate() }

        var epsilon = scaledLargest
        if let start, let warm = warmStart(start, state: state, multiplier: multiplier, limit: bound) {
            epsilon = min(epsilon, warm)
        } else {
            state.resetFlow()
        }
        let updateInterval = max(64, Int(Self.updateFrequency * Double(n)))
        lap("init")
        while epsilon > 1 {
            epsilon = max(1, epsilon / Self.alpha)
            state.epsilon = epsilon
            state.dropLimit = (4 * Self.alpha + 4) * (n + 1) * epsilon
            lap("discharge")
            guard state.startRefinement() else { return nil }
            lap("start")
            state.globalPriceUpdate(); updates += 1
            lap("update")
            for v in 0..<n where state.excess[v] > 0 { state.enqueue(v) }
            while state.queueCount > 0 {
                if state.work & 0xFFFF == 0xFFFF && shouldStop() { return nil }
                if state.relabelsSinceUpdate >= updateInterval { lap("discharge"); state.globalPriceUpdate(); updates += 1; lap("update") }
                let v = state.dequeue()
                if v < sCount {
                    if state.excess[v] > 0 && !state.dischargeStudent(v) { return nil }
                } else if !state.dischargeHead(v) {
                    return nil
                }
            }
        }

        lap("discharge")
        defer { if ProcessInfo.processInfo.environment["CS_PROF"] != nil { lap("certify"); print("prof: sink discharges \(state.sinkDischarges) relabels \(state.sinkRelabels) work \(state.work) updates \(updates)", times.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }) } }
        // The flow is 1-optimal for the scaled costs, hence optimal; potentials for the original costs.
        guard let potential = state.certifyingPotentials(multiplier: multiplier) else { return nil }
        var chosen = [Int32](repeating: SuccessiveShortestPaths.unassigned, count: sCount)
        for s in 0..<sCount {
            let a = Int(state.chosen[s])
            guard a >= 0 else { return nil }
            chosen[s] = instanceArc[a] >= 0 ? instanceArc[a] : SuccessiveShortestPaths.unassigned
        }
        return Optimum(chosen: chosen, potential: potential, work: state.work)
    }
}

extension CostScalingFlow {
    /// Loads `start` into `state` (flow, scaled prices; every excess 0) and returns the least ε for which
    /// that flow is ε-optimal, or nil (the state to be reset) when `start` does not fit this network.
    fileprivate func warmStart(_ start: Start, state: CostScalingState, multiplier: Int, limit: Int) -> Int? {
        let inst = instance, sCount = inst.studentCount, mCount = inst.mentorCount, sink = inst.sink
        guard start.chosen.count == sCount, start.potential.count == inst.nodeCount else { return nil }
        state.resetFlow()
        let price = state.price, cost = state.cost
        for v in sCount ..< inst.nodeCount {
            let (scaled, overflow) = start.potential[v].multipliedReportingOverflow(by: multiplier)
            guard !overflow, abs(scaled) < limit else { return nil }
            price[v] = scaled
        }
        for s in 0..<sCount {
            let local = start.chosen[s]
            let a: Int
            if local == SuccessiveShortestPaths.unassigned {
                guard inst.mayBeUnassigned[s] else { return nil }
                a = arcStart[s + 1] - 1
            } else {
                guard local >= 0, inst.arcStart[s] ..< inst.arcStart[s + 1] ~= Int(local) else { return nil }
                a = Int(arcOfInstanceArc[Int(local)])
            }
            price[s] = price[Int(arcHead[a])] - cost[a]
            state.assign(s, a)
        }
        // Route the heads' units on to the sink.
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            let arrived = state.excess[arrival]
            guard arrived <= state.maxNew[m] else { return nil }
            state.arrivals[m] = arrived; state.excess[arrival] = 0; state.excess[mentor] += arrived
            let loaded = state.excess[mentor]
            guard loaded <= state.capacity[m] else { return nil }
            state.load[m] = loaded; state.excess[mentor] = 0; state.excess[sink] += loaded
        }
        guard state.excess[sink] == 0 else { return nil }
        // The largest violation of reduced-cost optimality: arcs not taken, then links.
        var violation = 1
        for s in 0..<sCount {
            let ps = price[s], taken = Int(state.chosen[s])
            for b in arcStart[s] ..< arcStart[s + 1] where b != taken {
                violation = max(violation, price[Int(arcHead[b])] - cost[b] - ps)
            }
        }
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            if state.load[m] < state.capacity[m] { violation = max(violation, price[sink] - price[mentor]) }
            if state.load[m] > 0 { violation = max(violation, price[mentor] - price[sink]) }
            if state.arrivals[m] < state.maxNew[m] { violation = max(violation, price[mentor] - price[arrival]) }
            if state.arrivals[m] > 0 { violation = max(violation, price[arrival] - price[mentor]) }
        }
        return violation
    }
}
