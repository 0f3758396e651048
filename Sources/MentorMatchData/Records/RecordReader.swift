/// Reads the fields of one record (a JSON object, a YAML mapping or a CSV row) against the contract.
///
/// Each accessor returns the field's value, its default when it is absent, or `nil`
/// after recording an error; reading goes on so that every problem of the record is reported.
/// A CSV cell (`.cell`) is parsed as the field requires; an empty cell was dropped by the CSV
/// reader, so it reads as absent, i.e. as the default.
struct RecordReader {
    let fields: [String: RawValue]
    let file: String
    let record: String
    let diagnostics: Diagnostics

    init(_ fields: [String: RawValue], file: String, record: String, diagnostics: Diagnostics) {
        self.fields = fields
        self.file = file
        self.record = record
        self.diagnostics = diagnostics
    }

    func fail(_ field: String, found: String, expected: String) {
        diagnostics.error(file, record, field, found: found, expected: expected)
    }

    /// Warns once about each field not in `known`.
    func warnUnknown(known: Set<String>, section: String) {
        guard fields.keys.contains(where: { !known.contains($0) }) else { return }
        for key in fields.keys.sorted() where !known.contains(key) {
            diagnostics.unknownField(file, section: section, record: record, field: key)
        }
    }

    private func present(_ key: String) -> RawValue? {
        switch fields[key] {
        case nil, .null?: return nil
        case let value?: return value
        }
    }

    // MARK: Text

    /// A non-empty string; an error when absent.
    func requiredString(_ key: String) -> String? {
        guard let value = present(key) else {
            fail(key, found: "nothing", expected: "a non-empty string (required)")
            return nil
        }
        return string(key, value)
    }

    /// A non-empty string, or `nil` when absent.
    func optionalString(_ key: String) -> String?? {
        guard let value = present(key) else { return .some(nil) }
        guard let s = string(key, value) else { return nil }
        return .some(s)
    }

    private func string(_ key: String, _ value: RawValue) -> String? {
        switch value {
        case .string(let s), .cell(let s):
            if s.isEmpty { fail(key, found: "\"\"", expected: "a non-empty string"); return nil }
            return s
        default:
            fail(key, found: value.found, expected: "a non-empty string")
            return nil
        }
    }

