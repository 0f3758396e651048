import MentorMatchData

/// Why a student's style fit is what it is (matching-model §3): the preferences they declared, the
/// effective ones the engine scores with, and the pedagogy ratings those were learned from.
public struct PreferenceExplanation: Sendable, Equatable {
    /// One pedagogy rating the preferences were learned from.
    public struct Rating: Sendable, Equatable {
        public var mentor: String
        public var date: CalendarDate
        public var rating: Int
    }

    /// Style name → weight, in the snapshot's style order; styles at 0 in both maps are left out.
    public var styles: [String]
    public var declared: [Double]
    public var effective: [Double]
    /// The ratings with reason `pedagogy`, in snapshot order (empty when nothing was learned).
    public var learnedFrom: [Rating]
    /// The policy's learning rate.
    public var learningRate: Double

    /// Whether the effective preferences differ from the declared ones.
    public var learned: Bool { declared != effective }
}

extension MatchingContext {
    /// The declared and effective preferences of student `s`, with the ratings they were learned from.
    public func preferenceExplanation(student s: Int) -> PreferenceExplanation {
        let student = snapshot.students[s], k = styleCount
        var names: [String] = [], declared: [Double] = [], effective: [Double] = []
        for (i, name) in snapshot.styles.enumerated() {
            let d = student.preferences[name] ?? 0, e = studentPreferences[s * k + i]
            guard d != 0 || e != 0 else { continue }
            names.append(name)
            declared.append(d)
            effective.append(e)
        }
        let ratings = policy.learningRate == 0 ? [] : snapshot.feedback
            .filter { $0.student == student.id && $0.reason == .pedagogy && mentorIndex[$0.mentor] != nil }
            .map { PreferenceExplanation.Rating(mentor: $0.mentor, date: $0.date, rating: $0.rating) }
        return PreferenceExplanation(styles: names, declared: declared, effective: effective, learnedFrom: ratings,
                                     learningRate: policy.learningRate)
    }
}

extension PreferenceExplanation {
    public var json: JSONValue {
        .object([
            ("declared", .object(zip(styles, declared).map { ($0, .double($1)) })),
            ("effective", .object(zip(styles, effective).map { ($0, .double($1)) })),
            ("learningRate", .double(learningRate)),
            ("learnedFrom", .array(learnedFrom.map {
                .object([("mentor", .string($0.mentor)), ("date", .string($0.date.description)), ("rating", .int($0.rating))])
            })),
        ])
    }
}
