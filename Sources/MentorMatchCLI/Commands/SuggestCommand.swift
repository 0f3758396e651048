import ArgumentParser
import Foundation
import Logging
import MentorMatchData
import MentorMatchEngine
import MentorMatchStore

/// `mentormatch suggest SNAPSHOT --student ID [--alternatives n] [--chain c]`
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose new mentors for one student who wants a change, best first, with the moves that make room.",
        discussion: """
            The student leaves their current mentor; everyone else stays, except along one chain of at \
            most --chain voluntary moves (and at most the policy's maxMoves) that frees a seat at a full \
            mentor (matching-model.md §6). Each proposal says how the school's objective changes; every \
            other mentor of the student's path and language is listed with the reason it was not proposed.

            With --store PATH the proposals are recorded in the store as a run that advisors can decide on \
            (`mentormatch decide RUN --accept STUDENT [--mentor M]`); without a snapshot the store's latest \
            enriched snapshot is read.
            """)

    @Argument(help: "The snapshot: a JSON file or a CSV folder (optional with --store).")
    var snapshot: String?

    @Option(help: "The student who asked for a change.")
    var student: String

    @Option(help: "How many proposals to show.")
    var alternatives = 3

    @Option(help: "At most this many other students may move to make room.")
    var chain = 1

    @OptionGroup var policy: PolicyOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if snapshot == nil, store.store == nil { throw ValidationError("give a snapshot, or --store to use the store's latest one") }
        if alternatives < 1 { throw ValidationError("--alternatives must be >= 1, found \(alternatives)") }
        if chain < 0 { throw ValidationError("--chain must be >= 0, found \(chain)") }
    }

    func run() throws {
        let logger = global.logger()
        let inputs = Inputs(logger: logger)
        let policy = try self.policy.load(inputs: inputs)
        if let path = store.store {
            return try runWithStore(path, policy: policy, logger: logger)
        }
        let source = DisplayPath.of(snapshot!)
        let snapshot = try inputs.snapshot(at: snapshot!)
        let context = try Solve.context(snapshot, source: source, policy: policy)
        let result = try suggest(context, source: source, logger: logger)
        try output.emit(SuggestReport.make(result, source: source))
    }

    func suggest(_ context: MatchingContext, source: String, logger: Logger) throws -> SuggestResult {
        let index = SuggestIndex(context)
        let result: SuggestResult
        do {
            result = try index.suggest(student: student, chainMoves: chain, alternatives: alternatives)
        } catch {
            throw CommandFailure(.inputError, "1 input error:\n  \(source): \(error.description)")
        }
        logger.debug("suggested", metadata: ["student": "\(student)", "proposals": "\(result.proposals.count)"])
        return result
    }

    /// Suggest on the store: import the snapshot given (if any), enrich, suggest, record.
    func runWithStore(_ path: String, policy: Policy, logger: Logger) throws {
        let store = try StoreAccess.open(path, create: snapshot != nil)
        let startedAt = store.clock.now()
        let version = try snapshot.map { try StoreAccess.importing($0, into: store, path: path).info.id }
        let input = try StoreAccess.failing(path) { try store.enriched(version: version, declineWeeks: self.store.declineWeeks) }
        let source = StoreAccess.source(input, path: path)
        let start = ContinuousClock.now
        let context = try Solve.context(input.snapshot, source: source, policy: policy)
        let result = try suggest(context, source: source, logger: logger)
        let elapsed = start.duration(to: .now)
        let settings = RunSettings(policy: policy, declineWeeks: self.store.declineWeeks, solver: "suggest", startedAt: startedAt)
        let run = try StoreAccess.failing(path) {
            try store.recordSuggest(result, input: input, context: context, settings: settings, chainMoves: chain,
                                    alternatives: alternatives,
                                    solveSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        StoreAccess.recorded(run, input: input, path: path)
        try output.emit(SuggestReport.make(result, source: source))
    }
}
