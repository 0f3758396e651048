/// The objective terms of a candidate pair, as ``EncodedProblem`` computes them (matching-model §5).
extension MatchingContext {
    /// Weight p[s]·fit, less moveCost when the pair is a voluntary move, and whether it is a move and an arrival.
    @inline(__always)
    func pairTerms(student s: Int, mentor m: Int, fit: Int) -> (weight: Int, isMove: Bool, isArrival: Bool) {
        let cur = currentMentor[s]
        let isMove = roles[s] == .voluntary && m != cur
        return (priority[s] * fit - (isMove ? policy.moveCost : 0), isMove, m != cur)
    }
}
