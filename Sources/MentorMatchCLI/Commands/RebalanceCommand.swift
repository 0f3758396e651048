import ArgumentParser
import Logging
import MentorMatchData
import Foundation
import MentorMatchStore

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

            With --store PATH the run is recorded in the store (docs/store.md): without a snapshot it \
            reads the store's latest snapshot, enriched with when pairings started and the moves advisors \
            declined; with a snapshot it imports it first (the same bytes are not stored twice).
            """)

    @Argument(help: "The snapshot: a JSON file or a CSV folder (optional with --store).")
    var snapshot: String?

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if snapshot == nil, store.store == nil { throw ValidationError("give a snapshot, or --store to use the store's latest one") }
    }

    func run() throws {
        let interrupt = InterruptHandler()
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let policy = try self.policy.load(inputs: inputs)
        if let path = store.store {
            return try runWithStore(path, policy: policy, interrupt: interrupt, logger: logger)
        }
        let snapshot = self.snapshot!
        let source = DisplayPath.of(snapshot)
        let loaded = try inputs.snapshot(at: snapshot)
        let result = try Solve.rebalance(loaded, source: source, policy: policy,
                                         options: solver.make(cancellation: interrupt.cancellation, logger: logger),
                                         logger: logger)
        try output.emit(RebalanceReport.make(result, source: source))
    }

    /// The weekly run on the store: import the snapshot given (if any), enrich, solve, record.
    func runWithStore(_ path: String, policy: Policy, interrupt: InterruptHandler, logger: Logger) throws {
        let store = try StoreAccess.open(path, create: snapshot != nil)
        let startedAt = store.clock.now()
        let version = try snapshot.map { try StoreAccess.importing($0, into: store, path: path).info.id }
        let input = try StoreAccess.failing(path) { try store.enriched(version: version, declineWeeks: self.store.declineWeeks) }
        let source = StoreAccess.source(input, path: path)
        let start = ContinuousClock.now
        let context = try Solve.context(input.snapshot, source: source, policy: policy)
        let result = try Solve.rebalance(context: context, source: source,
                                         options: solver.make(cancellation: interrupt.cancellation, logger: logger),
                                         logger: logger, start: start)
        let settings = RunSettings(policy: policy, declineWeeks: self.store.declineWeeks, solver: solver.solver.rawValue,
                                   startedAt: startedAt)
        let run = try StoreAccess.failing(path) { try store.recordRebalance(result, input: input, context: context, settings: settings) }
        StoreAccess.recorded(run, input: input, path: path)
        try output.emit(RebalanceReport.make(result, source: source))
    }
}
