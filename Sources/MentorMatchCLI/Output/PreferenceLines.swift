import MentorMatchEngine

/// A student's preferences in words: declared, and (when pedagogy ratings taught the engine something)
/// the effective ones the fit uses, with the ratings they were learned from.
enum PreferenceLines {
    static func blocks(_ p: PreferenceExplanation) -> [Report.Block] {
        var blocks: [Report.Block] = [.line("Teaching styles the student prefers: " + list(p.styles, p.declared) + ".")]
        if p.learned {
            let ratings = p.learnedFrom.map { "\($0.rating)/5 for \($0.mentor)'s pedagogy on \($0.date)" }
            blocks.append(.line("Learned from " + ratings.joined(separator: ", ") + " (learning rate "
                + Numbers.decimal(p.learningRate, places: 2) + "), the fit uses: " + list(p.styles, p.effective) + "."))
        }
        return blocks
    }

    /// "socratic 1.00, hands-on 0.50", or "none declared".
    static func list(_ styles: [String], _ weights: [Double]) -> String {
        let items = zip(styles, weights).filter { $0.1 != 0 }.map { "\($0.0) " + Numbers.decimal($0.1, places: 2) }
        return items.isEmpty ? "none" : items.joined(separator: ", ")
    }
}
