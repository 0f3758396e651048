import ArgumentParser
import Foundation
import MentorMatchData
import MentorMatchEngine
import MentorMatchStore

/// `mentormatch store import|export|backup|info`
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The store of the weekly cycle: import the school's exports, export an enriched snapshot, back it up.",
        discussion: """
            A store is one SQLite file (docs/store.md) that remembers every imported snapshot, every run \
            recorded with --store, every decision and every applied change. A file that is not a MentorMatch \
            store is refused (status 2) and left as it was.
            """,
        subcommands: [StoreImportCommand.self, StoreExportCommand.self, StoreBackupCommand.self, StoreInfoCommand.self])
}

/// `mentormatch store import SNAPSHOT --store PATH`
struct StoreImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the school's weekly export (validated as by validate) as a new snapshot version; the same bytes twice add nothing.",
        discussion: """
            Creates the store when PATH does not exist. Updates the store's view of the pairings (when each \
            started), and compares the export's mentors with the moves applied since the last import: \
            every applied move not carried out and every change nobody here proposed is listed.
            """)

    @Argument(help: "The snapshot: a JSON file or a CSV folder.")
    var snapshot: String

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = global.logger()
        let store = try StoreAccess.open(self.store.store, create: true)
        let report = try StoreAccess.failing(self.store.store) {
            try store.importSnapshot(at: snapshot, source: DisplayPath.of(snapshot))
        }
        for warning in report.warnings {
            var shown = warning
            shown.file = DisplayPath.of(warning.file)
            Inputs.warn(shown.description)
        }
        try output.emit(StoreImportReport.make(report, store: self.store.store))
    }
}

/// `mentormatch store export --store PATH [--run N | --snapshot V] [-o FILE]`
struct StoreExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the enriched snapshot (JSON) that a run read, to reproduce it with the stateless commands.",
        discussion: """
            Without --run: the latest snapshot (or --snapshot V), enriched with what the store knows now \
            (assignedSince of the pairings it saw start, declined pairs from rejected proposals). With \
            --run N: exactly the snapshot run N read.
            """)

    @OptionGroup var store: RequiredStoreOption

    @Option(name: .customLong("run"), help: "Export the input of this run.")
    var runNumber: Int64?

    @Option(name: .customLong("snapshot"), help: "Export this snapshot version (default: the latest).")
    var version: Int64?

    @Option(name: .customLong("decline-weeks"), help: "Weeks a rejected move stays declined (default 8; not with --run).")
    var declineWeeks = Store.defaultDeclineWeeks

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if runNumber != nil, version != nil { throw ValidationError("--run and --snapshot exclude each other") }
        if declineWeeks < 0 { throw ValidationError("--decline-weeks must be >= 0, found \(declineWeeks)") }
    }

    func run() throws {
        _ = global.logger()
        let path = store.store
        let store = try StoreAccess.open(path)
        let input = try StoreAccess.failing(path) {
            try runNumber.map { try store.input(ofRun: $0) } ?? store.enriched(version: version, declineWeeks: declineWeeks)
        }
        try OutputOptions.write(SnapshotJSONWriter.text(input.snapshot), to: output)
    }
}

/// `mentormatch store backup FILE --store PATH`
struct StoreBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to FILE with SQLite's online backup (a consistent copy, even while others write).")

    @Argument(help: "The copy to write (must not exist).")
    var file: String

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = global.logger()
        if FileManager.default.fileExists(atPath: file) {
            throw CommandFailure(.inputError, "\(DisplayPath.of(file)) exists: a backup is written to a new file")
        }
        let store = try StoreAccess.open(self.store.store)
        try StoreAccess.failing(self.store.store) { try store.repository.backup(to: file) }
        print("backed up \(DisplayPath.of(self.store.store)) to \(DisplayPath.of(file))")
    }
}

/// `mentormatch store info --store PATH`
struct StoreInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "List the store's snapshot versions (as of, source, hash, sizes).")

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = global.logger()
        let store = try StoreAccess.open(self.store.store)
        let infos = try StoreAccess.failing(self.store.store) { try store.repository.snapshotInfos() }
        var table = Table([("snapshot", .right), ("as of", .left), ("imported", .left), ("source", .left), ("students", .right),
                           ("mentors", .right), ("JSON bytes", .right), ("stored bytes", .right), ("sha256", .left)])
        for i in infos {
            table.append([String(i.id), i.asOf, StoreDates.minute(i.importedAt), i.source, String(i.students), String(i.mentors),
                          String(i.jsonBytes), String(i.storedBytes), String(i.sha256.prefix(16))])
        }
        let json: JSONValue = .array(infos.map { i in
            .object([("snapshot", .int(Int(i.id))), ("asOf", .string(i.asOf)), ("importedAt", .string(StoreDates.iso(i.importedAt))),
                     ("source", .string(i.source)), ("students", .int(i.students)), ("mentors", .int(i.mentors)),
                     ("importedBytes", .int(Int(i.importedBytes))), ("jsonBytes", .int(Int(i.jsonBytes))),
                     ("storedBytes", .int(Int(i.storedBytes))), ("sha256", .string(i.sha256))])
        })
        try output.emit(Report(blocks: [.title("Snapshots in \(DisplayPath.of(self.store.store)) (\(infos.count))"), .table(table)],
                               rows: table, json: json))
    }
}

/// Instants as reports show them (UTC).
enum StoreDates {
    static func minute(_ date: Date) -> String {
        String(iso(date).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
