import CGLPK
import CGLPKGuard
import MIPModel
#if canImport(Glibc)
import Glibc
#endif

/// The result of solving a GNU MathProg model, `glpsol`-style.
public struct MathProgResult: Sendable, Equatable {
    public var status: SolveStatus
    public var objective: Double?
    /// Every column in GLPK's order, with its value (0 without a solution).
    public var columns: [Column]
    /// What the model's `display` and `printf` statements printed, line by line.
    public var output: [String]

    public struct Column: Sendable, Equatable {
        public var name: String
        public var value: Double
    }

    /// The value of the column named `name` (e.g. `x[1,2]`).
    public func value(of name: String) -> Double? {
        columns.first { $0.name == name }?.value
    }
}

/// GNU MathProg: translate a model (plus data) with `glp_mpl_*` and solve it.
public enum MathProg {
    /// Reads `modelPath` (and `dataPath`, when given; then a data section in the
    /// model file is skipped, as `glpsol` does), generates, solves and postsolves.
    /// Each translation step's failure is a ``GLPKError/mathProg(step:message:)``
    /// carrying GLPK's message.
    public static func solve(modelPath: String, dataPath: String? = nil, options: SolveOptions = SolveOptions()) throws(GLPKError) -> MathProgResult {
        // display / printf output goes to a file (GLPK's own messages go to the terminal hook).
        let outputPath = TemporaryPath.next(beside: TemporaryPath.directory + "/mathprog-output")
        defer { unlink(outputPath) }
        var result = try solve(modelPath: modelPath, dataPath: dataPath, outputPath: outputPath, options: options)
        result.output = try TextFile.lines(at: outputPath)
        return result
    }

    /// Everything but the display output, which is complete once the translator is freed.
    private static func solve(modelPath: String, dataPath: String?, outputPath: String, options: SolveOptions) throws(GLPKError) -> MathProgResult {
        let translator = try MathProgTranslator()
        defer { translator.free() }
        try withCString(modelPath) { (path) throws(GLPKError) in
            try translator.step("read model") { mm_glp_mpl_read_model($0, path, dataPath == nil ? 0 : 1, $1) }
        }
        if let dataPath {
            try withCString(dataPath) { (path) throws(GLPKError) in
                try translator.step("read data") { mm_glp_mpl_read_data($0, path, $1) }
            }
        }
        try withCString(outputPath) { (path) throws(GLPKError) in
            try translator.step("generate") { mm_glp_mpl_generate($0, path, $1) }
        }
        let problem = try GLPKProblem()
        try translator.check()
        try problem.call("glp_mpl_build_prob") { mm_glp_mpl_build_prob(translator.pointer, $0) }
        let solution = try problem.solve(options)
        let names = try problem.columnNames()
        if solution.status.hasSolution {
            let kind = try problem.integerColumnCount > 0 ? GLP_MIP : GLP_SOL
            let code = try problem.read("glp_mpl_postsolve", initial: Int32(0)) { mm_glp_mpl_postsolve(translator.pointer, $0, kind, $1) }
            guard code == 0 else { throw .mathProg(step: "postsolve", message: lastGLPKOutput()) }
        }
        let columns = names.enumerated().map { j, name in
            MathProgResult.Column(name: name ?? "#\(j + 1)", value: solution.values.isEmpty ? 0 : solution.values[j])
        }
        return MathProgResult(status: solution.status, objective: solution.objective, columns: columns, output: [])
    }
}

/// A MathProg translator workspace (`glp_tran`), bound to its thread like ``GLPKProblem``.
final class MathProgTranslator {
    let pointer: OpaquePointer
    private let binding: ThreadBinding

    init() throws(GLPKError) {
        var created: OpaquePointer?
        try guarded("glp_mpl_alloc_wksp") { mm_glp_mpl_alloc_wksp(&created) }
        guard let created else { throw .mathProg(step: "allocate", message: "no workspace") }
        pointer = created
        binding = ThreadBinding()
    }

    private var isFreed = false

    deinit { free() }

    /// Frees the workspace now (closing its display output file); later steps fail.
    func free() {
        guard !isFreed else { return }
        isFreed = true
        if binding.isAlive { _ = mm_glp_mpl_free_wksp(pointer) }
    }

    func check() throws(GLPKError) {
        guard !isFreed else { throw .mathProg(step: "use", message: "the translator was freed") }
        try binding.check()
    }

    /// Runs one translation step; a nonzero GLPK code becomes an error with GLPK's message.
    func step(_ name: String, _ wrapper: (OpaquePointer, UnsafeMutablePointer<Int32>) -> Int32) throws(GLPKError) {
        try check()
        var code: Int32 = 0
        try guarded("glp_mpl_*") { wrapper(pointer, &code) }
        guard code == 0 else { throw .mathProg(step: name, message: lastGLPKOutput()) }
    }
}
