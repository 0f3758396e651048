/// Figures of a rebalance that an advisor reads first.
public struct RebalanceSummary: Sendable, Equatable {
    public var assigned: Int
    public var unassigned: Int
    public var voluntaryMoves: Int
    public var forcedMoves: Int
    /// Locked students placed on a mentor other than their current one (neither voluntary nor forced).
    public var lockedMoves: Int
    /// Students without a mentor before who have one now.
    public var newAssignments: Int
    /// Mean fit of assigned students (`nil` with none).
    public var meanFit: Double?
    /// Mean fit of assigned priority-3 students (`nil` with none).
    public var meanFitPriority3: Double?
    /// Mean of load/capacity over active mentors with capacity > 0 (`nil` with none).
    public var utilisationMean: Double?
    /// Largest load/capacity over those mentors.
    public var utilisationMax: Double?
    /// Active mentors with capacity > 0 whose load reaches capacity.
    public var fullMentors: Int
    /// Unassigned students by ``UnassignedReason/kind``, sorted by kind.
    public var unassignedByReason: [ReasonCount]
    /// Students settling (§4b): not moved voluntarily this week.
    public var settlingStudents = 0
    /// Settling students kept on their mentor while a candidate fits them better.
    public var settlingKeptFromBetterFit = 0
    /// Voluntary students left without a mentor (§5 evictions).
    public var evicted = 0

    public struct ReasonCount: Sendable, Equatable {
        public var kind: String
        public var count: Int
        public init(kind: String, count: Int) {
            self.kind = kind
            self.count = count
        }
    }

    public static let empty = RebalanceSummary(
        assigned: 0, unassigned: 0, voluntaryMoves: 0, forcedMoves: 0, lockedMoves: 0, newAssignments: 0,
        meanFit: nil, meanFitPriority3: nil, utilisationMean: nil, utilisationMax: nil, fullMentors: 0,
        unassignedByReason: [])

    public init(assigned: Int, unassigned: Int, voluntaryMoves: Int, forcedMoves: Int, lockedMoves: Int,
                newAssignments: Int, meanFit: Double?, meanFitPriority3: Double?, utilisationMean: Double?,
                utilisationMax: Double?, fullMentors: Int, unassignedByReason: [ReasonCount]) {
        self.assigned = assigned
        self.unassigned = unassigned
        self.voluntaryMoves = voluntaryMoves
        self.forcedMoves = forcedMoves
        self.lockedMoves = lockedMoves
        self.newAssignments = newAssignments
        self.meanFit = meanFit
        self.meanFitPriority3 = meanFitPriority3
        self.utilisationMean = utilisationMean
        self.utilisationMax = utilisationMax
        self.fullMentors = fullMentors
        self.unassignedByReason = unassignedByReason
    }

    /// The figures of `entries`, with mentor loads measured against `mentors` (id, capacity, active).
    public init(entries: [StudentResult], mentors: [(id: String, capacity: Int, active: Bool)]) {
        var load: [String: Int] = [:]
        var fitSum = 0, fitCount = 0, fit3Sum = 0, fit3Count = 0
        var counts = (assigned: 0, unassigned: 0, voluntary: 0, forced: 0, locked: 0, new: 0)
        var reasons: [String: Int] = [:]
        var settling = 0, keptFromBetter = 0, evicted = 0
        for e in entries {
            if e.settling { settling += 1 }
            if e.settlingKeptFrom != nil { keptFromBetter += 1 }
            if case .evicted? = e.unassignedReason { evicted += 1 }
            if let m = e.mentor, let fit = e.fit {
                counts.assigned += 1
                load[m, default: 0] += 1
                fitSum += fit
                fitCount += 1
                if e.priority == 3 {
                    fit3Sum += fit
                    fit3Count += 1
                }
            } else {
                counts.unassigned += 1
                if let r = e.unassignedReason { reasons[r.kind, default: 0] += 1 }
            }
            switch (e.change, e.moveReason) {
            case (.move, .locked?): counts.locked += 1
            case (.move, _): counts.voluntary += 1
            case (.forced, _): counts.forced += 1
            case (.new, _): counts.new += 1
            default: break
            }
        }
        let ratios = mentors.filter { $0.active && $0.capacity > 0 }.map { Double(load[$0.id] ?? 0) / Double($0.capacity) }
        self.init(
            assigned: counts.assigned, unassigned: counts.unassigned, voluntaryMoves: counts.voluntary,
            forcedMoves: counts.forced, lockedMoves: counts.locked, newAssignments: counts.new,
            meanFit: fitCount == 0 ? nil : Double(fitSum) / Double(fitCount),
            meanFitPriority3: fit3Count == 0 ? nil : Double(fit3Sum) / Double(fit3Count),
            utilisationMean: ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count),
            utilisationMax: ratios.max(),
            fullMentors: ratios.filter { $0 >= 1 }.count,
            unassignedByReason: reasons.sorted { $0.key < $1.key }.map { ReasonCount(kind: $0.key, count: $0.value) })
        settlingStudents = settling
        settlingKeptFromBetterFit = keptFromBetter
        self.evicted = evicted
    }
}
