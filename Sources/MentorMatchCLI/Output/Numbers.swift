import Foundation

/// How figures are written in reports: fixed decimals, no locale, "-" for a missing value.
enum Numbers {
    /// "1 lock", "2 locks".
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    static func int(_ value: Int?) -> String { value.map(String.init) ?? "-" }

    static func decimal(_ value: Double?, places: Int = 1) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.\(places)f", value)
    }

    /// A ratio as a percentage with one decimal (0.853 → "85.3%").
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "-" }
        return String(format: "%.1f%%", ratio * 100)
    }

    /// A relative gap: "0%" when proven, else four decimals of a percent.
    static func gap(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "-" }
        return ratio == 0 ? "0%" : String(format: "%.4f%%", ratio * 100)
    }

    /// A difference with its sign ("+3", "-1.5", "0").
    static func delta(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        let text = String(format: "%.\(places)f", value)
        if text.allSatisfy({ "0.-".contains($0) }) { return places == 0 ? "0" : String(format: "%.\(places)f", 0.0) }
        return value > 0 ? "+" + text : text
    }
}
