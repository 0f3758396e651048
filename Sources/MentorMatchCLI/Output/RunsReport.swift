import MentorMatchEngine
import MentorMatchStore

/// The runs of a store, oldest first.
enum RunsReport {
    static func make(_ runs: [RunListing], store: String) -> Report {
        var table = Table([("run", .right), ("kind", .left), ("snapshot", .right), ("as of", .left), ("started (UTC)", .left),
                           ("solver", .left), ("status", .left), ("objective", .right), ("proposals", .right), ("accepted", .right),
                           ("rejected", .right), ("applied", .left)])
        for l in runs {
            let r = l.run
            table.append([String(r.id ?? 0), r.kind.rawValue, String(r.snapshotId), l.asOf, StoreDates.minute(r.startedAt), r.solver,
                          r.status, Numbers.int(r.objective.map(Int.init)), String(l.proposals), String(l.accepted), String(l.rejected),
                          l.applied.map { "\($0.effective) (\($0.appliedCount))" } ?? "-"])
        }
        let json: JSONValue = .array(runs.map { l in
            let r = l.run
            return .object([
                ("run", .int(Int(r.id ?? 0))), ("kind", .string(r.kind.rawValue)), ("snapshot", .int(Int(r.snapshotId))),
                ("asOf", .string(l.asOf)), ("startedAt", .string(StoreDates.iso(r.startedAt))),
                ("finishedAt", .string(StoreDates.iso(r.finishedAt))), ("solver", .string(r.solver)), ("tzdata", .string(r.tzdata)),
                ("toolVersion", .string(r.toolVersion)), ("status", .string(r.status)), ("objective", .int(r.objective.map(Int.init))),
                ("bound", .int(r.bound.map(Int.init))), ("gap", .double(r.gap)), ("maxMoves", .int(r.maxMoves)),
                ("declineWeeks", .int(r.declineWeeks)), ("readSeconds", .double(r.readSeconds)), ("solveSeconds", .double(r.solveSeconds)),
                ("recordSeconds", .double(r.recordSeconds)), ("proposals", .int(l.proposals)), ("accepted", .int(l.accepted)),
                ("rejected", .int(l.rejected)),
                ("applied", l.applied.map { a in .object([("effective", .string(a.effective)), ("changes", .int(a.appliedCount)),
                                                           ("by", .string(a.actor))]) } ?? .null),
            ])
        })
        return Report(blocks: [.title("Runs in \(DisplayPath.of(store)) (\(runs.count))"), .table(table)], rows: table, json: json)
    }
}
