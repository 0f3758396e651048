/// An ``AssignmentProblem`` checked and laid out as a transportation network
/// for the flow solver.
///
/// Every student ships one unit: along one of its arcs to a mentor node (a
/// non-arrival arc) or to the mentor's arrival node (an arrival arc, which
/// feeds the mentor through an arc of capacity maxNew), or, when it may be
/// unassigned, straight to the sink. Mentors feed the sink through an arc of
/// capacity `capacity[m]`. The profit of arc a of student s is
/// `weight(a) + unassignedCost[s]`, so the program's objective is
/// `Σ profit(chosen arcs) − Σ unassignedCost`.
///
/// Node numbering: students `0..<S`, mentors `S..<S+M`, arrival nodes
/// `S+M..<S+2M`, the sink `S+2M`.
struct FlowInstance: Sendable {
    let studentCount: Int
    let mentorCount: Int
    /// Arcs of student s are `arcStart[s] ..< arcStart[s+1]` (kept arcs only).
    let arcStart: [Int]
    /// Head node of each kept arc (a mentor node or an arrival node).
    let arcHead: [Int32]
    let arcStudent: [Int32]
    let arcProfit: [Int]
    let arcIsMove: [Bool]
    /// Index of the arc in ``AssignmentProblem/arcs``.
    let arcOriginal: [Int]
    let mayBeUnassigned: [Bool]
    let capacity: [Int]
    /// `Int.max` when unlimited.
    let maxNew: [Int]
    let maxMoves: Int?
    /// Σ unassignedCost: objective = Σ profit − this.
    let unassignedTotal: Int
    /// Σ over students of their largest positive profit: bounds every objective.
    let profitBound: Int

    var sink: Int { studentCount + 2 * mentorCount }
    var nodeCount: Int { studentCount + 2 * mentorCount + 1 }
    func mentorNode(_ m: Int) -> Int { studentCount + m }
    func arrivalNode(_ m: Int) -> Int { studentCount + mentorCount + m }

    /// Largest magnitude accepted for weights and costs, so that scaled path lengths fit in 64 bits.
    static let magnitudeLimit = 1 << 24

    /// Checks the problem and drops arcs that can never beat leaving their
    /// (optional) student unassigned: profit ≤ 0 (the optimum value is unchanged).
    init(_ problem: AssignmentProblem) throws(FlowInputError) {
        let s = problem.studentCount, m = problem.mentorCount
        guard problem.arcStart.count == s + 1, problem.arcStart.first == 0,
              problem.arcStart.last == problem.arcs.count
        else { throw .malformed("arcStart must have studentCount + 1 entries from 0 to arcs.count") }
        guard problem.mayBeUnassigned.count == s else { throw .malformed("mayBeUnassigned has \(problem.mayBeUnassigned.count) entries for \(s) students") }
        guard problem.maxNew.count == m else { throw .malformed("maxNew has \(problem.maxNew.count) entries for \(m) mentors") }
        for (i, c) in problem.capacity.enumerated() where c < 0 { throw .malformed("mentor #\(i) has negative capacity \(c)") }
        for (i, c) in problem.maxNew.enumerated() { if let c, c < 0 { throw .malformed("mentor #\(i) has negative maxNew \(c)") } }
        if let k = problem.maxMoves, k < 0 { throw .malformed("maxMoves is negative (\(k))") }
        let limit = Self.magnitudeLimit
        for (i, c) in problem.unassignedCost.enumerated() where c < 0 || c > limit {
            throw .malformed("student #\(i) has unassignedCost \(c) outside 0…\(limit)")
        }

        var arcStart = [Int](), arcHead = [Int32](), arcStudent = [Int32](), arcProfit = [Int]()
        var arcIsMove = [Bool](), arcOriginal = [Int]()
        arcStart.reserveCapacity(s + 1)
        arcStart.append(0)
        for st in 0..<s {
            let range = problem.arcStart[st] ..< problem.arcStart[st + 1]
            guard range.lowerBound <= range.upperBound else { throw .malformed("arcStart decreases at student #\(st)") }
            for a in range {
                let arc = problem.arcs[a]
                guard arc.mentor >= 0, Int(arc.mentor) < m else { throw .malformed("arc #\(a) names mentor #\(arc.mentor), which does not exist") }
                guard abs(arc.weight) <= limit else { throw .malformed("arc #\(a) has weight \(arc.weight) beyond ±\(limit)") }
                let profit = arc.weight + problem.unassignedCost[st]
                if problem.mayBeUnassigned[st] && profit <= 0 { continue }
                let mentor = Int(arc.mentor)
                arcHead.append(Int32(arc.isArrival ? s + m + mentor : s + mentor))
                arcStudent.append(Int32(st))
                arcProfit.append(profit)
                arcIsMove.append(arc.isMove)
                arcOriginal.append(a)
            }
            arcStart.append(arcHead.count)
        }
        // Prices P/Q have Q ≤ students and P/Q ≤ ~4·students·(largest profit), so arc
        // costs stay below 4·students²·(largest profit); potentials are sums of a few
        // such. Keep that with a 64× margin inside 62 bits (Swift traps on overflow,
        // it never wraps into a wrong answer).
        let largest = Int64(arcProfit.map { abs($0) }.max() ?? 0) + 1
        let n = Int64(s + 1)
        let (a, o1) = n.multipliedReportingOverflow(by: n)
        let (b, o2) = a.multipliedReportingOverflow(by: largest)
        guard !o1, !o2, b < Int64(1) << 56 else {
            throw .malformed("too large for exact 64-bit arithmetic (\(s) students, profits up to \(largest - 1))")
        }
        self.init(
            studentCount: s, mentorCount: m, arcStart: arcStart, arcHead: arcHead, arcStudent: arcStudent,
            arcProfit: arcProfit, arcIsMove: arcIsMove, arcOriginal: arcOriginal,
            mayBeUnassigned: problem.mayBeUnassigned, capacity: problem.capacity,
            maxNew: problem.maxNew.map { $0 ?? Int.max }, maxMoves: problem.maxMoves,
            unassignedTotal: problem.unassignedCost.reduce(0, +))
    }

