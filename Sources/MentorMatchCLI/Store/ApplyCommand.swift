import ArgumentParser
import Foundation
import MentorMatchData
import MentorMatchEngine
import MentorMatchStore

/// `mentormatch apply RUN [--only-valid] [--effective DATE] [-o changes.json|csv] --store PATH`
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply a run's accepted moves in one transaction and write the change list for the back office.",
        discussion: """
            The change list (student, from, to, effective date, run, decided by) goes to --output (JSON or \
            CSV by its extension, or --format) or standard output. Applying a run twice changes nothing and \
            says so (the change list is written again). A run whose snapshot is no longer the latest, or \
            whose moves no longer hold (a student who left, a mentor now full, …), is refused with those \
            moves named (status 2, nothing applied), unless --only-valid applies the moves that still hold.
            """)

    @Argument(help: ArgumentHelp("The run (see `mentormatch runs`).", valueName: "run"))
    var runNumber: Int64

    @Flag(name: .customLong("only-valid"), help: "Apply the moves that still hold, leave out (and name) the others.")
    var onlyValid = false

    @Option(help: "The changes' effective date, YYYY-MM-DD (default: today, UTC).")
    var effective: String?

    @Option(name: .customLong("as"), help: "Who applies (default: the login name).")
    var actor: String?

    @Option(help: "Change list format: table, json, csv or markdown (default: from --output's extension, else table).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write the change list to this file (atomically).")
    var output: String?

    @OptionGroup var store: RequiredStoreOption
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let effective, CalendarDate(iso: effective) == nil {
            throw ValidationError("--effective: found \"\(effective)\", expected a date YYYY-MM-DD")
        }
    }

    func run() throws {
        _ = global.logger()
        let path = store.store
        let store = try StoreAccess.open(path)
        let report = try StoreAccess.failing(path) {
            try store.apply(run: runNumber, onlyValid: onlyValid, effective: effective.flatMap(CalendarDate.init(iso:)),
                            actor: StoreAccess.actor(actor))
        }
        let chosen = format ?? output.map { $0.hasSuffix(".json") ? .json : $0.hasSuffix(".csv") ? .csv : .table } ?? .table
        let view = ChangeListReport.make(report)
        if let output {
            try OutputOptions.write(view.rendered(as: chosen), to: output)
            print(ChangeListReport.sentence(report).capitalisedFirst + "; change list written to \(DisplayPath.of(output))")
        } else {
            try OutputOptions.write(view.rendered(as: chosen), to: nil)
        }
    }
}

/// The change list of an application.
enum ChangeListReport {
    static func sentence(_ r: ApplyReport) -> String {
        let a = r.application
        if !r.appliedNow {
            return "run \(a.runId) was already applied on \(StoreDates.minute(a.appliedAt)) UTC (\(Numbers.counted(a.appliedCount, "change")), "
                + "effective \(a.effective)): nothing changed"
        }
        var text = "applied run \(a.runId): \(Numbers.counted(a.appliedCount, "change")), effective \(a.effective)"
        if !r.skipped.isEmpty { text += ", \(r.skipped.count) left out (--only-valid)" }
        return text
    }

    static func make(_ r: ApplyReport) -> Report {
        var table = Table([("student", .left), ("from", .left), ("to", .left), ("effective", .left), ("run", .right), ("decided by", .left)])
        for c in r.changes {
            table.append([c.student, c.fromMentor ?? "-", c.toMentor ?? "-", c.effective, String(c.runId), c.decidedBy])
        }
        var rows = Table([("student", .left), ("from", .left), ("to", .left), ("effective", .left), ("run", .left), ("decidedBy", .left)])
        for c in r.changes {
            rows.append([c.student, c.fromMentor ?? "", c.toMentor ?? "", c.effective, String(c.runId), c.decidedBy])
        }
        var blocks: [Report.Block] = [.title(sentence(r).capitalisedFirst), .section("Changes (\(r.changes.count))"), .table(table)]
        if !r.skipped.isEmpty {
            var left = Table([("student", .left), ("from", .left), ("to", .left), ("why", .left)])
            for m in r.skipped { left.append([m.student, m.from ?? "-", m.to ?? "-", m.why]) }
            blocks += [.section("Left out: moves that no longer hold (\(r.skipped.count))"), .table(left)]
        }
        let json: JSONValue = .object([
            ("kind", .string("changes")),
            ("run", .int(Int(r.application.runId))),
            ("appliedAt", .string(StoreDates.iso(r.application.appliedAt))),
            ("effective", .string(r.application.effective)),
            ("changes", .array(r.changes.map { c in
                .object([("student", .string(c.student)), ("from", .string(c.fromMentor)), ("to", .string(c.toMentor)),
                         ("effective", .string(c.effective)), ("run", .int(Int(c.runId))), ("decidedBy", .string(c.decidedBy))])
            })),
            ("leftOut", .array(r.skipped.map { m in
                .object([("student", .string(m.student)), ("from", .string(m.from)), ("to", .string(m.to)), ("why", .string(m.why))])
            })),
        ])
        return Report(blocks: blocks, rows: rows, json: json)
    }
}
