/// Min-cost flow on a ``FlowInstance`` by successive shortest paths.
///
/// Every student must ship one unit to the sink. Students not yet routed hold
/// an excess; the sink (and, after a warm start, a few mentor or arrival nodes)
/// hold the matching deficits. Each excess student in turn (forced ones first,
/// then by index) is routed along a shortest path in the residual network to
/// the nearest node with a deficit: Dijkstra on reduced costs, stopped when
/// that node is settled; node potentials keep every residual reduced cost
/// non-negative, so when no excess is left the flow is optimal (most students
/// need no search: their cheapest choice already ends at a free seat). Integer costs,
/// integer flow. A path may push earlier students to other mentors or out of
/// the assignment; the residual graph is kept implicitly through each node's
/// list of current students.
///
/// ``solve(priceNumerator:denominator:warmStart:shouldStop:)`` with a warm
/// start keeps the previous flow and potentials and takes out only the
/// students whose choice stopped being a best one under the new costs.
final class SuccessiveShortestPaths {
    enum Outcome: Equatable {
        case optimal
        /// This forced student cannot be placed together with the ones before it.
        case infeasible(student: Int)
        case stopped
    }

    static let unassigned: Int32 = -1
    static let notEntered: Int32 = -2
    /// `parentArc` markers for the non-student arcs of a path.
    private static let viaLink: Int32 = -1
    private static let viaSink: Int32 = -2

    let instance: FlowInstance
    // All state lives in fixed-size buffers owned by this object: the searches
    // run millions of steps, and unchecked loads without exclusivity checks
    // roughly halve their time. Indices come from the instance, which
    // ``FlowInstance`` has checked.
    /// Local arc chosen by each student, ``unassigned`` or ``notEntered``.
    private let chosen: UnsafeMutableBufferPointer<Int32>
    /// Students on each mentor / arrival node (and unassigned ones on the sink), as doubly linked lists.
    private let head: UnsafeMutableBufferPointer<Int32>
    private let next: UnsafeMutableBufferPointer<Int32>
    private let prev: UnsafeMutableBufferPointer<Int32>
    /// Flow mentor → sink and arrival node → mentor.
    private let load: UnsafeMutableBufferPointer<Int>
    private let arrivals: UnsafeMutableBufferPointer<Int>
    private let potential: UnsafeMutableBufferPointer<Int>
    private let cost: UnsafeMutableBufferPointer<Int>
    /// Deficits held by mentor and arrival nodes (the sink holds the rest).
    private let deficit: UnsafeMutableBufferPointer<Int32>
    // Copies of the instance's arrays read on the hot path.
    private let arcStart: UnsafeMutableBufferPointer<Int>
    private let arcHead: UnsafeMutableBufferPointer<Int32>
    private let arcStudent: UnsafeMutableBufferPointer<Int32>
    private let mayBeUnassigned: UnsafeMutableBufferPointer<Bool>
    private let capacity: UnsafeMutableBufferPointer<Int>
    private let maxNew: UnsafeMutableBufferPointer<Int>
    private var nodeDeficits = 0
    private var waiting = 0
    private var hasFlow = false
    /// The price denominator the current potentials are scaled for.
    private var scale = 1
    /// The move price numerator of the last solve (its denominator is ``scale``).
    private var priceNumerator = 0

    // Dijkstra scratch, reset by round stamps.
    private let distance: UnsafeMutableBufferPointer<Int>
    private let labelRound: UnsafeMutableBufferPointer<UInt32>
    private let settledRound: UnsafeMutableBufferPointer<UInt32>
    /// How a node was reached: the arc from its student, ``viaLink`` or ``viaSink``.
    private let parentArc: UnsafeMutableBufferPointer<Int32>
    private var sinkParent: Int32 = -1
    private var round: UInt32 = 0
    private var settled: [Int32] = []
    private var heap = MinHeap()
    /// Nodes settled by the searches of the current solve (a deterministic measure of effort),
    /// and in all by the last fresh solve.
    private var work = 0
    private var freshWork = Int.max
    /// Whether fresh solves use ``CostScalingFlow`` (falling back to successive shortest paths when it gives no answer).
    /// Whether fresh solves use ``CostScalingFlow`` (the tests compare both ways).
    var usesCostScaling = true
    /// True between ``seed(chosen:mentorPotential:arrivalPotential:priceNumerator:denominator:)`` and the next solve.
    private var isSeeded = false

