/// Turns the raw records of a snapshot (from JSON or CSV) into a checked `Snapshot`.
///
/// Each record is read on its own (field rules), then the rules across records run
/// over everything that could be read; all errors are thrown together.
struct SnapshotAssembler {
    let diagnostics: Diagnostics
    var mentors: [Mentor] = []
    var students: [Student] = []
    var feedback: [Feedback] = []
    var locks: [Lock] = []
    var declined: [Declined] = []
    var mentorLabels: [String] = []
    var studentLabels: [String] = []
    /// Where each kept mentor / student stood in its input list (records that failed to read are dropped).
    var mentorPositions: [Int] = []
    var studentPositions: [Int] = []
    private var mentorsSeen = 0
    private var studentsSeen = 0
    var feedbackLabels: [String] = []
    var lockLabels: [String] = []
    var declinedLabels: [String] = []
    var unreadMentorIds: Set<String> = []
    var unreadStudentIds: Set<String> = []

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    mutating func addMentor(_ fields: [String: RawValue], file: String, record: String) {
        defer { mentorsSeen += 1 }
        if let m = SnapshotRecords.mentor(RecordReader(fields, file: file, record: record, diagnostics: diagnostics)) {
            mentors.append(m)
            mentorLabels.append(record)
            mentorPositions.append(mentorsSeen)
        } else if let id = SnapshotAssembler.rawId(fields["id"]) {
            unreadMentorIds.insert(id)
        }
    }

    mutating func addStudent(_ fields: [String: RawValue], file: String, record: String) {
        defer { studentsSeen += 1 }
        if let s = SnapshotRecords.student(RecordReader(fields, file: file, record: record, diagnostics: diagnostics)) {
            students.append(s)
            studentLabels.append(record)
            studentPositions.append(studentsSeen)
        } else if let id = SnapshotAssembler.rawId(fields["id"]) {
            unreadStudentIds.insert(id)
        }
    }

    mutating func addFeedback(_ fields: [String: RawValue], file: String, record: String) {
        if let f = SnapshotRecords.feedback(RecordReader(fields, file: file, record: record, diagnostics: diagnostics)) {
            feedback.append(f)
            feedbackLabels.append(record)
        }
    }

    mutating func addLock(_ fields: [String: RawValue], file: String, record: String) {
        if let l = SnapshotRecords.lock(RecordReader(fields, file: file, record: record, diagnostics: diagnostics)) {
            locks.append(l)
            lockLabels.append(record)
        }
    }

    mutating func addDeclined(_ fields: [String: RawValue], file: String, record: String) {
        if let d = SnapshotRecords.declined(RecordReader(fields, file: file, record: record, diagnostics: diagnostics)) {
            declined.append(d)
            declinedLabels.append(record)
        }
    }

    private static func rawId(_ value: RawValue?) -> String? {
        switch value {
        case .string(let s)?, .cell(let s)?: return s
        default: return nil
        }
    }

    /// The snapshot, after the rules across records; `nil` when `asOf` or `styles` could not be read
    /// (the rules across records still run, so that their errors are reported too).
    func assemble(asOf: CalendarDate?, styles: [String]?, files: (mentors: String, students: String,
                  feedback: String, locks: String, declined: String)) -> Snapshot? {
        let snapshot = Snapshot(asOf: asOf ?? CalendarDate(year: 1970, month: 1, day: 1),
                                styles: styles ?? [], mentors: mentors, students: students,
                                feedback: feedback, locks: locks, declined: declined)
        let sources = SnapshotSources(
            mentorsFile: files.mentors, studentsFile: files.students, feedbackFile: files.feedback,
            locksFile: files.locks, declinedFile: files.declined, mentorLabels: mentorLabels,
            studentLabels: studentLabels, feedbackLabels: feedbackLabels, lockLabels: lockLabels,
            declinedLabels: declinedLabels, mentorPositions: mentorPositions, studentPositions: studentPositions)
        SnapshotRules.check(snapshot, sources: sources, into: diagnostics, checkStyleNames: styles != nil,
                            checkAsOf: asOf != nil,
                            unreadMentorIds: unreadMentorIds, unreadStudentIds: unreadStudentIds)
        guard asOf != nil, styles != nil else { return nil }
        return snapshot
    }

    /// The snapshot's style vocabulary: non-empty distinct names, the contract's eight when absent.
    static func styles(_ reader: RecordReader) -> [String]? {
        guard let styles = reader.stringList("styles", default: Snapshot.defaultStyles) else { return nil }
        var seen: Set<String> = []
        for name in styles where !seen.insert(name).inserted {
            reader.fail("styles", found: "\(RawValue.quote(name)) twice", expected: "distinct style names")
            return nil
        }
        return styles
    }
}
