import MentorMatchEngine
import MentorMatchStore

/// What an import did: the version, the pairings that started or ended, and the reconciliation of the
/// moves applied since the last import with the export's mentors.
enum StoreImportReport {
    static func sentence(_ r: ImportReport, store: String) -> String {
        let info = r.info
        guard r.added else {
            return "\(info.source == "" ? "the snapshot" : DisplayPath.of(info.source)): the same bytes are snapshot \(info.id) "
                + "(as of \(info.asOf), sha256 \(info.sha256.prefix(12))…): nothing added"
        }
        var text = "imported \(DisplayPath.of(info.source)) into \(DisplayPath.of(store)) as snapshot \(info.id) (as of \(info.asOf); "
            + "\(info.students) students, \(info.mentors) mentors; sha256 \(info.sha256.prefix(12))…; "
            + "\(Numbers.int(Int(info.jsonBytes))) bytes of JSON stored in \(Numbers.int(Int(info.storedBytes)))"
        if let plan = r.plan {
            if r.first {
                text += "); first import: \(plan.pairings.count) pairings, \(plan.unknownStart) of unknown start"
            } else {
                text += "); pairings: \(plan.started) started (since \(info.asOf) unless an applied move or the export says when), "
                    + "\(plan.ended) ended"
            }
        } else {
            text += ")"
        }
        return text
    }

    static func make(_ r: ImportReport, store: String) -> Report {
        var blocks: [Report.Block] = [.title(sentence(r, store: store).capitalisedFirst)]
        let differences = r.plan?.differences ?? []
        var table = Table([("student", .left), ("finding", .left), ("expected", .left), ("export shows", .left)])
        if r.added, !r.first {
            let carried = differences.filter { $0.kind == .carriedOut }.count
            let missing = differences.filter { $0.kind == .notCarriedOut }
            let unproposed = differences.filter { $0.kind == .unproposed }
            blocks.append(.section("Reconciliation with the moves applied since the last import"))
            blocks.append(.line("\(Numbers.counted(carried, "applied move")) carried out, \(missing.count) not carried out; "
                + "\(Numbers.counted(unproposed.count, "change")) of mentor nobody here proposed."))
            for d in differences where d.kind != .carriedOut {
                table.append([d.student, words(d.kind), d.expected ?? "-", d.found ?? "-"])
            }
            if !table.rows.isEmpty { blocks.append(.table(table)) }
        }
        let json: JSONValue = .object([
            ("kind", .string("import")),
            ("snapshot", .int(Int(r.info.id))),
            ("added", .bool(r.added)),
            ("asOf", .string(r.info.asOf)),
            ("sha256", .string(r.info.sha256)),
            ("importedBytes", .int(Int(r.info.importedBytes))),
            ("jsonBytes", .int(Int(r.info.jsonBytes))),
            ("storedBytes", .int(Int(r.info.storedBytes))),
            ("pairingsStarted", .int(r.plan?.started)),
            ("pairingsEnded", .int(r.plan?.ended)),
            ("differences", .array(differences.map { d in
                .object([("student", .string(d.student)), ("kind", .string(d.kind.rawValue)),
                         ("expected", .string(d.expected)), ("found", .string(d.found))])
            })),
        ])
        return Report(blocks: blocks, rows: table, json: json)
    }

    static func words(_ kind: Difference.Kind) -> String {
        switch kind {
        case .carriedOut: return "applied move carried out"
        case .notCarriedOut: return "applied move not carried out"
        case .unproposed: return "change nobody here proposed"
        }
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
