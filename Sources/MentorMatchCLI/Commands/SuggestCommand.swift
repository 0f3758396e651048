import ArgumentParser
import MentorMatchEngine

/// `mentormatch suggest SNAPSHOT --student ID [--alternatives n] [--chain c]`
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose new mentors for one student who wants a change, best first, with the moves that make room.",
        discussion: """
            The student leaves their current mentor; everyone else stays, except along one chain of at \
            most --chain voluntary moves (and at most the policy's maxMoves) that frees a seat at a full \
            mentor (matching-model.md §6). Each proposal says how the school's objective changes; every \
            other mentor of the student's path and language is listed with the reason it was not proposed.
            """)

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @Option(help: "The student who asked for a change.")
    var student: String

    @Option(help: "How many proposals to show.")
    var alternatives = 3

    @Option(help: "At most this many other students may move to make room.")
    var chain = 1

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if alternatives < 1 { throw ValidationError("--alternatives must be >= 1, found \(alternatives)") }
        if chain < 0 { throw ValidationError("--chain must be >= 0, found \(chain)") }
    }

    func run() throws {
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let source = DisplayPath.of(snapshot)
        let policy = try self.policy.load(inputs: inputs)
        let snapshot = try inputs.snapshot(at: snapshot)
        let index = SuggestIndex(try Solve.context(snapshot, source: source, policy: policy))
        let result: SuggestResult
        do {
            result = try index.suggest(student: student, chainMoves: chain, alternatives: alternatives)
        } catch {
            throw CommandFailure(.inputError, "1 input error:\n  \(source): \(error.description)")
        }
        logger.debug("suggested", metadata: ["student": "\(student)", "proposals": "\(result.proposals.count)"])
        try output.emit(SuggestReport.make(result, source: source))
    }
}
