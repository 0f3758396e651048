/// Realistic synthetic snapshots, the same bytes for the same seed (demos, tests, benchmarks,
/// and the `generateStudents` scenario change).
///
/// The school it draws: nine diploma paths with unequal shares; about 1.2 seats per student;
/// a fifth of the mentors on two or more paths; students 85 % French-speaking; most people in
/// Europe/Paris, others in West and North Africa, Canada, La Réunion and India; mentors free
/// 4–15 hours a week, mostly evenings and weekends; ratings skewed high, lower where styles clash;
/// about a fifth of students at risk; about nine in ten on a current mentor that still fits them,
/// paired since a date in the last 300 days (about one in ten in the last four weeks, never after
/// their first rating of that mentor); and about one student in 200 with a declined move (v2).
public enum SnapshotGenerator {
    /// The default `asOf` (a Monday in winter time).
    public static let defaultAsOf = CalendarDate(year: 2026, month: 11, day: 23)

    /// A whole school of `students` students and `mentors` mentors.
    ///
    /// Without `mentors`, there are as many as give about 1.2 seats per student with capacities
    /// mostly 1–6 (some up to 15). With an explicit count, capacities are scaled towards 1.2 seats
    /// per student, within 1…15.
    public static func generate(students: Int, mentors: Int? = nil, seed: UInt64,
                                asOf: CalendarDate = defaultAsOf) -> Snapshot {
        var school = SchoolBuilder(seed: seed, asOf: asOf)
        return school.build(studentCount: max(0, students), mentorCount: mentors)
    }

    /// `count` new students of one path and language, without a current mentor (ids `<idPrefix>0001`…).
    public static func students(count: Int, path: String, language: String, seed: UInt64,
                                asOf: CalendarDate = defaultAsOf, idPrefix: String = "s-new-") -> [Student] {
        var rng = SplitMix64(seed: seed)
        let width = max(4, String(count).count)
        return (0..<max(0, count)).map { i in
            let zones = language == "en" ? GeneratorTables.englishStudentZones : GeneratorTables.frenchStudentZones
            let zone = zones[rng.weighted(zones.map(\.weight))].zone
            return SchoolBuilder.newStudent(id: idPrefix + SchoolBuilder.padded(i + 1, width), path: path,
                                            language: language, zone: zone, rng: &rng)
        }
    }
}

/// The steps of one generation, each drawing from its own stream of the seed.
struct SchoolBuilder {
    let asOf: CalendarDate
    var mentorRng: SplitMix64
    var studentRng: SplitMix64
    var feedbackRng: SplitMix64
    /// Pairing dates and declined moves (v2): a stream of its own, so that everything drawn
    /// before v2 (mentors, students, ratings, locks) is unchanged for a seed.
    var historyRng: SplitMix64
    let styles = Snapshot.defaultStyles

    init(seed: UInt64, asOf: CalendarDate) {
        var root = SplitMix64(seed: seed)
        self.asOf = asOf
        mentorRng = root.fork()
        studentRng = root.fork()
        feedbackRng = root.fork()
        historyRng = root.fork()
    }

