import MentorMatchData

/// A snapshot prepared for matching, once: ids ↔ indices, each person's weekly
/// slots (each time zone's offset computed once), style vectors in the
/// snapshot's style order, each mentor's satisfaction, each student's priority,
/// vetoes, locks and roles, and an index of active mentors by (path, language).
///
/// Everything the rules of §2 and the scores of §3–§4 need is here; candidate
/// generation, the encoder, rebalance and suggest all read it.
public struct MatchingContext: Sendable {
    public let snapshot: Snapshot
    public let policy: Policy

    /// The version of the time-zone database the weekly slots were computed with (e.g. "2025b").
    public let tzdata: String
    /// Mentor index of each mentor id.
    public let mentorIndex: [String: Int]
    /// Student index of each student id.
    public let studentIndex: [String: Int]
    /// Satisfaction sat(m) of each mentor.
    public let satisfaction: [Double]
    /// Priority p[s] (1…3) of each student.
    public let priority: [Int]
    /// Current mentor index of each student.
    public let currentMentor: [Int?]
    /// Locked mentor index of each student.
    public let lockedMentor: [Int?]
    /// Role of each student: without mentor, voluntary, forced (with the rule), locked.
    public private(set) var roles: [StudentRole] = []
    /// Whether each student is settling (§4b): voluntary, and their pairing started less than
    /// `cooldownWeeks` weeks before `asOf`; such a student is not moved voluntarily.
    public private(set) var settling: [Bool] = []
    /// What leaving each student unassigned costs in the §5 objective: p[s]·unassignedPenalty, plus
    /// evictionCost for a voluntary student (an eviction).
    public private(set) var unassignedCost: [Int] = []
    /// The move budget in effect: the policy's `maxMoves`, else `ceil(maxMovesPercent · M / 100)` where
    /// M is the number of students with a current mentor (§5).
    public let maxMoves: Int
    /// ``maxMoves`` where it can bind, `nil` where it cannot (no more voluntary students who may move
    /// than the budget): the program's move constraint, left out when it cannot change the optimum.
    public private(set) var moveBudget: Int?
    /// Each student's effective style preferences p' (§3 learned preferences), by style name; equal
    /// to the declared ones when the student gave no pedagogy rating or `learningRate` is 0.
    public let effectivePreferences: [[String: Double]]

    @usableFromInline let styleCount: Int
    /// Per-student numbers the hot path reads (copying a `Student` would retain its strings).
    @usableFromInline let sessionsPerWeek: [Int]
    @usableFromInline let sessionMinutes: [Int]
    @usableFromInline let changeRequested: [Bool]
    @usableFromInline let mentorSlots: [WeekSlots]
    @usableFromInline let studentSlots: [WeekSlots]
    /// `mentorProfile[m*styleCount + k]`.
    @usableFromInline let mentorProfile: [Double]
    /// `studentPreferences[s*styleCount + k]`.
    @usableFromInline let studentPreferences: [Double]
    /// Mentors each student vetoed (rule 5), sorted.
    @usableFromInline let vetoed: [[Int32]]
    /// Mentors each student may not be proposed before a later date (rule 7), sorted; never the current one.
    @usableFromInline let declined: [[Int32]]
    /// Active mentors by (path, language), each list in mentor order.
    let mentorsByKey: [BucketKey: [Int32]]
    /// Each student's (path, language) key; `nil` when no mentor teaches that path or speaks that language.
    let studentKey: [BucketKey?]

    struct BucketKey: Hashable, Sendable {
        var path: Int32
        var language: Int32
    }

    public var studentCount: Int { snapshot.students.count }
    public var mentorCount: Int { snapshot.mentors.count }

