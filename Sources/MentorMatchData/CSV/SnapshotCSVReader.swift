import Foundation

/// Reads a snapshot from a folder of CSV files (formats.md): `mentors.csv`, `students.csv`,
/// optional `feedback.csv`, `locks.csv` and `declined.csv` (v2), and an optional `snapshot.json` with `asOf` and `styles`.
///
/// Without `snapshot.json` (or without its `asOf`), `asOf` is today's date in UTC.
public enum SnapshotCSVReader {
    static let metadataFields: Set<String> = ["asOf", "styles"]

    /// Reads and validates the folder at `url`; `today` is the default `asOf`.
    public static func read(folder url: URL, today: CalendarDate = CalendarDate.todayUTC()) throws(InputErrors) -> Loaded<Snapshot> {
        let diagnostics = Diagnostics()
        let metadataFile = url.appendingPathComponent("snapshot.json")
        var asOf: CalendarDate? = today
        var styles: [String]? = Snapshot.defaultStyles
        if let data = try? Data(contentsOf: metadataFile) {
            if let top = JSONDocument.object(data, file: metadataFile.path, diagnostics: diagnostics) {
                let reader = RecordReader(top, file: metadataFile.path, record: "", diagnostics: diagnostics)
                reader.warnUnknown(known: metadataFields, section: "")
                if top["asOf"] != nil { asOf = reader.date("asOf") }
                styles = SnapshotAssembler.styles(reader)
            }
        }
        var assembler = SnapshotAssembler(diagnostics: diagnostics)
        func table(_ name: String, _ known: [String], _ columns: [String], required: Bool) -> (String, CSVTable?) {
            let file = url.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: file) else {
                if required {
                    diagnostics.error(file.path, "", "", found: "no readable file", expected: "\(name) in the snapshot folder")
                }
                return (file.path, nil)
            }
            return (file.path, CSVTable(data: data, file: file.path, known: known, required: columns, section: name,
                                         diagnostics: diagnostics))
        }
        typealias R = SnapshotRecords
        let (mentorsFile, mentors) = table("mentors.csv", R.mentorFields, R.mentorRequired, required: true)
        let (studentsFile, students) = table("students.csv", R.studentFields, R.studentRequired, required: true)
        let (feedbackFile, feedback) = table("feedback.csv", R.feedbackFields, R.feedbackRequired, required: false)
        let (locksFile, locks) = table("locks.csv", R.lockFields, R.lockRequired, required: false)
        let (declinedFile, declined) = table("declined.csv", R.declinedFields, R.declinedRequired, required: false)
        for row in mentors?.rows ?? [] { assembler.addMentor(row.fields, file: mentorsFile, record: "line \(row.line)") }
        for row in students?.rows ?? [] { assembler.addStudent(row.fields, file: studentsFile, record: "line \(row.line)") }
        for row in feedback?.rows ?? [] { assembler.addFeedback(row.fields, file: feedbackFile, record: "line \(row.line)") }
        for row in locks?.rows ?? [] { assembler.addLock(row.fields, file: locksFile, record: "line \(row.line)") }
        for row in declined?.rows ?? [] { assembler.addDeclined(row.fields, file: declinedFile, record: "line \(row.line)") }
        let snapshot = assembler.assemble(asOf: asOf, styles: styles,
                                          files: (mentorsFile, studentsFile, feedbackFile, locksFile, declinedFile))
        return try diagnostics.finish(snapshot)
    }
}
