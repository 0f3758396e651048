/// Short words for the engine's reason kinds, for the summary figures.
enum ReasonWords {
    /// "without a mentor: all candidates full" for `allCandidatesFull`.
    static func unassigned(kind: String) -> String {
        let words: String
        switch kind {
        case "noMentorOnPathAndLanguage": words = "no mentor on their path and language"
        case "noOverlappingAvailability": words = "no shared time with a mentor"
        case "vetoedByFeedback": words = "every mentor left vetoed by feedback"
        case "changeRequested": words = "only the mentor they asked to leave"
        case "allCandidatesFull": words = "all candidates full"
        case "moveBudgetSpent": words = "move budget spent"
        case "cheaperUnassigned": words = "cheaper left unassigned"
        case "evicted": words = "evicted (their mentor's seat needed)"
        case "declined": words = "every mentor left declined by an advisor"
        default: words = kind
        }
        return "without a mentor: " + words
    }
}
