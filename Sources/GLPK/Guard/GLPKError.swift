import MIPModel

/// Why a GLPK operation did not happen. Solver outcomes (infeasible, time limit, …)
/// are not errors: they are a `SolveStatus`.
public enum GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// GLPK hit a fatal error (`glp_error`) and was recovered by the guard. The
    /// thread's GLPK environment was freed: every problem made on it before is dead.
    case fatal(operation: String, message: String)
    /// The problem belonged to a GLPK environment a fatal error has since freed.
    case deadProblem
    /// The problem was used on a thread other than the one that created it.
    case wrongThread
    /// A GLPK call was made while another was running on the same thread (from a callback).
    case reentrantCall(operation: String)
    /// An argument was refused in Swift before it reached GLPK.
    case invalidArgument(String)
    /// The model failed ``MIPModel/Model/validate()``.
    case invalidModel(ModelError)
    /// A GLPK routine returned a failure code.
    case failed(operation: String, code: GLPKReturnCode, message: String)
    /// Reading or writing a file failed.
    case io(operation: String, path: String, message: String)
    /// A step of a GNU MathProg translation failed.
    case mathProg(step: String, message: String)

    public var description: String {
        switch self {
        case .fatal(let op, let message): return "GLPK fatal error in \(op): \(message)"
        case .deadProblem: return "the GLPK problem was freed by an earlier fatal error on its thread"
        case .wrongThread: return "a GLPK problem was used on a thread other than the one that created it"
        case .reentrantCall(let op): return "\(op) was called while another GLPK call was running on this thread"
        case .invalidArgument(let why): return "invalid argument: \(why)"
        case .invalidModel(let error): return "invalid model: \(error)"
        case .failed(let op, let code, let message): return "\(op) failed: \(code)\(message.isEmpty ? "" : ": \(message)")"
        case .io(let op, let path, let message): return "\(op) \(path): \(message)"
        case .mathProg(let step, let message): return "MathProg \(step): \(message)"
        }
    }
}
