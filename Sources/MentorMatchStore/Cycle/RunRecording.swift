import Foundation
import MentorMatchData
import MentorMatchEngine

/// The run's inputs besides the snapshot: how it was asked for.
public struct RunSettings: Sendable {
    public var policy: Policy
    public var declineWeeks: Int
    /// `flow`, `mip` (rebalance, what-if) or `suggest`.
    public var solver: String
    /// When the command started, by the store's clock (its end is this plus the read and solve times).
    public var startedAt: Date
    public var toolVersion: String

    public init(policy: Policy, declineWeeks: Int, solver: String, startedAt: Date, toolVersion: String = ToolVersion.current) {
        self.policy = policy
        self.declineWeeks = declineWeeks
        self.solver = solver
        self.startedAt = startedAt
        self.toolVersion = toolVersion
    }
}

extension Store {
    /// Records a rebalance run on `input` and every move it proposes, with the fit explanation.
    public func recordRebalance(_ result: RebalanceResult, input: EnrichedSnapshot, context: MatchingContext,
                                settings: RunSettings) throws -> RunRecord {
        var proposals: [Proposal] = []
        for e in result.entries where [.move, .forced, .new].contains(e.change) || (e.change == .unassigned && e.previousMentor != nil) {
            var p = Proposal(runId: 0, rank: 0, student: e.student, fromMentor: e.previousMentor, toMentor: e.mentor, priority: e.priority,
                             fitBefore: e.previousFit, fitAfter: e.fit, change: e.change.rawValue,
                             reason: e.reasonText ?? (e.change == .new ? "had no mentor" : ""))
            RunRecording.explain(&p, context: context)
            proposals.append(p)
        }
        let record = try RunRecording.record(kind: .rebalance, input: input, settings: settings, result: result,
                                             parameters: .object([]), summary: result.summaryJSON)
        return try repository.recordRun(record, proposals: proposals)
    }

    /// Records a suggest run: each alternative (rank 1…n) with the chain of moves that makes room.
    public func recordSuggest(_ result: SuggestResult, input: EnrichedSnapshot, context: MatchingContext, settings: RunSettings,
                              chainMoves: Int, alternatives: Int, solveSeconds: Double) throws -> RunRecord {
        var proposals: [Proposal] = []
        for (i, alternative) in result.proposals.enumerated() {
            let parts = alternative.improved.map(\.rawValue)
            var p = Proposal(runId: 0, rank: i + 1, student: result.student, fromMentor: result.currentMentor,
                             toMentor: alternative.mentor, priority: result.priority, fitBefore: result.currentFit,
                             fitAfter: alternative.fit, change: "suggest",
                             reason: parts.isEmpty ? "proposal \(i + 1)" : "proposal \(i + 1): better " + parts.joined(separator: ", "),
                             objectiveDelta: alternative.objectiveDelta)
            RunRecording.explain(&p, context: context)
            proposals.append(p)
            for move in alternative.chain {
                var c = Proposal(runId: 0, rank: i + 1, student: move.student, fromMentor: move.from, toMentor: move.to,
                                 priority: move.priority, fitBefore: move.fitBefore, fitAfter: move.fitAfter, change: "chain",
                                 reason: "makes room for \(result.student) at \(move.from)", objectiveDelta: move.objectiveDelta,
                                 forStudent: result.student)
                RunRecording.explain(&c, context: context)
                proposals.append(c)
            }
        }
        var record = try RunRecording.record(
            kind: .suggest, input: input, settings: settings, result: nil,
            parameters: .object([("student", .string(result.student)), ("chain", .int(chainMoves)), ("alternatives", .int(alternatives))]),
            summary: .object([("proposals", .int(result.proposals.count)),
                              ("best", .string(result.proposals.first?.mentor)),
                              ("bestObjectiveDelta", .int(result.proposals.first?.objectiveDelta))]))
        record.tzdata = result.tzdata ?? context.tzdata
        record.status = "optimal"
        record.solveSeconds = solveSeconds
        record.finishedAt = settings.startedAt.addingTimeInterval(input.readSeconds + solveSeconds)
        return try repository.recordRun(record, proposals: proposals)
    }

