import MentorMatchEngine

/// The dissatisfied-student story: who could take the student, what gets better, who else would move,
/// and why the other mentors of their path were not proposed.
enum SuggestReport {
    static func make(_ result: SuggestResult, source: String) -> Report {
        let leaving = result.currentMentor.map { "leaves \($0) (fit \(Numbers.int(result.currentFit)))" } ?? "has no mentor"
        var blocks: [Report.Block] = [
            .title("Suggest for \(result.student) (\(source))"),
            .line("\(result.student), priority \(result.priority), \(leaving); "
                + "at most \(Numbers.counted(result.chainMoves, "other move")) to make room."),
        ]
        if let preferences = result.preferences { blocks += PreferenceLines.blocks(preferences) }
        blocks.append(.section("Proposals (\(result.proposals.count)), best first"))
        if result.proposals.isEmpty {
            blocks.append(.line("No mentor can take this student now."))
        } else {
            var table = Table([("rank", .right), ("mentor", .left), ("fit", .right), ("objective change", .right),
                               ("better", .left), ("style", .right), ("availability", .right), ("satisfaction", .right),
                               ("others who move", .left)])
            for (i, p) in result.proposals.enumerated() {
                table.append([String(i + 1), p.mentor, String(p.fit), Numbers.delta(Double(p.objectiveDelta), places: 0),
                              p.improved.isEmpty ? "-" : p.improved.map(\.rawValue).joined(separator: ", "),
                              Numbers.decimal(p.score.style, places: 2), Numbers.decimal(p.score.availability, places: 2),
                              Numbers.decimal(p.score.satisfaction, places: 2),
                              p.chain.isEmpty ? "none (free seat)" : p.chain.map(describe).joined(separator: "; ")])
            }
            blocks.append(.table(table))
        }
        blocks.append(.section("Mentors of the path not proposed (\(result.notProposed.count))"))
        if result.notProposed.isEmpty {
            blocks.append(.line("None."))
        } else {
            var table = Table([("mentor", .left), ("reason", .left)])
            for n in result.notProposed { table.append([n.mentor, n.reason.text]) }
            blocks.append(.table(table))
        }
        if !result.otherMentors.isEmpty {
            let counts = result.otherMentors.map { "\($0.count) (\($0.rule.explanation))" }.joined(separator: ", ")
            blocks.append(.line("Other mentors, not candidates: " + counts + "."))
        }
        return Report(blocks: blocks, rows: rows(result), json: result.json)
    }

    /// "s-0033 m-014 → m-007 (fit 637 → 711)"
    static func describe(_ move: ChainMove) -> String {
        "\(move.student) \(move.from) → \(move.to) (fit \(move.fitBefore) → \(move.fitAfter))"
    }

    /// One row per student who moves in each proposal: the student who asked first, then the chain.
    static func rows(_ result: SuggestResult) -> Table {
        var table = Table(["proposal", "mentor", "objectiveDelta", "student", "from", "to", "fitBefore", "fitAfter", "priority"]
            .map { ($0, .left) })
        for (i, p) in result.proposals.enumerated() {
            let head = [String(i + 1), p.mentor, String(p.objectiveDelta)]
            table.append(head + [result.student, result.currentMentor ?? "", p.mentor,
                                 result.currentFit.map(String.init) ?? "", String(p.fit), String(result.priority)])
            for m in p.chain {
                table.append(head + [m.student, m.from, m.to, String(m.fitBefore), String(m.fitAfter), String(m.priority)])
            }
        }
        return table
    }
}
