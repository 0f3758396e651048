/// Some fields of a policy, to lay over another (a policy file over the defaults, a scenario's
/// `policy:` over the policy in use). A field absent here keeps the base value.
public struct PolicyOverrides: Sendable, Equatable {
    public var style: Double?
    public var availability: Double?
    public var satisfaction: Double?
    public var moveCost: Int?
    public var unassignedPenalty: Int?
    /// `.some(nil)` removes the limit (`maxMoves: null`).
    public var maxMoves: Int??
    public var forbidAtOrBelow: Int?
    public var ratingPrior: Double?
    public var mipGap: Double?
    /// `.some(nil)` removes the limit.
    public var timeLimitSeconds: Double??

    public init() {}

    /// `base` with these fields laid over it; weights given in part keep the base's other weights.
    public func applied(to base: Policy) -> Policy {
        var p = base
        if let style { p.weights.style = style }
        if let availability { p.weights.availability = availability }
        if let satisfaction { p.weights.satisfaction = satisfaction }
        if let moveCost { p.moveCost = moveCost }
        if let unassignedPenalty { p.unassignedPenalty = unassignedPenalty }
        if let maxMoves { p.maxMoves = maxMoves }
        if let forbidAtOrBelow { p.forbidAtOrBelow = forbidAtOrBelow }
        if let ratingPrior { p.ratingPrior = ratingPrior }
        if let mipGap { p.mipGap = mipGap }
        if let timeLimitSeconds { p.timeLimitSeconds = timeLimitSeconds }
        return p
    }

    static let fields: Set<String> = [
        "weights", "moveCost", "unassignedPenalty", "maxMoves", "forbidAtOrBelow",
        "ratingPrior", "mipGap", "timeLimitSeconds",
    ]
    static let weightFields: Set<String> = ["style", "availability", "satisfaction"]

    /// Reads the overrides of a policy object; errors and warnings go to `reader`'s diagnostics.
    static func read(_ reader: RecordReader) -> PolicyOverrides? {
        reader.warnUnknown(known: fields, section: "policy")
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
            weights.warnUnknown(known: weightFields, section: "policy.weights")
            take(weights.optionalDouble("style", minimum: 0)) { o.style = $0 }
            take(weights.optionalDouble("availability", minimum: 0)) { o.availability = $0 }
            take(weights.optionalDouble("satisfaction", minimum: 0)) { o.satisfaction = $0 }
        case let other?:
            reader.fail("weights", found: other.found, expected: "an object {style, availability, satisfaction}")
            ok = false
        }
        take(reader.optionalInt("moveCost", minimum: 0)) { o.moveCost = $0 }
        take(reader.optionalInt("unassignedPenalty", minimum: 0)) { o.unassignedPenalty = $0 }
        if has("maxMoves") { take(reader.optionalInt("maxMoves", minimum: 0)) { o.maxMoves = .some($0) } }
        if case .null? = reader.fields["maxMoves"] { o.maxMoves = .some(nil) }
        take(reader.optionalInt("forbidAtOrBelow", minimum: 0)) { o.forbidAtOrBelow = $0 }
        take(reader.optionalDouble("ratingPrior", minimum: 0)) { o.ratingPrior = $0 }
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

    /// Records an error when the weights of `policy` sum to zero.
    static func checkWeights(_ policy: Policy, file: String, diagnostics: Diagnostics) {
        let w = policy.weights
        if !(w.style + w.availability + w.satisfaction > 0) {
            diagnostics.error(file, "", "weights", found: "weights summing to 0", expected: "weights with a positive sum")
        }
    }
}
