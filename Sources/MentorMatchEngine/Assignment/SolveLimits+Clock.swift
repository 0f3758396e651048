extension ContinuousClock.Instant {
    /// Seconds from this instant until now.
    public var secondsUntilNow: Double {
        let d = ContinuousClock.now - self
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

extension SolveLimits {
    /// A test for long searches: true once the solve is cancelled or `timeLimitSeconds` have passed since `start`.
    func stopCondition(since start: ContinuousClock.Instant) -> () -> Bool {
        { cancellation?.isCancelled == true || timeLimitSeconds.map { start.secondsUntilNow >= $0 } == true }
    }
}