    /// Prepares `snapshot` under `policy`; throws on input the engine cannot use
    /// (duplicate or unknown ids, unknown zones, impossible locks, an invalid policy).
    public init(snapshot: Snapshot, policy: Policy = Policy()) throws(EngineInputError) {
        try MatchingContext.validate(policy)
        self.snapshot = snapshot
        self.policy = policy
        let mentors = snapshot.mentors, students = snapshot.students

        var mentorIndex = [String: Int](minimumCapacity: mentors.count)
        for (i, m) in mentors.enumerated() {
            guard mentorIndex.updateValue(i, forKey: m.id) == nil else { throw .duplicateMentor(m.id) }
            guard m.capacity >= 0, (m.maxNewPerWeek ?? 0) >= 0 else { throw .negativeCapacity(mentor: m.id) }
        }
        var studentIndex = [String: Int](minimumCapacity: students.count)
        for (i, s) in students.enumerated() {
            guard studentIndex.updateValue(i, forKey: s.id) == nil else { throw .duplicateStudent(s.id) }
            guard (1...WeekSlots.slotCount).contains(s.sessionsPerWeek), (15...240).contains(s.sessionMinutes) else {
                throw .invalidSessions(student: s.id)
            }
        }
        self.mentorIndex = mentorIndex
        self.studentIndex = studentIndex
        sessionsPerWeek = students.map(\.sessionsPerWeek)
        sessionMinutes = students.map(\.sessionMinutes)
        changeRequested = students.map(\.changeRequested)

        // Weekly slots, one offset per zone.
        var checked = Set<String>()
        for (id, zone) in mentors.map({ ($0.id, $0.timezone) }) + students.map({ ($0.id, $0.timezone) }) {
            guard !checked.contains(zone) else { continue }
            guard TimeZoneOffset.isKnown(zone) else { throw .unknownTimeZone(id: id, timezone: zone) }
            checked.insert(zone)
        }
        do {
            tzdata = try TimeZoneDatabase.system().version
        } catch {
            throw .noTimeZoneDatabase(String(describing: error))
        }
        let grid = SnapshotGrid(snapshot)
        mentorSlots = grid.mentorSlots
        studentSlots = grid.studentSlots

        // Style vectors in the snapshot's order.
        let styles = snapshot.styles
        styleCount = styles.count
        var profile = [Double](repeating: 0, count: mentors.count * styles.count)
        for (i, m) in mentors.enumerated() {
            for (k, name) in styles.enumerated() { profile[i * styles.count + k] = m.styles[name] ?? 0 }
        }
        var prefs = [Double](repeating: 0, count: students.count * styles.count)
        for (i, s) in students.enumerated() {
            for (k, name) in styles.enumerated() { prefs[i * styles.count + k] = s.preferences[name] ?? 0 }
        }
        let learned = LearnedPreferences(snapshot: snapshot, studentIndex: studentIndex, mentorIndex: mentorIndex,
                                         rate: policy.learningRate)
        learned.apply(to: &prefs, profiles: profile, styleCount: styles.count)
        mentorProfile = profile
        studentPreferences = prefs
        effectivePreferences = students.indices.map { i in
            guard learned.hasRatings(student: i) else { return students[i].preferences }
            var map: [String: Double] = [:]
            for (k, name) in styles.enumerated() where prefs[i * styles.count + k] != 0 || students[i].preferences[name] != nil {
                map[name] = prefs[i * styles.count + k]
            }
            return map
        }

        // Current mentors.
        var current = [Int?](repeating: nil, count: students.count)
        for (i, s) in students.enumerated() {
            guard let id = s.currentMentor else { continue }
            guard let m = mentorIndex[id] else { throw .unknownCurrentMentor(student: s.id, mentor: id) }
            current[i] = m
        }
        currentMentor = current

        // Feedback: satisfaction, vetoes, latest rating of the current mentor.
        var ratingSum = [Int](repeating: 0, count: mentors.count)
        var ratingCount = [Int](repeating: 0, count: mentors.count)
        var allSum = 0
        var vetoed = [[Int32]](repeating: [], count: students.count)
        var latest = [(date: CalendarDate, rating: Int)?](repeating: nil, count: students.count)
        for f in snapshot.feedback {
            allSum += f.rating
            let m = mentorIndex[f.mentor]
            if let m {
                ratingSum[m] += f.rating
                ratingCount[m] += 1
            }
            guard let m, let s = studentIndex[f.student] else { continue }
            if f.rating <= policy.forbidAtOrBelow { vetoed[s].append(Int32(m)) }
            if current[s] == m {
                if let b = latest[s], f.date < b.date || (f.date == b.date && f.rating >= b.rating) { continue }
                latest[s] = (f.date, f.rating)
            }
        }
        for s in vetoed.indices where vetoed[s].count > 1 {
            vetoed[s] = Array(Set(vetoed[s])).sorted()
        }
        self.vetoed = vetoed
        let mu = FitArithmetic.meanRating(sum: allSum, count: snapshot.feedback.count)
        satisfaction = (0..<mentors.count).map {
            FitArithmetic.satisfaction(ratingSum: ratingSum[$0], ratingCount: ratingCount[$0], mean: mu, prior: policy.ratingPrior)
        }
        priority = students.indices.map { Priority.of(students[$0], latestRatingOfCurrent: latest[$0]?.rating) }

        // Locks.
        var locked = [Int?](repeating: nil, count: students.count)
        var lockCount = [Int](repeating: 0, count: mentors.count)
        var lockArrivals = [Int](repeating: 0, count: mentors.count)
        for lock in snapshot.locks {
            guard let s = studentIndex[lock.student] else { throw .lockOnUnknownStudent(lock.student) }
            guard let m = mentorIndex[lock.mentor] else { throw .lockOnUnknownMentor(student: lock.student, mentor: lock.mentor) }
            guard mentors[m].active else { throw .lockOnInactiveMentor(student: lock.student, mentor: lock.mentor) }
            guard locked[s] == nil else { throw .severalLocks(student: lock.student) }
            locked[s] = m
            lockCount[m] += 1
            if current[s] != m { lockArrivals[m] += 1 }
        }
        for (m, mentor) in mentors.enumerated() {
            if lockCount[m] > mentor.capacity {
                throw .locksExceedCapacity(mentor: mentor.id, locks: lockCount[m], capacity: mentor.capacity)
            }
            if let cap = mentor.maxNewPerWeek, lockArrivals[m] > cap {
                throw .locksExceedMaxNewPerWeek(mentor: mentor.id, arrivals: lockArrivals[m], maxNewPerWeek: cap)
            }
        }
        lockedMentor = locked

        // Active mentors by (path, language).
        var pathID: [String: Int32] = [:], languageID: [String: Int32] = [:]
        func intern(_ name: String, _ table: inout [String: Int32]) -> Int32 {
            if let id = table[name] { return id }
            let id = Int32(table.count)
            table[name] = id
            return id
        }
        var byKey: [BucketKey: [Int32]] = [:]
        for (i, m) in mentors.enumerated() where m.active {
            let paths = Set(m.paths.map { intern($0, &pathID) })
            let languages = Set(m.languages.map { intern($0, &languageID) })
            for p in paths.sorted() {
                for l in languages.sorted() { byKey[BucketKey(path: p, language: l), default: []].append(Int32(i)) }
            }
        }
        mentorsByKey = byKey
        studentKey = students.map { s in
            guard let p = pathID[s.path], let l = languageID[s.language] else { return nil }
            return BucketKey(path: p, language: l)
        }

        // Declined moves still in force (rule 7); the current pair is never declined.
        var declined = [[Int32]](repeating: [], count: students.count)
        for d in snapshot.declined where d.until >= snapshot.asOf {
            guard let s = studentIndex[d.student], let m = mentorIndex[d.mentor], current[s] != m else { continue }
            declined[s].append(Int32(m))
        }
        for s in declined.indices where declined[s].count > 1 { declined[s] = Array(Set(declined[s])).sorted() }
        self.declined = declined

        let withMentor = current.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        maxMoves = policy.maxMoves ?? Int((Double(policy.maxMovesPercent) * Double(withMentor) / 100.0).rounded(.up))

        roles = students.indices.map { s in
            if let m = locked[s] { return .locked(mentor: m) }
            guard let cur = current[s] else { return .unassigned }
            if let rule = exclusion(student: s, mentor: cur) { return .forced(rule) }
            return .voluntary
        }
        let cooldownDays = 7 * policy.cooldownWeeks, today = snapshot.asOf.daysSinceEpoch
        settling = students.indices.map { s in
            guard roles[s] == .voluntary, let since = students[s].assignedSince else { return false }
            return today - since.daysSinceEpoch < cooldownDays
        }
        let movable = students.indices.reduce(0) { $0 + (roles[$1] == .voluntary && !settling[$1] ? 1 : 0) }
        moveBudget = maxMoves < movable ? maxMoves : nil
        unassignedCost = students.indices.map { s in
            priority[s] * policy.unassignedPenalty + (roles[s] == .voluntary ? policy.evictionCost : 0)
        }
    }

