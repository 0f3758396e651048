import Foundation
import Logging
import MentorMatchData
import MentorMatchEngine

/// Reads the command's input files. Every problem becomes a ``CommandFailure`` with status 2 listing
/// all errors (file, record, field, found, expected); warnings go to standard error.
struct Inputs {
    var logger: Logger

    /// A snapshot: a JSON file or a CSV folder.
    func snapshot(at path: String) throws -> Snapshot {
        logger.debug("reading snapshot")
        let loaded = try reading { () throws(InputErrors) in try SnapshotReader.read(at: URL(fileURLWithPath: path)) }
        let snapshot = loaded.value
        logger.debug("read snapshot", metadata: [
            "mentors": "\(snapshot.mentors.count)", "students": "\(snapshot.students.count)",
            "feedback": "\(snapshot.feedback.count)", "locks": "\(snapshot.locks.count)",
        ])
        return snapshot
    }

    /// A policy file (YAML or JSON).
    func policy(at path: String) throws -> Policy {
        try reading { () throws(InputErrors) in try PolicyReader.read(contentsOf: URL(fileURLWithPath: path)) }.value
    }

    /// A what-if scenario file (YAML).
    func scenario(at path: String) throws -> Scenario {
        try reading { () throws(InputErrors) in try ScenarioReader.read(contentsOf: URL(fileURLWithPath: path)) }.value
    }

    /// The scenario's base snapshot and the snapshot with its changes applied.
    func snapshots(of scenario: Scenario) throws -> (base: Snapshot, changed: Snapshot) {
        let base = try reading { () throws(InputErrors) in try scenario.loadBase() }.value
        logger.debug("read base snapshot", metadata: ["mentors": "\(base.mentors.count)", "students": "\(base.students.count)"])
        let changed = try reading { () throws(InputErrors) in Loaded(value: try scenario.apply(to: base)) }.value
        logger.debug("applied scenario", metadata: ["changes": "\(scenario.changes.count)"])
        return (base, changed)
    }

    /// Runs a reader, reporting its warnings, and turns its errors into an input failure.
    private func reading<Value>(_ read: () throws(InputErrors) -> Loaded<Value>) throws -> Loaded<Value> {
        do {
            let loaded = try read()
            for warning in loaded.warnings {
                var shown = warning
                shown.file = DisplayPath.of(warning.file)
                Inputs.warn(shown.description)
            }
            return loaded
        } catch {
            throw Inputs.failure(error)
        }
    }

    /// Every input error, one a line, files shown relative to the working folder.
    static func failure(_ errors: InputErrors) -> CommandFailure {
        let lines = errors.errors.map { e -> String in
            var shown = e
            shown.file = DisplayPath.of(e.file)
            return "  " + shown.description
        }
        let count = errors.errors.count
        return CommandFailure(.inputError, "\(count) input error\(count == 1 ? "" : "s"):\n" + lines.joined(separator: "\n"))
    }

    /// A snapshot or policy the engine refuses (e.g. locks beyond a mentor's capacity).
    static func failure(_ error: EngineInputError, file: String) -> CommandFailure {
        CommandFailure(.inputError, "1 input error:\n  \(DisplayPath.of(file)): \(error.description)")
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("mentormatch: warning: \(message)\n".utf8))
    }
}

/// Paths shown to the user: relative to the working folder when under it, so that messages
/// (and the golden test outputs) do not depend on where the project lives.
enum DisplayPath {
    static func of(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
