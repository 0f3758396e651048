/// One move a run proposed, with the fit explanation as it was then.
///
/// A rebalance proposes one move per student (`rank` 0). A suggest run proposes up to n mentors for
/// its student, ranks 1…n; the moves of the chain that makes room for alternative r share its rank
/// and name the student they make room for (`forStudent`).
public struct Proposal: Codable, Sendable, Equatable {
    public var runId: Int64
    public var rank: Int
    public var student: String
    public var fromMentor: String?
    /// `nil`: the student is left without a mentor (`unassigned`, a student who had one; or a what-if).
    public var toMentor: String?
    public var priority: Int
    public var fitBefore: Int?
    public var fitAfter: Int?
    /// `move`, `forced`, `new`, `unassigned` (rebalance: a student who had a mentor and gets none),
    /// `suggest`, `chain` (suggest) or `whatif`.
    public var change: String
    public var reason: String
    /// Suggest: the §5 objective change of the whole proposal.
    public var objectiveDelta: Int?
    /// Suggest chain moves: the student this move makes room for.
    public var forStudent: String?
    public var styleBefore: Double?
    public var availabilityBefore: Double?
    public var satisfactionBefore: Double?
    public var styleAfter: Double?
    public var availabilityAfter: Double?
    public var satisfactionAfter: Double?

    public init(runId: Int64, rank: Int, student: String, fromMentor: String?, toMentor: String?, priority: Int,
                fitBefore: Int?, fitAfter: Int?, change: String, reason: String, objectiveDelta: Int? = nil,
                forStudent: String? = nil, styleBefore: Double? = nil, availabilityBefore: Double? = nil,
                satisfactionBefore: Double? = nil, styleAfter: Double? = nil, availabilityAfter: Double? = nil,
                satisfactionAfter: Double? = nil) {
        self.runId = runId
        self.rank = rank
        self.student = student
        self.fromMentor = fromMentor
        self.toMentor = toMentor
        self.priority = priority
        self.fitBefore = fitBefore
        self.fitAfter = fitAfter
        self.change = change
        self.reason = reason
        self.objectiveDelta = objectiveDelta
        self.forStudent = forStudent
        self.styleBefore = styleBefore
        self.availabilityBefore = availabilityBefore
        self.satisfactionBefore = satisfactionBefore
        self.styleAfter = styleAfter
        self.availabilityAfter = availabilityAfter
        self.satisfactionAfter = satisfactionAfter
    }
}
