/// A snapshot's rebalance program in index form, and the way back.
///
/// This is the one place where ids and indices meet the §5 program: student s
/// and mentor m are positions in the snapshot's `students` and `mentors`; arcs
/// are the candidate pairs (a locked student has exactly one arc, its lock,
/// which must be taken). Weights are p[s]·fit(s,m), minus moveCost for a
/// voluntary move; leaving s unassigned costs p[s]·unassignedPenalty, plus evictionCost for a voluntary
/// student. A settling student's only pair is their current one.
public struct EncodedProblem: Sendable {
    public let context: MatchingContext
    public let problem: AssignmentProblem

    /// Encodes `context`, computing its candidate table.
    public init(_ context: MatchingContext) {
        self.init(context, candidates: CandidateTable(context))
    }

    /// Encodes `context` with an already computed candidate table.
    public init(_ context: MatchingContext, candidates: CandidateTable) {
        self.context = context
        let n = context.studentCount
        var arcStart = [Int](), arcs = [AssignmentProblem.Arc]()
        var unassignedCost = [Int](), mayBeUnassigned = [Bool](), currentArc = [Int?]()
        arcStart.reserveCapacity(n + 1)
        arcs.reserveCapacity(candidates.pairCount + context.snapshot.locks.count)
        arcStart.append(0)
        for s in 0..<n {
            let cur = context.currentMentor[s]
            unassignedCost.append(context.unassignedCost[s])
            switch context.roles[s] {
            case .locked(let m):
                let terms = context.pairTerms(student: s, mentor: m, fit: context.fit(student: s, mentor: m))
                arcs.append(.init(mentor: Int32(m), weight: terms.weight, isMove: terms.isMove, isArrival: terms.isArrival))
                mayBeUnassigned.append(false)
                currentArc.append(m == cur ? m : nil)
            case .voluntary, .forced, .unassigned:
                var current: Int?
                for i in candidates.range(of: s) {
                    let m = Int(candidates.mentor[i])
                    let terms = context.pairTerms(student: s, mentor: m, fit: Int(candidates.fit[i]))
                    arcs.append(.init(mentor: Int32(m), weight: terms.weight, isMove: terms.isMove, isArrival: terms.isArrival))
                    if m == cur { current = m }
                }
                mayBeUnassigned.append(true)
                currentArc.append(current)
            }
            arcStart.append(arcs.count)
        }
        problem = AssignmentProblem(
            arcStart: arcStart, arcs: arcs, unassignedCost: unassignedCost, mayBeUnassigned: mayBeUnassigned,
            currentArc: currentArc,
            capacity: context.snapshot.mentors.map(\.capacity),
            maxNew: context.snapshot.mentors.map(\.maxNewPerWeek),
            maxMoves: context.moveBudget)
    }

    /// The arc of pair (s, m), if it is one.
    public func arc(student s: Int, mentor m: Int) -> Int? {
        let range = problem.arcRange(of: s)
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {  // arcs of a student are sorted by mentor
            let mid = (lo + hi) / 2
            let x = Int(problem.arcs[mid].mentor)
            if x == m { return mid }
            if x < m { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// fit(s,m) of arc `a` of student `s`, read back from its weight (p[s]·fit, less moveCost for a move).
    public func fit(ofArc a: Int, student s: Int) -> Int {
        let arc = problem.arcs[a]
        return (arc.weight + (arc.isMove ? context.policy.moveCost : 0)) / context.priority[s]
    }

    /// The mentor index of arc `a`.
    public func mentor(ofArc a: Int) -> Int { Int(problem.arcs[a].mentor) }

    /// Chosen arcs → each student's mentor index (`nil` when unassigned).
    public func mentors(fromArcs chosen: [Int?]) -> [Int?] {
        chosen.map { $0.map(mentor(ofArc:)) }
    }

    /// Each student's mentor index → arcs; `nil` for a student who is unassigned or whose pair is not an arc.
    public func arcs(fromMentors mentors: [Int?]) -> [Int?] {
        mentors.enumerated().map { s, m in m.flatMap { arc(student: s, mentor: $0) } }
    }
}
