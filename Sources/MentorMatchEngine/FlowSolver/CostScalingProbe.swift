import Foundation

/// ``CostScalingFlow`` timed alone on the networks of ``PricedRebalance``'s first two rounds (for
/// `mentormatch-bench costscaling`): round 1 is each student's best pairs (fresh solve at move price 0),
/// round 2 adds the pairs that price in against round 1's duals and is solved fresh and from round 1's
/// optimum (``CostScalingFlow/Start``). Every answer is checked: the warm and fresh costs must agree.
@_spi(Bench) public enum CostScalingProbe {
    /// What one network took: wall and CPU (this thread) seconds of each solve, their work (pushes +
    /// relabels) and the optimum's cost.
    public struct Timing: Sendable {
        public var seconds: [Double]
        public var cpuSeconds: [Double]
        public var work: Int
        public var cost: Int
    }

    public struct Figures: Sendable {
        public var students: Int
        public var nodes: Int
        public var roundOneArcs: Int
        public var roundTwoArcs: Int
        public var fresh: Timing
        public var roundTwoFresh: Timing
        public var roundTwoWarm: Timing
    }

    public enum Failure: Error, CustomStringConvertible {
        case noAnswer(String)
        public var description: String {
            switch self { case .noAnswer(let what): return "cost scaling gave no answer: \(what)" }
        }
    }

    /// Builds the networks as ``PricedRebalance`` does (`arcsPerStudent` best pairs, then at most `addedPerStudent`
    /// priced-in pairs per student) and times `runs` solves of each.
    public static func measure(_ context: MatchingContext, arcsPerStudent: Int = 16, addedPerStudent: Int = 24, runs: Int = 3) throws -> Figures {
        let table = CandidateTable.best(perStudent: arcsPerStudent, perMentor: 0, of: context, from: context)
        let one = try FlowInstance(EncodedProblem(context, candidates: table).problem)
        let oneCost = one.arcProfit.map { -$0 }
        let (fresh, optimum) = try time(one, cost: oneCost, start: nil, runs: runs, what: "round 1")

        // Round 1's duals (sink at 0), as the pricing gets them.
        let sCount = one.studentCount, mCount = one.mentorCount, sinkPotential = optimum.potential[one.sink]
        var value = [Int](repeating: 0, count: sCount)
        for s in 0..<sCount where optimum.chosen[s] >= 0 {
            let a = Int(optimum.chosen[s])
            value[s] = oneCost[a] - (optimum.potential[Int(one.arcHead[a])] - sinkPotential)
        }
        let duals = FlowDuals(priceNumerator: 0, priceDenominator: 1, studentValue: value,
                              mentorPotential: (0..<mCount).map { optimum.potential[sCount + $0] - sinkPotential },
                              arrivalPotential: (0..<mCount).map { optimum.potential[sCount + mCount + $0] - sinkPotential })
        let added = PricedRebalance.pairsPricingIn(context, context, restricted: table, duals: duals, perStudent: addedPerStudent)
        let two = try FlowInstance(EncodedProblem(context, candidates: table.adding(added)).problem)
        let twoCost = two.arcProfit.map { -$0 }
        // Round 1's flow in round 2's local arcs (same student, same head).
        var chosen = [Int32](repeating: SuccessiveShortestPaths.unassigned, count: sCount)
        for s in 0..<sCount where optimum.chosen[s] >= 0 {
            let head = one.arcHead[Int(optimum.chosen[s])]
            for a in two.arcStart[s] ..< two.arcStart[s + 1] where two.arcHead[a] == head { chosen[s] = Int32(a) }
        }
        let start = CostScalingFlow.Start(chosen: chosen, potential: optimum.potential)
        let (twoFresh, _) = try time(two, cost: twoCost, start: nil, runs: runs, what: "round 2 fresh")
        let (twoWarm, _) = try time(two, cost: twoCost, start: start, runs: runs, what: "round 2 warm")
        guard twoFresh.cost == twoWarm.cost else { throw Failure.noAnswer("round 2 warm cost \(twoWarm.cost) ≠ fresh \(twoFresh.cost)") }
        return Figures(students: sCount, nodes: one.nodeCount, roundOneArcs: one.arcHead.count, roundTwoArcs: two.arcHead.count,
                       fresh: fresh, roundTwoFresh: twoFresh, roundTwoWarm: twoWarm)
    }

    private static func time(_ instance: FlowInstance, cost: [Int], start: CostScalingFlow.Start?, runs: Int, what: String) throws
        -> (Timing, CostScalingFlow.Optimum) {
        var seconds: [Double] = [], cpuSeconds: [Double] = [], last: CostScalingFlow.Optimum?
        for _ in 0..<max(1, runs) {
            let t = ContinuousClock.now, cpu = threadCPUSeconds()
            guard let optimum = CostScalingFlow(instance, cost: cost).solve(from: start) else { throw Failure.noAnswer(what) }
            cpuSeconds.append(threadCPUSeconds() - cpu)
            seconds.append(t.secondsUntilNow)
            last = optimum
        }
        let optimum = last!
        let total = optimum.chosen.reduce(0) { $0 + ($1 >= 0 ? cost[Int($1)] : 0) }
        return (Timing(seconds: seconds, cpuSeconds: cpuSeconds, work: optimum.work, cost: total), optimum)
    }

    /// CPU seconds used by the calling thread so far (the solves run on one thread).
    private static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
