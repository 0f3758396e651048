import FuzzSupport

// The scenario reader on any bytes; a scenario it accepts is applied to a small fixed school (its policy
// overrides and its changes; `base` is not read) and, when the result is small, both go through `whatIf`.
Fuzz.run { data in
    let folder = URL(fileURLWithPath: "/nonexistent-fuzz")
    guard let scenario = try? ScenarioReader.read(data: data, file: "fuzz-scenario.yaml", folder: folder).value else {
        return
    }
    // Generating many students is allowed (up to the reader's bound) but too slow for a fuzzer's loop.
    let generated = scenario.changes.reduce(0) { total, change in
        if case .generateStudents(let n, _, _, _) = change { return total + n } else { return total }
    }
    guard generated <= 1_000 else { return }
    let policy = scenario.policy.applied(to: Policy())
    let scenarioPolicy = scenario.scenarioPolicy.applied(to: policy)
    guard let changed = try? scenario.apply(to: Fuzz.school) else { return }
    Fuzz.writeBack(changed)
    guard Fuzz.isSmall(changed) else { return }
    _ = try? whatIf(base: Fuzz.school, scenario: changed, policy: Fuzz.limited(policy),
                    scenarioPolicy: Fuzz.limited(scenarioPolicy)).jsonText()
}
