/// Where each record of a snapshot came from, to name it in messages.
struct SnapshotSources {
    var mentorsFile: String
    var studentsFile: String
    var feedbackFile: String
    var locksFile: String
    var declinedFile: String
    var mentorLabels: [String]
    var studentLabels: [String]
    var feedbackLabels: [String]
    var lockLabels: [String]
    var declinedLabels: [String]
    /// Each mentor's / student's position in its input list, for messages such as "first at mentors[2]".
    var mentorPositions: [Int]
    var studentPositions: [Int]

    /// Every record named by its id, all in one file (snapshots built in memory, scenarios).
    init(file: String, snapshot: Snapshot) {
        mentorsFile = file
        studentsFile = file
        feedbackFile = file
        locksFile = file
        declinedFile = file
        mentorLabels = snapshot.mentors.map { "mentor \($0.id)" }
        studentLabels = snapshot.students.map { "student \($0.id)" }
        feedbackLabels = snapshot.feedback.indices.map { "feedback[\($0)]" }
        lockLabels = snapshot.locks.indices.map { "locks[\($0)]" }
        declinedLabels = snapshot.declined.indices.map { "declined[\($0)]" }
        mentorPositions = Array(snapshot.mentors.indices)
        studentPositions = Array(snapshot.students.indices)
    }

    init(mentorsFile: String, studentsFile: String, feedbackFile: String, locksFile: String, declinedFile: String,
         mentorLabels: [String], studentLabels: [String], feedbackLabels: [String], lockLabels: [String],
         declinedLabels: [String], mentorPositions: [Int], studentPositions: [Int]) {
        self.mentorsFile = mentorsFile
        self.studentsFile = studentsFile
        self.feedbackFile = feedbackFile
        self.locksFile = locksFile
        self.declinedFile = declinedFile
        self.mentorLabels = mentorLabels
        self.studentLabels = studentLabels
        self.feedbackLabels = feedbackLabels
        self.lockLabels = lockLabels
        self.declinedLabels = declinedLabels
        self.mentorPositions = mentorPositions
        self.studentPositions = studentPositions
    }
}

/// The rules of formats.md and matching-model §2 that span records: unique ids,
/// references, style names, assignedSince against currentMentor and asOf, locks, declined moves.
/// Field rules are checked while reading.
enum SnapshotRules {
    /// Records every broken rule in `diagnostics`.
    ///
    /// `unreadMentorIds` / `unreadStudentIds` are ids of records that failed to read:
    /// a reference to them is not reported as unknown (their own errors are).
    /// `checkStyleNames` is off when the style list itself could not be read, `checkAsOf` when `asOf` could not.
    static func check(_ snapshot: Snapshot, sources: SnapshotSources, into diagnostics: Diagnostics,
                      checkStyleNames: Bool = true, checkAsOf: Bool = true,
                      unreadMentorIds: Set<String> = [], unreadStudentIds: Set<String> = []) {
        let styleNames = Set(snapshot.styles)
        let mentorIndex = uniqueIds(snapshot.mentors.map(\.id), labels: sources.mentorLabels,
                                    positions: sources.mentorPositions, section: "mentors",
                                    file: sources.mentorsFile, into: diagnostics)
        if checkStyleNames {
            for (i, mentor) in snapshot.mentors.enumerated() {
                checkStyles(mentor.styles, names: styleNames, file: sources.mentorsFile, record: sources.mentorLabels[i],
                            field: "styles", into: diagnostics)
            }
        }
        let studentIndex = uniqueIds(snapshot.students.map(\.id), labels: sources.studentLabels,
                                     positions: sources.studentPositions, section: "students",
                                     file: sources.studentsFile, into: diagnostics)
        for (i, student) in snapshot.students.enumerated() {
            let label = sources.studentLabels[i]
            if checkStyleNames {
                checkStyles(student.preferences, names: styleNames, file: sources.studentsFile, record: label,
                            field: "preferences", into: diagnostics)
            }
            if let current = student.currentMentor, mentorIndex[current] == nil, !unreadMentorIds.contains(current) {
                diagnostics.error(sources.studentsFile, label, "currentMentor", found: RawValue.quote(current),
                                  expected: "the id of a mentor of the snapshot")
            }
            if let since = student.assignedSince {
                // (v2) The date the current pairing started: only with a current mentor, never after asOf.
                if student.currentMentor == nil {
                    diagnostics.error(sources.studentsFile, label, "assignedSince",
                                      found: "\(RawValue.quote(since.description)) without a currentMentor",
                                      expected: "assignedSince only on a student with a currentMentor")
                }
                if checkAsOf, since > snapshot.asOf {
                    diagnostics.error(sources.studentsFile, label, "assignedSince", found: RawValue.quote(since.description),
                                      expected: "a date on or before asOf (\(snapshot.asOf))")
                }
            }
        }
        let knowsMentor = { (id: String) in mentorIndex[id] != nil || unreadMentorIds.contains(id) }
        let knowsStudent = { (id: String) in studentIndex[id] != nil || unreadStudentIds.contains(id) }
        for (i, rating) in snapshot.feedback.enumerated() {
            if !knowsStudent(rating.student) {
                diagnostics.error(sources.feedbackFile, sources.feedbackLabels[i], "student",
                                  found: RawValue.quote(rating.student), expected: "the id of a student of the snapshot")
            }
            if !knowsMentor(rating.mentor) {
                diagnostics.error(sources.feedbackFile, sources.feedbackLabels[i], "mentor",
                                  found: RawValue.quote(rating.mentor), expected: "the id of a mentor of the snapshot")
            }
        }
        checkLocks(snapshot, sources: sources, mentorIndex: mentorIndex, studentIndex: studentIndex,
                   knowsMentor: knowsMentor, knowsStudent: knowsStudent, into: diagnostics)
        // (v2) Declined moves name existing records; duplicates are allowed (the latest `until` counts).
        for (i, entry) in snapshot.declined.enumerated() {
            if !knowsStudent(entry.student) {
                diagnostics.error(sources.declinedFile, sources.declinedLabels[i], "student",
                                  found: RawValue.quote(entry.student), expected: "the id of a student of the snapshot")
            }
            if !knowsMentor(entry.mentor) {
                diagnostics.error(sources.declinedFile, sources.declinedLabels[i], "mentor",
                                  found: RawValue.quote(entry.mentor), expected: "the id of a mentor of the snapshot")
            }
        }
    }

