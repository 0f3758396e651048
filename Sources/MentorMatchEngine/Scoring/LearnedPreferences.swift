import MentorMatchData

/// Preferences learned from pedagogy feedback (matching-model §3, v2): a 5/5 for a mentor's pedagogy
/// pulls the student towards that mentor's styles, a 1/5 pushes them away, a 3/5 says nothing.
///
/// With F(s) the student's ratings whose reason is `pedagogy`, in snapshot order, and r the
/// policy's `learningRate`, for each style k in the snapshot's order:
///
///     a = 0.0; for f in F(s): a = a + ((Double(f.rating) - 3.0) / 2.0) * q[f.mentor,k]
///     p'[k] = min(1.0, max(0.0, p[k] + r * a / Double(|F(s)|)))
///
/// p' = p when F(s) is empty or r = 0. The mentor's profile is used whether or not they are active.
struct LearnedPreferences {
    /// The indices in `snapshot.feedback` of each student's pedagogy ratings, in snapshot order.
    let ratings: [[Int]]
    let feedback: [Feedback]
    let mentorIndex: [String: Int]
    let rate: Double

    init(snapshot: Snapshot, studentIndex: [String: Int], mentorIndex: [String: Int], rate: Double) {
        var ratings = [[Int]](repeating: [], count: snapshot.students.count)
        if rate != 0 {
            for (i, f) in snapshot.feedback.enumerated() where f.reason == .pedagogy {
                guard let s = studentIndex[f.student], mentorIndex[f.mentor] != nil else { continue }
                ratings[s].append(i)
            }
        }
        self.ratings = ratings
        self.feedback = snapshot.feedback
        self.mentorIndex = mentorIndex
        self.rate = rate
    }

    /// Whether student `s` has preferences learned from at least one rating.
    func hasRatings(student s: Int) -> Bool { !ratings[s].isEmpty }

    /// Replaces the declared preferences in `prefs` (`prefs[s*styleCount + k]`) by the effective ones,
    /// with `profiles[m*styleCount + k]` the mentors' style profiles.
    func apply(to prefs: inout [Double], profiles: [Double], styleCount k: Int) {
        for s in ratings.indices where !ratings[s].isEmpty {
            let count = Double(ratings[s].count)
            for style in 0..<k {
                var a = 0.0
                for i in ratings[s] {
                    let f = feedback[i], m = mentorIndex[f.mentor]!
                    a = a + ((Double(f.rating) - 3.0) / 2.0) * profiles[m * k + style]
                }
                let p = prefs[s * k + style]
                prefs[s * k + style] = min(1.0, max(0.0, p + rate * a / count))
            }
        }
    }
}
