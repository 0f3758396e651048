import ArgumentParser

/// `mentormatch validate SNAPSHOT`
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a snapshot: every input error at once, or a one-line summary of what was read.",
        discussion: "SNAPSHOT is a JSON file or a folder of CSV files (formats.md). Exit status 0 when valid, 2 otherwise.")

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let inputs = Inputs(logger: global.logger())
        let source = DisplayPath.of(snapshot)
        let policy = try self.policy.load(inputs: inputs)
        let snapshot = try inputs.snapshot(at: snapshot)
        let context = try Solve.context(snapshot, source: source, policy: policy)
        try output.emit(ValidationReport(source: source, context: context).report)
    }
}
