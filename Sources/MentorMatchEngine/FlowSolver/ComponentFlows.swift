import Dispatch

/// Successive shortest paths on each connected component of the student–mentor
/// graph separately, the components shared out over two threads.
///
/// Components share no mentor, so at any move price their flows are independent
/// and their optima add up: moves, profit and the chosen arcs are the union.
/// One component (the usual generated tier) runs on the calling thread alone.
final class ComponentFlows {
    private struct Part {
        let flow: SuccessiveShortestPaths
        /// Parent student of each local student, parent (local) arc of each local arc.
        let students: [Int]
        let arcs: [Int32]
        /// Parent mentor of each local mentor.
        let mentors: [Int]
    }

    let instance: FlowInstance
    private let parts: [Part]
    /// Parts run by the calling thread and by the helper thread.
    private let buckets: [[Int]]

    init(_ instance: FlowInstance) {
        self.instance = instance
        let split = ComponentFlows.split(instance)
        let parts = split.map { Part(flow: SuccessiveShortestPaths($0.instance), students: $0.students, arcs: $0.arcs, mentors: $0.mentors) }
        self.parts = parts
        // Largest first onto the lighter bucket.
        var buckets: [[Int]] = [[], []], weight = [0, 0]
        let size = parts.map { $0.arcs.count + $0.students.count }
        let order = parts.indices.sorted { (size[$0], -$0) > (size[$1], -$1) }
        for p in order {
            let b = weight[0] <= weight[1] ? 0 : 1
            buckets[b].append(p)
            weight[b] += size[p]
        }
        self.buckets = buckets.filter { !$0.isEmpty }
    }

    /// The move price of the last solve.
    private(set) var lastPrice = (numerator: 0, denominator: 1)

    func solve(priceNumerator p: Int, denominator q: Int, warmStart: Bool, shouldStop: @escaping () -> Bool) -> SuccessiveShortestPaths.Outcome {
        lastPrice = (p, q)
        if parts.count == 1 { return parts[0].flow.solve(priceNumerator: p, denominator: q, warmStart: warmStart, shouldStop: shouldStop) }
        // Each thread writes the outcomes of its own parts only.
        let outcomes = UnsafeMutableBufferPointer<SuccessiveShortestPaths.Outcome>.allocate(capacity: parts.count)
        outcomes.initialize(repeating: .optimal)
        defer { outcomes.deallocate() }
        let shared = UncheckedBox((parts: parts, buckets: buckets, shouldStop: shouldStop, outcomes: outcomes))
        DispatchQueue.concurrentPerform(iterations: buckets.count) { b in
            let (parts, buckets, shouldStop, outcomes) = shared.value
            for i in buckets[b] {
                outcomes[i] = parts[i].flow.solve(priceNumerator: p, denominator: q, warmStart: warmStart, shouldStop: shouldStop)
            }
        }
        for (i, outcome) in outcomes.enumerated() {
            if case .infeasible(let s) = outcome { return .infeasible(student: parts[i].students[s]) }
        }
        return outcomes.contains(.stopped) ? .stopped : .optimal
    }

    /// The chosen (parent-local) arc of every student, ``SuccessiveShortestPaths/unassigned`` or `notEntered`.
    var assignment: [Int32] {
        var result = [Int32](repeating: SuccessiveShortestPaths.notEntered, count: instance.studentCount)
        for part in parts {
            for (local, a) in part.flow.assignment.enumerated() {
                result[part.students[local]] = a >= 0 ? part.arcs[Int(a)] : a
            }
        }
        return result
    }

    var profitAndMoves: (profit: Int, moves: Int) {
        parts.reduce((0, 0)) { sum, part in
            let pm = part.flow.profitAndMoves
            return (sum.0 + pm.profit, sum.1 + pm.moves)
        }
    }

    /// The parts' duals in parent numbering (each part's sink at 0, so they combine into one dual solution);
    /// mentors in no part (no arc reaches them) get potential 0, the least their empty arcs to the sink allow.
    var duals: FlowDuals {
        var value = [Int](repeating: 0, count: instance.studentCount)
        var mentor = [Int](repeating: 0, count: instance.mentorCount)
        var arrival = [Int](repeating: 0, count: instance.mentorCount)
        for part in parts {
            let d = part.flow.duals
            for (local, s) in part.students.enumerated() { value[s] = d.studentValue[local] }
            for (local, m) in part.mentors.enumerated() {
                mentor[m] = d.mentorPotential[local]
                arrival[m] = d.arrivalPotential[local]
            }
        }
        return FlowDuals(priceNumerator: lastPrice.numerator, priceDenominator: lastPrice.denominator,
                         studentValue: value, mentorPotential: mentor, arrivalPotential: arrival)
    }

