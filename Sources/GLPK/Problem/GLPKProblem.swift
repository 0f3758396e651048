import CGLPK
import CGLPKGuard
import MIPModel

/// A GLPK problem object (`glp_prob`), owned by this value.
///
/// GLPK keeps its state per thread: a problem is created, used and freed on one
/// thread. Every method checks that it runs on the creating thread and that no
/// fatal GLPK error has since freed that thread's environment (which frees the
/// problem with it); `deinit` frees the problem only when both hold. See
/// <doc:ThreadingAndErrors>.
public final class GLPKProblem {
    let pointer: OpaquePointer
    let binding: ThreadBinding

    /// Creates an empty problem on the current thread.
    public init(name: String? = nil) throws(GLPKError) {
        var created: OpaquePointer?
        try guarded("glp_create_prob") { mm_glp_create_prob(&created) }
        guard let created else { throw .invalidArgument("glp_create_prob returned no problem") }
        pointer = created
        binding = ThreadBinding()
        if let name { try setName(name) }
    }

    deinit {
        if binding.isAlive { _ = mm_glp_delete_prob(pointer) }
    }

    /// Checks the thread and the environment, then runs one guarded wrapper on the problem.
    func call(_ operation: StaticString, _ wrapper: (OpaquePointer) -> Int32) throws(GLPKError) {
        try binding.check()
        try guarded(operation) { wrapper(pointer) }
    }

    /// Reads one value through a guarded wrapper.
    func read<T>(_ operation: StaticString, initial: T, _ wrapper: (OpaquePointer, UnsafeMutablePointer<T>) -> Int32) throws(GLPKError) -> T {
        var value = initial
        try call(operation) { wrapper($0, &value) }
        return value
    }

    public func setName(_ name: String) throws(GLPKError) {
        try GLPKName.check(name)
        try call("glp_set_prob_name") { p in name.withCString { mm_glp_set_prob_name(p, $0) } }
    }

    public var rowCount: Int {
        get throws(GLPKError) { Int(try read("glp_get_num_rows", initial: Int32(0), mm_glp_get_num_rows)) }
    }

    public var columnCount: Int {
        get throws(GLPKError) { Int(try read("glp_get_num_cols", initial: Int32(0), mm_glp_get_num_cols)) }
    }

    /// Number of integer (and binary) columns.
    public var integerColumnCount: Int {
        get throws(GLPKError) { Int(try read("glp_get_num_int", initial: Int32(0), mm_glp_get_num_int)) }
    }

    /// Minimise or maximise. (Free MPS files carry no sense: GLPK reads them as minimisation.)
    public var objectiveSense: ObjectiveSense {
        get throws(GLPKError) { try read("glp_get_obj_dir", initial: Int32(0), mm_glp_get_obj_dir) == GLP_MAX ? .maximize : .minimize }
    }

    public func setObjectiveSense(_ sense: ObjectiveSense) throws(GLPKError) {
        try call("glp_set_obj_dir") { mm_glp_set_obj_dir($0, sense == .maximize ? GLP_MAX : GLP_MIN) }
    }

    /// The objective's constant term. (GLPK's CPLEX LP writer does not keep it.)
    public var objectiveConstant: Double {
        get throws(GLPKError) { try read("glp_get_obj_coef", initial: 0.0) { mm_glp_get_obj_coef($0, 0, $1) } }
    }

    public func setObjectiveConstant(_ constant: Double) throws(GLPKError) {
        guard constant.isFinite else { throw .invalidArgument("objective constant \(constant) is not finite") }
        try call("glp_set_obj_coef") { mm_glp_set_obj_coef($0, 0, constant) }
    }

    /// Adds `count` (> 0) rows; returns the 1-based index of the first.
    @discardableResult
    public func addRows(_ count: Int) throws(GLPKError) -> Int {
        guard count > 0, count < Int(Int32.max) else { throw .invalidArgument("row count \(count) must be positive") }
        return Int(try read("glp_add_rows", initial: Int32(0)) { mm_glp_add_rows($0, Int32(count), $1) })
    }

    /// Adds `count` (> 0) columns; returns the 1-based index of the first.
    @discardableResult
    public func addColumns(_ count: Int) throws(GLPKError) -> Int {
        guard count > 0, count < Int(Int32.max) else { throw .invalidArgument("column count \(count) must be positive") }
        return Int(try read("glp_add_cols", initial: Int32(0)) { mm_glp_add_cols($0, Int32(count), $1) })
    }

    /// The name of row `i` (1-based), `nil` when it has none.
    public func rowName(_ i: Int) throws(GLPKError) -> String? {
        try checkIndex(i, count: try rowCount, what: "row")
        let name = try read("glp_get_row_name", initial: UnsafePointer<CChar>?.none) { mm_glp_get_row_name($0, Int32(i), $1) }
        return name.map { String(cString: $0) }
    }

    /// The name of column `j` (1-based), `nil` when it has none.
    public func columnName(_ j: Int) throws(GLPKError) -> String? {
        try checkIndex(j, count: try columnCount, what: "column")
        let name = try read("glp_get_col_name", initial: UnsafePointer<CChar>?.none) { mm_glp_get_col_name($0, Int32(j), $1) }
        return name.map { String(cString: $0) }
    }

    /// The names of all columns in order (`nil` for unnamed ones).
    public func columnNames() throws(GLPKError) -> [String?] {
        let n = try columnCount
        var names: [String?] = []
        names.reserveCapacity(n)
        for j in stride(from: 1, through: n, by: 1) { names.append(try columnName(j)) }
        return names
    }

    func checkIndex(_ index: Int, count: Int, what: String) throws(GLPKError) {
        guard index >= 1, index <= count else {
            throw .invalidArgument("\(what) index \(index) is outside 1...\(count)")
        }
    }
}

/// GLPK has no Swift concurrency story: a problem must stay on its thread.
@available(*, unavailable)
extension GLPKProblem: Sendable {}

/// GLPK's rule for names (`glp_set_*_name` aborts otherwise).
enum GLPKName {
    static func check(_ name: String) throws(GLPKError) {
        guard name.utf8.count <= 255 else { throw .invalidArgument("name longer than 255 bytes") }
        guard !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw .invalidArgument("name contains a control character")
        }
    }
}