    /// Memberwise; the arrays must already be consistent (used by the restricted and component copies).
    init(
        studentCount: Int, mentorCount: Int, arcStart: [Int], arcHead: [Int32], arcStudent: [Int32],
        arcProfit: [Int], arcIsMove: [Bool], arcOriginal: [Int], mayBeUnassigned: [Bool],
        capacity: [Int], maxNew: [Int], maxMoves: Int?, unassignedTotal: Int
    ) {
        self.studentCount = studentCount
        self.mentorCount = mentorCount
        self.arcStart = arcStart
        self.arcHead = arcHead
        self.arcStudent = arcStudent
        self.arcProfit = arcProfit
        self.arcIsMove = arcIsMove
        self.arcOriginal = arcOriginal
        self.mayBeUnassigned = mayBeUnassigned
        self.capacity = capacity
        self.maxNew = maxNew
        self.maxMoves = maxMoves
        self.unassignedTotal = unassignedTotal
        var bound = 0
        for s in 0..<studentCount {
            var best = mayBeUnassigned[s] ? 0 : Int.min
            for a in arcStart[s] ..< arcStart[s + 1] { best = max(best, arcProfit[a]) }
            bound += best == Int.min ? 0 : best
        }
        self.profitBound = bound
    }

    /// The same network with some choices of some students fixed or excluded
    /// (a branch of ``BranchAndBound``). Options are original arc indices, `nil` = unassigned.
    func restricted(_ fixes: [BranchFix]) -> FlowInstance {
        var forced = [Int: Int?](), forbidden = Set<Int>(), mustAssign = Set<Int>()
        for fix in fixes {
            switch (fix.take, fix.option) {
            case (true, let option): forced[fix.student] = option
            case (false, let arc?): forbidden.insert(arc)
            case (false, nil): mustAssign.insert(fix.student)
            }
        }
        var start = [0], head = [Int32](), student = [Int32](), profit = [Int](), move = [Bool](), original = [Int]()
        var may = mayBeUnassigned
        for s in 0..<studentCount {
            if mustAssign.contains(s) { may[s] = false }
            let only = forced[s]
            // Forcing "unassigned" on a student that must be assigned leaves it no option: the branch is infeasible.
            if let only { may[s] = only == nil && may[s] }
            for a in arcStart[s] ..< arcStart[s + 1] {
                if forbidden.contains(arcOriginal[a]) { continue }
                if let only, only != arcOriginal[a] { continue }
                head.append(arcHead[a]); student.append(arcStudent[a]); profit.append(arcProfit[a])
                move.append(arcIsMove[a]); original.append(arcOriginal[a])
            }
            start.append(head.count)
        }
        return FlowInstance(
            studentCount: studentCount, mentorCount: mentorCount, arcStart: start, arcHead: head,
            arcStudent: student, arcProfit: profit, arcIsMove: move, arcOriginal: original,
            mayBeUnassigned: may, capacity: capacity, maxNew: maxNew, maxMoves: maxMoves,
            unassignedTotal: unassignedTotal)
    }
}

/// One branching decision: student `student` takes (or must not take) `option`
/// (an original arc index, or `nil` for unassigned).
struct BranchFix: Sendable, Equatable {
    var student: Int
    var option: Int?
    var take: Bool
}

/// Why an ``AssignmentProblem`` cannot be solved at all (as opposed to being infeasible).
public enum FlowInputError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let why): return "malformed assignment problem: \(why)"
        }
    }
}
