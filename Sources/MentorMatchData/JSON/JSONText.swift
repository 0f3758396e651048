/// Small helpers to write JSON text by hand, so that key order is the contract's and stable.
enum JSONText {
    /// A JSON string literal.
    static func string(_ s: String) -> String {
        // Most text needs no escaping: copy it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A number: integers without a fraction, others in Swift's shortest round-trip form.
    static func number(_ d: Double) -> String {
        if d.rounded() == d && abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    /// `[a, b]` on one line.
    static func inlineList(_ items: [String]) -> String {
        "[" + items.map(string).joined(separator: ", ") + "]"
    }

    /// `{"k": v, …}` on one line, keys in `order` first, any others sorted.
    static func inlineWeights(_ weights: [String: Double], order: [String]) -> String {
        let known = Set(order)
        let keys = order.filter { weights[$0] != nil } + weights.keys.filter { !known.contains($0) }.sorted()
        return "{" + keys.map { string($0) + ": " + number(weights[$0]!) }.joined(separator: ", ") + "}"
    }

    /// An object with one `"key": value` per line, indented.
    static func object(_ members: [(String, String)], indent: String) -> String {
        let inner = indent + "  "
        return "{\n" + members.map { inner + string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n" + indent + "}"
    }
}
