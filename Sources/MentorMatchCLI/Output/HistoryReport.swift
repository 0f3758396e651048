import MentorMatchEngine
import MentorMatchStore

/// One student's history in the store.
enum HistoryReport {
    static func make(_ h: StudentHistory) -> Report {
        var blocks: [Report.Block] = [.title("History of \(h.student)")]
        if let p = h.pairing {
            let since = p.since.map { "since \($0)" } ?? "since a date the store does not know"
            blocks.append(.line("Now with \(p.mentor), \(since) (the store's view: snapshot \(p.snapshotId) and the moves applied since)."))
        } else {
            blocks.append(.line("Now without a mentor (the store's view)."))
        }
        blocks.append(.section("Proposals (\(h.proposals.count))"))
        var proposals = Table([("run", .right), ("kind", .left), ("as of", .left), ("rank", .right), ("from", .left), ("to", .left),
                               ("fit", .left), ("style", .left), ("availability", .left), ("satisfaction", .left),
                               ("change", .left), ("reason", .left)])
        for e in h.proposals {
            let p = e.proposal
            proposals.append([String(p.runId), e.run.kind.rawValue, e.asOf, p.rank == 0 ? "-" : String(p.rank), p.fromMentor ?? "-",
                              p.toMentor ?? "-", "\(Numbers.int(p.fitBefore)) → \(Numbers.int(p.fitAfter))",
                              parts(p.styleBefore, p.styleAfter), parts(p.availabilityBefore, p.availabilityAfter),
                              parts(p.satisfactionBefore, p.satisfactionAfter), p.change, p.reason])
        }
        blocks.append(h.proposals.isEmpty ? .line("No run proposed anything for this student.") : .table(proposals))
        blocks.append(.section("Decisions (\(h.decisions.count))"))
        var decisions = Table([("run", .right), ("when (UTC)", .left), ("decision", .left), ("mentor", .left), ("by", .left), ("reason", .left)])
        for d in h.decisions {
            decisions.append([String(d.runId), StoreDates.minute(d.decidedAt), d.verdict.rawValue, d.mentor ?? "-", d.actor, d.reason ?? ""])
        }
        blocks.append(h.decisions.isEmpty ? .line("None.") : .table(decisions))
        blocks.append(.section("Applied changes (\(h.changes.count))"))
        var changes = Table([("run", .right), ("effective", .left), ("from", .left), ("to", .left), ("decided by", .left)])
        for c in h.changes { changes.append([String(c.runId), c.effective, c.fromMentor ?? "-", c.toMentor ?? "-", c.decidedBy]) }
        blocks.append(h.changes.isEmpty ? .line("None.") : .table(changes))
        if !h.differences.isEmpty {
            blocks.append(.section("Found at import (\(h.differences.count))"))
            var found = Table([("snapshot", .right), ("as of", .left), ("finding", .left), ("expected", .left), ("export shows", .left)])
            for (d, asOf) in h.differences {
                found.append([String(d.snapshotId), asOf, StoreImportReport.words(d.kind), d.expected ?? "-", d.found ?? "-"])
            }
            blocks.append(.table(found))
        }
        return Report(blocks: blocks, rows: rows(h), json: json(h))
    }

    static func parts(_ before: Double?, _ after: Double?) -> String {
        "\(Numbers.decimal(before, places: 2)) → \(Numbers.decimal(after, places: 2))"
    }

    /// One row per event, in the order of the sections.
    static func rows(_ h: StudentHistory) -> Table {
        var t = Table(["event", "run", "date", "from", "to", "fitBefore", "fitAfter", "verdict", "by", "reason"].map { ($0, .left) })
        for e in h.proposals {
            let p = e.proposal
            t.append(["proposal", String(p.runId), e.asOf, p.fromMentor ?? "", p.toMentor ?? "", p.fitBefore.map(String.init) ?? "",
                      p.fitAfter.map(String.init) ?? "", "", "", p.reason])
        }
        for d in h.decisions {
            t.append(["decision", String(d.runId), StoreDates.iso(d.decidedAt), "", d.mentor ?? "", "", "", d.verdict.rawValue, d.actor, d.reason ?? ""])
        }
        for c in h.changes {
            t.append(["change", String(c.runId), c.effective, c.fromMentor ?? "", c.toMentor ?? "", "", "", "", c.decidedBy, ""])
        }
        for (d, asOf) in h.differences {
            t.append(["import", "", asOf, d.expected ?? "", d.found ?? "", "", "", "", "", d.kind.rawValue])
        }
        return t
    }

    static func json(_ h: StudentHistory) -> JSONValue {
        .object([
            ("kind", .string("history")),
            ("student", .string(h.student)),
            ("pairing", h.pairing.map { p in .object([("mentor", .string(p.mentor)), ("since", .string(p.since)),
                                                       ("origin", .string(p.origin.rawValue))]) } ?? .null),
            ("proposals", .array(h.proposals.map { e in
                let p = e.proposal
                return .object([
                    ("run", .int(Int(p.runId))), ("runKind", .string(e.run.kind.rawValue)), ("asOf", .string(e.asOf)),
                    ("rank", .int(p.rank)), ("from", .string(p.fromMentor)), ("to", .string(p.toMentor)), ("priority", .int(p.priority)),
                    ("fitBefore", .int(p.fitBefore)), ("fitAfter", .int(p.fitAfter)), ("change", .string(p.change)),
                    ("reason", .string(p.reason)), ("objectiveDelta", .int(p.objectiveDelta)), ("forStudent", .string(p.forStudent)),
                    ("before", .object([("style", .double(p.styleBefore)), ("availability", .double(p.availabilityBefore)),
                                        ("satisfaction", .double(p.satisfactionBefore))])),
                    ("after", .object([("style", .double(p.styleAfter)), ("availability", .double(p.availabilityAfter)),
                                       ("satisfaction", .double(p.satisfactionAfter))])),
                ])
            })),
            ("decisions", .array(h.decisions.map { d in
                .object([("run", .int(Int(d.runId))), ("decidedAt", .string(StoreDates.iso(d.decidedAt))), ("verdict", .string(d.verdict.rawValue)),
                         ("mentor", .string(d.mentor)), ("by", .string(d.actor)), ("reason", .string(d.reason))])
            })),
            ("changes", .array(h.changes.map { c in
                .object([("run", .int(Int(c.runId))), ("effective", .string(c.effective)), ("from", .string(c.fromMentor)),
                         ("to", .string(c.toMentor)), ("decidedBy", .string(c.decidedBy))])
            })),
            ("foundAtImport", .array(h.differences.map { d, asOf in
                .object([("snapshot", .int(Int(d.snapshotId))), ("asOf", .string(asOf)), ("kind", .string(d.kind.rawValue)),
                         ("expected", .string(d.expected)), ("found", .string(d.found))])
            })),
        ])
    }
}
