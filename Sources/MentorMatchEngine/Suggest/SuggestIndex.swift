/// A snapshot prepared once for many suggest requests (matching-model §6).
///
/// Built from a ``MatchingContext`` and its ``CandidateTable``: the voluntary students of each
/// mentor (the only ones a chain may move), each mentor's current load, each student's fit with
/// their current mentor, id ranks for deterministic ties, and each mentor's best single move of
/// one of its voluntary students into a mentor that has a free seat now. A request then reads
/// only the student's candidates and the students of the mentors it tries: never all students.
public struct SuggestIndex: Sendable {
    public let context: MatchingContext
    public let candidates: CandidateTable

    /// Voluntary students of mentor m who are not settling (ascending index): `voluntary[voluntaryStart[m] ..< voluntaryStart[m+1]]`.
    let voluntaryStart: [Int]
    let voluntary: [Int32]
    /// Settling students (§4b) of each mentor that has any, in id order: they never move in a chain.
    let settlingByMentor: [Int: [Int32]]
    /// Students whose current mentor is m (every role).
    let load: [Int]
    let capacity: [Int]
    /// maxNewPerWeek of each mentor, `Int.max` when unset.
    let maxNew: [Int]
    /// fit(s, cur(s)); 0 for a student without a current mentor.
    let currentFit: [Int]
    /// Rank of each mentor's and student's id in id order (ties between chains are broken on ids).
    let mentorRank: [Int32]
    let studentRank: [Int32]
    /// The best move of one voluntary student of m into a mentor with a free seat now (see ``ChainSearch``).
    private(set) var bestExit: [Hop?] = []

    /// Prepares `context`, computing its candidate table.
    public init(_ context: MatchingContext) {
        self.init(context, candidates: CandidateTable(context))
    }

    /// Prepares `context` with an already computed candidate table.
    public init(_ context: MatchingContext, candidates: CandidateTable) {
        self.context = context
        self.candidates = candidates
        let mentors = context.snapshot.mentors, students = context.snapshot.students
        var load = [Int](repeating: 0, count: mentors.count)
        var voluntaryCount = [Int](repeating: 0, count: mentors.count)
        var currentFit = [Int](repeating: 0, count: students.count)
        for s in students.indices {
            guard let m = context.currentMentor[s] else { continue }
            load[m] += 1
            currentFit[s] = context.fit(student: s, mentor: m)
            if context.roles[s] == .voluntary && !context.settling[s] { voluntaryCount[m] += 1 }
        }
        var start = [0]
        start.reserveCapacity(mentors.count + 1)
        for count in voluntaryCount { start.append(start[start.count - 1] + count) }
        var next = Array(start.dropLast())
        var voluntary = [Int32](repeating: 0, count: start[start.count - 1])
        for s in students.indices where context.roles[s] == .voluntary && !context.settling[s] {
            let m = context.currentMentor[s]!
            voluntary[next[m]] = Int32(s)
            next[m] += 1
        }
        self.load = load
        self.voluntaryStart = start
        self.voluntary = voluntary
        self.capacity = mentors.map(\.capacity)
        self.maxNew = mentors.map { $0.maxNewPerWeek ?? Int.max }
        self.currentFit = currentFit
        self.mentorRank = SuggestIndex.ranks(of: mentors.map(\.id))
        let studentRank = SuggestIndex.ranks(of: students.map(\.id))
        self.studentRank = studentRank
        var settling: [Int: [Int32]] = [:]
        for s in students.indices where context.settling[s] { settling[context.currentMentor[s]!, default: []].append(Int32(s)) }
        self.settlingByMentor = settling.mapValues { $0.sorted { studentRank[Int($0)] < studentRank[Int($1)] } }
        // Base state: a mentor has a free seat when load < capacity; it must also accept an arrival.
        let capacity = self.capacity, maxNew = self.maxNew
        bestExit = (0..<mentors.count).map { m in
            bestHop(from: m, skipping: nil) { to in load[to] < capacity[to] && maxNew[to] >= 1 }
        }
    }

    static func ranks(of ids: [String]) -> [Int32] {
        var rank = [Int32](repeating: 0, count: ids.count)
        for (r, i) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { rank[i] = Int32(r) }
        return rank
    }

    /// The voluntary students of mentor m.
    func voluntaryStudents(of m: Int) -> ArraySlice<Int32> { voluntary[voluntaryStart[m]..<voluntaryStart[m + 1]] }

    /// The best move of one voluntary student of `from` (not `skipping`) to another mentor accepted by
    /// `destination`: highest gain, then lowest student id, then lowest mentor id.
    func bestHop(from m: Int, skipping: Int?, destination: (Int) -> Bool) -> Hop? {
        var best: Hop?
        for v32 in voluntaryStudents(of: m) {
            let v = Int(v32)
            if v == skipping { continue }
            for i in candidates.range(of: v) {
                let to = Int(candidates.mentor[i])
                guard to != m, destination(to) else { continue }
                let hop = Hop(student: v32, from: Int32(m), to: Int32(to), fit: candidates.fit[i],
                              gain: gain(student: v, fit: Int(candidates.fit[i])))
                if best.map({ precedes(hop, $0) }) ?? true { best = hop }
            }
        }
        return best
    }

    /// The objective change of moving voluntary student v from their current mentor to a mentor where
    /// their fit is `fit`: p·(fit − fit now) − moveCost.
    @inline(__always)
    func gain(student v: Int, fit: Int) -> Int {
        context.priority[v] * (fit - currentFit[v]) - context.policy.moveCost
    }

    /// fit(s, m) from the candidate table, if (s, m) is a candidate.
    func candidateFit(student s: Int, mentor m: Int) -> Int? {
        var lo = candidates.start[s], hi = candidates.start[s + 1]
        let target = Int32(m)
        while lo < hi {  // a student's candidates are in mentor order
            let mid = (lo + hi) / 2
            let x = candidates.mentor[mid]
            if x == target { return Int(candidates.fit[mid]) }
            if x < target { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Same gain: the lower student id, then the lower destination id, comes first.
    @inline(__always)
    func precedes(_ a: Hop, _ b: Hop) -> Bool {
        if a.gain != b.gain { return a.gain > b.gain }
        return tieKey(a) < tieKey(b)
    }

    @inline(__always)
    func tieKey(_ h: Hop) -> (Int32, Int32) { (studentRank[Int(h.student)], mentorRank[Int(h.to)]) }
}
