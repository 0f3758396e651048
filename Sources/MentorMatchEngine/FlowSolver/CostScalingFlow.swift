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

    /// Division of ε per refinement (4 did best on the generated L tier, between 2 and 64).
    static let alpha = 8

    /// Relabels between two global price updates, per node.
    static let updateFrequency = 2.0

    let instance: FlowInstance
    private let nodeCount: Int
    // Residual arcs grouped by tail: arcs of node v are `first[v] ..< first[v+1]`;
    // `mate[a]` is the reverse arc of a.
    private let first: [Int]
    /// Where the reverses of student arcs start in the list of each mentor and arrival node (`first[v+1]`
    /// for students and the sink). Most of them carry no flow, so a solve keeps the ones that do (those
    /// with residual capacity) at the front of that section: a mentor's scans then cost its load, not its degree.
    private let studentSection: [Int]
    private let target: [Int32]
    private let mate: [Int32]
    private let residual: [Int]
    /// Original cost of each residual arc (the reverse of an arc costs its negation).
    private let originalCost: [Int]
    /// Forward residual arc of each instance arc, and of each student's arc to the sink (−1 when none).
    private let studentArc: [Int32]
    private let unassignedArc: [Int32]
    /// Forward residual arcs whose capacity was cut to the number of students, and by how much.
    private let uncut: [(arc: Int, extra: Int)]
    /// Forward residual arcs arrival node → mentor (`2m`) and mentor → sink (`2m + 1`).
    private let linkArc: [Int32]

    /// `cost[a]` is the cost of local arc a of `instance`.
    init(_ instance: FlowInstance, cost: [Int]) {
        self.instance = instance
        let sCount = instance.studentCount, mCount = instance.mentorCount, sink = instance.sink
        let n = instance.nodeCount
        nodeCount = n
        // Arcs: (tail, head, capacity, cost).
        var tails = [Int32](), heads = [Int32](), caps = [Int](), costs = [Int]()
        let arcCount = instance.arcHead.count + sCount + 2 * mCount
        tails.reserveCapacity(arcCount); heads.reserveCapacity(arcCount)
        caps.reserveCapacity(arcCount); costs.reserveCapacity(arcCount)
        var unassigned = [Int32](repeating: -1, count: sCount)
        var listIndex = [Int](repeating: 0, count: instance.arcHead.count)
        for s in 0..<sCount {
            for a in instance.arcStart[s] ..< instance.arcStart[s + 1] {
                listIndex[a] = tails.count
                tails.append(Int32(s)); heads.append(instance.arcHead[a]); caps.append(1); costs.append(cost[a])
            }
            if instance.mayBeUnassigned[s] {
                unassigned[s] = Int32(tails.count)
                tails.append(Int32(s)); heads.append(Int32(sink)); caps.append(1); costs.append(0)
            }
        }
        // Capacities beyond the number of students never bind; they are cut to it for the
        // pushes and given back (``uncut``) for the potentials.
        var cut = [(arc: Int, extra: Int)]()
        let linkBase = tails.count
        for m in 0..<mCount {
            for (tail, head, capacity) in [(sCount + mCount + m, sCount + m, instance.maxNew[m]), (sCount + m, sink, instance.capacity[m])] {
                if capacity > sCount { cut.append((tails.count, capacity - sCount)) }
                tails.append(Int32(tail)); heads.append(Int32(head)); caps.append(min(capacity, sCount)); costs.append(0)
            }
        }
        // Lay out forward and reverse residual arcs by tail.
        var degree = [Int](repeating: 0, count: n + 1)
        for i in tails.indices { degree[Int(tails[i])] += 1; degree[Int(heads[i])] += 1 }
        var first = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { first[v + 1] = first[v] + degree[v] }
        var fill = Array(first.prefix(n))
        let total = 2 * tails.count
        var target = [Int32](repeating: 0, count: total), mate = [Int32](repeating: 0, count: total)
        var residual = [Int](repeating: 0, count: total), originalCost = [Int](repeating: 0, count: total)
        var position = [Int32](repeating: 0, count: tails.count)
        // Link arcs first, so that each mentor's and arrival node's list starts with its link arcs and
        // ends with the reverses of its students' arcs (the section ``Scratch/activeEnd`` keeps sorted).
        for i in Array(linkBase ..< tails.count) + Array(0 ..< linkBase) {
            let u = Int(tails[i]), v = Int(heads[i])
            let f = fill[u], r = fill[v]
            fill[u] += 1; fill[v] += 1
            target[f] = Int32(v); target[r] = Int32(u)
            mate[f] = Int32(r); mate[r] = Int32(f)
            residual[f] = caps[i]; residual[r] = 0
            originalCost[f] = costs[i]; originalCost[r] = -costs[i]
            position[i] = Int32(f)
        }
        self.first = first
        self.studentSection = (0..<n).map { v in
            sCount <= v && v < sink ? first[v] + (v < sCount + mCount ? 2 : 1) : first[v + 1]
        }
        self.target = target
        self.mate = mate
        self.residual = residual
        self.originalCost = originalCost
        self.studentArc = listIndex.map { position[$0] }
        self.unassignedArc = unassigned.map { $0 >= 0 ? position[Int($0)] : -1 }
        self.uncut = cut.map { (Int(position[$0.arc]), $0.extra) }
        self.linkArc = (0 ..< 2 * mCount).map { position[linkBase + $0] }
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
        let n = nodeCount, sink = instance.sink, sCount = instance.studentCount
        var largest = 1
        for c in originalCost { largest = max(largest, abs(c)) }
        let multiplier = n + 1
        // Prices move by at most ~3n·ε per refinement and ε shrinks geometrically from the largest
        // scaled cost: keep 16·n·(largest scaled cost) within 63 bits.
        let (scaledLargest, o1) = largest.multipliedReportingOverflow(by: multiplier)
        let (bound, o2) = scaledLargest.multipliedReportingOverflow(by: 16 * n + 16)
        guard !o1, !o2, bound < Int.max / 4 else { return nil }

        // Fixed-size buffers: the loops below run millions of steps, and unchecked loads
        // without exclusivity checks are much faster. Indices come from the network built above.
        let arcTotal = target.count
        let scratch = Scratch(first: first, studentSection: studentSection, target: target, mate: mate, residual: residual, nodeCount: n)
        defer { scratch.deallocate() }
        let first = scratch.first, target = scratch.target, mate = scratch.mate, residual = scratch.residual
        let cost = scratch.cost, price = scratch.price, excess = scratch.excess, current = scratch.current
        let phaseStart = scratch.phaseStart, inQueue = scratch.inQueue, queue = scratch.queue
        let studentSection = scratch.studentSection, activeEnd = scratch.activeEnd
        for a in 0..<arcTotal { cost[a] = originalCost[a] * multiplier }
        // A FIFO of nodes, each at most once (``inQueue``), in a ring of n slots.
        var queueHead = 0, queueCount = 0
        @inline(__always) func enqueue(_ v: Int) {
            var slot = queueHead + queueCount
            if slot >= n { slot -= n }
            queue[slot] = Int32(v); queueCount += 1; inQueue[v] = true
        }
        @inline(__always) func dequeue() -> Int {
            let v = Int(queue[queueHead])
            queueHead += 1; if queueHead == n { queueHead = 0 }
            queueCount -= 1; inQueue[v] = false
            return v
        }
        /// Pushes `delta` units along arc a from v to w, keeping the residual reverses of student arcs at the
        /// front of their section; true when a ran out of capacity and another arc took its place.
        @inline(__always) func push(_ a: Int, from v: Int, to w: Int, _ delta: Int) -> Bool {
            let m = Int(mate[a])
            residual[a] -= delta
            residual[m] += delta
            excess[v] -= delta
            excess[w] += delta
            if m >= activeEnd[w] { scratch.swapArcs(m, activeEnd[w]); activeEnd[w] += 1 }
            if residual[a] == 0 && a >= studentSection[v] {
                activeEnd[v] -= 1
                scratch.swapArcs(a, activeEnd[v])
                return true
            }
            return false
        }

        var work = 0
        var epsilon = scaledLargest
        let updateInterval = max(64, Int(Self.updateFrequency * Double(n)))
        if let start, let warm = warmStart(start, scratch: scratch, multiplier: multiplier, limit: bound) {
            epsilon = min(epsilon, warm)
        } else {
            for v in 0..<n { price[v] = 0; excess[v] = 0 }
            for a in 0..<arcTotal { residual[a] = self.residual[a] }
            for s in 0..<sCount { excess[s] = 1 }
            excess[sink] = -sCount
        }
        scratch.sortSections()
        while epsilon > 1 {
            epsilon = max(1, epsilon / Self.alpha)
            // Start of a refinement: the flow is (α·ε)-optimal and every excess is 0 (but
            // the first time, the students' supplies and the sink's demand); saturate every
            // arc of negative reduced cost.
            for v in 0..<n {
                let pv = price[v]
                var a = first[v]
                while a < activeEnd[v] {
                    let r = residual[a]
                    if r > 0 {
                        let w = Int(target[a])
                        if cost[a] + pv - price[w] < 0 && push(a, from: v, to: w, r) { continue }
                    }
                    a += 1
                }
            }
            for v in 0..<n { phaseStart[v] = price[v] }
            globalPriceUpdate(scratch, epsilon: epsilon)
            for v in 0..<n where excess[v] > 0 { enqueue(v) }
            let dropLimit = (4 * Self.alpha + 4) * (n + 1) * epsilon
            var relabelsSinceUpdate = 0
            while queueCount > 0 {
                if work & 0xFFFF == 0xFFFF && shouldStop() { return nil }
                if relabelsSinceUpdate >= updateInterval {
                    globalPriceUpdate(scratch, epsilon: epsilon)
                    relabelsSinceUpdate = 0
                }
                let v = dequeue()
                // Discharge v: push along admissible arcs (reduced cost < 0), relabel when none is left.
                while excess[v] > 0 {
                    let pv = price[v]
                    var a = current[v]
                    while a < activeEnd[v] {
                        let r = residual[a]
                        if r > 0 {
                            let w = Int(target[a])
                            if cost[a] + pv - price[w] < 0 {
                                let moved = push(a, from: v, to: w, min(excess[v], r))
                                work += 1
                                if excess[w] > 0 && !inQueue[w] { enqueue(w) }
                                if excess[v] == 0 { break }
                                if moved { continue }
                            }
                        }
                        a += 1
                    }
                    current[v] = a
                    if excess[v] == 0 { break }
                    // Relabel: the least price drop that makes some residual arc admissible, plus ε.
                    var best = Int.min
                    for b in first[v] ..< activeEnd[v] where residual[b] > 0 {
                        best = max(best, price[Int(target[b])] - cost[b])
                    }
                    if best == Int.min { return nil }  // no residual arc out: cannot happen with a feasible flow
                    price[v] = best - epsilon
                    current[v] = first[v]
                    work += 1
                    relabelsSinceUpdate += 1
                    if phaseStart[v] - price[v] > dropLimit { return nil }  // the excess cannot reach a deficit
                }
            }
        }

        // The flow is 1-optimal for the scaled costs, hence optimal. Potentials for the
        // original costs: the scaled ones rounded down leave every reduced cost ≥ −1; a
        // label-correcting pass (Bellman–Ford with a FIFO queue) lowers them until none is negative.
        var potential = (0..<n).map { floorDivide(price[$0], multiplier) }
        for (a, extra) in uncut { residual[a] += extra }
        for v in 0..<n { enqueue(v) }
        var relaxations = 0
        let relaxationLimit = 64 * arcTotal + 64 * n
        while queueCount > 0 {
            let v = dequeue()
            let pv = potential[v]
            for a in first[v] ..< activeEnd[v] where residual[a] > 0 {
                let w = Int(target[a])
                let c = cost[a] / multiplier  // exact: scaled costs are multiples
                if c + pv - potential[w] < 0 {
                    potential[w] = pv + c
                    relaxations += 1
                    if !inQueue[w] { enqueue(w) }
                }
            }
            if relaxations > relaxationLimit { return nil }
        }

        var chosen = [Int32](repeating: SuccessiveShortestPaths.unassigned, count: sCount)
        for s in 0..<sCount {
            var found = false
            for a in instance.arcStart[s] ..< instance.arcStart[s + 1] where residual[Int(studentArc[a])] == 0 {
                chosen[s] = Int32(a); found = true
            }
            if !found && unassignedArc[s] >= 0 && residual[Int(unassignedArc[s])] != 0 { return nil }
        }
        return Optimum(chosen: chosen, potential: potential, work: work)
    }
}

