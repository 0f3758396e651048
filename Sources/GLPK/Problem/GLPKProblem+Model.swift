import CGLPK
import CGLPKGuard
import MIPModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GLPKProblem {
    /// Creates a problem holding `model`, loaded in one pass (`glp_load_matrix`).
    /// Columns and rows keep the model's order (column j + 1 is `model.variables[j]`).
    /// - Parameters:
    ///   - model: The model; it is validated first (``GLPKError/invalidModel(_:)``).
    ///   - names: Give rows and columns the model's names (needed for files;
    ///     a solve does without, which is faster).
    public convenience init(model: Model, names: Bool = true) throws(GLPKError) {
        try self.init(model: model, arrays: try ModelArrays(model), names: names)
    }

    convenience init(model: Model, arrays: ModelArrays, names: Bool) throws(GLPKError) {
        if names {
            try GLPKName.check(model.name)
            for v in model.variables { try GLPKName.check(v.name) }
            for c in model.constraints { try GLPKName.check(c.name) }
        }
        try self.init(name: names ? model.name : nil)
        let rowNames = names ? CStringArray(model.constraints.map(\.name)) : nil
        let columnNames = names ? CStringArray(model.variables.map(\.name)) : nil
        defer { rowNames?.free(); columnNames?.free() }
        try call("mm_glpk_load_model") { p in
            arrays.rowType.withUnsafeBufferPointer { rowType in
            arrays.rowLower.withUnsafeBufferPointer { rowLower in
            arrays.rowUpper.withUnsafeBufferPointer { rowUpper in
            arrays.columnType.withUnsafeBufferPointer { columnType in
            arrays.columnLower.withUnsafeBufferPointer { columnLower in
            arrays.columnUpper.withUnsafeBufferPointer { columnUpper in
            arrays.columnKind.withUnsafeBufferPointer { columnKind in
            arrays.objective.withUnsafeBufferPointer { objective in
            arrays.ia.withUnsafeBufferPointer { ia in
            arrays.ja.withUnsafeBufferPointer { ja in
            arrays.ar.withUnsafeBufferPointer { ar in
                var layout = mm_glpk_model(
                    rows: Int32(arrays.rowType.count), columns: Int32(arrays.columnType.count),
                    row_type: rowType.baseAddress, row_lb: rowLower.baseAddress, row_ub: rowUpper.baseAddress,
                    col_type: columnType.baseAddress, col_lb: columnLower.baseAddress, col_ub: columnUpper.baseAddress,
                    col_kind: columnKind.baseAddress, objective: objective.baseAddress,
                    objective_constant: model.objectiveConstant,
                    direction: model.sense == .minimize ? GLP_MIN : GLP_MAX,
                    ne: Int32(arrays.ia.count - 1), ia: ia.baseAddress, ja: ja.baseAddress, ar: ar.baseAddress,
                    row_names: rowNames?.pointer, col_names: columnNames?.pointer)
                return mm_glpk_load_model(p, &layout)
            }}}}}}}}}}}
        }
    }
}

/// C strings for a `const char *const *` argument; `free()` releases them.
struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: max(count, 1))
        for (i, s) in strings.enumerated() {
            pointer[i] = s.isEmpty ? nil : UnsafePointer(strdup(s))
        }
    }

    func free() {
        for i in 0..<count { Glibc.free(UnsafeMutableRawPointer(mutating: pointer[i])) }
        pointer.deallocate()
    }
}
