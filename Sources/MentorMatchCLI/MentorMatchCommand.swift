import ArgumentParser
import Foundation

/// `mentormatch`: the advisor stories and the weekly job.
public struct MentorMatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mentormatch",
        abstract: "Student–mentor matching for an online school, solved as an integer program with GLPK.",
        discussion: """
            Exit status: 0 success; 2 input error (bad snapshot, policy, scenario or \
            command line: nothing is written); 3 solver failure (nothing is written).

            Ctrl-C during a solve stops the search: the best answer found so far is written, \
            marked NOT PROVEN OPTIMAL with its bound and gap, and the status is 0. A second \
            Ctrl-C quits at once (status 130, nothing written).
            """,
        subcommands: [
            ValidateCommand.self, SuggestCommand.self, RebalanceCommand.self,
            WhatIfCommand.self, GenerateCommand.self, ExportCommand.self,
            StoreCommand.self, DecideCommand.self, ApplyCommand.self, HistoryCommand.self, RunsCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line and exits with the documented status.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(ExitStatus.success.rawValue)
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("mentormatch: \(failure.message)\n".utf8))
            Foundation.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // A command line that cannot be parsed is bad input too.
            Foundation.exit(code == .validationFailure ? ExitStatus.inputError.rawValue : code.rawValue)
        }
    }
}
