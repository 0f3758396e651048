import Foundation

/// Writes a snapshot as canonical JSON (formats.md): fields in the contract's order, two-space
/// indentation, short lists on one line. Reading the text back gives an equal snapshot.
public enum SnapshotJSONWriter {
    /// The JSON text of `snapshot`, ending with a newline.
    public static func text(_ snapshot: Snapshot) -> String {
        let styles = snapshot.styles
        var out = "{\n"
        out.reserveCapacity(600 * (snapshot.students.count + snapshot.mentors.count) + 100 * snapshot.feedback.count + 256)
        out += "  \"asOf\": " + JSONText.string(snapshot.asOf.description) + ",\n"
        out += "  \"styles\": " + JSONText.inlineList(styles) + ",\n"
        /// Appends `"key": [records]`, one record after another, without building the list first.
        func section<T>(_ key: String, _ items: [T], last: Bool = false, _ record: (T) -> String) {
            out += "  " + JSONText.string(key) + ": "
            if items.isEmpty {
                out += "[]"
            } else {
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += "    "
                    out += record(item)
                    out += i == items.count - 1 ? "\n" : ",\n"
                }
                out += "  ]"
            }
            out += last ? "\n" : ",\n"
        }
        section("mentors", snapshot.mentors) { mentor($0, styles: styles) }
        section("students", snapshot.students) { student($0, styles: styles) }
        section("feedback", snapshot.feedback, feedback)
        section("locks", snapshot.locks, lock)
        section("declined", snapshot.declined, last: true, declined)
        out += "}\n"
        return out
    }

    /// Writes the JSON text to `url` atomically.
    public static func write(_ snapshot: Snapshot, to url: URL) throws {
        try AtomicFile.write(Data(text(snapshot).utf8), to: url)
    }

    static func mentor(_ m: Mentor, styles: [String]) -> String {
        var members: [(String, String)] = [("id", JSONText.string(m.id))]
        if let name = m.name { members.append(("name", JSONText.string(name))) }
        members += [
            ("languages", JSONText.inlineList(m.languages)),
            ("paths", JSONText.inlineList(m.paths)),
            ("styles", JSONText.inlineWeights(m.styles, order: styles)),
            ("capacity", String(m.capacity)),
        ]
        if let limit = m.maxNewPerWeek { members.append(("maxNewPerWeek", String(limit))) }
        members += [
            ("timezone", JSONText.string(m.timezone)),
            ("availability", JSONText.inlineList(m.availability.map(\.description))),
            ("active", m.active ? "true" : "false"),
        ]
        return JSONText.object(members, indent: "    ")
    }

    static func student(_ s: Student, styles: [String]) -> String {
        var members: [(String, String)] = [("id", JSONText.string(s.id))]
        if let name = s.name { members.append(("name", JSONText.string(name))) }
        members += [
            ("path", JSONText.string(s.path)),
            ("language", JSONText.string(s.language)),
            ("timezone", JSONText.string(s.timezone)),
            ("preferences", JSONText.inlineWeights(s.preferences, order: styles)),
            ("availability", JSONText.inlineList(s.availability.map(\.description))),
            ("sessionsPerWeek", String(s.sessionsPerWeek)),
            ("sessionMinutes", String(s.sessionMinutes)),
        ]
        if let current = s.currentMentor { members.append(("currentMentor", JSONText.string(current))) }
        if let since = s.assignedSince { members.append(("assignedSince", JSONText.string(since.description))) }
        members += [
            ("missedSessions", String(s.missedSessions)),
            ("openHelpRequests", String(s.openHelpRequests)),
            ("changeRequested", s.changeRequested ? "true" : "false"),
        ]
        return JSONText.object(members, indent: "    ")
    }

    static func feedback(_ f: Feedback) -> String {
        var text = "{\"student\": \(JSONText.string(f.student)), \"mentor\": \(JSONText.string(f.mentor)), "
            + "\"date\": \(JSONText.string(f.date.description)), \"rating\": \(f.rating)"
        if let reason = f.reason { text += ", \"reason\": \(JSONText.string(reason.rawValue))" }
        return text + "}"
    }

    static func lock(_ l: Lock) -> String {
        "{\"student\": \(JSONText.string(l.student)), \"mentor\": \(JSONText.string(l.mentor))}"
    }

    static func declined(_ d: Declined) -> String {
        "{\"student\": \(JSONText.string(d.student)), \"mentor\": \(JSONText.string(d.mentor)), "
            + "\"until\": \(JSONText.string(d.until.description))}"
    }
}
