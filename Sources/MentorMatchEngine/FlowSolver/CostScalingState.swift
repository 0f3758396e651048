/// The working state of one ``CostScalingFlow`` solve: a pseudoflow on the student network with node
/// prices, and the push–relabel steps on it, specialised to the network's shape.
///
/// Nodes use ``FlowInstance`` numbering: students `0..<S`, then the head nodes (mentors, arrival nodes,
/// the sink). A student ships at most its one unit, so its flow is one chosen arc (or none, and then it
/// holds an excess of 1): there are no reverse-arc arrays. A head node's residual arcs are its link arcs
/// and the reverses of its members' chosen arcs (a linked list of students per head), so a mentor's scan
/// costs its load, not its degree. What a student's discharge reads sits together (``StudentNode``, then
/// its arcs as ``StudentArc`` records), as the students come in no useful order on large networks.
/// Capacities beyond the number of students never bind: they are cut to it while pushing, and the
/// true ones are used for the final potentials. Buffers are freed by ``deallocate()``.
final class CostScalingState {
    let studentCount: Int, mentorCount: Int, nodeCount: Int, sink: Int
    /// Each student's arcs `node[s].start ..< node[s].end` (its instance arcs, then its arc to the sink
    /// when it may be unassigned), with scaled cost and head node.
    let arcs: UnsafeMutableBufferPointer<StudentArc>
    /// Arcs into each head node, `inStart[h − S] ..< inStart[h − S + 1]`, with their student and scaled cost.
    let inStart: UnsafeMutableBufferPointer<Int>
    let incoming: UnsafeMutableBufferPointer<Incoming>
    /// Capacities cut to the number of students (for pushes) and as given (for the potentials).
    let capacity: UnsafeMutableBufferPointer<Int>, maxNew: UnsafeMutableBufferPointer<Int>
    let trueCapacity: [Int], trueMaxNew: [Int]
    /// Each student's price, arcs and chosen arc (−1: none, the student holds an excess of 1).
    let node: UnsafeMutableBufferPointer<StudentNode>
    /// Each student in its head's list of members.
    let member: UnsafeMutableBufferPointer<Member>
    // Head nodes (indexed by node number; student entries unused): price, price at the start of the
    // refinement, excess, first member. Links: flow mentor → sink (`load`) and arrival → mentor.
    let price: UnsafeMutableBufferPointer<Int>
    let phaseStart: UnsafeMutableBufferPointer<Int>
    let excess: UnsafeMutableBufferPointer<Int>
    let memberFirst: UnsafeMutableBufferPointer<Int32>
    let load: UnsafeMutableBufferPointer<Int>, arrivals: UnsafeMutableBufferPointer<Int>
    // FIFO of active nodes, each at most once, in a ring of n slots.
    let queue: UnsafeMutableBufferPointer<Int32>, inQueue: UnsafeMutableBufferPointer<Bool>
    var queueHead = 0, queueCount = 0
    // Global price update: distance of each node, bucket links, settled flags.
    let rank: UnsafeMutableBufferPointer<Int>
    let bucketHead: UnsafeMutableBufferPointer<Int32>
    let bucketNext: UnsafeMutableBufferPointer<Int32>, bucketPrev: UnsafeMutableBufferPointer<Int32>
    let scanned: UnsafeMutableBufferPointer<Bool>
    /// Buckets above this one are empty.
    private var highestBucket = 0

    var epsilon = 1
    /// Pushes and relabels so far; relabels since the last global price update.
    var work = 0
    var relabelsSinceUpdate = 0
    /// Largest price drop allowed in a refinement before the excess is declared stuck (infeasible).
    var dropLimit = Int.max
    /// What all global price updates together may still lower a price by.
    var updateDropBudget = Int.max / 8
    /// Where the sink's next discharge resumes: a mentor index, then (at `mentorCount`) a member.
    private var sinkCursor = 0, sinkMember = -1

