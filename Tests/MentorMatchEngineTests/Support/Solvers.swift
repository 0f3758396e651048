import MentorMatchEngine

/// The solvers every hand-made optimum is checked with.
enum SolverKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case exhaustive

    var solver: any AssignmentSolver {
        switch self {
        case .exhaustive: return ExhaustiveSolver()
        }
    }

    var description: String { rawValue }
}
