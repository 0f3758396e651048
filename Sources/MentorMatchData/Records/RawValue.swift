import Foundation
import Yams

/// A value as it came out of JSON, YAML or a CSV cell, before it is checked against the contract.
///
/// JSON and YAML give typed values; a CSV cell is kept as `.cell` text and is
/// interpreted by the field it fills (`3` as an integer, `fr;en` as a list…).
enum RawValue {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// Untyped text from a CSV cell.
    case cell(String)
    case array([RawValue])
    case object([String: RawValue])

    /// How the value reads in an error message.
    var found: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s), .cell(let s): return RawValue.quote(s)
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// Text in double quotes, cut when it is long (error messages stay one line).
    static func quote(_ s: String) -> String {
        var text = s.count > 60 ? String(s.prefix(57)) + "..." : s
        text = text.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        return "\"" + text + "\""
    }
}

extension RawValue {
    /// Converts what `JSONSerialization` returns; booleans are told apart from numbers by their type code.
    init(json value: Any) {
        // Strings first (most values are), then containers: testing a Swift dictionary against
        // NSNumber would bridge it whole.
        switch value {
        case let s as String:
            self = .string(s)
        case let o as [String: Any]:
            self = .object(o.mapValues(RawValue.init(json:)))
        case let a as [Any]:
            self = .array(a.map(RawValue.init(json:)))
        case let n as NSNumber:
            let code = n.objCType.pointee  // one character: c = boolean, d/f = real, Q = huge unsigned
            if code == 0x63 || code == 0x42 {
                self = .bool(n.boolValue)
            } else if code == 0x64 || code == 0x66 || code == 0x51 {
                self = .double(n.doubleValue)
            } else {
                self = .int(n.intValue)
            }
        default:
            self = .null
        }
    }

    /// Converts a YAML node, typing plain scalars with YAML's core schema (timestamps stay text).
    ///
    /// `budget` bounds the number of nodes visited (aliases can repeat a subtree exponentially);
    /// `nil` when it runs out.
    static func yaml(_ node: Node, budget: inout Int) -> RawValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.description) {
            case .null: return .null
            case .bool: return node.bool.map(RawValue.bool) ?? .string(scalar.string)
            case .int:
                // A base-60 integer ("1:30", YAML 1.1) is converted here: Yams traps on its overflow.
                let value = scalar.string.contains(":") ? sexagesimal(scalar.string) : node.int
                return value.map(RawValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(RawValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [RawValue] = []
            for item in sequence {
                guard let value = yaml(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let mapping):
            var fields: [String: RawValue] = [:]
            for (key, value) in mapping {
                guard let converted = yaml(value, budget: &budget) else { return nil }
                fields[key.string ?? String(describing: key)] = converted
            }
            return .object(fields)
        }
    }

    /// A YAML 1.1 base-60 integer as Yams reads it ("1:30" is 90, "-1:00:00" is -3600, `_` ignored), or
    /// `nil` when it does not fit an `Int` (Yams computes it with trapping arithmetic: issue 18).
    static func sexagesimal(_ text: String) -> Int? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let digit = Int(part, radix: 10), digit >= 0 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}
