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
        if let top = YAMLDocument.object(data, file: file, what: "a policy", diagnostics: diagnostics) {
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
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
            diagnostics.error(file, "", "", found: "text that is not YAML (\(reason))", expected: "\(what) in YAML or JSON")
            return nil
        }
        if node == nil {  // an empty file: every field takes its default
            return [:]
        }
        guard case .object(let top) = RawValue(yaml: node!) else {
            diagnostics.error(file, "", "", found: RawValue(yaml: node!).found, expected: "\(what): a mapping of fields")
            return nil
        }
        return top
    }
}
