import MIPModel
import MentorMatchEngine

/// A solver whose every solve also receives the run's cancellation (Ctrl-C) and progress hook,
/// on top of the limits the engine derives from the policy.
///
/// A search stopped before it proved optimality (Ctrl-C, time limit) never answers worse than the
/// current state (everyone on their current mentor where the rules allow, see
/// ``AssignmentProblem/startingAssignment()``): that assignment is feasible too, so the better of
/// the two is returned, marked not proven. A search Ctrl-C stopped before it found any assignment
/// answers with the current state rather than nothing.
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
        return solution.notWorseThanCurrentState(of: problem, cancelled: limits.cancellation?.isCancelled == true)
    }
}
