import ArgumentParser
import Foundation
import MentorMatchEngine
import MentorMatchStore

/// `mentormatch history STUDENT --store PATH`
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Everything the store knows about one student: proposals with their fit explanation, decisions, applied changes.",
        discussion: """
            Every run that proposed something for the student (with the fit and its parts as that run \
            computed them), every decision (who, when, why), every applied change, and what imports found \
            when they compared the export with the applied moves.
            """)

    @Argument(help: "The student's id.")
    var student: String

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = global.logger()
        let path = store.store
        let store = try StoreAccess.open(path)
        let history = try StoreAccess.failing(path) { try store.history(student: student) }
        try output.emit(HistoryReport.make(history))
    }
}

/// `mentormatch runs --store PATH`
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the runs recorded in the store: inputs, status, objective, proposals, decisions, application.")

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = global.logger()
        let path = store.store
        let store = try StoreAccess.open(path)
        let runs = try StoreAccess.failing(path) { try store.runs() }
        try output.emit(RunsReport.make(runs, store: path))
    }
}
