import ArgumentParser
import MentorMatchEngine

/// `--solver`: which exact method runs the §5 program. Both prove the same optimum; the engine's tests
/// check them against each other and against an independent reference.
enum SolverKind: String, CaseIterable, ExpressibleByArgument {
    /// The priced min-cost-flow pipeline (fast; proves optimality by a matching bound).
    case flow
    /// The integer program on every candidate pair, solved by GLPK's branch and cut.
    case mip

    var method: RebalanceOptions.Method {
        switch self {
        case .flow: return .priced
        case .mip: return .allPairs(MIPAssignmentSolver())
        }
    }
}
