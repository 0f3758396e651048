import MentorMatchEngine

/// The weekly run as an advisor reads it: the proposed moves first (at-risk students first, each
/// with its reason), the students left without a mentor, then the summary figures.
enum RebalanceReport {
    static func make(_ result: RebalanceResult, source: String) -> Report {
        var blocks: [Report.Block] = [.title("Rebalance of \(source): \(status(of: result))")]
        blocks += body(result)
        return Report(blocks: blocks, rows: rows(result), json: result.json)
    }

    /// How the solve ended, in words; an answer not proven optimal says so.
    static func status(of result: RebalanceResult) -> String {
        switch result.status {
        case .optimal:
            return "optimal, objective \(Numbers.int(result.objective))"
        case .feasible:
            return "NOT PROVEN OPTIMAL (stopped by a limit or Ctrl-C): objective \(Numbers.int(result.objective)), "
                + "bound \(Numbers.int(result.bound)), gap \(Numbers.gap(result.gap))"
        case .failed(let message):
            return "failed: \(message)"
        }
    }

    /// The sections under the title.
    static func body(_ result: RebalanceResult) -> [Report.Block] {
        var blocks: [Report.Block] = []
        if case .feasible = result.status {
            blocks.append(.line("The search was stopped before proving this assignment best: it is the best one found "
                + "(never worse than keeping everyone where they are), and the reasons describe it, not the optimum."))
        }
        let moves = result.entries.filter { [.move, .forced, .new].contains($0.change) }.sorted(by: urgentFirst)
        blocks.append(.section("Proposed moves (\(moves.count)), at-risk students first"))
        if moves.isEmpty {
            blocks.append(.line("No student changes mentor."))
        } else {
            var table = Table([("student", .left), ("priority", .right), ("from", .left), ("to", .left),
                               ("fit before", .right), ("fit after", .right), ("change", .left), ("reason", .left)])
            for e in moves {
                table.append([e.student, String(e.priority), e.previousMentor ?? "-", e.mentor ?? "-",
                              Numbers.int(e.previousFit), Numbers.int(e.fit), e.change.rawValue,
                              e.reasonText ?? (e.change == .new ? "had no mentor" : "")])
            }
            blocks.append(.table(table))
        }
        let kept = result.entries.filter { $0.settlingKeptFrom != nil }.sorted(by: urgentFirst)
        if !kept.isEmpty {
            blocks.append(.section("Settling, kept on their mentor (\(kept.count)): moved in the last weeks, not moved again voluntarily"))
            var table = Table([("student", .left), ("priority", .right), ("mentor", .left), ("fit", .right),
                               ("better fit", .left)])
            for e in kept {
                let better = e.settlingKeptFrom!
                table.append([e.student, String(e.priority), e.mentor ?? "-", Numbers.int(e.fit), "\(better.mentor) (\(better.fit))"])
            }
            blocks.append(.table(table))
        }
        let unassigned = result.entries.filter { $0.change == .unassigned }.sorted(by: urgentFirst)
        if !unassigned.isEmpty {
            blocks.append(.section("Without a mentor (\(unassigned.count)), at-risk students first"))
            var table = Table([("student", .left), ("priority", .right), ("previous mentor", .left), ("reason", .left)])
            for e in unassigned {
                table.append([e.student, String(e.priority), e.previousMentor ?? "-", e.reasonText ?? ""])
            }
            blocks.append(.table(table))
        }
        blocks.append(.section("Summary"))
        blocks.append(.figures(figures(result)))
        return blocks
    }

    /// Priority 3 first, then 2, then 1; by student id within a priority.
    static func urgentFirst(_ a: StudentResult, _ b: StudentResult) -> Bool {
        (b.priority, a.student) < (a.priority, b.student)
    }

    static func figures(_ result: RebalanceResult) -> [(name: String, value: String)] {
        let s = result.summary
        var list: [(name: String, value: String)] = [
            ("objective", Numbers.int(result.objective)),
            ("bound", Numbers.int(result.bound)),
            ("gap", Numbers.gap(result.gap)),
            ("students assigned", "\(s.assigned) of \(s.assigned + s.unassigned)"),
            ("students without a mentor", String(s.unassigned)),
        ]
        for r in s.unassignedByReason { list.append((ReasonWords.unassigned(kind: r.kind), String(r.count))) }
        list += [
            ("voluntary moves", result.maxMoves.map { "\(s.voluntaryMoves) of \($0) allowed" } ?? String(s.voluntaryMoves)),
            ("forced moves", String(s.forcedMoves)),
            ("moves by lock", String(s.lockedMoves)),
            ("new assignments", String(s.newAssignments)),
            ("mean fit", Numbers.decimal(s.meanFit)),
            ("mean fit, at-risk students", Numbers.decimal(s.meanFitPriority3)),
            ("mentor utilisation, mean", Numbers.percent(s.utilisationMean)),
            ("mentor utilisation, max", Numbers.percent(s.utilisationMax)),
            ("mentors full", String(s.fullMentors)),
            ("settling students (not moved voluntarily)", String(s.settlingStudents)),
            ("evicted (a mentor's seat needed elsewhere)", String(s.evicted)),
        ]
        if let tzdata = result.tzdata { list.append(("time-zone database", "tzdata \(tzdata)")) }
        return list
    }

    /// One row per student, in snapshot order.
    static func rows(_ result: RebalanceResult) -> Table {
        var table = Table(columns.map { ($0, .left) })
        for e in result.entries { table.append(row(e)) }
        return table
    }

    static let columns = ["student", "priority", "previousMentor", "mentor", "previousFit", "fit", "change", "reason"]

    static func row(_ e: StudentResult) -> [String] {
        [e.student, String(e.priority), e.previousMentor ?? "", e.mentor ?? "",
         e.previousFit.map(String.init) ?? "", e.fit.map(String.init) ?? "", e.change.rawValue, e.reasonText ?? ""]
    }
}
