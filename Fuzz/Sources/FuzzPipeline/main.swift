import FuzzSupport

// The whole pipeline on small snapshots: the input is a JSON snapshot, optionally followed by a NUL byte
// and a policy (YAML or JSON). Read both, then context, rebalance (the front door, at most 50 ms) and
// suggest for one student (chosen by the input's length, with a chain of 0 to 2 moves).
Fuzz.run { data in
    let parts = Fuzz.split(data, parts: 2)
    guard let snapshot = try? SnapshotJSONReader.read(data: parts[0]!, file: "fuzz.json").value,
          Fuzz.isSmall(snapshot) else { return }
    var policy = Policy()
    if let text = parts[1] {
        guard let read = try? PolicyReader.read(data: text, file: "fuzz-policy.yaml").value else { return }
        policy = read
    }
    Fuzz.runEngine(snapshot, policy: policy, pick: data.count)
}