    private static func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        b.initialize(repeating: value)
        return b
    }

    private static func buffer<T>(copying array: [T]) -> UnsafeMutableBufferPointer<T> {
        let b = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = b.initialize(from: array)
        return b
    }

    init(_ instance: FlowInstance) {
        self.instance = instance
        let n = instance.nodeCount
        chosen = Self.buffer(instance.studentCount, Self.notEntered)
        head = Self.buffer(n, -1)
        next = Self.buffer(instance.studentCount, -1)
        prev = Self.buffer(instance.studentCount, -1)
        load = Self.buffer(instance.mentorCount, 0)
        arrivals = Self.buffer(instance.mentorCount, 0)
        potential = Self.buffer(n, 0)
        cost = Self.buffer(instance.arcHead.count, 0)
        deficit = Self.buffer(n, 0)
        arcStart = Self.buffer(copying: instance.arcStart)
        arcHead = Self.buffer(copying: instance.arcHead)
        arcStudent = Self.buffer(copying: instance.arcStudent)
        mayBeUnassigned = Self.buffer(copying: instance.mayBeUnassigned)
        capacity = Self.buffer(copying: instance.capacity)
        maxNew = Self.buffer(copying: instance.maxNew)
        distance = Self.buffer(n, 0)
        labelRound = Self.buffer(n, 0)
        settledRound = Self.buffer(n, 0)
        parentArc = Self.buffer(n, -1)
    }

    deinit {
        for b in [chosen, head, next, prev, deficit, arcHead, arcStudent, parentArc] { b.deallocate() }
        for b in [load, arrivals, potential, cost, arcStart, capacity, maxNew, distance] { b.deallocate() }
        for b in [labelRound, settledRound] { b.deallocate() }
        mayBeUnassigned.deallocate()
    }

    /// The arc chosen by each student (local index), ``unassigned`` or ``notEntered``.
    var assignment: [Int32] { Array(chosen) }

    /// Solves with arc costs `−q·profit + p·isMove` (the Lagrangian price p/q on
    /// moves), from scratch or, with `warmStart`, from the last optimal flow.
    func solve(priceNumerator p: Int, denominator q: Int, warmStart: Bool, shouldStop: () -> Bool) -> Outcome {
        for a in 0..<cost.count {
            cost[a] = -q * instance.arcProfit[a] + (instance.arcIsMove[a] ? p : 0)
        }
        // A warm start pays off only when few students must be re-routed: each
        // re-routed student may search far for a deficit, while a fresh start routes
        // nearly every student straight to a free seat. So a warm start is tried
        // when few students are out, and given up (for a fresh start) once it has
        // settled as many nodes as the last fresh start did in all (a cost-scaling push or relabel
        // counted as an eighth of a settled node: on tier XL a warm start of 388 students settled 8 million
        // nodes in 2.8 s before it gave up, where cost scaling from the last optimum took 1.2 s).
        rescalePotentials(to: q)
        scale = q
        priceNumerator = p
        // The last optimum at another price, a start for cost scaling should the warm start below be given
        // up. Not a seeded flow (a smaller network's optimum): from it, cost scaling did as much work as afresh.
        let previous = usesCostScaling && warmStart && hasFlow && !isSeeded ? CostScalingFlow.Start(chosen: Array(chosen), potential: Array(potential)) : nil
        // A seeded flow is kept when at most 1/16 of the students must be re-routed; beyond that a fresh
        // cost-scaling solve is faster (tier XL, round 2: 98,400 students out, re-routing them took minutes).
        // Without cost scaling it is always kept: a fresh start by shortest paths would redo all of it.
        // At a new move price the warm start is tried for up to 1/256 of the students: re-routing a few hundred
        // of them one shortest path at a time took longer on tier XL than cost scaling from the last optimum.
        let limit = isSeeded ? (usesCostScaling ? instance.studentCount / 16 : instance.studentCount)
            : instance.studentCount / (usesCostScaling ? 256 : 64)
        let warm = warmStart && hasFlow && releaseNonOptimalStudents(limit: limit)
        isSeeded = false
        hasFlow = false
        if warm {
            switch routeWaiting(workLimit: freshWork, shouldStop: shouldStop) {
            case .optimal?: hasFlow = true; return .optimal
            case .stopped?: return .stopped
            case .infeasible?, nil: break  // over the work limit (infeasible cannot happen warm): start afresh
            }
        }
        reset()
        var scalingWork = 0
        if usesCostScaling, let optimum = CostScalingFlow(instance, cost: Array(cost)).solve(from: previous, shouldStop: shouldStop) {
            // An optimum with certifying potentials: installed like a seed, then checked (any student it
            // would not certify is routed again). Otherwise (overflow risk, infeasible, stopped): SSP.
            let sCount = instance.studentCount, mCount = instance.mentorCount, sink = optimum.potential[instance.sink]
            seed(chosen: optimum.chosen, mentorPotential: (0..<mCount).map { optimum.potential[sCount + $0] - sink },
                 arrivalPotential: (0..<mCount).map { optimum.potential[sCount + mCount + $0] - sink },
                 priceNumerator: p, denominator: q)
            isSeeded = false
            _ = releaseNonOptimalStudents(limit: sCount)
            scalingWork = optimum.work
        }
        let outcome = routeWaiting(workLimit: Int.max, shouldStop: shouldStop)!
        freshWork = work + scalingWork / 8
        hasFlow = outcome == .optimal
        return outcome
    }

    /// Takes over an optimal flow of a related network (the same one with more or fewer student arcs): each
    /// student's local arc (or ``unassigned``, or ``notEntered`` when this network lacks it: then
    /// `formerHead` names the node it reached, and its unit is taken out as a release would), and mentor
    /// and arrival potentials with the sink at 0, at price p/q. The flow and those potentials keep every non-student arc's reduced cost as it was; the
    /// next warm ``solve(priceNumerator:denominator:warmStart:shouldStop:)`` takes out the students for
    /// whom a new arc is now better and routes them again.
    func seed(chosen seeded: [Int32], formerHead: [Int32] = [], mentorPotential: [Int], arrivalPotential: [Int],
              priceNumerator p: Int, denominator q: Int) {
        reset()
        let inst = instance, sCount = inst.studentCount, mCount = inst.mentorCount
        for m in 0..<mCount {
            potential[sCount + m] = mentorPotential[m]
            potential[sCount + mCount + m] = arrivalPotential[m]
        }
        potential[inst.sink] = 0
        waiting = 0
        func count(_ h: Int) {
            if h >= sCount + mCount { arrivals[h - sCount - mCount] += 1; load[h - sCount - mCount] += 1 } else { load[h - sCount] += 1 }
        }
        for s in 0..<sCount {
            let a = seeded[s]
            reassign(s, to: a)
            if a >= 0 { count(Int(arcHead[Int(a)])) }
        }
        // Students whose arc this network lacks: their units are taken out as a release would.
        for s in 0..<sCount where seeded[s] == Self.notEntered {
            waiting += 1
            if !formerHead.isEmpty && formerHead[s] >= 0 {
                count(Int(formerHead[s]))
                takeOutUnit(at: Int(formerHead[s]))
            }
        }
        scale = q
        priceNumerator = p
        hasFlow = true
        isSeeded = true
        freshWork = Int.max
    }

    /// Routes every waiting student (forced ones first, then by index); nil when
    /// the settled nodes exceed `workLimit`.
    private func routeWaiting(workLimit: Int, shouldStop: () -> Bool) -> Outcome? {
        var order = [Int]()
        for s in 0..<instance.studentCount where chosen[s] == Self.notEntered && !mayBeUnassigned[s] { order.append(s) }
        for s in 0..<instance.studentCount where chosen[s] == Self.notEntered && mayBeUnassigned[s] { order.append(s) }
        work = 0
        for (i, s) in order.enumerated() {
            if i & 1023 == 1023 && shouldStop() { return .stopped }
            if !route(s) { return .infeasible(student: s) }
            if work > workLimit { return nil }
        }
        return .optimal
    }

    /// The dual solution of the last optimal flow, shifted so that the sink's potential is 0:
    /// each student's value (cost minus head potential of its choice, 0 when unassigned, the least over
    /// its options) and each mentor's and arrival node's potential. An arc s → h of cost c has a
    /// non-negative reduced cost exactly when c − potential(h) ≥ value(s).
    var duals: FlowDuals {
        let inst = instance, sCount = inst.studentCount, mCount = inst.mentorCount
        let sinkPotential = potential[inst.sink]
        var value = [Int](repeating: 0, count: sCount)
        for s in 0..<sCount {
            let a = chosen[s]
            if a >= 0 { value[s] = cost[Int(a)] - (potential[Int(arcHead[Int(a)])] - sinkPotential) }
        }
        let mentor = (0..<mCount).map { potential[sCount + $0] - sinkPotential }
        let arrival = (0..<mCount).map { potential[sCount + mCount + $0] - sinkPotential }
        return FlowDuals(priceNumerator: priceNumerator, priceDenominator: scale,
                         studentValue: value, mentorPotential: mentor, arrivalPotential: arrival)
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
        for i in head.indices { head[i] = -1; potential[i] = 0; deficit[i] = 0 }
        for m in load.indices { load[m] = 0; arrivals[m] = 0 }
        nodeDeficits = 0
        waiting = instance.studentCount
    }

    /// For each student on a move arc, how much the price of a move may rise
    /// (in cost units, at the current potentials) before another choice without a
    /// move becomes at least as good: an estimate of where it would stop moving.
    func moveMargins() -> [Int] { switchMargins(movers: true) }

    /// For each student not on a move arc who has one, how much the price of a move may fall (in cost
    /// units, at the current potentials) before a move becomes at least as good: an estimate of where
    /// it would start moving.
    func stayMargins() -> [Int] { switchMargins(movers: false) }

    /// Margins of the students on a move arc (`movers`) or on another choice: the least extra cost of a
    /// choice of the other kind (for movers, leaving the assignment counts as not moving), sorted.
    private func switchMargins(movers: Bool) -> [Int] {
        let inst = instance, sink = inst.sink
        var margins = [Int]()
        for s in 0..<inst.studentCount {
            let current = chosen[s]
            guard current != Self.notEntered, (current >= 0 && inst.arcIsMove[Int(current)]) == movers else { continue }
            let value = current >= 0 ? cost[Int(current)] - potential[Int(arcHead[Int(current)])] : -potential[sink]
            var best = movers && mayBeUnassigned[s] ? -potential[sink] : Int.max
            for a in arcStart[s] ..< arcStart[s + 1] where inst.arcIsMove[a] != movers {
                best = min(best, cost[a] - potential[Int(arcHead[a])])
            }
            if best == Int.max {
                if movers { margins.append(Int.max) }
                continue
            }
            margins.append(best - value)
        }
        return margins.sorted()
    }

    /// Multiplies the potentials of mentor, arrival and sink nodes by q / scale,
    /// rounding down. The arcs between those nodes cost 0, so their reduced costs
    /// only need the potentials' order, which a monotone map keeps; student arcs
    /// are checked next by ``releaseNonOptimalStudents()``.
    private func rescalePotentials(to q: Int) {
        guard q != scale else { return }
        for v in instance.studentCount ..< instance.nodeCount {
            let product = potential[v].multipliedFullWidth(by: q)
            let (quotient, remainder) = scale.dividingFullWidth(product)
            potential[v] = remainder < 0 ? quotient - 1 : quotient
        }
    }

    /// Takes out every student whose current choice is no longer one of least
    /// reduced cost (new costs, old potentials); the others get a new potential. Only that student's own arc
    /// loses flow, so every other residual arc keeps a non-negative reduced cost;
    /// the unit it no longer delivers becomes a deficit, moved on towards the
    /// sink while the arcs it would free keep non-negative reduced costs.
    /// Cost minus head potential of student s's current choice, and the least over all its choices.
    private func choiceValues(_ s: Int) -> (current: Int, best: Int) {
        let inst = instance, sinkPotential = potential[inst.sink]
        let current = chosen[s]
        let value = current >= 0 ? cost[Int(current)] - potential[Int(arcHead[Int(current)])] : -sinkPotential
        var best = mayBeUnassigned[s] ? -sinkPotential : Int.max
        for a in arcStart[s] ..< arcStart[s + 1] {
            best = min(best, cost[a] - potential[Int(arcHead[a])])
        }
        return (value, best)
    }

    /// Returns false, changing nothing, when more than `limit` students would be taken out.
    private func releaseNonOptimalStudents(limit: Int) -> Bool {
        let inst = instance
        var violators = 0
        for s in 0..<inst.studentCount {
            let current = chosen[s]
            guard current != Self.notEntered else { continue }
            let (currentValue, best) = choiceValues(s)
            if currentValue > best { violators += 1 }
        }
        if violators > limit { return false }
        for s in 0..<inst.studentCount {
            let current = chosen[s]
            guard current != Self.notEntered else { continue }
            let (currentValue, best) = choiceValues(s)
            guard currentValue > best else {
                // Still a best choice: a potential that puts its own arcs at reduced cost ≥ 0.
                potential[s] = -currentValue
                continue
            }
            reassign(s, to: Self.notEntered)
            waiting += 1
            if current >= 0 { takeOutUnit(at: Int(arcHead[Int(current)])) }  // else the sink's deficit
        }
        return true
    }

    /// A student's unit that reached mentor or arrival node `node` is taken out: the arcs it leaves
    /// keep a non-negative reduced cost with one unit less (arrival → mentor, mentor → sink) give it
    /// back, the first that would not keeps it and holds a deficit instead.
    private func takeOutUnit(at node: Int) {
        let inst = instance
        var node = node
        if node >= inst.studentCount + inst.mentorCount {
            let mentor = node - inst.mentorCount
            guard potential[node] >= potential[mentor] else { deficit[node] += 1; nodeDeficits += 1; return }
            arrivals[node - inst.studentCount - inst.mentorCount] -= 1
            node = mentor
        }
        if potential[node] >= potential[inst.sink] {
            load[node - inst.studentCount] -= 1
        } else {
            deficit[node] += 1; nodeDeficits += 1
        }
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

    /// The node whose list holds a student with this choice (the sink for unassigned), if any.
    private func listNode(_ a: Int32) -> Int? {
        a >= 0 ? Int(arcHead[Int(a)]) : (a == Self.unassigned ? instance.sink : nil)
    }

    /// Moves student s onto local arc a (or to ``unassigned`` / ``notEntered``).
    private func reassign(_ s: Int, to a: Int32) {
        if let old = listNode(chosen[s]) { unlink(s, from: old) }
        chosen[s] = a
        if let new = listNode(a) { link(s, into: new) }
    }

    // MARK: one shortest path

    /// The common case without a search: the student's cheapest choice (reduced
    /// cost d) leads to the sink at no further reduced cost, so the shortest path
    /// to the sink has length d (every path starts with an arc of reduced cost ≥ d).
    /// Only the student's own potential moves (by −d). False when the case does not apply.
    private func routeDirectly(_ source: Int) -> Bool {
        let inst = instance, sink = inst.sink
        let sCount = inst.studentCount, mCount = inst.mentorCount
        let pu = potential[source]
        var bestArc: Int32 = Self.unassigned
        var best = mayBeUnassigned[source] ? pu - potential[sink] : Int.max
        for a in arcStart[source] ..< arcStart[source + 1] {
            let d = cost[a] + pu - potential[Int(arcHead[a])]
            if d < best { best = d; bestArc = Int32(a) }
        }
        if best == Int.max { return false }
        if bestArc >= 0 {
            var node = Int(arcHead[Int(bestArc)])
            if node >= sCount + mCount {
                let m = node - sCount - mCount
                guard arrivals[m] < maxNew[m], potential[node] == potential[node - mCount] else { return false }
                node -= mCount
            }
            let m = node - sCount
            guard load[m] < capacity[m], potential[node] == potential[sink] else { return false }
            if node != Int(arcHead[Int(bestArc)]) { arrivals[m] += 1 }
            load[m] += 1
        }
        potential[source] -= best
        reassign(source, to: bestArc)
        waiting -= 1
        return true
    }

    /// Routes the excess of student `source` to the nearest deficit; false when none is reachable.
    private func route(_ source: Int) -> Bool {
        let inst = instance
        let sCount = inst.studentCount, mCount = inst.mentorCount, sink = inst.sink
        let sinkHasDeficit = waiting > nodeDeficits
        // A potential for the new node that makes its outgoing reduced costs non-negative.
        var pi = mayBeUnassigned[source] ? potential[sink] : Int.min
        for a in arcStart[source] ..< arcStart[source + 1] { pi = max(pi, potential[Int(arcHead[a])] - cost[a]) }
        if pi == Int.min { return false }
        potential[source] = pi
        if sinkHasDeficit && routeDirectly(source) { work += 1; return true }

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
        var target = -1, targetDistance = 0

        @inline(__always) func relax(_ v: Int, _ d: Int, _ via: Int32) {
            if labelRound[v] != r || d < distance[v] {
                labelRound[v] = r
                distance[v] = d
                parentArc[v] = via
                heap.push(d, Int32(v))
            }
        }
        @inline(__always) func relaxSink(_ d: Int, from u: Int) {
            if settledRound[sink] != r && (labelRound[sink] != r || d < distance[sink]) {
                sinkParent = Int32(u)
                relax(sink, d, Self.viaLink)
            }
        }

        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let u = Int(node)
            if settledRound[u] == r || d != distance[u] { continue }
            settledRound[u] = r
            if u == sink ? sinkHasDeficit : (u >= sCount && deficit[u] > 0) {
                target = u; targetDistance = d
                break
            }
            settled.append(node)
            let pu = potential[u]
            if u < sCount {
                // A student: any arc but its current one, or leave to the sink.
                let current = chosen[u]
                for a in arcStart[u] ..< arcStart[u + 1] where a != Int(current) {
                    let v = Int(arcHead[a])
                    if settledRound[v] == r { continue }
                    relax(v, d + cost[a] + pu - potential[v], Int32(a))
                }
                if current != Self.unassigned && mayBeUnassigned[u] {
                    relaxSink(d + pu - potential[sink], from: u)
                }
            } else if u < sCount + mCount {
                let m = u - sCount
                if load[m] < capacity[m] { relaxSink(d + pu - potential[sink], from: u) }
                let arrival = u + mCount
                if arrivals[m] > 0 && settledRound[arrival] != r {
                    relax(arrival, d + pu - potential[arrival], Self.viaLink)
                }
                var s = head[u]
                while s >= 0 {
                    let v = Int(s)
                    if settledRound[v] != r {
                        relax(v, d - cost[Int(chosen[v])] + pu - potential[v], Self.viaLink)
                    }
                    s = next[v]
                }
            } else if u < sink {
                let m = u - sCount - mCount
                let mentor = u - mCount
                if arrivals[m] < maxNew[m] && settledRound[mentor] != r {
                    relax(mentor, d + pu - potential[mentor], Self.viaLink)
                }
                var s = head[u]
                while s >= 0 {
                    let v = Int(s)
                    if settledRound[v] != r {
                        relax(v, d - cost[Int(chosen[v])] + pu - potential[v], Self.viaLink)
                    }
                    s = next[v]
                }
            } else {
                // The sink without a deficit: back into any mentor that sends it flow,
                // or any unassigned student.
                for m in 0..<mCount where load[m] > 0 {
                    let v = sCount + m
                    if settledRound[v] != r { relax(v, d + pu - potential[v], Self.viaSink) }
                }
                var s = head[u]
                while s >= 0 {
                    let v = Int(s)
                    if settledRound[v] != r { relax(v, d + pu - potential[v], Self.viaLink) }
                    s = next[v]
                }
            }
        }
        if target < 0 { return false }
        work += settled.count

        // Potentials: settled nodes move by (their distance − the target's); the rest stay.
        for node in settled {
            let v = Int(node)
            potential[v] += distance[v] - targetDistance
        }
        if target != sink { deficit[target] -= 1; nodeDeficits -= 1 }
        waiting -= 1

        // Augment one unit back from the target.
        var v = target
        while true {
            if v == sink {
                let u = Int(sinkParent)
                if u < sCount {
                    // A student leaves the assignment.
                    let old = chosen[u]
                    reassign(u, to: Self.unassigned)
                    if u == source { return true }
                    v = Int(arcHead[Int(old)])
                } else {
                    load[u - sCount] += 1
                    v = u
                }
                continue
            }
            let via = parentArc[v]
            if v < sCount + mCount {
                if via == Self.viaLink {
                    arrivals[v - sCount] += 1
                    v += mCount
                    continue
                }
                if via == Self.viaSink {
                    load[v - sCount] -= 1
                    v = sink
                    continue
                }
            } else if via == Self.viaLink {
                arrivals[v - sCount - mCount] -= 1
                v -= mCount
                continue
            }
            let s = Int(arcStudent[Int(via)])
            let old = chosen[s]
            reassign(s, to: via)
            if s == source { return true }
            v = old >= 0 ? Int(arcHead[Int(old)]) : sink
        }
    }
}
