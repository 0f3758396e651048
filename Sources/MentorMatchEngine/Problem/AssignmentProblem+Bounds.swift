extension AssignmentProblem {
    /// A feasible assignment close to the current state, for warm starts: each student on their
    /// current arc (a locked student on their lock), others unassigned; a mentor over capacity
    /// keeps its first students in order (locked students first). Feasible whenever the locks are:
    /// current pairs are neither arrivals nor moves.
    public func startingAssignment() -> [Int?] {
        var chosen = [Int?](repeating: nil, count: studentCount)
        var load = [Int](repeating: 0, count: mentorCount)
        for s in 0..<studentCount where !mayBeUnassigned[s] {
            let a = arcStart[s]
            chosen[s] = a
            load[Int(arcs[a].mentor)] += 1
        }
        for s in 0..<studentCount where mayBeUnassigned[s] {
            guard let m = currentArc[s], load[m] < capacity[m],
                  let a = arcRange(of: s).first(where: { Int(arcs[$0].mentor) == m })
            else { continue }
            chosen[s] = a
            load[m] += 1
        }
        return chosen
    }

    /// Each student on their best arc, ignoring shared limits: an upper bound on the optimum.
    public var trivialBound: Int {
        var total = 0
        for s in 0..<studentCount {
            var best: Int? = mayBeUnassigned[s] ? -unassignedCost[s] : nil
            for a in arcRange(of: s) { best = max(best ?? Int.min, arcs[a].weight) }
            total += best ?? 0
        }
        return total
    }

    /// Whether `chosen` satisfies every constraint of the program; `nil` if so, otherwise what breaks.
    public func violation(of chosen: [Int?]) -> String? {
        guard chosen.count == studentCount else { return "one entry per student expected" }
        var load = [Int](repeating: 0, count: mentorCount)
        var arrivals = [Int](repeating: 0, count: mentorCount)
        var moves = 0
        for s in 0..<studentCount {
            guard let a = chosen[s] else {
                if !mayBeUnassigned[s] { return "student \(s) is locked but unassigned" }
                continue
            }
            guard arcRange(of: s).contains(a) else { return "arc \(a) is not an arc of student \(s)" }
            let m = Int(arcs[a].mentor)
            load[m] += 1
            if arcs[a].isArrival { arrivals[m] += 1 }
            if arcs[a].isMove { moves += 1 }
        }
        for m in 0..<mentorCount {
            if load[m] > capacity[m] { return "mentor \(m) holds \(load[m]) > capacity \(capacity[m])" }
            if let limit = maxNew[m], arrivals[m] > limit { return "mentor \(m) receives \(arrivals[m]) > maxNew \(limit)" }
        }
        if let limit = maxMoves, moves > limit { return "\(moves) moves > maxMoves \(limit)" }
        return nil
    }
}
