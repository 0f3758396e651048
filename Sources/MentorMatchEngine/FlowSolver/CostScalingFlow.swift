import Foundation

/// Min-cost flow on a ``FlowInstance`` by Goldberg–Tarjan cost scaling (push–relabel),
/// for the fresh solves of ``SuccessiveShortestPaths`` and warm ones from another optimum.
///
/// The network is the one the successive shortest paths solve: each student ships one unit
/// along one of its arcs (to a mentor or arrival node) or, when it may be unassigned, straight
/// to the sink; arrival nodes feed their mentor up to `maxNew`, mentors feed the sink up to
/// their capacity. Costs are the caller's (`−q·profit + p·isMove`), multiplied by
/// `nodeCount + 1`, so that a flow that is 1-optimal in that scale is optimal for the
/// original costs. Each refinement divides ε by ``alpha`` and restores ε-optimality by
/// FIFO push–relabel with global price updates (``CostScalingState`` holds the pseudoflow, laid out
/// for this network's shape). Exact integer potentials for the original costs are then computed from
/// the scaled ones (rounded down, then label-correcting until every residual arc has a
/// non-negative reduced cost), so the answer carries its own optimality certificate; once ε is at most
/// one original unit, that certificate is tried after each refinement and ends the scaling when it holds.
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

    /// Division of ε per refinement (8 did best on the generated L, 40 k and XL networks, against 4, 12 and 16).
    static let alpha = 8

    /// Once ε is at most this many original cost units, each refinement ends with an attempt to certify the flow.
    static let earlyCertificateUnits = 1

    /// Relabels between two global price updates, per node (1 did best on L, 40 k and XL, against 0.5 to 8).
    static let updateFrequency = 1.0

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
        guard arcHead.count < Int(Int32.max) else { return nil }
        var largest = 1
        for c in originalCost { largest = max(largest, abs(c)) }
        let multiplier = n + 1
        // Prices move by at most ~3n·ε per refinement and ε shrinks geometrically from the largest
        // scaled cost: keep 16·n·(largest scaled cost) within 63 bits.
        let (scaledLargest, o1) = largest.multipliedReportingOverflow(by: multiplier)
        let (bound, o2) = scaledLargest.multipliedReportingOverflow(by: 16 * n + 16)
        guard !o1, !o2, bound < Int.max / 4 else { return nil }

        let state = makeState(multiplier: multiplier)
        defer { state.deallocate() }
        state.updateDropBudget = Int.max / 8 - bound

        var epsilon = scaledLargest
        if let start, let warm = warmStart(start, state: state, multiplier: multiplier, limit: bound) {
            epsilon = min(epsilon, warm)
        } else {
            state.resetFlow()
        }
        let updateInterval = max(64, Int(Self.updateFrequency * Double(n)))
        var certified: [Int]?
        var nextStopCheck = 0  // `shouldStop` is asked about every 65,536 pushes and relabels
        while epsilon > 1 {
            epsilon = max(1, epsilon / Self.alpha)
            state.epsilon = epsilon
            state.dropLimit = (4 * Self.alpha + 4) * (n + 1) * epsilon
            guard state.startRefinement(), state.globalPriceUpdate() else { return nil }
            for v in 0..<n where state.hasExcess(v) { state.enqueue(v) }
            while state.queueCount > 0 {
                if state.work >= nextStopCheck {
                    if shouldStop() { return nil }
                    nextStopCheck = state.work + 0x10000
                }
                if state.relabelsSinceUpdate >= updateInterval && !state.globalPriceUpdate() { return nil }
                let v = state.dequeue()
                if v < sCount {
                    if state.hasExcess(v) && !state.dischargeStudent(v) { return nil }
                } else if !state.dischargeHead(v) {
                    return nil
                }
            }
            // Below one original unit, the flow is often optimal already (a negative cycle would need more
            // than multiplier / ε arcs): when potentials certify it, the refinements left are not needed.
            if epsilon > 1 && epsilon <= Self.earlyCertificateUnits * multiplier,
               let potential = state.certifyingPotentials(multiplier: multiplier, relaxationLimit: n) {
                certified = potential
                break
            }
        }

        // The flow is 1-optimal for the scaled costs, hence optimal; potentials for the original costs.
        guard let potential = certified ?? state.certifyingPotentials(multiplier: multiplier) else { return nil }
        var chosen = [Int32](repeating: SuccessiveShortestPaths.unassigned, count: sCount)
        for s in 0..<sCount {
            let a = state.chosenArc(s)
            guard a >= 0 else { return nil }
            chosen[s] = instanceArc[a] >= 0 ? instanceArc[a] : SuccessiveShortestPaths.unassigned
        }
        return Optimum(chosen: chosen, potential: potential, work: state.work)
    }
}

extension CostScalingFlow {
    /// A working state on this network with costs multiplied by `multiplier` (to be deallocated).
    func makeState(multiplier: Int) -> CostScalingState {
        CostScalingState(
            studentCount: instance.studentCount, mentorCount: instance.mentorCount, arcStart: arcStart, arcHead: arcHead,
            arcStudent: arcStudent, cost: originalCost.map { $0 * multiplier }, inStart: inStart, inArc: inArc,
            capacity: instance.capacity, maxNew: instance.maxNew)
    }

    /// Loads `start` into `state` (flow, scaled prices; every excess 0) and returns the least ε for which
    /// that flow is ε-optimal, or nil (the state to be reset) when `start` does not fit this network.
    fileprivate func warmStart(_ start: Start, state: CostScalingState, multiplier: Int, limit: Int) -> Int? {
        let inst = instance, sCount = inst.studentCount
        guard start.chosen.count == sCount, start.potential.count == inst.nodeCount else { return nil }
        var headPrice = [Int](repeating: 0, count: inst.nodeCount)
        for v in sCount ..< inst.nodeCount {
            let (scaled, overflow) = start.potential[v].multipliedReportingOverflow(by: multiplier)
            guard !overflow, abs(scaled) < limit else { return nil }
            headPrice[v] = scaled
        }
        var arcOf = [Int32](repeating: 0, count: sCount)
        for s in 0..<sCount {
            let local = start.chosen[s]
            if local == SuccessiveShortestPaths.unassigned {
                guard inst.mayBeUnassigned[s] else { return nil }
                arcOf[s] = Int32(arcStart[s + 1] - 1)
            } else {
                guard local >= 0, inst.arcStart[s] ..< inst.arcStart[s + 1] ~= Int(local) else { return nil }
                arcOf[s] = arcOfInstanceArc[Int(local)]
            }
        }
        guard state.loadFlow(arcOf: arcOf, headPrice: headPrice) else { return nil }
        return state.largestViolation()
    }
}
