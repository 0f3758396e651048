/// Min-cost flow on a ``FlowInstance`` by successive shortest paths: students
/// enter one at a time (forced ones first, then by index), each along a
/// shortest path to the sink in the residual network (Dijkstra on reduced
/// costs, stopped when the sink is settled; potentials keep reduced costs
/// non-negative). After each student the flow is optimal for the students
/// entered so far, so at the end it is optimal; integer costs, integer flow.
///
/// A path may push earlier students to other mentors or out of the
/// assignment; the residual graph is kept implicitly through each mentor's
/// list of current students.
final class SuccessiveShortestPaths {
    enum Outcome: Equatable {
        case optimal
        /// This forced student cannot be placed together with the ones before it.
        case infeasible(student: Int)
        case stopped
    }

    static let unassigned: Int32 = -1
    static let notEntered: Int32 = -2

    let instance: FlowInstance
    /// Local arc chosen by each student, ``unassigned`` or ``notEntered``.
    private(set) var chosen: [Int32]
    /// Students on each mentor / arrival node, as doubly linked lists over students.
    private var head: [Int32]
    private var next: [Int32]
    private var prev: [Int32]
    /// Flow mentor → sink and arrival node → mentor.
    private(set) var load: [Int]
    private(set) var arrivals: [Int]
    private var potential: [Int]
    private var cost: [Int]

    // Dijkstra scratch, reset by round stamps.
    private var distance: [Int]
    private var labelRound: [UInt32]
    private var settledRound: [UInt32]
    /// How a node was reached: the arc from its student, or -1 for the mentor ↔ arrival link.
    private var parentArc: [Int32]
    private var sinkParent: Int32 = -1
    private var round: UInt32 = 0
    private var settled: [Int32] = []
    private var heap = MinHeap()

    init(_ instance: FlowInstance) {
        self.instance = instance
        let n = instance.nodeCount
        chosen = Array(repeating: Self.notEntered, count: instance.studentCount)
        head = Array(repeating: -1, count: n)
        next = Array(repeating: -1, count: instance.studentCount)
        prev = Array(repeating: -1, count: instance.studentCount)
        load = Array(repeating: 0, count: instance.mentorCount)
        arrivals = Array(repeating: 0, count: instance.mentorCount)
        potential = Array(repeating: 0, count: n)
        cost = Array(repeating: 0, count: instance.arcHead.count)
        distance = Array(repeating: 0, count: n)
        labelRound = Array(repeating: 0, count: n)
        settledRound = Array(repeating: 0, count: n)
        parentArc = Array(repeating: -1, count: n)
    }

    /// Solves with arc costs `−q·profit + p·isMove` (the Lagrangian price p/q on moves).
    func solve(priceNumerator p: Int, denominator q: Int, shouldStop: () -> Bool) -> Outcome {
        reset()
        for a in 0..<cost.count {
            cost[a] = -q * instance.arcProfit[a] + (instance.arcIsMove[a] ? p : 0)
        }
        var order = [Int]()
        order.reserveCapacity(instance.studentCount)
        for s in 0..<instance.studentCount where !instance.mayBeUnassigned[s] { order.append(s) }
        for s in 0..<instance.studentCount where instance.mayBeUnassigned[s] { order.append(s) }
        for (i, s) in order.enumerated() {
            if i & 1023 == 1023 && shouldStop() { return .stopped }
            if !enter(s) { return .infeasible(student: s) }
        }
        return .optimal
    }

    /// Σ profit and Σ moves of the current (partial) assignment.
    var profitAndMoves: (profit: Int, moves: Int) {
        var profit = 0, moves = 0
        for a in chosen where a >= 0 {
            profit += instance.arcProfit[Int(a)]
            if instance.arcIsMove[Int(a)] { moves += 1 }
        }
        return (profit, moves)
    }

    private func reset() {
        for i in chosen.indices { chosen[i] = Self.notEntered; next[i] = -1; prev[i] = -1 }
        for i in head.indices { head[i] = -1; potential[i] = 0 }
        for m in load.indices { load[m] = 0; arrivals[m] = 0 }
    }

    // MARK: lists

    private func link(_ s: Int, into node: Int) {
        let h = head[node]
        next[s] = h
        prev[s] = -1
        if h >= 0 { prev[Int(h)] = Int32(s) }
        head[node] = Int32(s)
    }

    private func unlink(_ s: Int, from node: Int) {
        let p = prev[s], n = next[s]
        if p >= 0 { next[Int(p)] = n } else { head[node] = n }
        if n >= 0 { prev[Int(n)] = p }
    }