    /// A record's label, or its position when labels are ids (a duplicate has the same label).
    /// Each id's first position; every repeat is an error naming where the id was first seen.
    private static func uniqueIds(_ ids: [String], labels: [String], positions: [Int], section: String, file: String,
                                  into diagnostics: Diagnostics) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() {
            if let first = index[id] {
                diagnostics.error(file, labels[i], "id",
                                  found: "\(RawValue.quote(id)) again (first at \(place(labels[first], positions[first], section)))",
                                  expected: "ids unique among \(section)")
            } else {
                index[id] = i
            }
        }
        return index
    }

    /// A record's place: its CSV line, or its position in the JSON list.
    private static func place(_ label: String, _ position: Int, _ section: String) -> String {
        label.hasPrefix("line ") ? label : "\(section)[\(position)]"
    }

    private static func checkStyles(_ weights: [String: Double], names: Set<String>, file: String, record: String,
                                    field: String, into diagnostics: Diagnostics) {
        for name in weights.keys.sorted() where !names.contains(name) {
            diagnostics.error(file, record, field, found: RawValue.quote(name),
                              expected: "a style of the snapshot's styles list")
        }
    }

    /// Locks (matching-model §2): one per student, on an existing active mentor, and the
    /// locks alone fit every mentor's capacity and maxNewPerWeek.
    private static func checkLocks(_ snapshot: Snapshot, sources: SnapshotSources,
                                   mentorIndex: [String: Int], studentIndex: [String: Int],
                                   knowsMentor: (String) -> Bool, knowsStudent: (String) -> Bool,
                                   into diagnostics: Diagnostics) {
        var lockedStudent: [String: Int] = [:]
        var seats: [Int: Int] = [:]     // mentor index → locks
        var arrivals: [Int: Int] = [:]  // mentor index → locks of students coming from elsewhere
        for (i, lock) in snapshot.locks.enumerated() {
            let label = sources.lockLabels[i]
            if let first = lockedStudent[lock.student] {
                diagnostics.error(sources.locksFile, label, "student",
                                  found: "\(RawValue.quote(lock.student)) locked again (first at \(sources.lockLabels[first]))",
                                  expected: "at most one lock per student")
                continue
            }
            lockedStudent[lock.student] = i
            if !knowsStudent(lock.student) {
                diagnostics.error(sources.locksFile, label, "student", found: RawValue.quote(lock.student),
                                  expected: "the id of a student of the snapshot")
            }
            guard let m = mentorIndex[lock.mentor] else {
                if !knowsMentor(lock.mentor) {
                    diagnostics.error(sources.locksFile, label, "mentor", found: RawValue.quote(lock.mentor),
                                      expected: "the id of a mentor of the snapshot")
                }
                continue
            }
            guard snapshot.mentors[m].active else {
                diagnostics.error(sources.locksFile, label, "mentor", found: "\(RawValue.quote(lock.mentor)) (inactive)",
                                  expected: "an active mentor")
                continue
            }
            seats[m, default: 0] += 1
            let current = studentIndex[lock.student].flatMap { snapshot.students[$0].currentMentor }
            if current != lock.mentor { arrivals[m, default: 0] += 1 }
        }
        for m in seats.keys.sorted() {
            let mentor = snapshot.mentors[m]
            let locked = seats[m]!
            if locked > mentor.capacity {
                diagnostics.error(sources.locksFile, "mentor \(mentor.id)", "capacity",
                                  found: "\(locked) locks on a capacity of \(mentor.capacity)",
                                  expected: "no more locks on a mentor than their capacity")
            }
            if let limit = mentor.maxNewPerWeek, let new = arrivals[m], new > limit {
                diagnostics.error(sources.locksFile, "mentor \(mentor.id)", "maxNewPerWeek",
                                  found: "\(new) locked arrivals on a maxNewPerWeek of \(limit)",
                                  expected: "no more locked arrivals (students whose currentMentor is another) than maxNewPerWeek")
            }
        }
    }
}
