import MIPModel

/// Small models with answers computed here by brute force, never by GLPK.
enum Fixtures {
    /// 0/1 knapsack: maximise Σ value·x subject to Σ weight·x ≤ capacity (plus optional extra rows).
    static func knapsack(values: [Double], weights: [[Double]], capacities: [Double]) -> Model {
        var model = Model(name: "knapsack", sense: .maximize)
        let x = values.indices.map { model.addVariable("x\($0)", kind: .binary, objective: values[$0]) }
        for (k, row) in weights.enumerated() {
            model.addConstraint("cap\(k)", zip(x, row).map { Term($0, $1) }, lessOrEqual: capacities[k])
        }
        return model
    }

    /// The optimum of a knapsack by enumerating every subset.
    static func bruteForceKnapsack(values: [Double], weights: [[Double]], capacities: [Double]) -> Double {
        var best = 0.0
        for mask in 0..<(1 << values.count) {
            let chosen = values.indices.filter { mask & (1 << $0) != 0 }
            let fits = weights.indices.allSatisfy { k in chosen.reduce(0) { $0 + weights[k][$1] } <= capacities[k] }
            if fits { best = max(best, chosen.reduce(0) { $0 + values[$1] }) }
        }
        return best
    }

    /// All permutations of 0..<n.
    static func permutations(_ n: Int) -> [[Int]] {
        guard n > 0 else { return [[]] }
        return permutations(n - 1).flatMap { p in (0...p.count).map { i in var q = p; q.insert(n - 1, at: i); return q } }
    }

    /// A deterministic pseudo-random sequence (SplitMix64) in 0..<1.
    struct Random {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }
}
