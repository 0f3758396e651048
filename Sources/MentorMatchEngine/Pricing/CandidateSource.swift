/// Where pricing reads every candidate pair from: the context itself (fits computed on the fly, no memory)
/// or a ``CandidateTable`` computed once (8 bytes a pair, and each later pass is a plain scan).
protocol CandidateSource: Sendable {
    /// Calls `body(mentor, fit)` for each candidate of `student`, in mentor order.
    func forEachCandidate(of student: Int, _ body: (Int, Int) -> Void)
}

extension MatchingContext: CandidateSource {}
extension CandidateTable: CandidateSource {}

extension MatchingContext {
    /// An upper bound on the number of candidate pairs, without computing any: Σ over students of the
    /// active mentors sharing their path and language.
    var candidatePairBound: Int {
        (0..<studentCount).reduce(0) { $0 + (candidatePool(of: $1)?.count ?? 0) }
    }
}
