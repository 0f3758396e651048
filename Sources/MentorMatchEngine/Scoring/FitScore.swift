/// The fit of one student–mentor pair and its three parts (matching-model §3).
public struct FitScore: Sendable, Equatable {
    /// Style agreement in [0, 1].
    public var style: Double
    /// Availability overlap in [0, 1].
    public var availability: Double
    /// The mentor's rating-based satisfaction in [0, 1].
    public var satisfaction: Double
    /// The integer fit in 0…1000.
    public var fit: Int

    public init(style: Double, availability: Double, satisfaction: Double, fit: Int) {
        self.style = style
        self.availability = availability
        self.satisfaction = satisfaction
        self.fit = fit
    }
}

/// One of the three parts of a fit, to explain a move.
public enum FitPart: String, Sendable, Equatable, CaseIterable {
    case style, availability, satisfaction
}

extension FitScore {
    /// The parts that are strictly higher in `other` than here, in the order style, availability, satisfaction.
    public func partsImproved(in other: FitScore) -> [FitPart] {
        var parts: [FitPart] = []
        if other.style > style { parts.append(.style) }
        if other.availability > availability { parts.append(.availability) }
        if other.satisfaction > satisfaction { parts.append(.satisfaction) }
        return parts
    }
}
