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
        let total = parts.reduce(0) { $0 + $1.mentors.count }
        start.reserveCapacity(n + 1)
        mentor.reserveCapacity(total)
        fit.reserveCapacity(total)
        for c in parts.indices {
            for count in parts[c].counts { start.append(start[start.count - 1] + count) }
            mentor.append(contentsOf: parts[c].mentors)
            fit.append(contentsOf: parts[c].fits)
            parts[c] = ([], [], [])  // freed as it goes: the table is never held twice
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

    /// Calls `body(mentor, fit)` for each candidate of `student`, in mentor order (as
    /// ``MatchingContext/forEachCandidate(of:_:)`` does, without recomputing the fits).
    @inline(__always)
    public func forEachCandidate(of student: Int, _ body: (Int, Int) -> Void) {
        mentor.withUnsafeBufferPointer { mentor in
            fit.withUnsafeBufferPointer { fit in
                for i in start[student] ..< start[student + 1] { body(Int(mentor[i]), Int(fit[i])) }
            }
        }
    }

    /// Total number of candidate pairs.
    public var pairCount: Int { mentor.count }
}
