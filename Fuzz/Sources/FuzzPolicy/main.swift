import FuzzSupport

// The policy reader on any bytes; a policy it accepts then runs the engine on a small fixed school
// (rebalance with a 50 ms limit, suggest for one student): every number it lets through must be usable.
Fuzz.run { data in
    guard let policy = try? PolicyReader.read(data: data, file: "fuzz-policy.yaml").value else { return }
    Fuzz.runEngine(Fuzz.school, policy: policy, pick: data.count)
}
