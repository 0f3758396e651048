import ArgumentParser

/// `mentormatch rebalance SNAPSHOT`
struct RebalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebalance",
        abstract: "The weekly run: the best assignment of every student, the proposed moves and the summary figures.",
        discussion: """
            Proposed moves come first, at-risk students first, each with its reason; then students left \
            without a mentor and why; then the summary figures. The answer is proven optimal for the \
            matching model (matching-model.md §5) unless a time limit, --gap or Ctrl-C stopped the search: \
            the report then says NOT PROVEN OPTIMAL with the bound and gap.

            --solver flow (default) solves the program as a min-cost flow with the move budget priced in, \
            and proves optimality by matching a bound; --solver mip hands the integer program to GLPK's \
            branch and cut (progress lines on standard error). Both give the same optimal objective; \
            when several assignments tie, they may pick different ones.
            """)

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let interrupt = InterruptHandler()
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let source = DisplayPath.of(snapshot)
        let policy = try self.policy.load(inputs: inputs)
        let snapshot = try inputs.snapshot(at: snapshot)
        let result = try Solve.rebalance(snapshot, source: source, policy: policy,
                                         options: solver.make(cancellation: interrupt.cancellation, logger: logger),
                                         logger: logger)
        try output.emit(RebalanceReport.make(result, source: source))
    }
}
