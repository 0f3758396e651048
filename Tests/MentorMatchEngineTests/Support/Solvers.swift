import GLPK
import MentorMatchEngine

/// The solvers every hand-made optimum is checked with.
enum SolverKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case exhaustive
    case glpk
    case flow

    var solver: any AssignmentSolver {
        switch self {
        case .exhaustive: return ExhaustiveSolver()
        case .glpk: return MIPAssignmentSolver(backend: GLPKBackend())
        case .flow: return FlowAssignmentSolver()
        }
    }

    var description: String { rawValue }
}
