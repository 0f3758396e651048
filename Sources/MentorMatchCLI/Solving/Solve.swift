import Logging
import MentorMatchData
import MentorMatchEngine

/// Running the engine for a command: input errors become status 2, a failed solve status 3.
enum Solve {
    /// Rebalances `snapshot` (read from `source`) through the engine's front door, or fails with the documented status.
    static func rebalance(_ snapshot: Snapshot, source: String, policy: Policy, options: RebalanceOptions,
                          logger: Logger) throws -> RebalanceResult {
        let start = ContinuousClock.now
        let context = try context(snapshot, source: source, policy: policy)
        return try rebalance(context: context, source: source, options: options, logger: logger, start: start)
    }

    /// Rebalances a prepared context (`start`: when preparing it began, for the log line).
    static func rebalance(context: MatchingContext, source: String, options: RebalanceOptions, logger: Logger,
                          start: ContinuousClock.Instant = .now) throws -> RebalanceResult {
        let prepared = ContinuousClock.now
        logger.debug("searching", metadata: ["students": "\(context.studentCount)", "maxMoves": "\(context.maxMoves)"])
        var result = MentorMatchEngine.rebalance(context, options: options)
        // The whole solve, from the prepared context to the result (candidates, pricing, flow, decoding).
        result.solveSeconds = prepared.secondsUntilNow
        logger.debug("solved", metadata: [
            "status": "\(result.statusName)", "objective": "\(result.objective.map(String.init) ?? "-")",
            "prepareSeconds": "\(start.secondsUntilNow - result.solveSeconds)", "seconds": "\(result.solveSeconds)",
        ])
        try requireSolved(result, what: "rebalance of \(source)")
        return result
    }

    /// Fails with status 3 when the solver produced no assignment.
    static func requireSolved(_ result: RebalanceResult, what: String) throws {
        if case .failed(let message) = result.status {
            throw CommandFailure(.solverFailure, "solver failure in the \(what): \(message)")
        }
    }

    /// The engine's view of a snapshot, checking what only the engine checks (locks against capacity, …).
    static func context(_ snapshot: Snapshot, source: String, policy: Policy) throws -> MatchingContext {
        do {
            return try MatchingContext(snapshot: snapshot, policy: policy)
        } catch {
            throw Inputs.failure(error, file: source)
        }
    }
}
