import ArgumentParser

/// `mentormatch suggest SNAPSHOT --student ID`
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose new mentors for one student who asked for a change.")

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @Option(help: "The student who asked for a change.")
    var student: String

    func run() throws {
        throw CommandFailure(.solverFailure, "suggest is not available yet")
    }
}
