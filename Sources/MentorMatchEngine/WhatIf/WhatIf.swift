import MentorMatchData

/// Rebalances a base snapshot and a changed one under the same policy and compares them (§7).
/// The changed snapshot is built by the caller (the data module applies a scenario's changes).
public func whatIf(
    base: Snapshot, scenario: Snapshot, policy: Policy = Policy(), solver: any AssignmentSolver = MIPAssignmentSolver()
) throws(EngineInputError) -> WhatIfResult {
    let baseResult = try rebalance(base, policy: policy, solver: solver)
    let scenarioResult = try rebalance(scenario, policy: policy, solver: solver)
    return WhatIfResult(base: baseResult, scenario: scenarioResult)
}
