/// Some fields of a policy, to lay over another (a policy file over the defaults, a scenario's
/// `policy:` or `scenarioPolicy:` over the policy in use). A field absent here keeps the base value.
public struct PolicyOverrides: Sendable, Equatable {
    public var style: Double?
    public var availability: Double?
    public var satisfaction: Double?
    public var moveCost: Int?
    public var unassignedPenalty: Int?
    /// (v2) Paid for each voluntary student left unassigned (matching-model §5).
    public var evictionCost: Int?
    /// `.some(nil)` removes the limit (`maxMoves: null`): the budget is then `maxMovesPercent`'s.
    public var maxMoves: Int??
    /// (v2) The default move budget, in percent of the students with a current mentor.
    public var maxMovesPercent: Int?
    /// (v2) The settling period after a change of mentor, in weeks (matching-model §4b).
    public var cooldownWeeks: Int?
    /// (v2) How strongly pedagogy ratings move preferences (matching-model §3).
    public var learningRate: Double?
    public var forbidAtOrBelow: Int?
    public var ratingPrior: Double?
    public var mipGap: Double?
    /// `.some(nil)` removes the limit.
    public var timeLimitSeconds: Double??

    public init() {}

    /// True when no field is set (laying these over a policy changes nothing).
    public var isEmpty: Bool { self == PolicyOverrides() }

    /// `base` with these fields laid over it; weights given in part keep the base's other weights.
    public func applied(to base: Policy) -> Policy {
        var p = base
        if let style { p.weights.style = style }
        if let availability { p.weights.availability = availability }
        if let satisfaction { p.weights.satisfaction = satisfaction }
        if let moveCost { p.moveCost = moveCost }
        if let unassignedPenalty { p.unassignedPenalty = unassignedPenalty }
        if let evictionCost { p.evictionCost = evictionCost }
        if let maxMoves { p.maxMoves = maxMoves }
        if let maxMovesPercent { p.maxMovesPercent = maxMovesPercent }
        if let cooldownWeeks { p.cooldownWeeks = cooldownWeeks }
        if let learningRate { p.learningRate = learningRate }
        if let forbidAtOrBelow { p.forbidAtOrBelow = forbidAtOrBelow }
        if let ratingPrior { p.ratingPrior = ratingPrior }
        if let mipGap { p.mipGap = mipGap }
        if let timeLimitSeconds { p.timeLimitSeconds = timeLimitSeconds }
        return p
    }

    static let fields: Set<String> = [
        "weights", "moveCost", "unassignedPenalty", "evictionCost", "maxMoves", "maxMovesPercent",
        "cooldownWeeks", "learningRate", "forbidAtOrBelow", "ratingPrior", "mipGap", "timeLimitSeconds",
    ]
    static let weightFields: Set<String> = ["style", "availability", "satisfaction"]

    /// Reads the overrides of a policy object; errors and warnings go to `reader`'s diagnostics.
    /// `section` tells apart unknown fields of a scenario's `policy` and `scenarioPolicy`.
    static func read(_ reader: RecordReader, section: String = "policy") -> PolicyOverrides? {
        reader.warnUnknown(known: fields, section: section)
        var o = PolicyOverrides()
        var ok = true
        func take<T>(_ value: T??, _ assign: (T) -> Void) {
            switch value {
            case nil: ok = false
            case .some(nil): break
            case .some(.some(let v)): assign(v)
            }
        }
        func has(_ key: String) -> Bool { reader.fields[key] != nil }
        switch reader.fields["weights"] {
        case nil: break
        case .object(let w)?:
            let weights = RecordReader(w, file: reader.file, record: "weights", diagnostics: reader.diagnostics)
            weights.warnUnknown(known: weightFields, section: section + ".weights")
            take(weights.optionalDouble("style", minimum: 0)) { o.style = $0 }
            take(weights.optionalDouble("availability", minimum: 0)) { o.availability = $0 }
            take(weights.optionalDouble("satisfaction", minimum: 0)) { o.satisfaction = $0 }
        case let other?:
            reader.fail("weights", found: other.found, expected: "an object {style, availability, satisfaction}")
            ok = false
        }
        let cost = InputLimits.cost
        take(reader.optionalInt("moveCost", minimum: 0, maximum: cost)) { o.moveCost = $0 }
        take(reader.optionalInt("unassignedPenalty", minimum: 0, maximum: cost)) { o.unassignedPenalty = $0 }
        take(reader.optionalInt("evictionCost", minimum: 0, maximum: cost)) { o.evictionCost = $0 }
        if has("maxMoves") { take(reader.optionalInt("maxMoves", minimum: 0)) { o.maxMoves = .some($0) } }
        if case .null? = reader.fields["maxMoves"] { o.maxMoves = .some(nil) }
        take(reader.optionalInt("maxMovesPercent", minimum: 0, maximum: 100)) { o.maxMovesPercent = $0 }
        take(reader.optionalInt("cooldownWeeks", minimum: 0, maximum: InputLimits.cooldownWeeks)) { o.cooldownWeeks = $0 }
        take(reader.optionalDouble("learningRate", minimum: 0, maximum: 1)) { o.learningRate = $0 }
        take(reader.optionalInt("forbidAtOrBelow", minimum: 0)) { o.forbidAtOrBelow = $0 }
        take(reader.optionalDouble("ratingPrior", minimum: 0, maximum: InputLimits.ratingPrior)) { o.ratingPrior = $0 }
        take(reader.optionalDouble("mipGap", minimum: 0)) { o.mipGap = $0 }
        if has("timeLimitSeconds") {
            take(reader.optionalDouble("timeLimitSeconds", minimum: 0)) { seconds in
                if seconds > 0 {
                    o.timeLimitSeconds = .some(seconds)
                } else {
                    reader.fail("timeLimitSeconds", found: "0", expected: "a number of seconds > 0 (leave it out for no limit)")
                    ok = false
                }
            }
        }
        if case .null? = reader.fields["timeLimitSeconds"] { o.timeLimitSeconds = .some(nil) }
        return ok ? o : nil
    }

    /// Records an error when the weights of `policy` sum to zero, or to more than a Double holds
    /// (each weight is finite, but three near 1.8e308 sum to infinity, and fit would be NaN).
    static func checkWeights(_ policy: Policy, file: String, record: String = "", diagnostics: Diagnostics) {
        let w = policy.weights
        let sum = (w.style + w.availability) + w.satisfaction  // matching-model §3's order
        if !sum.isFinite {
            diagnostics.error(file, record, "weights", found: "weights summing to infinity", expected: "weights with a finite sum")
        } else if !(sum > 0) {
            diagnostics.error(file, record, "weights", found: "weights summing to 0", expected: "weights with a positive sum")
        }
    }
}