    mutating func build(studentCount: Int, mentorCount: Int?) -> Snapshot {
        let paths = GeneratorTables.paths.map(\.name)
        // Who the students are (path, language, zone) comes first: mentors are sized to them.
        var studentPath: [Int] = []
        var studentEnglish: [Bool] = []
        studentPath.reserveCapacity(studentCount)
        studentEnglish.reserveCapacity(studentCount)
        let shares = GeneratorTables.paths.map(\.share)
        for _ in 0..<studentCount {
            studentPath.append(studentRng.weighted(shares))
            studentEnglish.append(studentRng.chance(0.15))
        }
        var need = Array(repeating: 0.0, count: paths.count)
        var englishNeed = Array(repeating: 0.0, count: paths.count)
        for i in 0..<studentCount {
            need[studentPath[i]] += 1.2
            if studentEnglish[i] { englishNeed[studentPath[i]] += 1.2 }
        }
        if studentCount == 0 { need = shares }

        // Mentors: capacities, then each on the path (and language) that lacks seats most.
        let naturalMean = 0.85 * 3.5 + 0.15 * 11.0
        let m = max(1, mentorCount ?? Int((1.2 * Double(studentCount) / naturalMean).rounded()))
        var capacities = (0..<m).map { _ in mentorRng.chance(0.85) ? mentorRng.int(1...6) : mentorRng.int(7...15) }
        if mentorCount != nil, studentCount > 0 {
            let scale = 1.2 * Double(studentCount) / Double(capacities.reduce(0, +))
            capacities = capacities.map { min(15, max(1, Int((Double($0) * scale).rounded()))) }
        }
        var have = Array(repeating: 0.0, count: paths.count)
        var englishHave = Array(repeating: 0.0, count: paths.count)
        var mentors: [Mentor] = []
        mentors.reserveCapacity(m)
        let mentorWidth = max(3, String(m).count)
        for i in 0..<m {
            // The path whose seats are least covered, relative to its need (so small paths get mentors too).
            var best = 0
            for p in 1..<paths.count where (need[p] - have[p]) * need[best] > (need[best] - have[best]) * need[p] { best = p }
            let capacity = capacities[i]
            have[best] += Double(capacity)
            let languages: [String]
            if englishHave[best] < englishNeed[best] {
                languages = mentorRng.chance(0.8) ? ["fr", "en"] : ["en"]
                englishHave[best] += Double(capacity)
            } else {
                languages = mentorRng.chance(0.9) ? ["fr"] : ["fr", "en"]
                if languages.count == 2 { englishHave[best] += Double(capacity) }
            }
            mentors.append(newMentor(id: "m-" + SchoolBuilder.padded(i + 1, mentorWidth), path: paths[best],
                                     languages: languages, capacity: capacity))
        }

        // Students, most of them on a mentor of their path and language with a free seat.
        var seatsLeft = mentors.map(\.capacity)
        var buckets: [String: [Int]] = [:]
        for (i, mentor) in mentors.enumerated() {
            for path in mentor.paths {
                for language in mentor.languages { buckets[path + "|" + language, default: []].append(i) }
            }
        }
        let studentWidth = max(4, String(studentCount).count)
        var students: [Student] = []
        students.reserveCapacity(studentCount)
        var offsets: [String: Int] = [:]
        func offset(_ zone: String) -> Int {
            if let known = offsets[zone] { return known }
            let minutes = TimeZoneOffset.minutes(identifier: zone, at: asOf) ?? 0
            offsets[zone] = minutes
            return minutes
        }
        for i in 0..<studentCount {
            let language = studentEnglish[i] ? "en" : "fr"
            let path = paths[studentPath[i]]
            let zones = studentEnglish[i] ? GeneratorTables.englishStudentZones : GeneratorTables.frenchStudentZones
            let zone = zones[studentRng.weighted(zones.map(\.weight))].zone
            var student = SchoolBuilder.newStudent(id: "s-" + SchoolBuilder.padded(i + 1, studentWidth), path: path,
                                                   language: language, zone: zone, rng: &studentRng)
            let key = path + "|" + language
            if studentRng.chance(0.92), var bucket = buckets[key], !bucket.isEmpty {
                var chosen: Int?
                while chosen == nil, !bucket.isEmpty {
                    let k = studentRng.int(0...(bucket.count - 1))
                    if seatsLeft[bucket[k]] > 0 { chosen = bucket[k] } else { bucket.swapAt(k, bucket.count - 1); bucket.removeLast() }
                }
                buckets[key] = bucket
                if let mentorIndex = chosen {
                    seatsLeft[mentorIndex] -= 1
                    let mentor = mentors[mentorIndex]
                    student.currentMentor = mentor.id
                    // One of the mentor's blocks, seen from the student's zone, so that they can meet.
                    let anchor = studentRng.pick(mentor.availability)
                    let shift = offset(zone) - offset(mentor.timezone)
                    let length = min(anchor.durationMinutes, 30 * studentRng.int(3...5))
                    let start = ((anchor.day * 1440 + anchor.startMinute + shift) % 10080 + 10080) % 10080
                    let block = SchoolBuilder.interval(weekMinute: start, length: length)
                    student.availability = SchoolBuilder.sorted(
                        [block] + student.availability.filter { $0.day != block.day })
                }
            }
            SchoolBuilder.addRisk(&student, rng: &studentRng)
            students.append(student)
        }

        let feedback = ratings(students: students, mentors: mentors)
        var locks: [Lock] = []
        let activeIds = Set(mentors.filter(\.active).map(\.id))
        for s in students where s.currentMentor.map(activeIds.contains) == true && !s.changeRequested {
            if feedbackRng.chance(0.005) { locks.append(Lock(student: s.id, mentor: s.currentMentor!)) }
        }
        addPairingDates(&students, feedback: feedback)
        let declined = declinedMoves(students: students, mentors: mentors)
        return Snapshot(asOf: asOf, styles: styles, mentors: mentors, students: students,
                        feedback: feedback, locks: locks, declined: declined)
    }