    /// A list of non-empty strings (`a;b` in a CSV cell), or `defaultValue` when absent.
    func stringList(_ key: String, default defaultValue: [String]?) -> [String]? {
        guard let value = present(key) else {
            if defaultValue == nil { fail(key, found: "nothing", expected: "a list of strings (required)") }
            return defaultValue
        }
        let items: [RawValue]
        switch value {
        case .array(let a): items = a
        case .cell(let text): items = RecordReader.splitList(text).map(RawValue.cell)
        default:
            fail(key, found: value.found, expected: "a list of strings")
            return nil
        }
        var result: [String] = []
        var ok = true
        for item in items {
            switch item {
            case .string(let s) where !s.isEmpty, .cell(let s) where !s.isEmpty: result.append(s)
            default:
                fail(key, found: item.found, expected: "a list of non-empty strings")
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// Items of a CSV list cell: separated by `;`, surrounding spaces trimmed.
    static func splitList(_ text: String) -> [String] {
        text.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
    }

    // MARK: Numbers and flags

    /// An integer >= `minimum` (and <= `maximum`), or `defaultValue` when absent.
    func int(_ key: String, default defaultValue: Int?, minimum: Int, maximum: Int? = nil) -> Int? {
        guard let value = present(key) else {
            if defaultValue == nil { fail(key, found: "nothing", expected: "an integer (required)") }
            return defaultValue
        }
        return int(key, value, minimum: minimum, maximum: maximum)
    }

    /// An integer >= `minimum` (and <= `maximum`), or `.some(nil)` when absent (no limit).
    func optionalInt(_ key: String, minimum: Int, maximum: Int? = nil) -> Int?? {
        guard let value = present(key) else { return .some(nil) }
        guard let i = int(key, value, minimum: minimum, maximum: maximum) else { return nil }
        return .some(i)
    }

    private func int(_ key: String, _ value: RawValue, minimum: Int, maximum: Int?) -> Int? {
        let expected = maximum.map { "an integer in \(minimum)…\($0)" } ?? "an integer >= \(minimum)"
        var number: Int?
        switch value {
        case .int(let i): number = i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: number = Int(d)
        case .cell(let text): number = Int(text.trimmingSpaces())
        default: number = nil
        }
        guard let n = number, n >= minimum, n <= (maximum ?? Int.max) else {
            fail(key, found: value.found, expected: expected)
            return nil
        }
        return n
    }

    /// A finite number >= `minimum` (and <= `maximum`), or `defaultValue` when absent.
    func double(_ key: String, default defaultValue: Double?, minimum: Double, maximum: Double? = nil) -> Double? {
        guard let value = present(key) else {
            if defaultValue == nil { fail(key, found: "nothing", expected: "a number (required)") }
            return defaultValue
        }
        return double(key, value, minimum: minimum, maximum: maximum)
    }

    /// A finite number >= `minimum` (and <= `maximum`), or `.some(nil)` when absent.
    func optionalDouble(_ key: String, minimum: Double, maximum: Double? = nil) -> Double?? {
        guard let value = present(key) else { return .some(nil) }
        guard let d = double(key, value, minimum: minimum, maximum: maximum) else { return nil }
        return .some(d)
    }

    private func double(_ key: String, _ value: RawValue, minimum: Double, maximum: Double?) -> Double? {
        let expected = maximum.map { "a number in [\(RecordReader.short(minimum)), \(RecordReader.short($0))]" }
            ?? "a number >= \(RecordReader.short(minimum))"
        guard let d = RecordReader.number(value), d >= minimum, d <= (maximum ?? .infinity) else {
            fail(key, found: value.found, expected: expected)
            return nil
        }
        return d
    }

    static func number(_ value: RawValue) -> Double? {
        let d: Double?
        switch value {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        case .cell(let text): d = Double(text.trimmingSpaces())
        default: d = nil
        }
        guard let d, d.isFinite else { return nil }
        return d
    }

    static func short(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// `true` or `false` (also in a CSV cell), or `defaultValue` when absent.
    func bool(_ key: String, default defaultValue: Bool) -> Bool? {
        guard let value = present(key) else { return defaultValue }
        switch value {
        case .bool(let b): return b
        case .cell(let text):
            switch text.trimmingSpaces().lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        default: break
        }
        fail(key, found: value.found, expected: "true or false")
        return nil
    }

    // MARK: Contract types

    /// A map style name → weight in [0, 1] (`name:weight;…` in a CSV cell); empty when absent.
    func styleWeights(_ key: String) -> [String: Double]? {
        guard let value = present(key) else { return [:] }
        var pairs: [(String, RawValue)] = []
        switch value {
        case .object(let o):
            pairs = o.keys.sorted().map { ($0, o[$0]!) }
        case .cell(let text):
            for item in RecordReader.splitList(text) {
                let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !String(parts[0]).trimmingSpaces().isEmpty else {
                    fail(key, found: RawValue.quote(item), expected: "style:weight items separated by ';'")
                    return nil
                }
                pairs.append((String(parts[0]).trimmingSpaces(), .cell(String(parts[1]))))
            }
        default:
            fail(key, found: value.found, expected: "an object of style weights")
            return nil
        }
        var result: [String: Double] = [:]
        var ok = true
        for (name, weight) in pairs {
            if result[name] != nil {
                fail(key, found: "\(RawValue.quote(name)) twice", expected: "each style at most once")
                ok = false
            } else if let w = RecordReader.number(weight), w >= 0, w <= 1 {
                result[name] = w
            } else {
                fail(key, found: "\(RawValue.quote(name)): \(weight.found)", expected: "a weight in [0, 1]")
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// Weekly availability entries (matching-model §1); an error when absent.
    func availability(_ key: String) -> [WeeklyInterval]? {
        guard let entries = stringList(key, default: nil) else { return nil }
        var result: [WeeklyInterval] = []
        var ok = true
        for entry in entries {
            do {
                result.append(try WeeklyInterval(parsing: entry))
            } catch {
                fail(key, found: RawValue.quote(entry), expected: "an entry like \"Mon 18:00-21:00\" (\(error.reason))")
                ok = false
            }
        }
        return ok ? result : nil
    }

    /// An IANA time-zone name known to this machine; an error when absent.
    func timezone(_ key: String) -> String? {
        guard let name = requiredString(key) else { return nil }
        guard TimeZoneOffset.isKnown(name) else {
            var expected = "a known IANA time-zone name such as \"Europe/Paris\""
            // Every name is unknown without a database: say so, and how to install one.
            do { _ = try TimeZoneDatabase.system() } catch { expected += " (\(error))" }
            fail(key, found: RawValue.quote(name), expected: expected)
            return nil
        }
        return name
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD`; an error when absent.
    func date(_ key: String) -> CalendarDate? {
        guard let value = present(key) else {
            fail(key, found: "nothing", expected: "an ISO 8601 date YYYY-MM-DD (required)")
            return nil
        }
        return date(key, value)
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD`, or `.some(nil)` when absent.
    func optionalDate(_ key: String) -> CalendarDate?? {
        guard let value = present(key) else { return .some(nil) }
        guard let d = date(key, value) else { return nil }
        return .some(d)
    }

    private func date(_ key: String, _ value: RawValue) -> CalendarDate? {
        switch value {
        case .string(let s), .cell(let s):
            if let d = CalendarDate(iso: s.trimmingSpaces()) { return d }
        default: break
        }
        fail(key, found: value.found, expected: "an ISO 8601 date YYYY-MM-DD")
        return nil
    }

    /// One of an enumeration's raw values, or `.some(nil)` when absent.
    func optionalEnum<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?? where E.RawValue == String {
        guard let value = present(key) else { return .some(nil) }
        switch value {
        case .string(let s), .cell(let s):
            if let e = E(rawValue: s.trimmingSpaces()) { return .some(e) }
        default: break
        }
        fail(key, found: value.found, expected: "one of " + E.allCases.map(\.rawValue).joined(separator: " "))
        return nil
    }
}
