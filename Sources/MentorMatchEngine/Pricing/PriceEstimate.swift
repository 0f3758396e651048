import Dispatch

/// Estimated mentor prices, to choose the first restricted pairs by reduced cost instead of by weight.
///
/// Column generation converges in one round when the first restricted program already holds each
/// student's pairs of least reduced cost under the optimal duals; chosen by weight alone, every student
/// picks the same popular mentors and pricing needs several rounds, each a full flow solve. The estimate
/// splits the school into `groups` small replicas of its market: student s and mentor m belong to group
/// hash(s) mod groups and hash(m) mod groups, and group g is the program of its students with only its
/// mentors (capacities unchanged, so supply and demand keep their proportions). Each replica is solved
/// exactly on all its pairs (they are few: about 1/groups² of the school's), in parallel, and its duals
/// price its mentors. The move budget is left out: with it each replica needs a price search of its own,
/// and on tier L (2% budget) the estimate took 2.4 s instead of 0.4 s and left ten times more pairs to price in.
///
/// Only the choice of the first pairs depends on the estimate: pricing still proves the optimum of the
/// whole program, so a poor estimate costs rounds, never correctness. Deterministic: the groups, their
/// programs and the solves do not depend on the number of threads.
struct PriceEstimate: Sendable {
    /// Estimated potential of each mentor's plain and arrival arcs (profit units).
    var mentorPotential: [Double]
    var arrivalPotential: [Double]

    /// The estimated reduced profit of a pair (higher is better): its weight plus its head's potential.
    /// The student's own dual is a constant for the student, so it is left out.
    @inline(__always)
    func key(weight: Int, isArrival: Bool, mentor m: Int) -> Double {
        Double(weight) + (isArrival ? arrivalPotential[m] : mentorPotential[m])
    }

    /// Solves the `groups` replicas of `context`'s program (pairs read from `pairs`); nil when `groups` < 2.
    static func sampled(_ context: MatchingContext, pairs: some CandidateSource, groups: Int) -> PriceEstimate? {
        guard groups >= 2 else { return nil }
        let mentorCount = context.mentorCount
        let mentorGroup = (0..<mentorCount).map { group(of: $0, salt: 0x5851_F42D_4C95_7F2D, groups: groups) }
        var studentsOf = [[Int]](repeating: [], count: groups)
        for s in 0..<context.studentCount { studentsOf[group(of: s, salt: 0x9E37_79B9_7F4A_7C15, groups: groups)].append(s) }
        var mentorsOf = [[Int]](repeating: [], count: groups)
        for m in 0..<mentorCount { mentorsOf[mentorGroup[m]].append(m) }

        typealias Part = (mentors: [Int], duals: FlowDuals?)
        let results = UnsafeMutableBufferPointer<Part>.allocate(capacity: groups)
        results.initialize(repeating: ([], nil))
        defer { results.deinitialize(); results.deallocate() }
        nonisolated(unsafe) let shared = results  // each iteration writes its own element
        let share = (studentsOf, mentorsOf)
        DispatchQueue.concurrentPerform(iterations: groups) { g in
            let problem = replica(context, pairs: pairs, students: share.0[g], mentors: share.1[g],
                                  mentorGroup: mentorGroup, group: g, groups: groups)
            let duals = FlowAssignmentSolver().solveWithDuals(problem, limits: SolveLimits()).certificate?.duals
            shared[g] = (share.1[g], duals)
        }
        var estimate = PriceEstimate(mentorPotential: Array(repeating: 0, count: mentorCount),
                                     arrivalPotential: Array(repeating: 0, count: mentorCount))
        for part in results {
            guard let duals = part.duals else { continue }
            for (local, m) in part.mentors.enumerated() {
                estimate.mentorPotential[m] = Double(duals.mentorPotential[local])
                estimate.arrivalPotential[m] = Double(duals.arrivalPotential[local])
            }
        }
        return estimate
    }

    /// The program of one group: its students (a locked one only when its mentor is in the group) and
    /// their pairs with the group's mentors, encoded as ``EncodedProblem`` does.
    private static func replica(
        _ context: MatchingContext, pairs: some CandidateSource, students: [Int], mentors: [Int],
        mentorGroup: [Int], group g: Int, groups: Int
    ) -> AssignmentProblem {
        var local = [Int32](repeating: -1, count: context.mentorCount)
        for (i, m) in mentors.enumerated() { local[m] = Int32(i) }
        var arcStart = [0], arcs = [AssignmentProblem.Arc](), unassignedCost = [Int](), mayBeUnassigned = [Bool]()
        for s in students {
            switch context.roles[s] {
            case .locked(let m):
                guard local[m] >= 0 else { continue }
                let terms = context.pairTerms(student: s, mentor: m, fit: context.fit(student: s, mentor: m))
                arcs.append(.init(mentor: local[m], weight: terms.weight, isMove: terms.isMove, isArrival: terms.isArrival))
                mayBeUnassigned.append(false)
            case .voluntary, .forced, .unassigned:
                pairs.forEachCandidate(of: s) { m, fit in
                    guard local[m] >= 0 else { return }
                    let terms = context.pairTerms(student: s, mentor: m, fit: fit)
                    arcs.append(.init(mentor: local[m], weight: terms.weight, isMove: terms.isMove, isArrival: terms.isArrival))
                }
                mayBeUnassigned.append(true)
            }
            unassignedCost.append(context.unassignedCost[s])
            arcStart.append(arcs.count)
        }
        return AssignmentProblem(
            arcStart: arcStart, arcs: arcs, unassignedCost: unassignedCost, mayBeUnassigned: mayBeUnassigned,
            currentArc: Array(repeating: nil, count: unassignedCost.count),
            capacity: mentors.map { context.snapshot.mentors[$0].capacity },
            maxNew: mentors.map { context.snapshot.mentors[$0].maxNewPerWeek },
            maxMoves: nil)
    }

    /// A fixed pseudo-random group for an index (multiplicative hashing), so that groups mix every kind of
    /// student and mentor whatever the order of the snapshot.
    private static func group(of index: Int, salt: UInt64, groups: Int) -> Int {
        let h = (UInt64(index) &+ 1) &* salt
        return Int((h >> 32) % UInt64(groups))
    }
}
