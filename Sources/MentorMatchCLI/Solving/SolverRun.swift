import MIPModel
import MentorMatchEngine

/// The solver a command runs, wired to Ctrl-C and to the progress display.
///
/// `--solver flow` runs the engine's priced pipeline (column generation on candidate pairs around the
/// min-cost-flow solver, proven optimal for every pair); `--solver mip` hands every candidate pair to
/// GLPK. Either way a search stopped by a limit or Ctrl-C answers not worse than the current state.
struct SolverRun {
    enum Method {
        /// ``PricedRebalance`` (the flow solver on a priced subset of the pairs).
        case priced
        /// One assignment solver on every candidate pair; `reportsProgress` when it calls the hook itself.
        case solver(any AssignmentSolver, reportsProgress: Bool)
    }

    let method: Method
    let cancellation: Cancellation?
    let progress: (@Sendable (SolveProgress) -> Void)?

    init(method: Method, cancellation: Cancellation? = nil, progress: (@Sendable (SolveProgress) -> Void)? = nil) {
        self.method = method
        self.cancellation = cancellation
        self.progress = progress
    }

    init(kind: SolverKind, cancellation: Cancellation?, progress: (@Sendable (SolveProgress) -> Void)?) {
        let method: Method = kind == .flow ? .priced : .solver(kind.solver, reportsProgress: kind.reportsProgress)
        self.init(method: method, cancellation: cancellation, progress: progress)
    }

    func rebalance(_ context: MatchingContext) -> RebalanceResult {
        switch method {
        case .priced:
            var limits = context.policy.solveLimits
            limits.cancellation = cancellation ?? limits.cancellation
            limits.progress = progress ?? limits.progress
            let heartbeat = progress.map(Heartbeat.init)  // the flow solver reports no progress of its own
            defer { heartbeat?.stop() }
            return PricedRebalance().rebalance(context, limits: limits).result
        case .solver(let base, let reportsProgress):
            let solver = ControlledSolver(base: base, cancellation: cancellation, progress: progress,
                                          reportsProgress: reportsProgress)
            return MentorMatchEngine.rebalance(EncodedProblem(context), solver: solver)
        }
    }
}