    /// Records a what-if run on `input` (the base; the scenario's changes laid over it): both results'
    /// figures, and every student whose mentor the scenario would change (not decidable).
    public func recordWhatIf(_ result: WhatIfResult, scenario: String, input: EnrichedSnapshot, settings: RunSettings) throws -> RunRecord {
        let priorities = Dictionary(result.scenario.entries.map { ($0.student, $0.priority) }, uniquingKeysWith: { a, _ in a })
        let proposals = result.diff.mentorChanges.map { c in
            Proposal(runId: 0, rank: 0, student: c.student, fromMentor: c.baseMentor, toMentor: c.scenarioMentor,
                     priority: priorities[c.student] ?? 1, fitBefore: nil, fitAfter: nil, change: "whatif",
                     reason: "mentor in the scenario \(scenario)")
        }
        var record = try RunRecording.record(
            kind: .whatif, input: input, settings: settings, result: result.scenario,
            parameters: .object([("scenario", .string(scenario))]),
            summary: .object([("base", result.base.summaryJSON), ("scenario", result.scenario.summaryJSON)]))
        record.solveSeconds = result.base.solveSeconds + result.scenario.solveSeconds
        record.finishedAt = settings.startedAt.addingTimeInterval(input.readSeconds + record.solveSeconds)
        return try repository.recordRun(record, proposals: proposals)
    }
}

enum RunRecording {
    static func record(kind: RunRecord.Kind, input: EnrichedSnapshot, settings: RunSettings, result: RebalanceResult?,
                       parameters: JSONValue, summary: JSONValue) throws -> RunRecord {
        let status: String
        switch result?.status {
        case .optimal?, nil: status = "optimal"
        case .feasible?: status = "feasible"
        case .failed?: status = "failed"
        }
        return RunRecord(
            kind: kind, snapshotId: input.info.id, startedAt: settings.startedAt,
            finishedAt: settings.startedAt.addingTimeInterval(input.readSeconds + (result?.solveSeconds ?? 0)),
            policy: PolicyJSON.value(settings.policy, declineWeeks: settings.declineWeeks).serialized(indent: nil),
            declineWeeks: settings.declineWeeks, tzdata: result?.tzdata, solver: settings.solver, toolVersion: settings.toolVersion,
            status: status, objective: result?.objective.map(Int64.init), bound: result?.bound.map(Int64.init), gap: result?.gap,
            maxMoves: result?.maxMoves, readSeconds: input.readSeconds, solveSeconds: result?.solveSeconds ?? 0, recordSeconds: 0,
            parameters: parameters.serialized(indent: nil), enrichment: try input.enrichment.encoded(),
            summary: summary.serialized(indent: nil))
    }

    /// The parts of the fit before and after the move, as the run computed them.
    static func explain(_ p: inout Proposal, context: MatchingContext) {
        guard let s = context.studentIndex[p.student] else { return }
        if let from = p.fromMentor, let m = context.mentorIndex[from] {
            let score = context.score(student: s, mentor: m)
            p.styleBefore = score.style
            p.availabilityBefore = score.availability
            p.satisfactionBefore = score.satisfaction
        }
        if let to = p.toMentor, let m = context.mentorIndex[to] {
            let score = context.score(student: s, mentor: m)
            p.styleAfter = score.style
            p.availabilityAfter = score.availability
            p.satisfactionAfter = score.satisfaction
        }
    }
}

extension RebalanceResult {
    /// The summary figures with status, objective, bound and budget.
    var summaryJSON: JSONValue {
        .object([("objective", .int(objective)), ("bound", .int(bound)), ("maxMoves", .int(maxMoves)), ("summary", summary.json)])
    }
}
