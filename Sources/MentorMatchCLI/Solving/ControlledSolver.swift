import MIPModel
import MentorMatchEngine

/// A solver whose every solve also receives the run's cancellation (Ctrl-C) and progress hook,
/// on top of the limits the engine derives from the policy.
struct ControlledSolver: AssignmentSolver {
    let base: any AssignmentSolver
    let cancellation: Cancellation?
    let progress: (@Sendable (SolveProgress) -> Void)?

    func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
        var limits = limits
        limits.cancellation = cancellation ?? limits.cancellation
        limits.progress = progress ?? limits.progress
        return base.solve(problem, limits: limits)
    }
}