    static func validate(_ p: Policy) throws(EngineInputError) {
        let w = p.weights
        for (name, v) in [("style", w.style), ("availability", w.availability), ("satisfaction", w.satisfaction)] {
            guard v.isFinite, v >= 0 else { throw .invalidPolicy("weight \(name) must be a number >= 0") }
        }
        let sum = (w.style + w.availability) + w.satisfaction
        guard sum > 0 else { throw .invalidPolicy("weights must not all be 0") }
        guard sum.isFinite else { throw .invalidPolicy("weights must have a finite sum") }
        // Objective terms stay far from overflow (and exact in a Double) below 10^12 per student.
        guard (0...1_000_000_000_000).contains(p.moveCost) else { throw .invalidPolicy("moveCost must be in 0…10^12") }
        guard (0...1_000_000_000_000).contains(p.unassignedPenalty) else {
            throw .invalidPolicy("unassignedPenalty must be in 0…10^12")
        }
        guard (0...1_000_000_000_000).contains(p.evictionCost) else { throw .invalidPolicy("evictionCost must be in 0…10^12") }
        guard (p.maxMoves ?? 0) >= 0 else { throw .invalidPolicy("maxMoves must be >= 0") }
        guard (0...100).contains(p.maxMovesPercent) else { throw .invalidPolicy("maxMovesPercent must be in 0…100") }
        guard (0...1000).contains(p.cooldownWeeks) else { throw .invalidPolicy("cooldownWeeks must be in 0…1000") }
        guard p.learningRate.isFinite, (0...1).contains(p.learningRate) else {
            throw .invalidPolicy("learningRate must be a number in 0…1")
        }
        guard p.forbidAtOrBelow >= 0 else { throw .invalidPolicy("forbidAtOrBelow must be >= 0") }
        guard p.ratingPrior.isFinite, (0...1_000_000).contains(p.ratingPrior) else {
            throw .invalidPolicy("ratingPrior must be a number in 0…10^6")
        }
        guard p.mipGap.isFinite, p.mipGap >= 0 else { throw .invalidPolicy("mipGap must be a number >= 0") }
        if let t = p.timeLimitSeconds, !(t > 0) { throw .invalidPolicy("timeLimitSeconds must be > 0") }
    }
}