extension CostScalingFlow {
    /// Loads `start` into the buffers (flow, scaled prices; every excess 0) and returns the least ε for
    /// which that flow is ε-optimal, or nil (buffers to be reset) when `start` does not fit this network.
    fileprivate func warmStart(_ start: Start, scratch: Scratch, multiplier: Int, limit: Int) -> Int? {
        let inst = instance, sCount = inst.studentCount, mCount = inst.mentorCount, sink = inst.sink
        guard start.chosen.count == sCount, start.potential.count == inst.nodeCount else { return nil }
        let residual = scratch.residual, price = scratch.price, mate = scratch.mate
        let first = scratch.first, target = scratch.target, cost = scratch.cost
        @inline(__always) func push(_ a: Int32) -> Bool {
            let a = Int(a)
            guard residual[a] > 0 else { return false }
            residual[a] -= 1; residual[Int(mate[a])] += 1
            return true
        }
        for v in sCount ..< inst.nodeCount {
            let (scaled, overflow) = start.potential[v].multipliedReportingOverflow(by: multiplier)
            guard !overflow, abs(scaled) < limit else { return nil }
            price[v] = scaled
        }
        for s in 0..<sCount {
            let a = start.chosen[s]
            if a == SuccessiveShortestPaths.unassigned {
                guard unassignedArc[s] >= 0, push(unassignedArc[s]) else { return nil }
                price[s] = price[sink]
                continue
            }
            guard a >= 0, inst.arcStart[s] ..< inst.arcStart[s + 1] ~= Int(a) else { return nil }
            guard push(studentArc[Int(a)]) else { return nil }
            var h = Int(inst.arcHead[Int(a)])
            price[s] = price[h] - cost[Int(studentArc[Int(a)])]
            if h >= sCount + mCount {
                guard push(linkArc[2 * (h - sCount - mCount)]) else { return nil }
                h -= mCount
            }
            guard push(linkArc[2 * (h - sCount) + 1]) else { return nil }
        }
        var violation = 1
        for v in 0 ..< inst.nodeCount {
            let pv = price[v]
            for a in first[v] ..< first[v + 1] where residual[a] > 0 {
                violation = max(violation, price[Int(target[a])] - cost[a] - pv)
            }
        }
        return violation
    }
}

