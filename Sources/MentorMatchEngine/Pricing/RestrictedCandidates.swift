/// Subsets of a context's candidate pairs, built by streaming the pairs (fit computed on the fly),
/// never holding the whole pair table.
extension CandidateTable {
    /// Each student's `limit` best pairs by objective weight (ties: lower mentor index), plus the pair
    /// with its current mentor when that is a candidate. Locked students get none (the encoder gives
    /// them their lock).
    static func best(_ limit: Int, of context: MatchingContext) -> CandidateTable {
        let k = max(1, limit)
        let parts = forEachStudentChunk(context.studentCount) { students in
            var mentors: [Int32] = [], fits: [Int32] = [], counts: [Int] = []
            // The best k so far, worst last: (weight, mentor, fit).
            var top: [(weight: Int, mentor: Int, fit: Int)] = []
            top.reserveCapacity(k + 1)
            for s in students {
                top.removeAll(keepingCapacity: true)
                var current: (mentor: Int, fit: Int)?
                if case .locked = context.roles[s] { counts.append(0); continue }
                let cur = context.currentMentor[s]
                context.forEachCandidate(of: s) { m, fit in
                    if m == cur { current = (m, fit) }
                    let w = context.pairTerms(student: s, mentor: m, fit: fit).weight
                    if top.count == k {
                        let worst = top[k - 1]
                        if w < worst.weight || (w == worst.weight && m > worst.mentor) { return }
                        top.removeLast()
                    }
                    var i = top.count
                    while i > 0 && (top[i - 1].weight < w || (top[i - 1].weight == w && top[i - 1].mentor > m)) { i -= 1 }
                    top.insert((w, m, fit), at: i)
                }
                var chosen = top.map { (mentor: $0.mentor, fit: $0.fit) }
                if let current, !chosen.contains(where: { $0.mentor == current.mentor }) { chosen.append(current) }
                chosen.sort { $0.mentor < $1.mentor }
                for c in chosen { mentors.append(Int32(c.mentor)); fits.append(Int32(c.fit)) }
                counts.append(chosen.count)
            }
            return (mentors, fits, counts)
        }
        return CandidateTable(joining: parts)
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
