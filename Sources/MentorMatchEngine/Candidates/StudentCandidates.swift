/// Everything the rules and scores say about one student, by id: for an advisor's "why" and for suggest.
public struct StudentCandidates: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var mentor: String
        public var score: FitScore
    }

    public struct Excluded: Sendable, Equatable {
        public var mentor: String
        public var rule: ExclusionRule
    }

    public var student: String
    public var priority: Int
    public var role: StudentRole
    /// Candidate mentors, best fit first (then mentor id).
    public var candidates: [Option]
    /// Every other mentor with the first rule that excludes them, in snapshot order.
    public var excluded: [Excluded]
}

extension MatchingContext {
    /// The candidates (with fit and its parts) and exclusions (with their rule) of one student.
    /// Examines every mentor: meant for one student at a time, not for a whole snapshot.
    public func report(student s: Int) -> StudentCandidates {
        let ids = snapshot.mentors.map(\.id)
        let options = candidates(of: s)
            .map { StudentCandidates.Option(mentor: ids[$0.mentor], score: $0.score) }
            .sorted { ($0.score.fit, $1.mentor) > ($1.score.fit, $0.mentor) }
        return StudentCandidates(
            student: snapshot.students[s].id, priority: priority[s], role: roles[s], candidates: options,
            excluded: exclusions(of: s).map { .init(mentor: ids[$0.mentor], rule: $0.rule) })
    }
}