extension CostScalingFlow {
    /// Global price update (Goldberg 1997, as in CS2): lowers every price by ε times the node's distance
    /// to the nearest deficit, where a residual arc of reduced cost c counts ⌊c/ε⌋ + 1 (0 when c < 0).
    /// Every residual arc stays ε-optimal (its reduced cost drops by at most its length times ε) and each
    /// excess then has an admissible path to a deficit, which saves most relabels. A bucket Dijkstra
    /// over reversed residual arcs, stopped once every excess is reached; nodes not reached drop as
    /// much as the last distance settled. Resets every current arc.
    fileprivate func globalPriceUpdate(_ scratch: Scratch, epsilon: Int) {
        let n = nodeCount
        let first = scratch.first, target = scratch.target, mate = scratch.mate, residual = scratch.residual
        let cost = scratch.cost, price = scratch.price, excess = scratch.excess, current = scratch.current
        let rank = scratch.rank, bucketHead = scratch.bucketHead, bucketNext = scratch.bucketNext
        let bucketPrev = scratch.bucketPrev, scanned = scratch.scanned
        let bucketCount = bucketHead.count
        let unreached = Int.max
        for b in 0..<bucketCount { bucketHead[b] = -1 }
        @inline(__always) func insert(_ v: Int, _ b: Int) {
            let h = bucketHead[b]
            bucketNext[v] = h; bucketPrev[v] = -1
            if h >= 0 { bucketPrev[Int(h)] = Int32(v) }
            bucketHead[b] = Int32(v)
        }
        @inline(__always) func remove(_ v: Int, _ b: Int) {
            let p = bucketPrev[v], x = bucketNext[v]
            if p >= 0 { bucketNext[Int(p)] = x } else { bucketHead[b] = x }
            if x >= 0 { bucketPrev[Int(x)] = p }
        }
        var excessLeft = 0
        for v in 0..<n {
            scanned[v] = false
            current[v] = first[v]
            if excess[v] < 0 { rank[v] = 0; insert(v, 0) } else { rank[v] = unreached }
            if excess[v] > 0 { excessLeft += 1 }
        }
        var level = 0
        while excessLeft > 0 {
            let head = bucketHead[level]
            if head < 0 {
                if level + 1 == bucketCount { break }
                level += 1
                continue
            }
            let v = Int(head)
            remove(v, level)
            scanned[v] = true
            if excess[v] > 0 { excessLeft -= 1 }
            let pv = price[v]
            // Arcs u → v with residual capacity are the mates of v's arcs.
            for a in first[v] ..< first[v + 1] {
                let m = Int(mate[a])
                guard residual[m] > 0 else { continue }
                let u = Int(target[a])
                if scanned[u] { continue }
                let reduced = cost[m] + price[u] - pv
                let length = reduced < 0 ? 0 : reduced / epsilon + 1
                guard length < bucketCount - level else { continue }
                let d = level + length
                if d < rank[u] {
                    if rank[u] != unreached { remove(u, rank[u]) }
                    rank[u] = d
                    insert(u, d)
                }
            }
        }
        for v in 0..<n {
            price[v] -= (scanned[v] ? rank[v] : level) * epsilon
        }
    }
}

