import ArgumentParser
import MentorMatchEngine

/// Which exact solver runs the §5 program. Both prove the same optimum; the engine's tests check
/// them against each other and against an independent reference.
enum SolverKind: String, CaseIterable, ExpressibleByArgument {
    /// Min-cost flow with a priced move budget (fast; proves optimality by a matching bound).
    case flow
    /// The integer program solved by GLPK's branch and cut, started from the current assignment.
    case mip

    /// Whether the solver calls the progress hook (best objective, bound, gap) during its search.
    var reportsProgress: Bool { self == .mip }

    var solver: any AssignmentSolver {
        switch self {
        case .flow: return FlowAssignmentSolver()
        case .mip: return MIPAssignmentSolver()
        }
    }
}
