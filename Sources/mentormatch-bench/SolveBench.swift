/// Rebalance and suggest benchmark over generated tiers (issue 6). Filled in by the solver work.
enum SolveBench {
    static func run(_ args: [String]) throws { print("solve bench: not yet written") }
}
