/// One problem in an input file: where it is and what was wrong.
///
/// Every reader reports problems with this one type, so that a user sees the
/// same shape of message for a JSON snapshot, a CSV folder, a policy or a scenario.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The record: an id (`mentor m-001`), a position (`feedback[2]`) or a CSV line (`line 5`); empty for the whole file.
    public var record: String
    /// The field; empty when the problem is not about one field.
    public var field: String
    /// What was found, quoted when it is text.
    public var found: String
    /// What the contract expects there.
    public var expected: String

    public init(file: String, record: String, field: String, found: String, expected: String) {
        self.file = file
        self.record = record
        self.field = field
        self.found = found
        self.expected = expected
    }

    /// `file: record: field: found X, expected Y` (empty parts left out).
    public var description: String {
        let place = [file, record, field].filter { !$0.isEmpty }.joined(separator: ": ")
        return "\(place): found \(found), expected \(expected)"
    }
}

/// All the problems of one input, thrown together so that a user fixes them in one pass.
public struct InputErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [InputError]

    public init(_ errors: [InputError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

/// Something in an input that was ignored (an unknown field): worth telling, not worth failing.
public struct InputWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var record: String
    public var field: String
    public var message: String

    public init(file: String, record: String, field: String, message: String) {
        self.file = file
        self.record = record
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = [file, record, field].filter { !$0.isEmpty }.joined(separator: ": ")
        return "\(place): \(message)"
    }
}

/// A value read from an input, with the warnings raised while reading it.
public struct Loaded<Value> {
    public var value: Value
    public var warnings: [InputWarning]

    public init(value: Value, warnings: [InputWarning] = []) {
        self.value = value
        self.warnings = warnings
    }
}

extension Loaded: Sendable where Value: Sendable {}
extension Loaded: Equatable where Value: Equatable {}
