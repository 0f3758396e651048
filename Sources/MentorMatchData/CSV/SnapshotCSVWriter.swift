import CSV
import Foundation

/// Writes a snapshot as a CSV folder (formats.md), atomically: the whole folder appears at once.
public enum SnapshotCSVWriter {
    /// Writes `mentors.csv`, `students.csv`, `feedback.csv`, `locks.csv`, `declined.csv` (only when the
    /// snapshot has declined moves: the file is optional, v2) and `snapshot.json` into `url`.
    public static func write(_ snapshot: Snapshot, folder url: URL) throws {
        let files = try self.files(snapshot)
        try AtomicFile.writeFolder(at: url) { folder in
            for (name, data) in files {
                try data.write(to: folder.appendingPathComponent(name))
            }
        }
    }

    /// The folder's files, by name.
    public static func files(_ snapshot: Snapshot) throws -> [(name: String, data: Data)] {
        let styles = snapshot.styles
        let mentors = snapshot.mentors.map { m in
            [m.id, m.name ?? "", list(m.languages), list(m.paths), weights(m.styles, order: styles),
             String(m.capacity), m.maxNewPerWeek.map(String.init) ?? "", m.timezone,
             list(m.availability.map(\.description)), m.active ? "true" : "false"]
        }
        let students = snapshot.students.map { s in
            [s.id, s.name ?? "", s.path, s.language, s.timezone, weights(s.preferences, order: styles),
             list(s.availability.map(\.description)), String(s.sessionsPerWeek), String(s.sessionMinutes),
             s.currentMentor ?? "", s.assignedSince?.description ?? "", String(s.missedSessions), String(s.openHelpRequests),
             s.changeRequested ? "true" : "false"]
        }
        let feedback = snapshot.feedback.map { f in
            [f.student, f.mentor, f.date.description, String(f.rating), f.reason?.rawValue ?? ""]
        }
        let locks = snapshot.locks.map { [$0.student, $0.mentor] }
        let declined = snapshot.declined.map { [$0.student, $0.mentor, $0.until.description] }
        let metadata = JSONText.object([
            ("asOf", JSONText.string(snapshot.asOf.description)),
            ("styles", JSONText.inlineList(styles)),
        ], indent: "") + "\n"
        var files: [(name: String, data: Data)] = [
            ("mentors.csv", try table(SnapshotRecords.mentorFields, mentors)),
            ("students.csv", try table(SnapshotRecords.studentFields, students)),
            ("feedback.csv", try table(SnapshotRecords.feedbackFields, feedback)),
            ("locks.csv", try table(SnapshotRecords.lockFields, locks)),
        ]
        // Optional and new in v2: a folder without declined moves stays the one v1 wrote.
        if !declined.isEmpty { files.append(("declined.csv", try table(SnapshotRecords.declinedFields, declined))) }
        files.append(("snapshot.json", Data(metadata.utf8)))
        return files
    }

    static func list(_ items: [String]) -> String { items.joined(separator: ";") }

    static func weights(_ w: [String: Double], order: [String]) -> String {
        let known = Set(order)
        let keys = order.filter { w[$0] != nil } + w.keys.filter { !known.contains($0) }.sorted()
        return keys.map { "\($0):\(JSONText.number(w[$0]!))" }.joined(separator: ";")
    }

    /// RFC 4180 text (quoted where needed), header first, one row per line.
    static func table(_ header: [String], _ rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(0x0A)
        return data
    }
}