    /// Moves student s onto local arc a (or to unassigned when a < 0).
    private func reassign(_ s: Int, to a: Int32) {
        let old = chosen[s]
        if old >= 0 { unlink(s, from: Int(instance.arcHead[Int(old)])) }
        chosen[s] = a
        if a >= 0 { link(s, into: Int(instance.arcHead[Int(a)])) }
    }

    // MARK: one shortest path

    /// Routes student `source` to the sink along a shortest path; false when no path exists.
    private func enter(_ source: Int) -> Bool {
        let inst = instance
        let sCount = inst.studentCount, mCount = inst.mentorCount, sink = inst.sink
        let arcs = inst.arcStart[source] ..< inst.arcStart[source + 1]
        // A potential for the new node that makes its outgoing reduced costs non-negative.
        var pi = inst.mayBeUnassigned[source] ? potential[sink] : Int.min
        for a in arcs { pi = max(pi, potential[Int(inst.arcHead[a])] - cost[a]) }
        if pi == Int.min { return false }
        potential[source] = pi

        round &+= 1
        if round == 0 {  // wrapped: clear stamps
            for i in labelRound.indices { labelRound[i] = 0; settledRound[i] = 0 }
            round = 1
        }
        let r = round
        heap.removeAll()
        settled.removeAll(keepingCapacity: true)
        distance[source] = 0
        labelRound[source] = r
        heap.push(0, Int32(source))
        var sinkDistance = -1

        @inline(__always) func relax(_ v: Int, _ d: Int, _ via: Int32) {
            if labelRound[v] != r || d < distance[v] {
                labelRound[v] = r
                distance[v] = d
                parentArc[v] = via
                heap.push(d, Int32(v))
            }
        }

        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let u = Int(node)
            if settledRound[u] == r || d != distance[u] { continue }
            settledRound[u] = r
            if u == sink { sinkDistance = d; break }
            settled.append(node)
            let pu = potential[u]
            if u < sCount {
                // A student: any arc but its current one, or leave to the sink.
                let current = chosen[u]
                for a in inst.arcStart[u] ..< inst.arcStart[u + 1] where a != Int(current) {
                    let v = Int(inst.arcHead[a])
                    if settledRound[v] == r { continue }
                    relax(v, d + cost[a] + pu - potential[v], Int32(a))
                }
                if current != Self.unassigned && inst.mayBeUnassigned[u] && settledRound[sink] != r {
                    let nd = d + pu - potential[sink]
                    if labelRound[sink] != r || nd < distance[sink] { sinkParent = node }
                    relax(sink, nd, -1)
                }
            } else if u < sCount + mCount {
                let m = u - sCount
                if load[m] < inst.capacity[m] && settledRound[sink] != r {
                    let nd = d + pu - potential[sink]
                    if labelRound[sink] != r || nd < distance[sink] { sinkParent = node }
                    relax(sink, nd, -1)
                }
                let arrival = u + mCount
                if arrivals[m] > 0 && settledRound[arrival] != r {
                    relax(arrival, d + pu - potential[arrival], -1)
                }
                var s = head[u]
                while s >= 0 {
                    let v = Int(s)
                    if settledRound[v] != r {
                        relax(v, d - cost[Int(chosen[v])] + pu - potential[v], -1)
                    }
                    s = next[v]
                }
            } else {
                let m = u - sCount - mCount
                let mentor = u - mCount
                if arrivals[m] < inst.maxNew[m] && settledRound[mentor] != r {
                    relax(mentor, d + pu - potential[mentor], -1)
                }
                var s = head[u]
                while s >= 0 {
                    let v = Int(s)
                    if settledRound[v] != r {
                        relax(v, d - cost[Int(chosen[v])] + pu - potential[v], -1)
                    }
                    s = next[v]
                }
            }
        }
        if sinkDistance < 0 { return false }

        // Potentials: settled nodes move by (their distance − the sink's); the rest stay.
        for node in settled {
            let v = Int(node)
            potential[v] += distance[v] - sinkDistance
        }

        // Augment one unit back from the sink.
        var v = Int(sinkParent)
        if v < sCount {
            // A student leaves the assignment.
            let old = chosen[v]
            reassign(v, to: Self.unassigned)
            if v == source { return true }
            v = Int(inst.arcHead[Int(old)])
        } else {
            load[v - sCount] += 1
        }
        while true {
            let via = parentArc[v]
            if v < sCount + mCount {
                if via < 0 {
                    arrivals[v - sCount] += 1
                    v += mCount
                    continue
                }
            } else if via < 0 {
                arrivals[v - sCount - mCount] -= 1
                v -= mCount
                continue
            }
            let s = Int(inst.arcStudent[Int(via)])
            let old = chosen[s]
            reassign(s, to: via)
            if s == source { return true }
            v = Int(inst.arcHead[Int(old)])
        }
    }
}
