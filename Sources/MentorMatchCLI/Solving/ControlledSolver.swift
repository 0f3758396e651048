import MIPModel
import MentorMatchEngine

/// A solver whose every solve also receives the run's cancellation (Ctrl-C) and progress hook,
/// on top of the limits the engine derives from the policy.
///
/// When Ctrl-C stops a search before it found any assignment, the answer is the current state
/// (everyone on their current mentor where the rules allow, see
/// ``AssignmentProblem/startingAssignment()``), marked not proven, rather than no answer at all.
struct ControlledSolver: AssignmentSolver {
    let base: any AssignmentSolver
    let cancellation: Cancellation?
    let progress: (@Sendable (SolveProgress) -> Void)?
    /// Whether `base` calls the progress hook itself; if not, a ``Heartbeat`` reports elapsed time.
    var reportsProgress = true

    func solve(_ problem: AssignmentProblem, limits: SolveLimits) -> AssignmentSolution {
        var limits = limits
        limits.cancellation = cancellation ?? limits.cancellation
        limits.progress = progress ?? limits.progress
        let heartbeat = reportsProgress ? nil : progress.map(Heartbeat.init)
        let solution = base.solve(problem, limits: limits)
        heartbeat?.stop()
        guard case .failed = solution.status, limits.cancellation?.isCancelled == true else { return solution }
        let current = problem.startingAssignment()
        guard problem.violation(of: current) == nil else { return solution }
        let objective = problem.objective(of: current)
        return AssignmentSolution(status: .feasible, chosenArc: current, objective: objective,
                                  bound: max(objective, problem.trivialBound), seconds: solution.seconds)
    }
}
