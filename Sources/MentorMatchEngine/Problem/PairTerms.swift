/// The objective terms of a pair (matching-model §5): the one formula the encoder, the price estimate, pricing
/// and the dual repair share.
extension MatchingContext {
    /// Weight p[s]·fit, less moveCost when the pair is a voluntary move, and whether it is a move and an arrival
    /// (m ≠ cur(s)). A locked student is never voluntary, so its lock pair gets p[s]·fit and no move.
    @inline(__always)
    func pairTerms(student s: Int, mentor m: Int, fit: Int) -> (weight: Int, isMove: Bool, isArrival: Bool) {
        let cur = currentMentor[s]
        let isMove = roles[s] == .voluntary && m != cur
        return (priority[s] * fit - (isMove ? policy.moveCost : 0), isMove, m != cur)
    }
}
