/// One voluntary student moved from one mentor to another, and what it changes in the objective.
struct Hop: Sendable, Equatable {
    var student: Int32
    var from: Int32
    var to: Int32
    /// fit of the student with `to`.
    var fit: Int32
    /// p·(fit(to) − fit(from)) − moveCost.
    var gain: Int
}

/// The moves that make room at m1, in order, and their total gain.
struct Chain: Sendable, Equatable {
    var hops: [Hop] = []
    var gain = 0

    func prepending(_ hop: Hop) -> Chain { Chain(hops: [hop] + hops, gain: hop.gain + gain) }
}

/// The best chain for one suggest request (matching-model §6), searched exactly.
///
/// State: s* has left `leaving` (its current mentor, if any) and takes m1. A mentor's seats after
/// that are `load − [m == leaving]`; a mentor *has a free seat* when that is below its capacity and
/// it then ends the chain; a full mentor must pass one of its voluntary students on, which keeps its
/// load unchanged, so it may sit inside a chain only when exactly at capacity. Every receiving mentor
/// gets exactly one arrival, so it must accept at least one new student (maxNewPerWeek ≥ 1).
///
/// Because intermediate mentors are full and the last one has a free seat, the last hop never
/// returns to a mentor of the chain: it is the best move out of the last full mentor into any
/// mentor with a free seat, which ``SuggestIndex/bestExit`` holds for the snapshot's free seats;
/// only the seat s* frees at `leaving` is new and is checked per request. Intermediate hops are
/// enumerated (a depth-first search over distinct full mentors, at most `limit` hops); with two hops
/// left, one pass over the movers' candidate pairs with each mentor's last hop memoised per request;
/// with three, each second mentor's best one- or two-hop continuation is memoised too.
///
/// Ties: among chains of equal gain the shorter wins, then the one whose moves, read in order as
/// (student id, destination id), come first.
struct ChainSearch {
    let index: SuggestIndex
    /// s*, who never moves in a chain.
    let student: Int
    /// The mentor s* leaves.
    let leaving: Int?
    /// Whether `leaving` has a free seat only because s* left it (so `bestExit` does not know it).
    let leavingNewlyFree: Bool
    /// ``lastHop(from:)`` of each mentor once computed (allocated on first use).
    private var lastHopKnown: [Bool] = []
    private var lastHopMemo: [Hop?] = []
    /// ``passOnGain(_:)`` of each mentor, `unknown` until needed (allocated on first use).
    private var passOn: [Int] = []
    /// ``continuation(from:)`` of each mentor once computed (allocated on first use).
    private var continuations: [Podium?] = []

    init(index: SuggestIndex, student: Int) {
        self.index = index
        self.student = student
        leaving = index.context.currentMentor[student]
        if let m = leaving {
            leavingNewlyFree = index.load[m] == index.capacity[m] && index.maxNew[m] >= 1
        } else {
            leavingNewlyFree = false
        }
    }

    /// Seats taken at m once s* has left.
    @inline(__always)
    func seatsTaken(_ m: Int) -> Int { index.load[m] - (m == leaving ? 1 : 0) }

    @inline(__always)
    func hasFreeSeat(_ m: Int) -> Bool { seatsTaken(m) < index.capacity[m] }

    /// Whether `m` may sit inside a chain: exactly full (one arrives, one leaves) and accepting an arrival.
    @inline(__always)
    func mayPassOn(_ m: Int) -> Bool { seatsTaken(m) == index.capacity[m] && index.maxNew[m] >= 1 }

    /// The best chain out of full mentor `m1` (which receives s*) of at most `limit` hops, if any.
    mutating func bestChain(into m1: Int, limit: Int) -> Chain? {
        guard limit >= 1 else { return nil }
        var used = [m1]
        return bestChain(from: m1, used: &used, limit: limit)
    }

