/// Subsets of a context's candidate pairs, built by streaming the pairs (fit computed on the fly),
/// never holding the whole pair table.
extension CandidateTable {
    /// Each student's `perStudent` best pairs by objective weight, each mentor's `perMentor` best pairs
    /// (so that mentors few students rank first are still reachable), and each student's pair with its
    /// current mentor when that is a candidate; ties go to the lower index. Locked students get none
    /// (the encoder gives them their lock). One pass over the pairs of `source`, on every core.
    static func best(perStudent: Int, perMentor: Int, of context: MatchingContext, from source: some CandidateSource,
                     ranking estimate: PriceEstimate? = nil) -> CandidateTable {
        let k = max(1, perStudent), r = max(0, perMentor), mentorCount = context.mentorCount
        typealias Entry = (weight: Double, index: Int, fit: Int)
        /// Keeps the best `limit` entries in `list` (best first): higher weight, then lower index.
        @Sendable @inline(__always) func offer(_ e: Entry, into list: inout [Entry], limit: Int) {
            if list.count == limit {
                let worst = list[limit - 1]
                if e.weight < worst.weight || (e.weight == worst.weight && e.index > worst.index) { return }
                list.removeLast()
            }
            var i = list.count
            while i > 0 && (list[i - 1].weight < e.weight || (list[i - 1].weight == e.weight && list[i - 1].index > e.index)) { i -= 1 }
            list.insert(e, at: i)
        }
        let chunkSize = max(512, (context.studentCount + 15) / 16)
        let parts = forEachStudentChunk(context.studentCount, chunkSize: chunkSize) { students in
            var mentors: [Int32] = [], fits: [Int32] = [], counts: [Int] = []
            var mentorTop = [[Entry]](repeating: [], count: r > 0 ? mentorCount : 0)
            var top: [Entry] = []
            top.reserveCapacity(k + 1)
            for s in students {
                top.removeAll(keepingCapacity: true)
                var current: (mentor: Int, fit: Int)?
                if case .locked = context.roles[s] { counts.append(0); continue }
                let cur = context.currentMentor[s]
                source.forEachCandidate(of: s) { m, fit in
                    if m == cur { current = (m, fit) }
                    let terms = context.pairTerms(student: s, mentor: m, fit: fit)
                    let w = estimate?.key(weight: terms.weight, isArrival: terms.isArrival, mentor: m)
                        ?? Double(terms.weight)
                    offer((w, m, fit), into: &top, limit: k)
                    if r > 0 { offer((Double(terms.weight), s, fit), into: &mentorTop[m], limit: r) }
                }
                var chosen = top.map { (mentor: $0.index, fit: $0.fit) }
                if let current, !chosen.contains(where: { $0.mentor == current.mentor }) { chosen.append(current) }
                chosen.sort { $0.mentor < $1.mentor }
                for c in chosen { mentors.append(Int32(c.mentor)); fits.append(Int32(c.fit)) }
                counts.append(chosen.count)
            }
            return (mentors: mentors, fits: fits, counts: counts, mentorTop: mentorTop)
        }
        let table = CandidateTable(joining: parts.map { ($0.mentors, $0.fits, $0.counts) })
        guard r > 0 else { return table }
        // Each mentor's best r over all chunks; those not already in the students' lists are added.
        var extra: [(student: Int, mentor: Int32, fit: Int32)] = []
        for m in 0..<mentorCount {
            var best: [Entry] = []
            for part in parts { for e in part.mentorTop[m] { offer(e, into: &best, limit: r) } }
            for e in best where !table.contains(student: e.index, mentor: Int32(m)) {
                extra.append((e.index, Int32(m), Int32(e.fit)))
            }
        }
        extra.sort { ($0.student, $0.mentor) < ($1.student, $1.mentor) }
        return table.adding([extra])
    }

    /// Whether (student, mentor) is in the table.
    func contains(student s: Int, mentor m: Int32) -> Bool { position(student: s, mentor: m) != nil }

    /// The index of pair (student, mentor) in ``mentor`` and ``fit`` (binary search), if it is in the table.
    func position(student s: Int, mentor m: Int32) -> Int? {
        var lo = start[s], hi = start[s + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentor[mid] == m { return mid }
            if mentor[mid] < m { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The table with `added` pairs (per chunk: (student, mentor, fit), students ascending) merged in.
    func adding(_ added: [[(student: Int, mentor: Int32, fit: Int32)]]) -> CandidateTable {
        var start = [0], mentor: [Int32] = [], fit: [Int32] = []
        let extra = added.reduce(0) { $0 + $1.count }
        start.reserveCapacity(self.start.count)
        mentor.reserveCapacity(pairCount + extra)
        fit.reserveCapacity(pairCount + extra)
        var pending = added.joined().makeIterator()
        var next = pending.next()
        for s in 0..<(self.start.count - 1) {
            var i = self.start[s]
            let end = self.start[s + 1]
            while let n = next, n.student == s {
                while i < end && self.mentor[i] < n.mentor { mentor.append(self.mentor[i]); fit.append(self.fit[i]); i += 1 }
                mentor.append(n.mentor); fit.append(n.fit)
                next = pending.next()
            }
            while i < end { mentor.append(self.mentor[i]); fit.append(self.fit[i]); i += 1 }
            start.append(mentor.count)
        }
        return CandidateTable(start: start, mentor: mentor, fit: fit)
    }

    /// Concatenates per-chunk parts (mentors, fits, count per student).
    init(joining parts: [(mentors: [Int32], fits: [Int32], counts: [Int])]) {
        var start = [0], mentor: [Int32] = [], fit: [Int32] = []
        let total = parts.reduce(0) { $0 + $1.mentors.count }
        mentor.reserveCapacity(total)
        fit.reserveCapacity(total)
        for part in parts {
            for count in part.counts { start.append(start[start.count - 1] + count) }
            mentor.append(contentsOf: part.mentors)
            fit.append(contentsOf: part.fits)
        }
        self.init(start: start, mentor: mentor, fit: fit)
    }
}