/// The working copies of one ``CostScalingFlow/solve(shouldStop:)``, freed at its end.
private struct Scratch {
    let first: UnsafeMutableBufferPointer<Int>
    /// ``CostScalingFlow/studentSection`` of each node, and the end of its arcs with residual capacity
    /// there (of all its arcs for students and the sink).
    let studentSection: UnsafeMutableBufferPointer<Int>
    let activeEnd: UnsafeMutableBufferPointer<Int>
    let target: UnsafeMutableBufferPointer<Int32>
    let mate: UnsafeMutableBufferPointer<Int32>
    let residual: UnsafeMutableBufferPointer<Int>
    let cost: UnsafeMutableBufferPointer<Int>
    let price: UnsafeMutableBufferPointer<Int>
    let excess: UnsafeMutableBufferPointer<Int>
    let current: UnsafeMutableBufferPointer<Int>
    let phaseStart: UnsafeMutableBufferPointer<Int>
    let inQueue: UnsafeMutableBufferPointer<Bool>
    let queue: UnsafeMutableBufferPointer<Int32>
    // Global price update: distance (rank) of each node, its bucket links, whether it is settled.
    let rank: UnsafeMutableBufferPointer<Int>
    let bucketHead: UnsafeMutableBufferPointer<Int32>
    let bucketNext: UnsafeMutableBufferPointer<Int32>
    let bucketPrev: UnsafeMutableBufferPointer<Int32>
    let scanned: UnsafeMutableBufferPointer<Bool>