    /// `m` is full and received one student: move one of its voluntary students on.
    private mutating func bestChain(from m: Int, used: inout [Int], limit: Int) -> Chain? {
        let oneHop = lastHop(from: m).map { Chain(hops: [$0], gain: $0.gain) }
        guard limit >= 2 else { return oneHop }
        if limit == 2 { return bestTwoHops(from: m, used: used, orElse: oneHop, keepRunnerUp: false).best }
        if limit == 3 && used.count == 1 { return bestThreeHops(from: m, orElse: oneHop) }
        var best = oneHop
        let candidates = index.candidates
        for v32 in index.voluntaryStudents(of: m) {
            let v = Int(v32)
            if v == student { continue }
            for i in candidates.range(of: v) {
                let next = Int(candidates.mentor[i])
                guard mayPassOn(next), !used.contains(next) else { continue }
                let hop = Hop(student: v32, from: Int32(m), to: Int32(next), fit: candidates.fit[i],
                              gain: index.gain(student: v, fit: Int(candidates.fit[i])))
                used.append(next)
                let rest = bestChain(from: next, used: &used, limit: limit - 1)
                used.removeLast()
                guard let rest else { continue }
                let chain = rest.prepending(hop)
                if best.map({ precedes(chain, $0) }) ?? true { best = chain }
            }
        }
        return best
    }

    /// The best chain and, if asked, the runner-up: the best one whose middle mentor (the destination of
    /// its first hop when it has two; none for one hop) differs from the best one's.
    struct Podium {
        var best: Chain?
        var runnerUp: Chain?

        static func middle(_ chain: Chain?) -> Int32 { chain.map { $0.hops.count == 2 ? $0.hops[0].to : -1 } ?? -2 }

        /// The best chain whose middle mentor is not `excluded`.
        func best(avoiding excluded: Int) -> Chain? {
            Podium.middle(best) == Int32(excluded) ? runnerUp : best
        }
    }

    /// The best chain of one or two hops out of full mentor `m` (whose middle mentor is not in `used`):
    /// the inner loop of every request with chainMoves ≥ 2, so it reads each candidate pair once and
    /// builds only the chains that win. With `keepRunnerUp`, also the runner-up (see ``Podium``).
    private mutating func bestTwoHops(from m: Int, used: [Int], orElse oneHop: Chain?, keepRunnerUp: Bool) -> Podium {
        var podium = Podium(best: oneHop, runnerUp: nil)
        var threshold = keepRunnerUp ? Int.min : oneHop?.gain ?? Int.min  // the lowest gain that may still place
        let candidates = index.candidates
        let checkUsed = used.count > 1  // otherwise `used` is [m], which `next != m` already excludes
        for v32 in index.voluntaryStudents(of: m) {
            let v = Int(v32)
            if v == student { continue }
            for i in candidates.range(of: v) {
                let next = Int(candidates.mentor[i])
                guard next != m, let rest = passOnGain(next) else { continue }
                let fit = Int(candidates.fit[i])
                let gain = index.gain(student: v, fit: fit) + rest
                guard gain >= threshold, !checkUsed || !used.contains(next), let last = lastHop(from: next) else { continue }
                let hop = Hop(student: v32, from: Int32(m), to: Int32(next), fit: Int32(fit), gain: gain - rest)
                func beats(_ b: Chain?) -> Bool {
                    b.map { precedes(gain: gain, count: 2, hop: { $0 == 0 ? hop : last }, $0) } ?? true
                }
                if beats(podium.best) {
                    let chain = Chain(hops: [hop, last], gain: gain)
                    if keepRunnerUp && Podium.middle(podium.best) != Int32(next) { podium.runnerUp = podium.best }
                    podium.best = chain
                } else if keepRunnerUp && Podium.middle(podium.best) != Int32(next) && beats(podium.runnerUp) {
                    podium.runnerUp = Chain(hops: [hop, last], gain: gain)
                } else {
                    continue
                }
                threshold = keepRunnerUp ? podium.runnerUp?.gain ?? Int.min : gain
            }
        }
        return podium
    }

