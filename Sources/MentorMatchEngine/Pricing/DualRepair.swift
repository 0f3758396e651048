/// Repairs the duals of a restricted optimum so that they price out every pair, when they can.
///
/// At a degenerate optimum (typically the move price's breakpoint) the duals are far from unique, and
/// pricing with the ones the flow solver returned may find a few pairs of negative reduced cost although
/// the flow is already optimal for every pair; adding them and solving again gives other duals that
/// price in other pairs, a few at a time (seen on tier XL with a 2% budget: 3 to 10 pairs a round for
/// more than ten rounds at the optimum). This keeps the flow and lowers potentials instead: a FIFO
/// label-correcting pass (Bellman–Ford) over the residual network of the *whole* program (every
/// candidate pair read from the table, each mentor's and arrival node's members, the sink), started at
/// the students with a violated pair. Potentials only go down, so an arc is checked again only when
/// its tail moved; when the queue empties, every residual arc has a non-negative reduced cost and the
/// flow is optimal for every pair at this move price. A negative cycle (the flow is not optimal for
/// the whole program) never empties the queue: the pass gives up after `workLimit` arc checks.
struct DualRepair {
    let context: MatchingContext
    let table: CandidateTable
    /// The move price p/q of the duals and costs.
    let p: Int
    let q: Int

    /// Potentials (sink at 0) that certify `headOf` (each student's head node in ``FlowInstance``
    /// numbering, −1 unassigned) for every pair of `table`, starting from `duals` and the students in
    /// `violators`; nil when `workLimit` arc checks did not settle them.
    func repaired(_ duals: FlowDuals, headOf: [Int32], violators: [Int], workLimit: Int) -> FlowDuals? {
        let sCount = context.studentCount, mCount = context.mentorCount
        let sink = sCount + 2 * mCount, nodeCount = sink + 1
        let mentors = context.snapshot.mentors

        // The flow: loads, arrivals, members of each head node, each student's chosen arc cost.
        var load = [Int](repeating: 0, count: mCount), arrivals = [Int](repeating: 0, count: mCount)
        var memberCount = [Int](repeating: 0, count: nodeCount + 1)
        for s in 0..<sCount where headOf[s] >= 0 {
            let h = Int(headOf[s]), m = (h - sCount) % mCount
            load[m] += 1
            if h >= sCount + mCount { arrivals[m] += 1 }
            memberCount[h + 1] += 1
        }
        var memberStart = memberCount
        for v in 0..<nodeCount { memberStart[v + 1] += memberStart[v] }
        var fill = memberStart, members = [Int32](repeating: 0, count: memberStart[nodeCount])
        var chosenCost = [Int](repeating: 0, count: sCount)
        for s in 0..<sCount where headOf[s] >= 0 {
            let h = Int(headOf[s]), m = (h - sCount) % mCount
            members[fill[h]] = Int32(s); fill[h] += 1
            chosenCost[s] = cost(student: s, mentor: m, fit: fit(student: s, mentor: m)).cost
        }

        var potential = [Int](repeating: 0, count: nodeCount)
        for s in 0..<sCount { potential[s] = -duals.studentValue[s] }
        for m in 0..<mCount {
            potential[sCount + m] = duals.mentorPotential[m]
            potential[sCount + mCount + m] = duals.arrivalPotential[m]
        }
        var queue = [Int32](), inQueue = [Bool](repeating: false, count: nodeCount), next = 0
        func lower(_ v: Int, to value: Int) {
            guard value < potential[v] else { return }
            potential[v] = value
            if !inQueue[v] { inQueue[v] = true; queue.append(Int32(v)) }
        }
        for s in violators where !inQueue[s] { inQueue[s] = true; queue.append(Int32(s)) }

        var work = 0
        while next < queue.count {
            if work > workLimit { return nil }
            let u = Int(queue[next]); next += 1
            inQueue[u] = false
            if next > 1 << 20 { queue.removeFirst(next); next = 0 }
            let pu = potential[u]
            if u < sCount {
                if case .locked = context.roles[u] { continue }  // its lock is its only arc
                let chosenMentor = headOf[u] >= 0 ? (Int(headOf[u]) - sCount) % mCount : -1
                table.forEachCandidate(of: u) { m, fit in
                    work += 1
                    guard m != chosenMentor else { return }
                    let arc = cost(student: u, mentor: m, fit: fit)
                    guard arc.profit > 0 else { return }  // never better than leaving the student out
                    lower(arc.isArrival ? sCount + mCount + m : sCount + m, to: pu + arc.cost)
                }
                if headOf[u] >= 0 { lower(sink, to: pu) }  // its arc to the sink (every non-locked student may be left out)
            } else if u < sCount + mCount {
                let m = u - sCount
                if load[m] < mentors[m].capacity { lower(sink, to: pu) }
                if arrivals[m] > 0 { lower(u + mCount, to: pu) }
                for i in memberStart[u] ..< memberStart[u + 1] {
                    let s = Int(members[i])
                    work += 1
                    lower(s, to: pu - chosenCost[s])
                }
            } else if u < sink {
                let m = u - sCount - mCount
                if arrivals[m] < (mentors[m].maxNewPerWeek ?? Int.max) { lower(u - mCount, to: pu) }
                for i in memberStart[u] ..< memberStart[u + 1] {
                    let s = Int(members[i])
                    work += 1
                    lower(s, to: pu - chosenCost[s])
                }
            } else {
                for m in 0..<mCount where load[m] > 0 { lower(sCount + m, to: pu) }
                for s in 0..<sCount where headOf[s] < 0 { lower(s, to: pu) }
                work += mCount + sCount
            }
        }
        let shift = potential[sink]
        return FlowDuals(priceNumerator: p, priceDenominator: q,
                         studentValue: (0..<sCount).map { shift - potential[$0] },
                         mentorPotential: (0..<mCount).map { potential[sCount + $0] - shift },
                         arrivalPotential: (0..<mCount).map { potential[sCount + mCount + $0] - shift })
    }

    /// The flow cost of pair (s, m) at price p/q (as ``EncodedProblem`` and ``FlowInstance`` make it),
    /// its profit (weight + unassignedCost) and whether it enters through the mentor's arrival node.
    private func cost(student s: Int, mentor m: Int, fit: Int) -> (cost: Int, profit: Int, isArrival: Bool) {
        let terms = context.pairTerms(student: s, mentor: m, fit: fit)
        let profit = terms.weight + context.unassignedCost[s]
        return (-q * profit + (terms.isMove ? p : 0), profit, terms.isArrival)
    }

    /// fit(s, m) from the table, or computed (a lock need not be a candidate).
    private func fit(student s: Int, mentor m: Int) -> Int {
        table.position(student: s, mentor: Int32(m)).map { Int(table.fit[$0]) } ?? context.fit(student: s, mentor: m)
    }
}
