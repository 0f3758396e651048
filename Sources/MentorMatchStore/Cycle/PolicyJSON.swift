import MentorMatchData
import MentorMatchEngine

/// The policy in effect, as recorded with a run (every field, in formats.md's names and order, then
/// the store's own `declineWeeks`).
enum PolicyJSON {
    static func value(_ p: Policy, declineWeeks: Int) -> JSONValue {
        .object([
            ("weights", .object([("style", .double(p.weights.style)), ("availability", .double(p.weights.availability)),
                                 ("satisfaction", .double(p.weights.satisfaction))])),
            ("moveCost", .int(p.moveCost)),
            ("unassignedPenalty", .int(p.unassignedPenalty)),
            ("evictionCost", .int(p.evictionCost)),
            ("maxMoves", .int(p.maxMoves)),
            ("maxMovesPercent", .int(p.maxMovesPercent)),
            ("cooldownWeeks", .int(p.cooldownWeeks)),
            ("learningRate", .double(p.learningRate)),
            ("forbidAtOrBelow", .int(p.forbidAtOrBelow)),
            ("ratingPrior", .double(p.ratingPrior)),
            ("mipGap", .double(p.mipGap)),
            ("timeLimitSeconds", .double(p.timeLimitSeconds)),
            ("declineWeeks", .int(declineWeeks)),
        ])
    }
}
