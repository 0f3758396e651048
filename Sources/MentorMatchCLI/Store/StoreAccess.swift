import Foundation
import MentorMatchData
import MentorMatchStore

/// Opening the store for a command, and turning the store's refusals into exit statuses: every
/// refusal is an input error (status 2) and leaves the store and the files given as they were.
enum StoreAccess {
    static func open(_ path: String, create: Bool = false) throws -> Store {
        try failing(path) { try Store.open(path: path, create: create, clock: .fromEnvironment()) }
    }

    /// Runs `body`, mapping store, input and SQLite errors to a ``CommandFailure``.
    static func failing<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as CommandFailure {
            throw failure
        } catch let error as StoreError {
            throw CommandFailure(.inputError, shown(error.description))
        } catch let errors as InputErrors {
            throw Inputs.failure(errors)
        } catch {
            // SQLite's own errors (a locked or unwritable file, …).
            throw CommandFailure(.inputError, "\(DisplayPath.of(path)): \(error)")
        }
    }

    /// Paths in a store message, relative to the working folder.
    static func shown(_ message: String) -> String {
        let folder = FileManager.default.currentDirectoryPath
        return message.replacingOccurrences(of: folder.hasSuffix("/") ? folder : folder + "/", with: "")
    }

    /// The actor of a decision or an application: `--as`, else the login name.
    static func actor(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// Imports `file` into `store`, says what happened on standard error, and returns the version.
    static func importing(_ file: String, into store: Store, path: String) throws -> ImportReport {
        let report = try failing(path) { try store.importSnapshot(at: file, source: DisplayPath.of(file)) }
        for warning in report.warnings {
            var shownWarning = warning
            shownWarning.file = DisplayPath.of(warning.file)
            Inputs.warn(shownWarning.description)
        }
        FileHandle.standardError.write(Data("mentormatch: \(StoreImportReport.sentence(report, store: path))\n".utf8))
        return report
    }

    /// The line written on standard error once a run is recorded.
    static func recorded(_ run: RunRecord, input: EnrichedSnapshot, path: String) {
        let line = "mentormatch: recorded as run \(run.id ?? 0) in \(DisplayPath.of(path)) (snapshot \(input.info.id), as of \(input.info.asOf); "
            + "\(input.enrichment.assignedSince.count) pairing starts and \(input.enrichment.declined.count) declined pairs from the store)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// How a snapshot from the store is named in reports.
    static func source(_ input: EnrichedSnapshot, path: String) -> String {
        "snapshot \(input.info.id) of \(DisplayPath.of(path))"
    }
}