    /// The best chain of one to three hops out of m1 (the first full mentor): each second mentor's best
    /// continuation of one or two hops is computed once per request with its runner-up, which stands in
    /// when the best one would pass back through m1.
    private mutating func bestThreeHops(from m: Int, orElse oneHop: Chain?) -> Chain? {
        var best = bestTwoHops(from: m, used: [m], orElse: oneHop, keepRunnerUp: false).best
        let candidates = index.candidates
        for v32 in index.voluntaryStudents(of: m) {
            let v = Int(v32)
            if v == student { continue }
            for i in candidates.range(of: v) {
                let next = Int(candidates.mentor[i])
                guard next != m, mayPassOn(next), let rest = continuation(from: next).best(avoiding: m) else { continue }
                let hop = Hop(student: v32, from: Int32(m), to: Int32(next), fit: candidates.fit[i],
                              gain: index.gain(student: v, fit: Int(candidates.fit[i])))
                let gain = hop.gain + rest.gain
                if let b = best, !precedes(gain: gain, count: rest.hops.count + 1, hop: { $0 == 0 ? hop : rest.hops[$0 - 1] }, b) {
                    continue
                }
                best = rest.prepending(hop)
            }
        }
        return best
    }

    /// The podium of one- and two-hop chains out of full mentor `m`, memoised per request.
    private mutating func continuation(from m: Int) -> Podium {
        if continuations.isEmpty { continuations = [Podium?](repeating: nil, count: index.context.mentorCount) }
        if let known = continuations[m] { return known }
        let oneHop = lastHop(from: m).map { Chain(hops: [$0], gain: $0.gain) }
        let podium = bestTwoHops(from: m, used: [m], orElse: oneHop, keepRunnerUp: true)
        continuations[m] = podium
        return podium
    }

    /// When `m` may sit inside a chain (exactly full once s* has left, accepts an arrival) and can pass
    /// a student on to a free seat, the gain of that best last hop; `nil` otherwise. Memoised per request.
    @inline(__always)
    private mutating func passOnGain(_ m: Int) -> Int? {
        if passOn.isEmpty { passOn = [Int](repeating: Self.unknown, count: index.context.mentorCount) }
        var gain = passOn[m]
        if gain == Self.unknown {
            gain = mayPassOn(m) ? lastHop(from: m)?.gain ?? Self.none : Self.none
            passOn[m] = gain
        }
        return gain == Self.none ? nil : gain
    }

    private static let unknown = Int.min
    private static let none = Int.min + 1

    /// The best single move out of full mentor `m` into a mentor with a free seat (memoised per request).
    private mutating func lastHop(from m: Int) -> Hop? {
        if lastHopKnown.isEmpty {
            lastHopKnown = [Bool](repeating: false, count: index.context.mentorCount)
            lastHopMemo = [Hop?](repeating: nil, count: index.context.mentorCount)
        }
        if lastHopKnown[m] { return lastHopMemo[m] }
        let hop = computeLastHop(from: m)
        lastHopKnown[m] = true
        lastHopMemo[m] = hop
        return hop
    }

    private func computeLastHop(from m: Int) -> Hop? {
        if m == leaving {  // only when `leaving` is over capacity: its own exits must skip s*
            return index.bestHop(from: m, skipping: student) { to in hasFreeSeat(to) && index.maxNew[to] >= 1 }
        }
        var best = index.bestExit[m]
        if leavingNewlyFree, let target = leaving {
            for v32 in index.voluntaryStudents(of: m) {
                let v = Int(v32)
                guard let fit = index.candidateFit(student: v, mentor: target) else { continue }
                let hop = Hop(student: v32, from: Int32(m), to: Int32(target), fit: Int32(fit), gain: index.gain(student: v, fit: fit))
                if best.map({ index.precedes(hop, $0) }) ?? true { best = hop }
            }
        }
        return best
    }

    /// Higher gain, then fewer moves, then the moves' (student id, destination id) in order.
    func precedes(_ a: Chain, _ b: Chain) -> Bool {
        precedes(gain: a.gain, count: a.hops.count, hop: { a.hops[$0] }, b)
    }

    /// ``precedes(_:_:)`` for a chain given by its gain, length and hops, not built yet.
    @inline(__always)
    func precedes(gain: Int, count: Int, hop: (Int) -> Hop, _ b: Chain) -> Bool {
        if gain != b.gain { return gain > b.gain }
        if count != b.hops.count { return count < b.hops.count }
        for k in 0..<count {
            let x = index.tieKey(hop(k)), y = index.tieKey(b.hops[k])
            if x != y { return x < y }
        }
        return false
    }
}