    /// `arcStart`, `arcHead` and `cost` (scaled) list each student's arcs; `inStart` / `inArc` the arcs into
    /// each head node (by head index `h − S`).
    init(studentCount: Int, mentorCount: Int, arcStart: [Int], arcHead: [Int32], arcStudent: [Int32], cost: [Int],
         inStart: [Int], inArc: [Int32], capacity: [Int], maxNew: [Int]) {
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
            _ = b.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: b[0 ..< array.count])
        }
        func filled<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, count))
            b.initialize(repeating: value)
            return UnsafeMutableBufferPointer(rebasing: b[0 ..< count])
        }
        self.studentCount = studentCount
        self.mentorCount = mentorCount
        let n = studentCount + 2 * mentorCount + 1
        nodeCount = n
        sink = n - 1
        arcs = copy(arcHead.indices.map { StudentArc(cost: cost[$0], head: arcHead[$0]) })
        self.inStart = copy(inStart)
        incoming = copy(inArc.map { Incoming(cost: cost[Int($0)], arc: $0, student: arcStudent[Int($0)]) })
        self.capacity = copy(capacity.map { min($0, studentCount) })
        self.maxNew = copy(maxNew.map { min($0, studentCount) })
        trueCapacity = capacity
        trueMaxNew = maxNew
        node = copy((0..<studentCount).map {
            StudentNode(price: 0, phaseStart: 0, current: Int32(arcStart[$0]), chosen: -1,
                        start: Int32(arcStart[$0]), end: Int32(arcStart[$0 + 1]))
        })
        member = filled(studentCount, Member(value: 0, next: -1, prev: -1))
        price = filled(n, 0)
        phaseStart = filled(n, 0)
        excess = filled(n, 0)
        memberFirst = filled(n - studentCount, -1)
        load = filled(mentorCount, 0)
        arrivals = filled(mentorCount, 0)
        queue = filled(n, 0)
        inQueue = filled(n, false)
        rank = filled(n, 0)
        // Distances stay below (α + 1)·n or so within a refinement; farther nodes drop as much as the farthest settled.
        bucketHead = filled(16 * n + 2, -1)
        bucketNext = filled(n, -1)
        bucketPrev = filled(n, -1)
        scanned = filled(n, false)
    }

    func deallocate() {
        arcs.baseAddress?.deallocate()
        incoming.baseAddress?.deallocate()
        node.baseAddress?.deallocate()
        member.baseAddress?.deallocate()
        for b in [inStart, capacity, maxNew, price, phaseStart, excess, load, arrivals, rank] { b.baseAddress?.deallocate() }
        for b in [memberFirst, queue, bucketHead, bucketNext, bucketPrev] { b.baseAddress?.deallocate() }
        inQueue.baseAddress?.deallocate()
        scanned.baseAddress?.deallocate()
    }

    // MARK: Nodes and flow

    /// The price of node v (a student's lives in its ``StudentNode``).
    @inline(__always) func priceOf(_ v: Int) -> Int { v < studentCount ? node[v].price : price[v] }

    @inline(__always) func hasExcess(_ v: Int) -> Bool { v < studentCount ? node[v].chosen < 0 : excess[v] > 0 }

    /// Each student's chosen arc (−1 when none).
    func chosenArc(_ s: Int) -> Int { Int(node[s].chosen) }

    /// No flow, all prices 0: every student holds its unit, the sink the matching demand.
    func resetFlow() {
        for s in 0..<studentCount {
            node[s].price = 0; node[s].chosen = -1; node[s].current = node[s].start
            member[s] = Member(value: 0, next: -1, prev: -1)
        }
        for h in memberFirst.indices { memberFirst[h] = -1 }
        for v in 0..<nodeCount { excess[v] = 0; price[v] = 0 }
        for m in 0..<mentorCount { load[m] = 0; arrivals[m] = 0 }
        excess[sink] = -studentCount
    }

    /// Sends student s's unit along its arc a (s holds its excess; its price is final).
    @inline(__always) func assign(_ s: Int, _ a: Int) {
        let arc = arcs[a], h = Int(arc.head)
        node[s].chosen = Int32(a)
        excess[h] += 1
        let i = h - studentCount, first = memberFirst[i]
        member[s] = Member(value: node[s].price + arc.cost, next: first, prev: -1)
        if first >= 0 { member[Int(first)].prev = Int32(s) }
        memberFirst[i] = Int32(s)
    }

    /// Takes student s's unit back from its arc's head h.
    @inline(__always) func unassign(_ s: Int, from h: Int) {
        node[s].chosen = -1
        excess[h] -= 1
        let m = member[s]
        if m.prev >= 0 { member[Int(m.prev)].next = m.next } else { memberFirst[h - studentCount] = m.next }
        if m.next >= 0 { member[Int(m.next)].prev = m.prev }
    }

    /// Takes student s's unit back along its arc and the links after it (which carry it): the deficit goes
    /// to the sink, where it would end up anyway, not to the mentor.
    func takeBack(_ s: Int) {
        let h = Int(arcs[Int(node[s].chosen)].head)
        unassign(s, from: h)
        guard h != sink else { return }
        var mentor = h
        if h >= studentCount + mentorCount {
            let m = h - studentCount - mentorCount
            mentor = studentCount + m
            arrivals[m] -= 1; excess[h] += 1; excess[mentor] -= 1
        }
        load[mentor - studentCount] -= 1; excess[mentor] += 1; excess[sink] -= 1
    }

    /// Loads a complete flow (each student's arc) and the head nodes' scaled prices; each student's price makes
    /// its arc's reverse tight. False when the flow exceeds a capacity.
    func loadFlow(arcOf: [Int32], headPrice: [Int]) -> Bool {
        resetFlow()
        let sCount = studentCount, mCount = mentorCount
        for v in sCount..<nodeCount { price[v] = headPrice[v] }
        for s in 0..<sCount {
            let a = Int(arcOf[s])
            node[s].price = price[Int(arcs[a].head)] - arcs[a].cost
            assign(s, a)
        }
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            let arrived = excess[arrival]
            guard arrived <= maxNew[m] else { return false }
            arrivals[m] = arrived; excess[arrival] = 0; excess[mentor] += arrived
            let loaded = excess[mentor]
            guard loaded <= capacity[m] else { return false }
            load[m] = loaded; excess[mentor] = 0; excess[sink] += loaded
        }
        return excess[sink] == 0
    }

    /// The largest violation of reduced-cost optimality over the residual arcs (at least 1).
    func largestViolation() -> Int {
        let sCount = studentCount, mCount = mentorCount
        var violation = 1
        for s in 0..<sCount {
            let nd = node[s]
            for b in Int(nd.start) ..< Int(nd.end) where b != Int(nd.chosen) {
                violation = max(violation, price[Int(arcs[b].head)] - arcs[b].cost - nd.price)
            }
            if nd.chosen >= 0 {
                let a = arcs[Int(nd.chosen)]
                violation = max(violation, nd.price + a.cost - price[Int(a.head)])
            }
        }
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            if load[m] < capacity[m] { violation = max(violation, price[sink] - price[mentor]) }
            if load[m] > 0 { violation = max(violation, price[mentor] - price[sink]) }
            if arrivals[m] < maxNew[m] { violation = max(violation, price[mentor] - price[arrival]) }
            if arrivals[m] > 0 { violation = max(violation, price[arrival] - price[mentor]) }
        }
        return violation
    }

    @inline(__always) func enqueue(_ v: Int) {
        var slot = queueHead + queueCount
        if slot >= nodeCount { slot -= nodeCount }
        queue[slot] = Int32(v); queueCount += 1; inQueue[v] = true
    }

    @inline(__always) func dequeue() -> Int {
        let v = Int(queue[queueHead])
        queueHead += 1; if queueHead == nodeCount { queueHead = 0 }
        queueCount -= 1; inQueue[v] = false
        return v
    }

    /// Queues head node h when it holds an excess.
    @inline(__always) func activateHead(_ h: Int) {
        if excess[h] > 0 && !inQueue[h] { enqueue(h) }
    }

    // MARK: Refinement

    /// Makes the pseudoflow ε-optimal for the new ε, the excesses being free: each student's price is moved
    /// into the range that keeps all its arcs ε-optimal (its unit taken back when there is none), and every
    /// link of reduced cost below −ε is saturated. False when some student has no arc at all.
    func startRefinement() -> Bool {
        let eps = epsilon
        for s in 0..<studentCount {
            var nd = node[s]
            let a = Int(nd.chosen)
            var best = Int.min, bestOther = Int.min
            for b in Int(nd.start) ..< Int(nd.end) {
                let value = price[Int(arcs[b].head)] - arcs[b].cost
                if value > best { best = value }
                if b != a && value > bestOther { bestOther = value }
            }
            if best == Int.min { return false }
            if a >= 0 {
                let upper = price[Int(arcs[a].head)] - arcs[a].cost + eps
                let lower = bestOther == Int.min ? Int.min : bestOther - eps
                if lower <= upper {
                    nd.price = min(max(nd.price, lower), upper)
                    member[s].value = nd.price + arcs[a].cost
                } else {
                    takeBack(s)
                    nd.chosen = -1
                    nd.price = best - eps
                }
            } else {
                nd.price = best - eps
            }
            nd.current = nd.start
            nd.phaseStart = nd.price
            node[s] = nd
        }
        let sCount = studentCount, mCount = mentorCount
        for m in 0..<mCount {
            let mentor = sCount + m, arrival = sCount + mCount + m
            let toSink = price[mentor] - price[sink]
            if toSink < -eps && load[m] < capacity[m] {
                let d = capacity[m] - load[m]
                load[m] += d; excess[mentor] -= d; excess[sink] += d
            } else if toSink > eps && load[m] > 0 {
                let d = load[m]
                load[m] = 0; excess[mentor] += d; excess[sink] -= d
            }
            let link = price[arrival] - price[mentor]
            if link < -eps && arrivals[m] < maxNew[m] {
                let d = maxNew[m] - arrivals[m]
                arrivals[m] += d; excess[arrival] -= d; excess[mentor] += d
            } else if link > eps && arrivals[m] > 0 {
                let d = arrivals[m]
                arrivals[m] = 0; excess[arrival] += d; excess[mentor] -= d
            }
        }
        for v in sCount..<nodeCount { phaseStart[v] = price[v] }
        resetSinkCursor()
        return true
    }

    /// Discharges student s (its excess of 1): pushes along its first admissible arc from the current one,
    /// or relabels it to its best arc and pushes there. False when its price fell beyond ``dropLimit``.
    @inline(__always) func dischargeStudent(_ s: Int) -> Bool {
        var nd = node[s]
        let ps = nd.price, end = Int(nd.end)
        var a = Int(nd.current)
        while a < end {
            let arc = arcs[a]
            if arc.cost + ps - price[Int(arc.head)] < 0 {
                node[s].current = Int32(a)
                push(s, a)
                return true
            }
            a += 1
        }
        var best = Int.min, bestArc = -1
        for b in Int(nd.start) ..< end {
            let value = price[Int(arcs[b].head)] - arcs[b].cost
            if value > best { best = value; bestArc = b }
        }
        nd.price = best - epsilon
        nd.current = Int32(bestArc)
        node[s] = nd
        work += 1
        relabelsSinceUpdate += 1
        if nd.phaseStart - nd.price > dropLimit { return false }
        push(s, bestArc)
        return true
    }

    @inline(__always) private func push(_ s: Int, _ a: Int) {
        assign(s, a)
        work += 1
        activateHead(Int(arcs[a].head))
    }

    /// Takes member s back to the discharging head h: s holds its unit again.
    @inline(__always) private func pushBack(_ s: Int, from h: Int) {
        unassign(s, from: h)
        work += 1
        if !inQueue[s] { enqueue(s) }
    }

    /// Discharges mentor or arrival node v: pushes along its links and back along its members' arcs while
    /// admissible, relabels when none is left. False when it has no residual arc or its price fell beyond
    /// ``dropLimit``.
    func dischargeHead(_ v: Int) -> Bool {
        if v == sink { return dischargeSink() }
        let sCount = studentCount, mCount = mentorCount
        let isMentor = v < sCount + mCount
        let m = isMentor ? v - sCount : v - sCount - mCount
        let mentor = sCount + m, arrival = sCount + mCount + m
        while excess[v] > 0 {
            let pv = price[v]
            if isMentor {
                if load[m] < capacity[m] && pv - price[sink] < 0 {
                    let d = min(excess[v], capacity[m] - load[m])
                    load[m] += d; excess[v] -= d; excess[sink] += d
                    work += 1
                    activateHead(sink)
                }
                if excess[v] > 0 && arrivals[m] > 0 && pv - price[arrival] < 0 {
                    let d = min(excess[v], arrivals[m])
                    arrivals[m] -= d; excess[v] -= d; excess[arrival] += d
                    work += 1
                    activateHead(arrival)
                }
            } else if arrivals[m] < maxNew[m] && pv - price[mentor] < 0 {
                let d = min(excess[v], maxNew[m] - arrivals[m])
                arrivals[m] += d; excess[v] -= d; excess[mentor] += d
                work += 1
                activateHead(mentor)
            }
            // Members: the reverse of a member's arc has reduced cost price(v) − value.
            var s = Int(memberFirst[v - sCount])
            while s >= 0 && excess[v] > 0 {
                let next = Int(member[s].next)
                if pv - member[s].value < 0 { pushBack(s, from: v) }
                s = next
            }
            if excess[v] == 0 { break }
            // Relabel: the least price drop that makes some residual arc admissible, plus ε.
            var best = Int.min
            if isMentor {
                if load[m] < capacity[m] { best = max(best, price[sink]) }
                if arrivals[m] > 0 { best = max(best, price[arrival]) }
            } else if arrivals[m] < maxNew[m] {
                best = max(best, price[mentor])
            }
            if !relabelHead(v, best: best) { return false }
        }
        return true
    }

    /// Relabels head node v (a mentor, arrival node or the sink): the least price drop that makes one of its
    /// residual arcs admissible, `best` over its non-member arcs and, here, the back arcs to its members, plus ε.
    /// False when v has no residual arc or its price fell further than the refinement allows.
    @inline(__always)
    private func relabelHead(_ v: Int, best nonMemberBest: Int) -> Bool {
        var best = nonMemberBest
        var s = Int(memberFirst[v - studentCount])
        while s >= 0 {
            best = max(best, member[s].value)
            s = Int(member[s].next)
        }
        if best == Int.min { return false }
        price[v] = best - epsilon
        work += 1
        relabelsSinceUpdate += 1
        return phaseStart[v] - price[v] <= dropLimit
    }

    /// Discharges the sink (its arcs: back to every mentor with load, back to every unassigned student),
    /// resuming where its last discharge stopped (``sinkCursor``): the arcs before it stay inadmissible
    /// until the sink is relabelled, so a sink that keeps receiving single units costs O(1) a time.
    private func dischargeSink() -> Bool {
        let sCount = studentCount, mCount = mentorCount, v = sink
        while excess[v] > 0 {
            let pv = price[v]
            while sinkCursor < mCount {
                let m = sinkCursor
                if load[m] > 0 && pv - price[sCount + m] < 0 {
                    let d = min(excess[v], load[m])
                    load[m] -= d; excess[v] -= d; excess[sCount + m] += d
                    work += 1
                    activateHead(sCount + m)
                    if excess[v] == 0 { return true }
                }
                sinkCursor += 1
            }
            while sinkMember >= 0 {
                let s = sinkMember
                sinkMember = Int(member[s].next)
                if pv - member[s].value < 0 { pushBack(s, from: v) }
                if excess[v] == 0 { return true }
            }
            var best = Int.min
            for m in 0..<mCount where load[m] > 0 { best = max(best, price[sCount + m]) }
            if !relabelHead(v, best: best) { return false }
            resetSinkCursor()
        }
        return true
    }

    /// Where the sink's next discharge starts: its first mentor, then its members. Reset whenever its price
    /// or the prices around it change (relabel, refinement, global update).
    private func resetSinkCursor() {
        sinkCursor = 0
        sinkMember = Int(memberFirst[sink - studentCount])
    }

    // MARK: Global price update

    /// Global price update (Goldberg 1997, as in CS2): lowers every price by ε times the node's distance to
    /// the nearest deficit, where a residual arc of reduced cost c counts ⌊c/ε⌋ + 1 (0 when c < 0). Every
    /// residual arc stays ε-optimal (its reduced cost drops by at most its length times ε) and each excess
    /// then has an admissible path to a deficit, which saves most relabels. A bucket Dijkstra over reversed
    /// residual arcs, stopped once every excess is settled; nodes not settled drop as much as the last
    /// distance settled. Resets every current arc. False (prices untouched) when the drops would exceed
    /// ``updateDropBudget`` (which keeps every price far from overflow).
    func globalPriceUpdate() -> Bool {
        let n = nodeCount, sCount = studentCount, mCount = mentorCount, eps = epsilon
        let bucketCount = bucketHead.count
        let unreached = Int.max
        for b in 0...highestBucket { bucketHead[b] = -1 }
        highestBucket = 0
        var excessLeft = 0
        for v in 0..<n {
            scanned[v] = false
            rank[v] = unreached
            if v >= sCount && excess[v] < 0 { rank[v] = 0; insert(v, 0) }
            if hasExcess(v) { excessLeft += 1 }
        }
        var level = 0
        /// Arc u → v (settled at `level`) of reduced cost `reduced` is residual: u may be `level + length` away.
        @inline(__always) func reach(_ u: Int, _ reduced: Int) {
            if scanned[u] { return }
            let length = reduced < 0 ? 0 : reduced / eps + 1
            guard length < bucketCount - level else { return }
            let d = level + length
            if d < rank[u] {
                if rank[u] != unreached { remove(u, rank[u]) }
                rank[u] = d
                insert(u, d)
            }
        }
        while excessLeft > 0 {
            let head = bucketHead[level]
            if head < 0 {
                if level >= highestBucket { break }  // the excesses left cannot reach a deficit within the buckets
                level += 1
                continue
            }
            let v = Int(head)
            remove(v, level)
            scanned[v] = true
            if hasExcess(v) { excessLeft -= 1 }
            if v < sCount {
                // Into a student: the reverse of its arc, from its head.
                let nd = node[v]
                if nd.chosen >= 0 {
                    let arc = arcs[Int(nd.chosen)], h = Int(arc.head)
                    reach(h, -arc.cost + price[h] - nd.price)
                }
                continue
            }
            // Into a head node: the arcs of students not on them, then links.
            let pv = price[v]
            for k in inStart[v - sCount] ..< inStart[v - sCount + 1] {
                let arc = incoming[k], s = Int(arc.student)
                if scanned[s] { continue }  // a byte array: cheaper to test than the student's record
                let nd = node[s]
                if nd.chosen != arc.arc { reach(s, arc.cost + nd.price - pv) }
            }
            if v == sink {
                for m in 0..<mCount where load[m] < capacity[m] { reach(sCount + m, price[sCount + m] - pv) }
            } else if v < sCount + mCount {
                let m = v - sCount
                if arrivals[m] < maxNew[m] { reach(sCount + mCount + m, price[sCount + mCount + m] - pv) }
                if load[m] > 0 { reach(sink, price[sink] - pv) }
            } else {
                let m = v - sCount - mCount
                if arrivals[m] > 0 { reach(sCount + m, price[sCount + m] - pv) }
            }
        }
        var largestRank = level
        for v in 0..<n where scanned[v] { largestRank = max(largestRank, rank[v]) }
        let largestDrop = largestRank.multipliedReportingOverflow(by: eps)
        guard !largestDrop.overflow, largestDrop.partialValue <= updateDropBudget else { return false }
        updateDropBudget -= largestDrop.partialValue
        // The drops are exact distances, not a sign of a stuck excess: the start prices follow them, so
        // that ``dropLimit`` counts relabels only.
        for s in 0..<sCount {
            var nd = node[s]
            let drop = (scanned[s] ? rank[s] : level) * eps
            nd.price -= drop
            nd.phaseStart -= drop
            nd.current = nd.start
            node[s] = nd
            if nd.chosen >= 0 { member[s].value = nd.price + arcs[Int(nd.chosen)].cost }
        }
        for v in sCount..<n {
            let drop = (scanned[v] ? rank[v] : level) * eps
            price[v] -= drop
            phaseStart[v] -= drop
        }
        relabelsSinceUpdate = 0
        resetSinkCursor()
        return true
    }

    @inline(__always) private func insert(_ v: Int, _ b: Int) {
        let h = bucketHead[b]
        bucketNext[v] = h; bucketPrev[v] = -1
        if h >= 0 { bucketPrev[Int(h)] = Int32(v) }
        bucketHead[b] = Int32(v)
        highestBucket = max(highestBucket, b)
    }

    @inline(__always) private func remove(_ v: Int, _ b: Int) {
        let p = bucketPrev[v], x = bucketNext[v]
        if p >= 0 { bucketNext[Int(p)] = x } else { bucketHead[b] = x }
        if x >= 0 { bucketPrev[Int(x)] = p }
    }

    // MARK: Certificate

    /// Potentials in original cost units (scaled costs divided by `multiplier`) that give every residual arc
    /// of the flow, with its true capacities, a non-negative reduced cost: the scaled prices rounded down,
    /// then lowered by a label-correcting pass (Bellman–Ford with a FIFO queue). Nil when that does not
    /// settle within `relaxationLimit` lowerings (nil: a budget no optimal flow needs).
    func certifyingPotentials(multiplier: Int, relaxationLimit: Int? = nil) -> [Int]? {
        let n = nodeCount, sCount = studentCount, mCount = mentorCount
        var potential = (0..<n).map { floorDivide(priceOf($0), multiplier) }
        queueHead = 0; queueCount = 0
        for v in 0..<n { inQueue[v] = false }
        for v in 0..<n { enqueue(v) }
        var relaxations = 0
        let relaxationLimit = relaxationLimit ?? 64 * (arcs.count + n)
        @inline(__always) func relax(_ w: Int, _ candidate: Int) {
            if candidate < potential[w] {
                potential[w] = candidate
                relaxations += 1
                if !inQueue[w] { enqueue(w) }
            }
        }
        while queueCount > 0 {
            let v = dequeue()
            let pv = potential[v]
            if v < sCount {
                let nd = node[v]
                for b in Int(nd.start) ..< Int(nd.end) where b != Int(nd.chosen) {
                    relax(Int(arcs[b].head), pv + arcs[b].cost / multiplier)
                }
            } else {
                var s = Int(memberFirst[v - sCount])
                while s >= 0 {
                    relax(s, pv - arcs[Int(node[s].chosen)].cost / multiplier)
                    s = Int(member[s].next)
                }
                if v == sink {
                    for m in 0..<mCount where load[m] > 0 { relax(sCount + m, pv) }
                } else if v < sCount + mCount {
                    let m = v - sCount
                    if load[m] < trueCapacity[m] { relax(sink, pv) }
                    if arrivals[m] > 0 { relax(sCount + mCount + m, pv) }
                } else {
                    let m = v - sCount - mCount
                    if arrivals[m] < trueMaxNew[m] { relax(sCount + m, pv) }
                }
            }
            if relaxations > relaxationLimit { return nil }
        }
        return potential
    }
}

/// One arc of a student, as its discharge reads it.
struct StudentArc {
    var cost: Int
    var head: Int32
}

/// What a student's discharge reads and writes, together: price, price at the start of the refinement,
/// current arc, chosen arc (−1: none), and its arcs `start ..< end`.
struct StudentNode {
    var price: Int
    var phaseStart: Int
    var current: Int32
    var chosen: Int32
    var start: Int32
    var end: Int32
}

/// An arc into a head node, as the global price update reads it.
struct Incoming {
    var cost: Int
    var arc: Int32
    var student: Int32
}

/// A student in its head's list of members, with the value `price + cost` of its chosen arc (the reverse
/// arc head → student has reduced cost `price(head) − value`), kept current whenever its price changes.
struct Member {
    var value: Int
    var next: Int32
    var prev: Int32
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
