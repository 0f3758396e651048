import ArgumentParser
import Foundation
import MentorMatchData

/// `--format` and `--output`, shared by every command that writes a report.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table (for a terminal), json (formats.md), csv (one row per student) or markdown (for a ticket).")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write the result to this file (atomically: a temporary file, then a rename) instead of standard output.")
    var output: String?

    /// Renders `report` in the chosen format and writes it where the user asked.
    func emit(_ report: Report) throws {
        try OutputOptions.write(report.rendered(as: format), to: output)
    }

    /// Writes `text` to `path` atomically, or to standard output when `path` is `nil`.
    static func write(_ text: String, to path: String?) throws {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        try write(Data(body.utf8), to: path)
    }

    /// Writes `data` to `path` atomically, or to standard output when `path` is `nil`.
    static func write(_ data: Data, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try AtomicFile.write(data, to: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(.inputError, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
