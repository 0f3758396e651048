import ArgumentParser
import MentorMatchData

/// The policy file and the command-line overrides laid over it.
struct PolicyOptions: ParsableArguments {
    @Option(help: "Policy file (YAML or JSON, formats.md); the contract's defaults without it.")
    var policy: String?

    @Option(name: .customLong("max-moves"), help: "At most this many voluntary moves (overrides the policy's maxMoves).")
    var maxMoves: Int?

    @Option(name: .customLong("time-limit"), help: "Stop the search after this many seconds and report the best answer found, not proven (overrides timeLimitSeconds).")
    var timeLimit: Double?

    @Option(help: "Relative MIP gap at which an answer counts as optimal, e.g. 0.001 (overrides mipGap; 0 proves optimality).")
    var gap: Double?

    func validate() throws {
        if let maxMoves, maxMoves < 0 { throw ValidationError("--max-moves must be >= 0, found \(maxMoves)") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be > 0 seconds, found \(timeLimit)") }
        if let gap, !(gap >= 0 && gap < 1) { throw ValidationError("--gap must be in [0, 1), found \(gap)") }
    }

    /// The policy file (or the defaults), then `overrides` (a scenario's), then the command line.
    func load(overrides: PolicyOverrides = PolicyOverrides(), inputs: Inputs) throws -> Policy {
        var result = try policy.map { try inputs.policy(at: $0) } ?? Policy()
        result = overrides.applied(to: result)
        if let maxMoves { result.maxMoves = maxMoves }
        if let timeLimit { result.timeLimitSeconds = timeLimit }
        if let gap { result.mipGap = gap }
        return result
    }
}
