import ArgumentParser
import MentorMatchEngine

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
            """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var solver: SolverOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let interrupt = InterruptHandler()
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let source = DisplayPath.of(scenario)
        let scenario = try inputs.scenario(at: scenario)
        let policy = try self.policy.load(overrides: scenario.policy, inputs: inputs)
        let (base, changed) = try inputs.snapshots(of: scenario)
        let options = self.solver.make(cancellation: interrupt.cancellation, logger: logger)
        let baseSource = DisplayPath.of(scenario.base.path)
        let baseResult = try Solve.rebalance(base, source: baseSource, policy: policy, options: options, logger: logger)
        let changedResult = try Solve.rebalance(changed, source: source, policy: scenario.scenarioPolicy.applied(to: policy),
                                                options: options, logger: logger)
        let result = WhatIfResult(base: baseResult, scenario: changedResult)
        try output.emit(WhatIfReport.make(result, name: scenario.name, source: source))
    }
}