    /// Seeds every part with an optimal flow of a related network (see ``SuccessiveShortestPaths/seed``): the
    /// head node of each student's arc (``FlowInstance`` numbering, −1 unassigned) and parent-numbered duals.
    /// A student whose arc this network lacks (a branch excluded it), or who may no longer be unassigned,
    /// is taken out and routed again by the next solve. A part where that arc's mentor is not in the part
    /// is left to start afresh.
    func seed(headOf: [Int32], duals: FlowDuals) {
        let sCount = instance.studentCount, mCount = instance.mentorCount
        parts: for part in parts {
            let local = part.flow.instance
            let ls = local.studentCount, lm = local.mentorCount
            var localMentor = [Int: Int]()
            for (i, m) in part.mentors.enumerated() { localMentor[m] = i }
            var chosen = [Int32](repeating: SuccessiveShortestPaths.unassigned, count: part.students.count)
            var formerHead = [Int32](repeating: -1, count: part.students.count)
            for (i, s) in part.students.enumerated() {
                let head = Int(headOf[s])
                guard head >= 0 else {
                    if !local.mayBeUnassigned[i] { chosen[i] = SuccessiveShortestPaths.notEntered }
                    continue
                }
                var found = false
                for a in local.arcStart[i] ..< local.arcStart[i + 1] where Int(instance.arcHead[Int(part.arcs[a])]) == head {
                    chosen[i] = Int32(a); found = true; break
                }
                if found { continue }
                let isArrival = head >= sCount + mCount
                guard let m = localMentor[(head - sCount) % mCount] else { continue parts }
                chosen[i] = SuccessiveShortestPaths.notEntered
                formerHead[i] = Int32(isArrival ? ls + lm + m : ls + m)
            }
            part.flow.seed(chosen: chosen, formerHead: formerHead, mentorPotential: part.mentors.map { duals.mentorPotential[$0] },
                           arrivalPotential: part.mentors.map { duals.arrivalPotential[$0] },
                           priceNumerator: duals.priceNumerator, denominator: duals.priceDenominator)
        }
    }

    func moveMargins() -> [Int] { parts.flatMap { $0.flow.moveMargins() }.sorted() }
    func stayMargins() -> [Int] { parts.flatMap { $0.flow.stayMargins() }.sorted() }

    /// The connected components (mentors joined by a student's arcs); students without arcs form their own part.
    static func split(_ inst: FlowInstance) -> [(instance: FlowInstance, students: [Int], arcs: [Int32], mentors: [Int])] {
        let sCount = inst.studentCount, mCount = inst.mentorCount
        func mentor(ofHead h: Int32) -> Int { (Int(h) - sCount) % mCount }
        var parent = Array(0..<mCount)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for s in 0..<sCount where inst.arcStart[s + 1] - inst.arcStart[s] > 1 {
            let first = find(mentor(ofHead: inst.arcHead[inst.arcStart[s]]))
            for a in inst.arcStart[s] + 1 ..< inst.arcStart[s + 1] {
                let r = find(mentor(ofHead: inst.arcHead[a]))
                if r != first { parent[max(r, first)] = min(r, first) }
            }
        }
        // Component of each student: that of its first arc's mentor; -1 without arcs.
        var componentOfRoot = [Int](repeating: -1, count: mCount)
        var count = 0
        var studentComponent = [Int](repeating: -1, count: sCount)
        for s in 0..<sCount where inst.arcStart[s + 1] > inst.arcStart[s] {
            let r = find(mentor(ofHead: inst.arcHead[inst.arcStart[s]]))
            if componentOfRoot[r] < 0 { componentOfRoot[r] = count; count += 1 }
            studentComponent[s] = componentOfRoot[r]
        }
        if count <= 1 && !studentComponent.contains(-1) || sCount == 0 {
            return [(inst, Array(0..<sCount), (0..<Int32(inst.arcHead.count)).map { $0 }, Array(0..<mCount))]
        }
        let loose = count  // students without arcs
        var members = [[Int]](repeating: [], count: count + 1)
        for s in 0..<sCount { members[studentComponent[s] < 0 ? loose : studentComponent[s]].append(s) }
        var mentorMembers = [[Int]](repeating: [], count: count + 1)
        for m in 0..<mCount where componentOfRoot[find(m)] >= 0 { mentorMembers[componentOfRoot[find(m)]].append(m) }

        var result = [(instance: FlowInstance, students: [Int], arcs: [Int32], mentors: [Int])]()
        for c in 0...count where !members[c].isEmpty {
            let students = members[c], mentors = mentorMembers[c]
            var localMentor = [Int: Int]()
            for (i, m) in mentors.enumerated() { localMentor[m] = i }
            let ls = students.count, lm = mentors.count
            var start = [0], head = [Int32](), student = [Int32](), profit = [Int](), move = [Bool](), original = [Int]()
            var arcs = [Int32]()
            for (i, s) in students.enumerated() {
                for a in inst.arcStart[s] ..< inst.arcStart[s + 1] {
                    let h = Int(inst.arcHead[a]), isArrival = h >= sCount + mCount
                    let m = localMentor[mentor(ofHead: inst.arcHead[a])]!
                    head.append(Int32(isArrival ? ls + lm + m : ls + m))
                    student.append(Int32(i)); profit.append(inst.arcProfit[a]); move.append(inst.arcIsMove[a])
                    original.append(inst.arcOriginal[a]); arcs.append(Int32(a))
                }
                start.append(head.count)
            }
            let sub = FlowInstance(
                studentCount: ls, mentorCount: lm, arcStart: start, arcHead: head, arcStudent: student,
                arcProfit: profit, arcIsMove: move, arcOriginal: original,
                mayBeUnassigned: students.map { inst.mayBeUnassigned[$0] },
                capacity: mentors.map { inst.capacity[$0] }, maxNew: mentors.map { inst.maxNew[$0] },
                maxMoves: inst.maxMoves, unassignedTotal: 0)
            result.append((sub, students, arcs, mentors))
        }
        return result
    }
}

/// A value handed to the worker threads of ``ComponentFlows``; each part is touched by one thread only.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
