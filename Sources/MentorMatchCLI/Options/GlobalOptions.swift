import ArgumentParser
import Logging

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Log what is read and solved on standard error (ids only, never names).")
    var verbose = false

    /// The logger for this run.
    func logger() -> Logger { CLILogging.bootstrap(verbose: verbose) }
}