    // MARK: History (v2)

    /// `assignedSince` for every student with a current mentor: 1–27 days before `asOf` for a
    /// quarter of them (settling under the default four-week cooldown), 28–300 days otherwise, then
    /// moved back to the student's first rating of that mentor when that is earlier (a pairing
    /// starts before it is rated). Most students rated their mentor in the last 90 days, so about
    /// one pairing in ten stays in the last four weeks.
    mutating func addPairingDates(_ students: inout [Student], feedback: [Feedback]) {
        var firstRating: [String: Int] = [:]  // "student|mentor" → earliest day
        for f in feedback {
            let key = f.student + "|" + f.mentor, day = f.date.daysSinceEpoch
            firstRating[key] = min(firstRating[key] ?? day, day)
        }
        let today = asOf.daysSinceEpoch
        for k in students.indices {
            guard let mentor = students[k].currentMentor else { continue }
            let daysAgo = historyRng.chance(0.25) ? historyRng.int(1...27) : historyRng.int(28...300)
            let day = min(today - daysAgo, firstRating[students[k].id + "|" + mentor] ?? Int.max)
            students[k].assignedSince = CalendarDate(daysSinceEpoch: day)
        }
    }

    /// Moves an advisor turned down (matching-model §2 rule 7): about one student in 200, each towards
    /// another mentor of their path and language, until 1–6 weeks after `asOf`; one
    /// in five of these has lapsed already (`until` 1–28 days before `asOf`, kept by the back office).
    mutating func declinedMoves(students: [Student], mentors: [Mentor]) -> [Declined] {
        var pools: [String: [Int]] = [:]
        for (i, mentor) in mentors.enumerated() {
            for path in mentor.paths {
                for language in mentor.languages { pools[path + "|" + language, default: []].append(i) }
            }
        }
        let today = asOf.daysSinceEpoch
        var result: [Declined] = []
        for s in students where historyRng.chance(0.005) {
            guard let pool = pools[s.path + "|" + s.language] else { continue }
            let others = pool.filter { mentors[$0].id != s.currentMentor }
            guard !others.isEmpty else { continue }
            let mentor = mentors[historyRng.pick(others)]
            let day = historyRng.chance(0.2) ? today - historyRng.int(1...28) : today + 7 * historyRng.int(1...6)
            result.append(Declined(student: s.id, mentor: mentor.id, until: CalendarDate(daysSinceEpoch: day)))
        }
        return result
    }

    // MARK: People

    mutating func newMentor(id: String, path: String, languages: [String], capacity: Int) -> Mentor {
        var paths = [path]
        if mentorRng.chance(0.2) {
            let related = GeneratorTables.relatedPaths[path] ?? []
            paths += mentorRng.chance(0.25) ? related : [mentorRng.pick(related)]
        }
        let zones = GeneratorTables.mentorZones
        let zone = zones[mentorRng.weighted(zones.map(\.weight))].zone
        let english = languages == ["en"]
        let name = SchoolBuilder.name(english: english, rng: &mentorRng)
        let styles = SchoolBuilder.profile(strong: 1 + mentorRng.weighted([0.3, 0.45, 0.25]),
                                           strongRange: 14...20, weak: mentorRng.int(0...2), rng: &mentorRng)
        let availability = SchoolBuilder.blocks(targetMinutes: 15 * mentorRng.int(16...56),
                                                kinds: [0.6, 0.3, 0.1], rng: &mentorRng)
        let maxNew: Int? = mentorRng.chance(0.3) ? mentorRng.int(1...3) : nil
        let active = !mentorRng.chance(0.02)
        return Mentor(id: id, name: name, languages: languages, paths: paths, styles: styles, capacity: capacity,
                      maxNewPerWeek: maxNew, timezone: zone, availability: availability, active: active)
    }

