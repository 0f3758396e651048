import Foundation

/// Reads a snapshot from its canonical JSON form (formats.md).
public enum SnapshotJSONReader {
    static let topFields: Set<String> = ["asOf", "styles", "mentors", "students", "feedback", "locks", "declined"]

    /// Reads and validates the JSON file at `url`.
    public static func read(contentsOf url: URL) throws(InputErrors) -> Loaded<Snapshot> {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputErrors([InputError(file: url.path, record: "", field: "", found: "no readable file",
                                          expected: "a snapshot JSON file")])
        }
        return try read(data: data, file: url.path)
    }

    /// Reads and validates JSON bytes; `file` names them in messages.
    public static func read(data: Data, file: String) throws(InputErrors) -> Loaded<Snapshot> {
        let diagnostics = Diagnostics()
        guard let top = JSONDocument.object(data, file: file, diagnostics: diagnostics) else {
            throw InputErrors(diagnostics.errors)
        }
        let reader = RecordReader(top, file: file, record: "", diagnostics: diagnostics)
        reader.warnUnknown(known: topFields, section: "")
        let asOf = reader.date("asOf")
        let styles = SnapshotAssembler.styles(reader)
        var assembler = SnapshotAssembler(diagnostics: diagnostics)
        func each(_ key: String, required: Bool, _ body: (Int, [String: RawValue]) -> Void) {
            for (index, fields) in JSONDocument.records(top, key, required: required, file: file, diagnostics: diagnostics) {
                body(index, fields)
            }
        }
        each("mentors", required: true) { i, fields in
            assembler.addMentor(fields, file: file, record: SnapshotRecords.label(fields, kind: "mentor", section: "mentors", index: i))
        }
        each("students", required: true) { i, fields in
            assembler.addStudent(fields, file: file, record: SnapshotRecords.label(fields, kind: "student", section: "students", index: i))
        }
        each("feedback", required: false) { i, fields in assembler.addFeedback(fields, file: file, record: "feedback[\(i)]") }
        each("locks", required: false) { i, fields in assembler.addLock(fields, file: file, record: "locks[\(i)]") }
        each("declined", required: false) { i, fields in assembler.addDeclined(fields, file: file, record: "declined[\(i)]") }
        let snapshot = assembler.assemble(asOf: asOf, styles: styles, files: (file, file, file, file, file))
        return try diagnostics.finish(snapshot)
    }
}

/// Parsing JSON text into raw records, with errors in the contract's shape.
enum JSONDocument {
    /// The top-level object, or `nil` after recording why there is none.
    static func object(_ data: Data, file: String, diagnostics: Diagnostics) -> [String: RawValue]? {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            diagnostics.error(file, "", "", found: "text that is not JSON (\(JSONDocument.reason(error)))",
                              expected: "a JSON object")
            return nil
        }
        guard case .object(let top) = RawValue(json: parsed) else {
            diagnostics.error(file, "", "", found: RawValue(json: parsed).found, expected: "a JSON object")
            return nil
        }
        return top
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "unreadable"
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// The objects of a list field, with their positions; errors for anything else.
    static func records(_ top: [String: RawValue], _ key: String, required: Bool, file: String,
                        diagnostics: Diagnostics) -> [(Int, [String: RawValue])] {
        switch top[key] {
        case nil, .null?:
            if required {
                diagnostics.error(file, "", key, found: "nothing", expected: "a list of records (required)")
            }
            return []
        case .array(let items)?:
            var result: [(Int, [String: RawValue])] = []
            result.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                if case .object(let fields) = item {
                    result.append((i, fields))
                } else {
                    diagnostics.error(file, "\(key)[\(i)]", "", found: item.found, expected: "an object")
                }
            }
            return result
        case let other?:
            diagnostics.error(file, "", key, found: other.found, expected: "a list of records")
            return []
        }
    }
}
