import CGLPK
import MIPModel

/// A ``Model`` laid out as the arrays GLPK loads in one pass (`mm_glpk_load_model`).
struct ModelArrays {
    var rowType: [Int32] = [], rowLower: [Double] = [], rowUpper: [Double] = []
    var columnType: [Int32] = [], columnLower: [Double] = [], columnUpper: [Double] = []
    var columnKind: [Int32] = [], objective: [Double] = []
    /// 1-based matrix triplets (element 0 unused), as `glp_load_matrix` wants them.
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    /// An integer column whose bounds, rounded inwards, contain no integer: the model is infeasible.
    var hasEmptyIntegerDomain = false

    /// Validates the model, then lays it out. Integer bounds are rounded inwards
    /// (`glp_intopt` refuses fractional bounds on integer columns).
    init(_ model: Model) throws(GLPKError) {
        do { try model.validate() } catch { throw .invalidModel(error) }
        let rows = model.constraints.count, columns = model.variables.count
        guard rows < Int(Int32.max), columns < Int(Int32.max) else {
            throw .invalidArgument("GLPK takes at most \(Int32.max - 1) rows and columns")
        }
        rowType.reserveCapacity(rows); rowLower.reserveCapacity(rows); rowUpper.reserveCapacity(rows)
        var nonzeros = 0
        for c in model.constraints {
            let (type, lower, upper) = Self.bounds(c.lowerBound, c.upperBound)
            rowType.append(type); rowLower.append(lower); rowUpper.append(upper)
            nonzeros += c.terms.count
        }
        guard nonzeros < Int(Int32.max) else { throw .invalidArgument("too many nonzeros for GLPK") }
        columnType.reserveCapacity(columns); columnLower.reserveCapacity(columns)
        columnUpper.reserveCapacity(columns); columnKind.reserveCapacity(columns)
        for v in model.variables {
            var lower = v.lowerBound, upper = v.upperBound
            if v.kind != .continuous {
                lower = lower.map { $0.rounded(.up) }
                upper = upper.map { $0.rounded(.down) }
                if let l = lower, let u = upper, l > u { hasEmptyIntegerDomain = true; upper = l }
            }
            let (type, l, u) = Self.bounds(lower, upper)
            columnType.append(type); columnLower.append(l); columnUpper.append(u)
            columnKind.append(v.kind == .continuous ? GLP_CV : GLP_IV)
        }
        objective = model.objective
        ia.reserveCapacity(nonzeros + 1); ja.reserveCapacity(nonzeros + 1); ar.reserveCapacity(nonzeros + 1)
        for (i, c) in model.constraints.enumerated() {
            for t in c.terms where t.coefficient != 0 {
                ia.append(Int32(i + 1)); ja.append(Int32(t.variable.index + 1)); ar.append(t.coefficient)
            }
        }
    }

    /// GLPK's bound type for optional lower and upper bounds.
    static func bounds(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case (let l?, nil): return (GLP_LO, l, 0)
        case (nil, let u?): return (GLP_UP, 0, u)
        case (let l?, let u?): return (l == u ? GLP_FX : GLP_DB, l, u)
        }
    }
}
