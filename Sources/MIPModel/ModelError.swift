/// Why a ``Model`` cannot be handed to a solver. Checked in Swift before any C call.
public enum ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case nonFiniteCoefficient(where: String)
    case variableOutOfRange(constraint: String, index: Int)
    case duplicateTerm(constraint: String, variable: String)
    case crossedBounds(where: String, lower: Double, upper: Double)

    public var description: String {
        switch self {
        case .empty: return "the model has no variables"
        case .nonFiniteCoefficient(let w): return "non-finite number in \(w)"
        case .variableOutOfRange(let c, let i): return "constraint \(c) names variable #\(i), which does not exist"
        case .duplicateTerm(let c, let v): return "constraint \(c) names variable \(v) twice"
        case .crossedBounds(let w, let l, let u): return "\(w) has lower bound \(l) above upper bound \(u)"
        }
    }
}

extension Model {
    /// Checks everything a solver would otherwise abort on: indices, non-finite
    /// numbers, duplicate entries, crossed bounds, an empty model.
    public func validate() throws(ModelError) {
        if variables.isEmpty { throw .empty }
        for v in variables {
            if let l = v.lowerBound, !l.isFinite { throw .nonFiniteCoefficient(where: "lower bound of \(v.name)") }
            if let u = v.upperBound, !u.isFinite { throw .nonFiniteCoefficient(where: "upper bound of \(v.name)") }
            if let l = v.lowerBound, let u = v.upperBound, l > u { throw .crossedBounds(where: v.name, lower: l, upper: u) }
        }
        for (i, c) in objective.enumerated() where !c.isFinite {
            throw .nonFiniteCoefficient(where: "objective coefficient of \(variables[i].name)")
        }
        if !objectiveConstant.isFinite { throw .nonFiniteCoefficient(where: "objective constant") }
        var seen = [Int: Int]()  // variable index → last constraint index that used it
        for (ci, c) in constraints.enumerated() {
            if let l = c.lowerBound, !l.isFinite { throw .nonFiniteCoefficient(where: "lower bound of \(c.name)") }
            if let u = c.upperBound, !u.isFinite { throw .nonFiniteCoefficient(where: "upper bound of \(c.name)") }
            if let l = c.lowerBound, let u = c.upperBound, l > u { throw .crossedBounds(where: c.name, lower: l, upper: u) }
            for t in c.terms {
                guard t.variable.index >= 0, t.variable.index < variables.count else {
                    throw .variableOutOfRange(constraint: c.name, index: t.variable.index)
                }
                guard t.coefficient.isFinite else {
                    throw .nonFiniteCoefficient(where: "constraint \(c.name)")
                }
                if seen[t.variable.index] == ci {
                    throw .duplicateTerm(constraint: c.name, variable: variables[t.variable.index].name)
                }
                seen[t.variable.index] = ci
            }
        }
    }
}
