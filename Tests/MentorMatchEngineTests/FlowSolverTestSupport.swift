@testable import MentorMatchEngine

/// SplitMix64: a tiny seeded generator so test instances are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds an ``AssignmentProblem`` from per-student arc lists.
struct ProblemBuilder {
    struct Student {
        var arcs: [AssignmentProblem.Arc]
        var unassignedCost: Int
        var mayBeUnassigned = true
    }
    var students: [Student] = []
    var capacity: [Int]
    var maxNew: [Int?]
    var maxMoves: Int?

    init(capacity: [Int], maxNew: [Int?]? = nil, maxMoves: Int? = nil) {
        self.capacity = capacity
        self.maxNew = maxNew ?? Array(repeating: nil, count: capacity.count)
        self.maxMoves = maxMoves
    }

    /// Arcs as (mentor, weight, isMove, isArrival).
    mutating func student(_ arcs: [(Int, Int, Bool, Bool)], unassignedCost: Int, locked: Bool = false) {
        let list = arcs.sorted { $0.0 < $1.0 }.map {
            AssignmentProblem.Arc(mentor: Int32($0.0), weight: $0.1, isMove: $0.2, isArrival: $0.3)
        }
        students.append(Student(arcs: list, unassignedCost: unassignedCost, mayBeUnassigned: !locked))
    }

    var problem: AssignmentProblem {
        var start = [0], arcs = [AssignmentProblem.Arc]()
        for s in students { arcs += s.arcs; start.append(arcs.count) }
        return AssignmentProblem(
            arcStart: start, arcs: arcs, unassignedCost: students.map(\.unassignedCost),
            mayBeUnassigned: students.map(\.mayBeUnassigned),
            currentArc: Array(repeating: nil, count: students.count),
            capacity: capacity, maxNew: maxNew, maxMoves: maxMoves)
    }
}

/// Independent checks written for the tests (not the solver's code).
enum Reference {
    /// Whether an assignment satisfies every constraint of the program.
    static func isFeasible(_ p: AssignmentProblem, _ chosen: [Int?]) -> Bool {
        guard chosen.count == p.studentCount else { return false }
        var load = Array(repeating: 0, count: p.mentorCount), new = load, moves = 0
        for s in 0..<p.studentCount {
            guard let a = chosen[s] else {
                if !p.mayBeUnassigned[s] { return false }
                continue
            }
            guard p.arcRange(of: s).contains(a) else { return false }
            let arc = p.arcs[a], m = Int(arc.mentor)
            load[m] += 1
            if arc.isArrival { new[m] += 1 }
            if arc.isMove { moves += 1 }
        }
        for m in 0..<p.mentorCount {
            if load[m] > p.capacity[m] { return false }
            if let limit = p.maxNew[m], new[m] > limit { return false }
        }
        if let k = p.maxMoves, moves > k { return false }
        return true
    }

    /// The optimum by enumerating every assignment (depth-first, pruned on capacity); nil when infeasible.
    static func bruteForceOptimum(_ p: AssignmentProblem) -> Int? {
        var load = Array(repeating: 0, count: p.mentorCount), new = load, moves = 0
        var best: Int?
        func visit(_ s: Int, _ value: Int) {
            if s == p.studentCount {
                if best == nil || value > best! { best = value }
                return
            }
            if p.mayBeUnassigned[s] { visit(s + 1, value - p.unassignedCost[s]) }
            for a in p.arcRange(of: s) {
                let arc = p.arcs[a], m = Int(arc.mentor)
                if load[m] >= p.capacity[m] { continue }
                if arc.isArrival, let limit = p.maxNew[m], new[m] >= limit { continue }
                if arc.isMove, let k = p.maxMoves, moves >= k { continue }
                load[m] += 1; if arc.isArrival { new[m] += 1 }; if arc.isMove { moves += 1 }
                visit(s + 1, value + arc.weight)
                load[m] -= 1; if arc.isArrival { new[m] -= 1 }; if arc.isMove { moves -= 1 }
            }
        }
        visit(0, 0)
        return best
    }
}

/// Random instances shaped like rebalance programs: students mostly on a current
/// mentor (a non-arrival, non-move arc), other arcs arrivals and, for voluntary
/// students, moves; some locks; random capacities, intake limits and move budgets.
func randomProblem<G: RandomNumberGenerator>(
    students: Int, mentors: Int, candidates: ClosedRange<Int>, using g: inout G,
    lockChance: Double = 0.1, budgetChance: Double = 0.6,
    capacity: ClosedRange<Int> = 0...3, maxNew: ClosedRange<Int> = 0...2, budget: ClosedRange<Int> = 0...3
) -> AssignmentProblem {
    var b = ProblemBuilder(
        capacity: (0..<mentors).map { _ in Int.random(in: capacity, using: &g) },
        maxNew: (0..<mentors).map { _ in Bool.random(using: &g) ? Int.random(in: maxNew, using: &g) : nil },
        maxMoves: Double.random(in: 0..<1, using: &g) < budgetChance ? Int.random(in: budget, using: &g) : nil)
    for _ in 0..<students {
        let count = min(mentors, Int.random(in: candidates, using: &g))
        let picked = Array((0..<mentors).shuffled(using: &g).prefix(count))
        let current: Int? = Int.random(in: 0..<4, using: &g) == 0 ? nil : picked.first
        let voluntary = current != nil && Bool.random(using: &g)
        let cost = [0, 300, 1000, 3000].randomElement(using: &g)!
        if !picked.isEmpty && Double.random(in: 0..<1, using: &g) < lockChance {
            let m = picked[0]
            b.student([(m, Int.random(in: -500...1000, using: &g), false, m != current)], unassignedCost: cost, locked: true)
            continue
        }
        b.student(picked.map { m in
            let moving = current != nil && m != current
            return (m, Int.random(in: -200...1000, using: &g) - (moving && voluntary ? 150 : 0), moving && voluntary, m != current)
        }, unassignedCost: cost)
    }
    return b.problem
}
