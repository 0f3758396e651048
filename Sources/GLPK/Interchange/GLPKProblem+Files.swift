import CGLPK
import CGLPKGuard
import MIPModel
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file format GLPK reads and writes.
public enum GLPKFileFormat: Sendable, Equatable {
    /// CPLEX LP (`glp_write_lp` / `glp_read_lp`).
    case cplexLP
    /// Free (modern) MPS (`GLP_MPS_FILE`).
    case freeMPS
}

extension GLPKProblem {
    /// Writes the problem. The file appears complete or not at all: GLPK writes a
    /// temporary file next to it, which is then renamed.
    ///
    /// What GLPK does not keep: in CPLEX LP the objective constant (written as a
    /// comment only); in free MPS the objective sense (read back as minimisation;
    /// the constant is kept as the objective row's RHS, with GLPK's sign: +constant).
    /// Set them again after reading.
    public func write(_ format: GLPKFileFormat, to path: String) throws(GLPKError) {
        let temporary = TemporaryPath.next(beside: path)
        let code: Int32 = try withCString(temporary) { (name) throws(GLPKError) in
            switch format {
            case .cplexLP: return try read("glp_write_lp", initial: Int32(0)) { mm_glp_write_lp($0, name, $1) }
            case .freeMPS: return try read("glp_write_mps", initial: Int32(0)) { mm_glp_write_mps($0, GLP_MPS_FILE, name, $1) }
            }
        }
        guard code == 0 else {
            unlink(temporary)
            throw .io(operation: "write", path: path, message: lastGLPKOutput())
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .io(operation: "rename", path: path, message: reason)
        }
    }

    /// Reads a problem from a file, on the current thread.
    public static func read(_ format: GLPKFileFormat, from path: String) throws(GLPKError) -> GLPKProblem {
        let problem = try GLPKProblem()
        let code: Int32 = try withCString(path) { (name) throws(GLPKError) in
            switch format {
            case .cplexLP: return try problem.read("glp_read_lp", initial: Int32(0)) { mm_glp_read_lp($0, name, $1) }
            case .freeMPS: return try problem.read("glp_read_mps", initial: Int32(0)) { mm_glp_read_mps($0, GLP_MPS_FILE, name, $1) }
            }
        }
        guard code == 0 else { throw .io(operation: "read", path: path, message: lastGLPKOutput()) }
        return problem
    }
}

extension Model {
    /// Writes the model through GLPK's writers (names must be unique and valid GLPK names).
    /// The objective constant (LP) and the sense (free MPS) are not kept: see ``GLPK/GLPKProblem/write(_:to:)``.
    public func write(_ format: GLPKFileFormat, to path: String) throws(GLPKError) {
        try Self.checkUnique(variables.map(\.name), what: "variable")
        try Self.checkUnique(constraints.map(\.name), what: "constraint")
        try GLPKProblem(model: self, names: true).write(format, to: path)
    }

    private static func checkUnique(_ names: [String], what: String) throws(GLPKError) {
        var seen = Set<String>()
        for name in names {
            guard !name.isEmpty else { throw .invalidArgument("a \(what) has no name") }
            guard seen.insert(name).inserted else { throw .invalidArgument("two \(what)s are named \(name)") }
        }
    }
}

/// A fresh temporary name in the directory of the final file (so `rename` stays on one file system).
enum TemporaryPath {
    private static let counter = Atomic<Int>(0)

    /// `$TMPDIR`, or `/tmp`.
    static var directory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    static func next(beside path: String) -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return "\(path).tmp-\(getpid())-\(n)"
    }
}

/// `String.withCString` for a body with typed throws.
func withCString<T>(_ string: String, _ body: (UnsafePointer<CChar>) throws(GLPKError) -> T) throws(GLPKError) -> T {
    let bytes = Array(string.utf8CString)
    return try bytes.withUnsafeBufferPointer { (buffer) throws(GLPKError) in try body(buffer.baseAddress!) }
}

/// Reads a small text file.
enum TextFile {
    static func lines(at path: String) throws(GLPKError) -> [String] {
        guard let file = fopen(path, "r") else {
            throw .io(operation: "read", path: path, message: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
