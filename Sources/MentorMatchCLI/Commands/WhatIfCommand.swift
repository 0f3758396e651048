import ArgumentParser
import Foundation
import MentorMatchData
import MentorMatchEngine
import MentorMatchStore

/// `mentormatch whatif SCENARIO.yaml`
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Rebalance a base snapshot and a changed one under the same policy, side by side, then the changes.",
        discussion: """
            The scenario (YAML, formats.md) names its base snapshot (relative to the scenario file), \
            policy overrides and changes applied in order. The policy is --policy (or the defaults), then \
            the scenario's overrides, then --max-moves, --time-limit and --gap; the scenario run then lays \
            the scenario's scenarioPolicy over that, so that two policies can be compared on one school.

            With --store PATH the scenario's changes are laid over the store's latest enriched snapshot \
            (the scenario's own base is not read) and the run is recorded (not decidable: a what-if only compares).
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let interrupt = InterruptHandler()
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let source = DisplayPath.of(scenario)
        let scenario = try inputs.scenario(at: scenario)
        let policy = try self.policy.load(overrides: scenario.policy, inputs: inputs)
        var startedAt = Date()
        var storeRun: (store: Store, path: String, input: EnrichedSnapshot)?
        let base: Snapshot, changed: Snapshot, baseSource: String
        if let path = store.store {
            let opened = try StoreAccess.open(path)
            startedAt = opened.clock.now()
            let input = try StoreAccess.failing(path) { try opened.enriched(declineWeeks: self.store.declineWeeks) }
            storeRun = (opened, path, input)
            base = input.snapshot
            changed = try StoreAccess.failing(path) { try scenario.apply(to: input.snapshot) }
            baseSource = StoreAccess.source(input, path: path)
        } else {
            (base, changed) = try inputs.snapshots(of: scenario)
            baseSource = DisplayPath.of(scenario.base.path)
        }
        let options = self.solver.make(cancellation: interrupt.cancellation, logger: logger)
        let baseResult = try Solve.rebalance(base, source: baseSource, policy: policy, options: options, logger: logger)
        let changedResult = try Solve.rebalance(changed, source: source, policy: scenario.scenarioPolicy.applied(to: policy),
                                                options: options, logger: logger)
        let result = WhatIfResult(base: baseResult, scenario: changedResult)
        if let storeRun {
            let settings = RunSettings(policy: policy, declineWeeks: self.store.declineWeeks, solver: self.solver.solver.rawValue,
                                       startedAt: startedAt)
            let run = try StoreAccess.failing(storeRun.path) {
                try storeRun.store.recordWhatIf(result, scenario: scenario.name, input: storeRun.input, settings: settings)
            }
            StoreAccess.recorded(run, input: storeRun.input, path: storeRun.path)
        }
        try output.emit(WhatIfReport.make(result, name: scenario.name, source: source))
    }
}