    static func newStudent(id: String, path: String, language: String, zone: String,
                           rng: inout SplitMix64) -> Student {
        let name = SchoolBuilder.name(english: language == "en", rng: &rng)
        let preferences = SchoolBuilder.profile(strong: 1 + rng.weighted([0.35, 0.45, 0.2]), strongRange: 12...20,
                                                weak: rng.int(0...1), rng: &rng)
        let availability = SchoolBuilder.blocks(targetMinutes: 60 * rng.int(3...10), kinds: [0.55, 0.3, 0.15],
                                                rng: &rng)
        return Student(id: id, name: name, path: path, language: language, timezone: zone,
                       preferences: preferences, availability: availability, sessionsPerWeek: 1,
                       sessionMinutes: rng.chance(0.7) ? 45 : 30)
    }

    /// About a fifth at risk (missed sessions, open help requests, asked to change), a tenth watched.
    static func addRisk(_ s: inout Student, rng: inout SplitMix64) {
        let r = rng.unit()
        if r < 0.08 {
            s.missedSessions = rng.int(3...5)
        } else if r < 0.15 {
            s.openHelpRequests = rng.int(1...2)
        } else if r < 0.20 {
            if s.currentMentor != nil { s.changeRequested = true } else { s.openHelpRequests = 1 }
        } else if r < 0.30 {
            s.missedSessions = rng.int(1...2)
        }
    }

    static func name(english: Bool, rng: inout SplitMix64) -> String {
        let first = english ? GeneratorTables.englishFirstNames : GeneratorTables.frenchFirstNames
        let last = english ? GeneratorTables.englishLastNames : GeneratorTables.frenchLastNames
        return rng.pick(first) + " " + rng.pick(last)
    }

    /// `strong` modalities weighted `strongRange`/20, `weak` others 0.1–0.4, in steps of 0.05.
    static func profile(strong: Int, strongRange: ClosedRange<Int>, weak: Int, rng: inout SplitMix64) -> [String: Double] {
        var names = Snapshot.defaultStyles
        var weights: [String: Double] = [:]
        for k in 0..<(strong + weak) {
            let name = names.remove(at: rng.int(0...(names.count - 1)))
            weights[name] = Double(k < strong ? rng.int(strongRange) : rng.int(2...8)) / 20
        }
        return weights
    }

    // MARK: Time

    /// Local weekly blocks adding up to about `targetMinutes`: evenings, weekends, daytime
    /// (weights `kinds`), at most one block per day and kind.
    static func blocks(targetMinutes: Int, kinds: [Double], rng: inout SplitMix64) -> [WeeklyInterval] {
        var result: [WeeklyInterval] = []
        var used: Set<Int> = []
        var total = 0
        var attempts = 0
        while total < targetMinutes, attempts < 40 {
            attempts += 1
            let block: WeeklyInterval
            let kind = rng.weighted(kinds)
            switch kind {
            case 0:  // weekday evening, 18:00–19:30 start, 1.5–3 h
                block = WeeklyInterval(day: rng.int(0...4), startMinute: 1080 + 30 * rng.int(0...3), endMinute: 0)
            case 1:  // weekend morning or afternoon, 2–4 h
                block = WeeklyInterval(day: rng.int(5...6), startMinute: rng.chance(0.5) ? 540 : 840, endMinute: 0)
            default:  // weekday daytime, 09:00–14:00 start
                block = WeeklyInterval(day: rng.int(0...4), startMinute: 540 + 60 * rng.int(0...5), endMinute: 0)
            }
            let key = block.day * 10 + (kind == 1 ? block.startMinute / 240 : kind)
            guard used.insert(key).inserted else { continue }
            // The last block stops at the target (but lasts at least an hour).
            let length = min(block.day >= 5 ? 60 * rng.int(2...4) : 30 * rng.int(3...6),
                             max(60, targetMinutes - total))
            let end = min(block.startMinute + length, block.day >= 5 || block.startMinute >= 1080 ? 1410 : 1080)
            result.append(WeeklyInterval(day: block.day, startMinute: block.startMinute, endMinute: end))
            total += end - block.startMinute
        }
        return sorted(result)
    }

