import MentorMatchData

/// Rebalances a base snapshot and a changed one and compares them (§7): the base under `policy`, the
/// scenario under `scenarioPolicy` (the same policy unless a policy what-if overrides it).
/// The changed snapshot is built by the caller (the data module applies a scenario's changes).
public func whatIf(
    base: Snapshot, scenario: Snapshot, policy: Policy = Policy(), scenarioPolicy: Policy? = nil,
    solver: any AssignmentSolver = MIPAssignmentSolver()
) throws(EngineInputError) -> WhatIfResult {
    let baseResult = try rebalance(base, policy: policy, solver: solver)
    let scenarioResult = try rebalance(scenario, policy: scenarioPolicy ?? policy, solver: solver)
    return WhatIfResult(base: baseResult, scenario: scenarioResult)
}
