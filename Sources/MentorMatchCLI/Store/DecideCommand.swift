import ArgumentParser
import Foundation
import MentorMatchStore

/// `mentormatch decide RUN (--accept|--reject) (STUDENT…|--all) [--mentor M] [--as NAME] [--reason TEXT] --store PATH`
struct DecideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Accept or reject proposals of a recorded run, per student or all at once (append-only).",
        discussion: """
            Decisions are never changed: a correction is a new decision, and the latest one on a student \
            counts. A rejected move is declined for --decline-weeks weeks (default 8) after the decision's \
            date: the next runs on the store do not propose it again. A suggest run's student is decided on \
            its best alternative, or on --mentor. An unknown run, a student the run proposes nothing for, a \
            mentor it does not propose, a what-if run or a run already applied: status 2, nothing written.
            """)

    @Argument(help: ArgumentHelp("The run (see `mentormatch runs`).", valueName: "run"))
    var runNumber: Int64

    @Argument(help: "The students decided on.")
    var students: [String] = []

    @Flag(help: "Accept the proposals.")
    var accept = false

    @Flag(help: "Reject the proposals.")
    var reject = false

    @Flag(help: "Every proposal of the run.")
    var all = false

    @Option(help: "A suggest run: the alternative decided on (default: the best).")
    var mentor: String?

    @Option(name: .customLong("as"), help: "Who decides (default: the login name).")
    var actor: String?

    @Option(help: "Why (free text, kept with the decision).")
    var reason: String?

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if accept == reject { throw ValidationError("give exactly one of --accept and --reject") }
        if all == !students.isEmpty { throw ValidationError("name the students decided on, or give --all (not both)") }
    }

    func run() throws {
        _ = global.logger()
        let path = store.store
        let store = try StoreAccess.open(path)
        let actor = StoreAccess.actor(actor)
        let decisions = try StoreAccess.failing(path) {
            try store.decide(run: runNumber, verdict: accept ? .accept : .reject, target: all ? .all : .students(students),
                             mentor: mentor, actor: actor, reason: reason)
        }
        let verb = accept ? "accepted" : "rejected"
        let list = decisions.map { "\($0.student) → \($0.mentor ?? "no mentor")" }
        let shown = list.count > 12 ? list.prefix(12).joined(separator: ", ") + ", … (\(list.count - 12) more)" : list.joined(separator: ", ")
        var line = "run \(runNumber): \(verb) \(decisions.count) proposal\(decisions.count == 1 ? "" : "s") as \(actor)"
        if let reason { line += " (\"\(reason)\")" }
        print(line + ": " + shown)
    }
}