    /// The interval starting at `weekMinute` (local, Monday 00:00 = 0) lasting `length` minutes.
    static func interval(weekMinute: Int, length: Int) -> WeeklyInterval {
        let day = weekMinute / 1440, start = weekMinute % 1440
        let end = start + length
        return WeeklyInterval(day: day, startMinute: start, endMinute: end <= 1440 ? end : end - 1440)
    }

    static func sorted(_ intervals: [WeeklyInterval]) -> [WeeklyInterval] {
        intervals.sorted { ($0.day, $0.startMinute) < ($1.day, $1.startMinute) }
    }

    // MARK: Feedback

    /// Ratings of current mentors (and some of former ones), skewed high, lower where styles clash;
    /// students who asked to change rated their mentor 2 or 3 for its pedagogy.
    mutating func ratings(students: [Student], mentors: [Mentor]) -> [Feedback] {
        var index: [String: Int] = [:]
        for (i, m) in mentors.enumerated() { index[m.id] = i }
        var byPath: [String: [Int]] = [:]
        for (i, m) in mentors.enumerated() { byPath[m.paths[0], default: []].append(i) }
        let today = asOf.daysSinceEpoch
        var result: [Feedback] = []
        for s in students {
            if let current = s.currentMentor, let m = index[current] {
                let count = s.changeRequested ? 1 : (feedbackRng.chance(0.75) ? feedbackRng.int(1...2) : 0)
                var days = (0..<count).map { _ in today - feedbackRng.int(1...90) }
                days.sort()
                for (k, day) in days.enumerated() {
                    let rating: Int
                    let reason: FeedbackReason?
                    if s.changeRequested && k == days.count - 1 {
                        rating = feedbackRng.int(2...3)
                        reason = .pedagogy
                    } else {
                        rating = drawRating(style: SchoolBuilder.style(s, mentors[m], styles: styles))
                        reason = rating <= 3 ? drawReason() : nil
                    }
                    result.append(Feedback(student: s.id, mentor: current, date: CalendarDate(daysSinceEpoch: day),
                                           rating: rating, reason: reason))
                }
            }
            if feedbackRng.chance(0.08), let pool = byPath[s.path], !pool.isEmpty {
                let former = mentors[feedbackRng.pick(pool)]
                guard former.id != s.currentMentor else { continue }
                let rating = drawRating(style: SchoolBuilder.style(s, former, styles: styles))
                result.append(Feedback(student: s.id, mentor: former.id,
                                       date: CalendarDate(daysSinceEpoch: today - feedbackRng.int(91...300)),
                                       rating: rating, reason: rating <= 3 ? drawReason() : nil))
            }
        }
        return result
    }

    mutating func drawRating(style: Double) -> Int {
        // Calibrated so that about 55 % of all ratings are fives (most pairs share few strong styles).
        let weights: [Double] = style >= 0.5 ? [0.01, 0.01, 0.04, 0.19, 0.75]
            : style >= 0.25 ? [0.02, 0.03, 0.09, 0.24, 0.62] : [0.04, 0.07, 0.14, 0.28, 0.47]
        return 1 + feedbackRng.weighted(weights)
    }

    mutating func drawReason() -> FeedbackReason {
        let table = GeneratorTables.reasonsForLowRatings
        return table[feedbackRng.weighted(table.map(\.1))].0
    }

    /// matching-model §3 style score, used only to shape synthetic ratings.
    static func style(_ s: Student, _ m: Mentor, styles: [String]) -> Double {
        var num = 0.0, den = 0.0
        for k in styles {
            let p = s.preferences[k] ?? 0
            num += p * (m.styles[k] ?? 0)
            den += p
        }
        return den == 0 ? 0.5 : num / den
    }

    static func padded(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
