import Dispatch

/// Every student's candidate mentors and fits, computed once for a snapshot.
///
/// Stored compactly (mentor and fit only; the parts are recomputed on demand with
/// ``MatchingContext/score(student:mentor:)``) so that 100,000 students × 10,000
/// mentors fit in memory. Students are processed in parallel; the table does not
/// depend on the number of threads.
public struct CandidateTable: Sendable {
    /// Candidates of student s are `mentor[start[s] ..< start[s+1]]`, in mentor order.
    public let start: [Int]
    public let mentor: [Int32]
    public let fit: [Int32]

    public init(_ context: MatchingContext) {
        let n = context.studentCount
        let chunkSize = 512
        let chunks = (n + chunkSize - 1) / chunkSize
        typealias Part = (mentors: [Int32], fits: [Int32], counts: [Int])
        let parts = UnsafeMutableBufferPointer<Part>.allocate(capacity: chunks)
        parts.initialize(repeating: ([], [], []))
        defer { parts.deinitialize(); parts.deallocate() }
        nonisolated(unsafe) let shared = parts  // each iteration writes its own element
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            var mentors: [Int32] = [], fits: [Int32] = [], counts: [Int] = []
            for s in (c * chunkSize)..<min(n, (c + 1) * chunkSize) {
                let before = mentors.count
                context.forEachCandidate(of: s) { m, fit in
                    mentors.append(Int32(m))
                    fits.append(Int32(fit))
                }
                counts.append(mentors.count - before)
            }
            shared[c] = (mentors, fits, counts)
        }
        var start = [0], mentor: [Int32] = [], fit: [Int32] = []
        start.reserveCapacity(n + 1)
        for part in parts {
            for count in part.counts { start.append(start[start.count - 1] + count) }
            mentor.append(contentsOf: part.mentors)
            fit.append(contentsOf: part.fits)
        }
        self.start = start
        self.mentor = mentor
        self.fit = fit
    }

    /// A table from its arrays (each student's candidates in mentor order), e.g. a restricted subset.
    init(start: [Int], mentor: [Int32], fit: [Int32]) {
        self.start = start
        self.mentor = mentor
        self.fit = fit
    }

    /// Positions of student s's candidates.
    public func range(of student: Int) -> Range<Int> { start[student]..<start[student + 1] }

    /// Total number of candidate pairs.
    public var pairCount: Int { mentor.count }
}
