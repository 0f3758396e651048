/// Two rebalances under the same policy, a base and a scenario, and their difference (§7).
public struct WhatIfResult: Sendable, Equatable {
    public var base: RebalanceResult
    public var scenario: RebalanceResult
    public var diff: WhatIfDiff

    public init(base: RebalanceResult, scenario: RebalanceResult) {
        self.base = base
        self.scenario = scenario
        self.diff = WhatIfDiff(base: base, scenario: scenario)
    }
}

/// How a scenario's rebalance differs from the base's.
public struct WhatIfDiff: Sendable, Equatable {
    /// One summary figure, side by side.
    public struct Figure: Sendable, Equatable {
        public var name: String
        public var base: Double?
        public var scenario: Double?
        /// scenario − base (`nil` when either is missing).
        public var delta: Double? {
            guard let base, let scenario else { return nil }
            return scenario - base
        }
        public init(name: String, base: Double?, scenario: Double?) {
            self.name = name
            self.base = base
            self.scenario = scenario
        }
    }

    /// A student in both results whose mentor differs.
    public struct MentorChange: Sendable, Equatable {
        public var student: String
        public var baseMentor: String?
        public var scenarioMentor: String?
    }

    /// A student unassigned in the scenario who was assigned (or absent) in the base.
    public struct NewlyUnassigned: Sendable, Equatable {
        public var student: String
        /// The base mentor, `nil` when the student is new in the scenario.
        public var baseMentor: String?
        public var reason: UnassignedReason?
    }

    public var figures: [Figure]
    /// Sorted by student id.
    public var mentorChanges: [MentorChange]
    /// Sorted by student id.
    public var newlyUnassigned: [NewlyUnassigned]

    public init(base: RebalanceResult, scenario: RebalanceResult) {
        func figures(_ r: RebalanceResult) -> [(String, Double?)] {
            let s = r.summary
            return [
                ("objective", r.objective.map(Double.init)),
                ("assigned", Double(s.assigned)),
                ("unassigned", Double(s.unassigned)),
                ("voluntaryMoves", Double(s.voluntaryMoves)),
                ("forcedMoves", Double(s.forcedMoves)),
                ("lockedMoves", Double(s.lockedMoves)),
                ("newAssignments", Double(s.newAssignments)),
                ("meanFit", s.meanFit),
                ("meanFitPriority3", s.meanFitPriority3),
                ("utilisationMean", s.utilisationMean),
                ("utilisationMax", s.utilisationMax),
                ("fullMentors", Double(s.fullMentors)),
            ]
        }
        var list = zip(figures(base), figures(scenario)).map { Figure(name: $0.0, base: $0.1, scenario: $1.1) }
        // Unassigned counts by reason: every kind seen on either side.
        let kinds = Set((base.summary.unassignedByReason + scenario.summary.unassignedByReason).map(\.kind)).sorted()
        func count(_ r: RebalanceResult, _ kind: String) -> Double {
            Double(r.summary.unassignedByReason.first { $0.kind == kind }?.count ?? 0)
        }
        for kind in kinds {
            list.append(Figure(name: "unassigned." + kind, base: count(base, kind), scenario: count(scenario, kind)))
        }
        self.figures = list

        let baseByStudent = Dictionary(base.entries.map { ($0.student, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [MentorChange] = [], unassigned: [NewlyUnassigned] = []
        for e in scenario.entries {
            let before = baseByStudent[e.student]
            if let before, before.mentor != e.mentor {
                changes.append(MentorChange(student: e.student, baseMentor: before.mentor, scenarioMentor: e.mentor))
            }
            if e.mentor == nil, before == nil || before?.mentor != nil {
                unassigned.append(NewlyUnassigned(student: e.student, baseMentor: before?.mentor, reason: e.unassignedReason))
            }
        }
        mentorChanges = changes.sorted { $0.student < $1.student }
        newlyUnassigned = unassigned.sorted { $0.student < $1.student }
    }
}
