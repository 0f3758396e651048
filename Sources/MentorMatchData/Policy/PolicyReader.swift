import Foundation
import Yams

/// Reads a policy from YAML or JSON (formats.md "Policy"); absent fields keep their defaults.
public enum PolicyReader {
    /// Reads the policy file at `url` (YAML, of which JSON is a subset).
    public static func read(contentsOf url: URL, over base: Policy = Policy()) throws(InputErrors) -> Loaded<Policy> {
        guard let data = try? Data(contentsOf: url) else {
            throw InputErrors([InputError(file: url.path, record: "", field: "", found: "no readable file",
                                          expected: "a policy file (YAML or JSON)")])
        }
        return try read(data: data, file: url.path, over: base)
    }

    /// Reads policy text; `file` names it in messages.
    public static func read(data: Data, file: String, over base: Policy = Policy()) throws(InputErrors) -> Loaded<Policy> {
        let diagnostics = Diagnostics()
        var policy: Policy?
        // JSON goes to the JSON parser (YAML 1.1 parsers trip on some valid JSON, such as tab indentation);
        // anything else, a YAML flow mapping such as `{moveCost: 150}` included, to the YAML parser.
        let startsLikeJSON = data.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
        let isJSON = startsLikeJSON && (try? JSONSerialization.jsonObject(with: data)) != nil
        let object = isJSON ? JSONDocument.object(data, file: file, diagnostics: diagnostics)
            : YAMLDocument.object(data, file: file, what: "a policy", diagnostics: diagnostics)
        if let top = object {
            let reader = RecordReader(top, file: file, record: "", diagnostics: diagnostics)
            if let overrides = PolicyOverrides.read(reader) {
                policy = overrides.applied(to: base)
                PolicyOverrides.checkWeights(policy!, file: file, diagnostics: diagnostics)
            }
        }
        return try diagnostics.finish(policy)
    }
}

/// Parsing YAML text into a raw top-level mapping, with errors in the contract's shape.
enum YAMLDocument {
    /// The top-level mapping, or `nil` after recording why there is none.
    static func object(_ data: Data, file: String, what: String, diagnostics: Diagnostics) -> [String: RawValue]? {
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(file, "", "", found: "bytes that are not UTF-8 text", expected: "\(what) in YAML or JSON")
            return nil
        }
        if let depth = tooDeep(text) {
            diagnostics.error(file, "", "", found: "nesting deeper than \(depth) levels",
                              expected: "\(what) in YAML or JSON of reasonable depth")
            return nil
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
            diagnostics.error(file, "", "", found: "text that is not YAML (\(reason))", expected: "\(what) in YAML or JSON")
            return nil
        }
        guard let node else { return [:] }  // an empty file: every field takes its default
        var budget = 1_000_000
        guard let raw = RawValue.yaml(node, budget: &budget) else {
            diagnostics.error(file, "", "", found: "more than a million values (aliases?)",
                              expected: "\(what) of reasonable size")
            return nil
        }
        guard case .object(let top) = raw else {
            diagnostics.error(file, "", "", found: raw.found, expected: "\(what): a mapping of fields")
            return nil
        }
        return top
    }

    static let maximumDepth = 64

    /// The YAML parser recurses once per nesting level; refuse text that could nest deeper than
    /// `maximumDepth` (flow brackets, `- - -` chains, indentation), counted conservatively.
    static func tooDeep(_ text: String) -> Int? {
        var flow = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var indent = 0, dashes = 0
            var atStart = true
            var previous: UInt8 = 0x20
            for byte in line.utf8 {
                switch byte {
                case 0x5B, 0x7B: flow += 1; atStart = false   // [ {
                case 0x5D, 0x7D: flow = max(0, flow - 1); atStart = false
                case 0x20 where atStart: indent += 1
                case 0x2D where atStart && previous == 0x20: dashes += 1  // "- " chains
                default: atStart = atStart && (byte == 0x20 || byte == 0x2D)
                }
                previous = byte
                if flow > maximumDepth || dashes > maximumDepth || indent > 2 * maximumDepth { return maximumDepth }
            }
        }
        return nil
    }
}
