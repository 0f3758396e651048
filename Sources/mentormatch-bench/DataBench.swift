/// Reading, validating and grid-overlap benchmark (issue 3). Filled in by the data work.
enum DataBench {
    static func run(_ args: [String]) throws { print("data bench: not yet written") }
}
