import MentorMatchEngine

/// A what-if as an advisor reads it: both rebalances side by side, then who would change mentor
/// and who would be left without one.
enum WhatIfReport {
    static func make(_ result: WhatIfResult, name: String, source: String) -> Report {
        var blocks: [Report.Block] = [
            .title("What-if \"\(name)\" (\(source))"),
            .line("Base:     " + RebalanceReport.status(of: result.base)),
            .line("Scenario: " + RebalanceReport.status(of: result.scenario)),
            .section("Side by side"),
        ]
        var figures = Table([("figure", .left), ("base", .right), ("scenario", .right), ("change", .right)])
        for f in grouped(result.diff.figures) {
            let (label, format) = presentation(of: f.name)
            figures.append([label, format.value(f.base), format.value(f.scenario), format.delta(f.delta)])
        }
        blocks.append(.table(figures))

        let changes = result.diff.mentorChanges
        blocks.append(.section("Students whose mentor would change (\(changes.count))"))
        if changes.isEmpty {
            blocks.append(.line("None."))
        } else {
            var table = Table([("student", .left), ("base mentor", .left), ("scenario mentor", .left)])
            for c in changes { table.append([c.student, c.baseMentor ?? "-", c.scenarioMentor ?? "-"]) }
            blocks.append(.table(table))
        }
        let unassigned = result.diff.newlyUnassigned
        blocks.append(.section("Students who would be left without a mentor (\(unassigned.count))"))
        if unassigned.isEmpty {
            blocks.append(.line("None."))
        } else {
            var table = Table([("student", .left), ("base mentor", .left), ("reason", .left)])
            for u in unassigned { table.append([u.student, u.baseMentor ?? "(new)", u.reason?.text ?? ""]) }
            blocks.append(.table(table))
        }
        return Report(blocks: blocks, rows: rows(result), json: json(result, name: name))
    }

    /// The engine's figures, with the counts by reason right under the number of students without a mentor.
    static func grouped(_ figures: [WhatIfDiff.Figure]) -> [WhatIfDiff.Figure] {
        let reasons = figures.filter { $0.name.hasPrefix("unassigned.") }
        var out: [WhatIfDiff.Figure] = []
        for f in figures where !f.name.hasPrefix("unassigned.") {
            out.append(f)
            if f.name == "unassigned" { out += reasons }
        }
        return out
    }

    /// formats.md's `{"kind": "whatif", "base", "scenario", "diff"}`, with the scenario's name.
    static func json(_ result: WhatIfResult, name: String) -> JSONValue {
        guard case .object(var fields) = result.json else { return result.json }
        fields.insert(("name", .string(name)), at: 1)
        return .object(fields)
    }

    /// One row per student of either snapshot: scenario order, then students the scenario removed.
    static func rows(_ result: WhatIfResult) -> Table {
        var table = Table([("student", .left), ("baseMentor", .left), ("scenarioMentor", .left), ("baseChange", .left),
                           ("scenarioChange", .left), ("baseFit", .left), ("scenarioFit", .left), ("scenarioReason", .left)])
        var base: [String: StudentResult] = [:]
        for e in result.base.entries { base[e.student] = e }
        var seen = Set<String>()
        for e in result.scenario.entries {
            seen.insert(e.student)
            let b = base[e.student]
            table.append([e.student, b?.mentor ?? "", e.mentor ?? "", b?.change.rawValue ?? "", e.change.rawValue,
                          b?.fit.map(String.init) ?? "", e.fit.map(String.init) ?? "", e.reasonText ?? ""])
        }
        for b in result.base.entries where !seen.contains(b.student) {
            table.append([b.student, b.mentor ?? "", "", b.change.rawValue, "removed", b.fit.map(String.init) ?? "", "", ""])
        }
        return table
    }

    enum FigureFormat {
        case count, decimal, percent

        func value(_ v: Double?) -> String {
            switch self {
            case .count: return v.map { String(Int($0.rounded())) } ?? "-"
            case .decimal: return Numbers.decimal(v)
            case .percent: return Numbers.percent(v)
            }
        }

        func delta(_ v: Double?) -> String {
            switch self {
            case .count: return Numbers.delta(v, places: 0)
            case .decimal: return Numbers.delta(v, places: 1)
            case .percent: return v.map { Numbers.delta($0 * 100, places: 1) + " pts" } ?? "-"
            }
        }
    }

    /// Words and number format of an engine figure name.
    static func presentation(of name: String) -> (String, FigureFormat) {
        switch name {
        case "objective": return ("objective", .count)
        case "assigned": return ("students assigned", .count)
        case "unassigned": return ("students without a mentor", .count)
        case "voluntaryMoves": return ("voluntary moves", .count)
        case "forcedMoves": return ("forced moves", .count)
        case "lockedMoves": return ("moves by lock", .count)
        case "newAssignments": return ("new assignments", .count)
        case "meanFit": return ("mean fit", .decimal)
        case "meanFitPriority3": return ("mean fit, at-risk students", .decimal)
        case "utilisationMean": return ("mentor utilisation, mean", .percent)
        case "utilisationMax": return ("mentor utilisation, max", .percent)
        case "fullMentors": return ("mentors full", .count)
        default:
            if name.hasPrefix("unassigned.") {
                return (ReasonWords.unassigned(kind: String(name.dropFirst("unassigned.".count))), .count)
            }
            return (name, .decimal)
        }
    }
}
