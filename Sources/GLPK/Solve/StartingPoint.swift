import CGLPK
import MIPModel

/// A feasible point of a ``Model`` turned into what GLPK can start from: a simplex
/// basis and, for branch and cut, a first incumbent.
///
/// The basis follows glpk-facts.md: columns off their lower bound (for an
/// assignment, the current pairs at 1) are basic, the slack of every inequality
/// row is basic, equality rows are nonbasic. If that does not give exactly one
/// basic variable per row the point yields no basis; if the basis is singular
/// GLPK says so in `glp_warm_up` and the solve falls back to its default.
struct StartingPoint {
    /// The point (indexed like the model's variables).
    var values: [Double]
    var objective: Double
    /// Basis statuses (`GLP_BS`, `GLP_NL`, …) of rows and columns, when the point gives a valid count.
    var rowStatus: [Int32]?
    var columnStatus: [Int32]?

    static let tolerance = 1e-6

    /// `nil` when `values` is not a feasible point of the model.
    init?(_ values: [Double], model: Model, arrays: ModelArrays) {
        guard values.count == model.variables.count, values.allSatisfy(\.isFinite) else { return nil }
        for (j, v) in values.enumerated() {
            let (type, lower, upper) = (arrays.columnType[j], arrays.columnLower[j], arrays.columnUpper[j])
            guard Self.within(v, type: type, lower: lower, upper: upper) else { return nil }
            if arrays.columnKind[j] == GLP_IV, abs(v - v.rounded()) > Self.tolerance { return nil }
        }
        var activity = [Double](repeating: 0, count: model.constraints.count)
        for (i, c) in model.constraints.enumerated() {
            var sum = 0.0
            for t in c.terms { sum += t.coefficient * values[t.variable.index] }
            activity[i] = sum
            guard Self.within(sum, type: arrays.rowType[i], lower: arrays.rowLower[i], upper: arrays.rowUpper[i]) else { return nil }
        }
        self.values = values
        self.objective = model.objectiveValue(of: values)
        (rowStatus, columnStatus) = Self.basis(values, model: model, arrays: arrays)
    }

    private static func within(_ v: Double, type: Int32, lower: Double, upper: Double) -> Bool {
        let hasLower = type == GLP_LO || type == GLP_DB || type == GLP_FX
        let hasUpper = type == GLP_UP || type == GLP_DB || type == GLP_FX
        if hasLower, v < lower - tolerance * max(1, abs(lower)) { return false }
        if hasUpper, v > upper + tolerance * max(1, abs(upper)) { return false }
        return true
    }

    private static func near(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance * max(1, abs(b)) }

    private static func basis(_ values: [Double], model: Model, arrays: ModelArrays) -> ([Int32]?, [Int32]?) {
        let rows = model.constraints.count
        var basic = 0
        var columnStatus = [Int32](repeating: GLP_BS, count: values.count)
        for (j, v) in values.enumerated() {
            let (type, lower, upper) = (arrays.columnType[j], arrays.columnLower[j], arrays.columnUpper[j])
            switch type {
            case GLP_FX where v == 0: columnStatus[j] = GLP_NS
            case GLP_LO, GLP_DB: if near(v, lower) { columnStatus[j] = GLP_NL }
            case GLP_UP: if near(v, upper) { columnStatus[j] = GLP_NU }
            case GLP_FR: if v == 0 { columnStatus[j] = GLP_NF }
            default: break
            }
            if columnStatus[j] == GLP_BS { basic += 1 }
        }
        var rowStatus = [Int32](repeating: GLP_BS, count: rows)
        var uncovered: [Int] = [], covered: [Int] = []
        for i in 0..<rows {
            guard arrays.rowType[i] == GLP_FX else { basic += 1; continue }
            rowStatus[i] = GLP_NS
            let hasBasicColumn = model.constraints[i].terms.contains { columnStatus[$0.variable.index] == GLP_BS }
            if hasBasicColumn { covered.append(i) } else { uncovered.append(i) }
        }
        // Too few basic variables: equality rows without a basic column get a (degenerate) basic slack first.
        for i in uncovered + covered where basic < rows {
            rowStatus[i] = GLP_BS
            basic += 1
        }
        guard basic == rows else { return (nil, nil) }
        return (rowStatus, columnStatus)
    }
}
