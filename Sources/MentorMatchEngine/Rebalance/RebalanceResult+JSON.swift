/// The result JSON of formats.md: `kind`, `status`, `objective`, `bound`, `gap`,
/// `assignments[{student, mentor, previousMentor, fit, priority, change, reason?}]`,
/// then the summary figures (extra fields, which readers may ignore).
extension RebalanceResult {
    public var statusName: String {
        switch status {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .failed: return "failed"
        }
    }

    /// The result as a JSON value.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("kind", .string("rebalance")),
            ("status", .string(statusName)),
        ]
        if case .failed(let message) = status { fields.append(("message", .string(message))) }
        fields += [
            ("objective", .int(objective)),
            ("bound", .int(bound)),
            ("gap", .double(gap)),
            ("maxMoves", .int(maxMoves)),
            ("tzdata", .string(tzdata)),
            ("assignments", .array(entries.map(\.json))),
            ("summary", summary.json),
        ]
        return .object(fields)
    }

    /// The result as JSON text.
    public func jsonText(indent: Int? = 2) -> String { json.serialized(indent: indent) }
}

extension StudentResult {
    /// Words saying why the student moved or has no mentor, if they did.
    public var reasonText: String? { unassignedReason?.text ?? moveReason?.text ?? settlingText }

    /// For a settling student kept from a better mentor: why they were not moved.
    public var settlingText: String? {
        settlingKeptFrom.map { "settling: not moved voluntarily yet (\($0.mentor) fits better, \($0.fit))" }
    }

    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("student", .string(student)),
            ("mentor", .string(mentor)),
            ("previousMentor", .string(previousMentor)),
            ("fit", .int(fit)),
            ("previousFit", .int(previousFit)),
            ("priority", .int(priority)),
            ("change", .string(change.rawValue)),
        ]
        if let reasonText { fields.append(("reason", .string(reasonText))) }
        if let r = unassignedReason { fields.append(("reasonKind", .string(r.kind))) }
        if case .evicted(let m)? = unassignedReason { fields.append(("evictedBy", .string(m))) }
        if settling { fields.append(("settling", .bool(true))) }
        if settlingKeptFrom != nil { fields.append(("reasonKind", .string("settling"))) }
        return .object(fields)
    }
}

extension RebalanceSummary {
    public var json: JSONValue {
        .object([
            ("assigned", .int(assigned)),
            ("unassigned", .int(unassigned)),
            ("voluntaryMoves", .int(voluntaryMoves)),
            ("forcedMoves", .int(forcedMoves)),
            ("lockedMoves", .int(lockedMoves)),
            ("newAssignments", .int(newAssignments)),
            ("meanFit", .double(meanFit)),
            ("meanFitPriority3", .double(meanFitPriority3)),
            ("utilisationMean", .double(utilisationMean)),
            ("utilisationMax", .double(utilisationMax)),
            ("fullMentors", .int(fullMentors)),
            ("settlingStudents", .int(settlingStudents)),
            ("settlingKeptFromBetterFit", .int(settlingKeptFromBetterFit)),
            ("evicted", .int(evicted)),
            ("unassignedByReason", .object(unassignedByReason.map { ($0.kind, .int($0.count)) })),
        ])
    }
}
