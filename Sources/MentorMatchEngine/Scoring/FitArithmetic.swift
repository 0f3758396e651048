import MentorMatchData

/// The pinned arithmetic of matching-model §3: IEEE-754 binary64, no fused
/// multiply-add, operations in exactly this order, so that every
/// implementation gets the same integers.
public enum FitArithmetic {
    /// `num = p1*q1; num = num + p2*q2; …`, `den = p1 + p2 + …` over the snapshot's styles in order;
    /// `num / den`, or 0.5 when `den == 0`.
    ///
    /// `preferences` and `profile` are dense vectors in the snapshot's style order.
    @inlinable
    public static func style<P: Collection<Double>, Q: Collection<Double>>(preferences p: P, profile q: Q) -> Double {
        var num = 0.0, den = 0.0
        var first = true
        for (pk, qk) in zip(p, q) {
            if first {
                num = pk * qk
                den = pk
                first = false
            } else {
                num = num + pk * qk
                den = den + pk
            }
        }
        return den == 0 ? 0.5 : num / den
    }

    /// `min(1.0, Double(overlapMinutes) / Double(3*sessionsPerWeek*sessionMinutes))`.
    @inlinable
    public static func availability(overlapMinutes: Int, sessionsPerWeek: Int, sessionMinutes: Int) -> Double {
        min(1.0, Double(overlapMinutes) / Double(3 * sessionsPerWeek * sessionMinutes))
    }

    /// μ: the mean of all ratings of a snapshot, 4.0 when there are none.
    public static func meanRating(sum: Int, count: Int) -> Double {
        count == 0 ? 4.0 : Double(sum) / Double(count)
    }

    /// `score = (Double(R) + P*μ) / (Double(n) + P)` (μ when n + P = 0); `(score - 1.0) / 4.0`.
    public static func satisfaction(ratingSum r: Int, ratingCount n: Int, mean mu: Double, prior p: Double) -> Double {
        let denominator = Double(n) + p
        let score = denominator == 0 ? mu : (Double(r) + p * mu) / denominator
        return (score - 1.0) / 4.0
    }

    /// `v = ((ws*style + wa*avail) + wt*sat) / ((ws + wa) + wt)`; `floor(v*1000.0 + 0.5)`.
    @inlinable
    public static func fit(style: Double, availability: Double, satisfaction: Double, weights w: Policy.Weights) -> Int {
        let a = w.style * style
        let b = w.availability * availability
        let c = w.satisfaction * satisfaction
        let v = ((a + b) + c) / ((w.style + w.availability) + w.satisfaction)
        let scaled = v * 1000.0
        return Int((scaled + 0.5).rounded(.down))
    }
}