    init(first: [Int], studentSection: [Int], target: [Int32], mate: [Int32], residual: [Int], nodeCount n: Int) {
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
            _ = b.initialize(from: array)
            return b
        }
        func filled<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            b.initialize(repeating: value)
            return b
        }
        self.first = copy(first)
        self.studentSection = copy(studentSection)
        activeEnd = copy(Array(first.dropFirst()))
        self.target = copy(target)
        self.mate = copy(mate)
        self.residual = copy(residual)  // reset again when a start is not taken
        cost = filled(target.count, 0)
        price = filled(n, 0)
        excess = filled(n, 0)
        current = filled(n, 0)
        phaseStart = filled(n, 0)
        inQueue = filled(n, false)
        queue = filled(max(n, 1), 0)
        rank = filled(n, 0)
        bucketHead = filled(2 * n + 2, -1)
        bucketNext = filled(n, -1)
        bucketPrev = filled(n, -1)
        scanned = filled(n, false)
    }

    /// Exchanges the arcs at positions i and j (of one node's list), keeping their reverses pointing at them.
    @inline(__always) func swapArcs(_ i: Int, _ j: Int) {
        guard i != j else { return }
        target.swapAt(i, j); mate.swapAt(i, j); residual.swapAt(i, j); cost.swapAt(i, j)
        mate[Int(mate[i])] = Int32(i)
        mate[Int(mate[j])] = Int32(j)
    }

    /// Puts each node's student reverses with residual capacity first in their section, in list order, and
    /// sets ``activeEnd`` (once the flow is loaded; pushes keep it so).
    func sortSections() {
        for v in 0 ..< studentSection.count {
            var end = studentSection[v]
            let last = first[v + 1]
            guard end < last else { activeEnd[v] = last; continue }
            for a in end ..< last where residual[a] > 0 {
                swapArcs(a, end)
                end += 1
            }
            activeEnd[v] = end
        }
    }

    func deallocate() {
        for b in [first, studentSection, activeEnd, residual, cost, price, excess, current, phaseStart, rank] { b.deallocate() }
        for b in [target, mate, queue, bucketHead, bucketNext, bucketPrev] { b.deallocate() }
        inQueue.deallocate()
        scanned.deallocate()
    }
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
