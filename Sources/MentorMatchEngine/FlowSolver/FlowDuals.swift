/// A dual solution of the flow network at one move price λ = `priceNumerator / priceDenominator`,
/// in the solver's integer cost units: an arc of profit P costs `−denominator·P + numerator·isMove`.
///
/// The sink's potential is 0. A candidate pair (s, m) not in the solved network can only improve the
/// optimum at λ when its cost minus the potential of its head (the mentor, or its arrival node for an
/// arrival) is below `studentValue[s]`; when no pair is, the flow is optimal for the full pair set too
/// (LP duality of the network), and so is the Lagrangian bound at λ.
public struct FlowDuals: Sendable, Equatable {
    public var priceNumerator: Int
    public var priceDenominator: Int
    /// Cost minus head potential of each student's choice (0 when unassigned); never positive.
    public var studentValue: [Int]
    public var mentorPotential: [Int]
    public var arrivalPotential: [Int]

    /// Whether the pair (student, mentor) of this profit (weight + unassignedCost) has a negative reduced
    /// cost: adding it to the network could raise the optimum at this price.
    @inlinable
    public func prices(student: Int, mentor: Int, profit: Int, isMove: Bool, isArrival: Bool) -> Bool {
        violation(student: student, mentor: mentor, profit: profit, isMove: isMove, isArrival: isArrival) > 0
    }

    /// How far the pair's reduced cost is below zero (≤ 0 when it cannot improve the optimum at this price).
    @inlinable
    public func violation(student: Int, mentor: Int, profit: Int, isMove: Bool, isArrival: Bool) -> Int {
        let cost = -priceDenominator * profit + (isMove ? priceNumerator : 0)
        let head = isArrival ? arrivalPotential[mentor] : mentorPotential[mentor]
        return studentValue[student] - (cost - head)
    }
}
