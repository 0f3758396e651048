import MIPModel

/// How a rebalance is solved: the method, and the run's cancellation and progress hook. Every method
/// proves the same optimum; a search stopped by a limit or a cancellation answers with its best
/// assignment, never worse than the current state, marked not proven.
public struct RebalanceOptions: Sendable {
    /// Which exact method solves the §5 program.
    public enum Method: Sendable {
        /// The product's pipeline: ``PricedRebalance`` (column generation around the min-cost-flow solver).
        case priced(PricedRebalance)
        /// One assignment solver on every candidate pair (``MIPAssignmentSolver``, ``FlowAssignmentSolver``).
        case allPairs(any AssignmentSolver)

        /// ``PricedRebalance`` with its defaults.
        public static var priced: Method { .priced(PricedRebalance()) }
    }

    public var method: Method
    /// Stops the search when cancelled (Ctrl-C, a server shutting down); the answer is then not proven.
    public var cancellation: Cancellation?
    /// Called during the search: elapsed time, and best objective, bound and gap where the method knows them.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(method: Method = .priced, cancellation: Cancellation? = nil,
                progress: (@Sendable (SolveProgress) -> Void)? = nil) {
        self.method = method
        self.cancellation = cancellation
        self.progress = progress
    }
}
