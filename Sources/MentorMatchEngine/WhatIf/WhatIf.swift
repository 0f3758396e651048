import MentorMatchData

/// Rebalances a base snapshot and a changed one and compares them (§7): the base under `policy`, the
/// scenario under `scenarioPolicy` (the same policy unless a policy what-if overrides it).
/// The changed snapshot is built by the caller (the data module applies a scenario's changes).
public func whatIf(
    base: Snapshot, scenario: Snapshot, policy: Policy = Policy(), scenarioPolicy: Policy? = nil,
    options: RebalanceOptions = RebalanceOptions()
) throws(EngineInputError) -> WhatIfResult {
    let baseResult = try rebalance(base, policy: policy, options: options)
    let scenarioResult = try rebalance(scenario, policy: scenarioPolicy ?? policy, options: options)
    return WhatIfResult(base: baseResult, scenario: scenarioResult)
}
