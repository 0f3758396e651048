/// Hitting the move budget exactly at the Lagrangian breakpoint.
///
/// Two assignments `low` (fewer moves than the budget) and `high` (more), both
/// optimal for the same Lagrangian price λ*, differ by a circulation in the
/// residual network of `low`. Split conformally into cycles, each cycle has
/// zero cost at λ* (its cost is ≥ 0 because `low` is optimal, and they sum to
/// cost(high) − cost(low) = 0), so applying any subset of them to `low` gives
/// an assignment that is feasible and still optimal at λ*. One whose move count
/// equals the budget is optimal for the whole program: its objective equals
/// the Lagrangian bound.
enum MoveBudgetRepair {
    /// Applies to `low` the subset of cycles of `high − low` whose move changes
    /// add up to the largest total ≤ `extraMoves` (exactly `extraMoves` when possible).
    /// Returns the new assignment and the moves added.
    static func combine(
        low: [Int32], high: [Int32], extraMoves: Int, instance: FlowInstance
    ) -> (chosen: [Int32], addedMoves: Int) {
        let cycles = conformalCycles(low: low, high: high, instance: instance)
        let deltas = cycles.map { cycle in
            cycle.reduce(0) { sum, s in sum + moveCount(high[s], instance) - moveCount(low[s], instance) }
        }
        let picked = pickSubset(deltas, target: extraMoves)
        var result = low
        var added = 0
        for c in picked {
            for s in cycles[c] { result[s] = high[s] }
            added += deltas[c]
        }
        return (result, added)
    }

    private static func moveCount(_ a: Int32, _ instance: FlowInstance) -> Int {
        a >= 0 && instance.arcIsMove[Int(a)] ? 1 : 0
    }

    /// The cycles of the circulation high − low over mentor, arrival and sink
    /// nodes, each given by the students whose arc changes along it.
    static func conformalCycles(low: [Int32], high: [Int32], instance: FlowInstance) -> [[Int]] {
        let m = instance.mentorCount, sCount = instance.studentCount
        let sink = 2 * m
        func node(_ a: Int32) -> Int { a < 0 ? sink : Int(instance.arcHead[Int(a)]) - sCount }

        var from = [Int](), to = [Int](), student = [Int]()
        var loadDelta = [Int](repeating: 0, count: m), arrivalDelta = [Int](repeating: 0, count: m)
        for s in 0..<sCount where low[s] != high[s] {
            let a = node(low[s]), b = node(high[s])
            from.append(a); to.append(b); student.append(s)
            for (n, sign) in [(a, -1), (b, 1)] where n != sink {
                if n >= m { arrivalDelta[n - m] += sign; loadDelta[n - m] += sign } else { loadDelta[n] += sign }
            }
        }
        for mentor in 0..<m {
            let ad = arrivalDelta[mentor]
            for _ in 0..<abs(ad) { from.append(ad > 0 ? m + mentor : mentor); to.append(ad > 0 ? mentor : m + mentor); student.append(-1) }
            let ld = loadDelta[mentor]
            for _ in 0..<abs(ld) { from.append(ld > 0 ? mentor : sink); to.append(ld > 0 ? sink : mentor); student.append(-1) }
        }

        // Out-edges per node (CSR), then walk and cut cycles off the path.
        let nodeCount = 2 * m + 1
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for f in from { start[f + 1] += 1 }
        for i in 0..<nodeCount { start[i + 1] += start[i] }
        var fill = start
        var out = [Int](repeating: 0, count: from.count)
        for (e, f) in from.enumerated() { out[fill[f]] = e; fill[f] += 1 }
        var cursor = Array(start.dropLast())

        var cycles = [[Int]]()
        var positionOnPath = [Int](repeating: -1, count: nodeCount)
        for origin in 0..<nodeCount {
            while cursor[origin] < start[origin + 1] {
                var pathNodes = [origin], pathEdges = [Int]()
                positionOnPath[origin] = 0
                var u = origin
                while true {
                    guard cursor[u] < start[u + 1] else { break }  // cannot happen in a circulation
                    let e = out[cursor[u]]
                    cursor[u] += 1
                    let v = to[e]
                    pathEdges.append(e)
                    if positionOnPath[v] >= 0 {
                        let cut = positionOnPath[v]
                        let cycleEdges = pathEdges[cut...]
                        cycles.append(cycleEdges.compactMap { student[$0] >= 0 ? student[$0] : nil })
                        for n in pathNodes[(cut + 1)...] { positionOnPath[n] = -1 }
                        pathNodes.removeSubrange((cut + 1)...)
                        pathEdges.removeSubrange(cut...)
                        u = v
                        if pathEdges.isEmpty && cursor[u] == start[u + 1] { break }
                    } else {
                        positionOnPath[v] = pathNodes.count
                        pathNodes.append(v)
                        u = v
                    }
                }
                for n in pathNodes { positionOnPath[n] = -1 }
            }
        }
        return cycles
    }

    /// Indices of a subset of `deltas` with the largest sum ≤ `target` (subset-sum by
    /// dynamic programming over reachable sums; greedy when that table would be huge).
    static func pickSubset(_ deltas: [Int], target: Int) -> [Int] {
        let useful = deltas.indices.filter { deltas[$0] != 0 }
        let low = useful.reduce(0) { $0 + min(0, deltas[$1]) }
        let high = useful.reduce(0) { $0 + max(0, deltas[$1]) }
        let width = high - low + 1
        guard width.multipliedReportingOverflow(by: max(1, useful.count)).partialValue <= 50_000_000 else {
            var picked = [Int](), sum = 0
            for c in useful where deltas[c] < 0 { picked.append(c); sum += deltas[c] }
            for c in useful where deltas[c] > 0 && sum + deltas[c] <= target { picked.append(c); sum += deltas[c] }
            return picked
        }
        // via[sum − low] = the cycle that first reached that sum (−2 = unreached, −1 = the empty set).
        var via = [Int](repeating: -2, count: width)
        via[-low] = -1
        var reached = [0]
        for c in useful {
            let d = deltas[c]
            var added = [Int]()
            for sum in reached where via[sum + d - low] == -2 {
                via[sum + d - low] = c
                added.append(sum + d)
            }
            reached += added
        }
        guard let best = reached.filter({ $0 <= target }).max() else { return [] }
        var picked = [Int](), sum = best
        while via[sum - low] >= 0 {
            let c = via[sum - low]
            picked.append(c)
            sum -= deltas[c]
        }
        return picked.sorted()
    }
}
