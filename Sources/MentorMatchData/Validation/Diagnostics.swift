/// Collects the errors and warnings of one input while it is read.
///
/// Readers keep going after an error so that all problems are reported together;
/// `finish` then throws them all at once, or hands back the value with its warnings.
final class Diagnostics {
    private(set) var errors: [InputError] = []
    private(set) var warnings: [InputWarning] = []
    /// Unknown fields already reported, so that one stray column warns once, not once per row.
    private var warnedFields: Set<String> = []

    var hasErrors: Bool { !errors.isEmpty }

    func error(_ file: String, _ record: String, _ field: String, found: String, expected: String) {
        errors.append(InputError(file: file, record: record, field: field, found: found, expected: expected))
    }

    func append(_ error: InputError) { errors.append(error) }

    /// Warns once per file, section and field name.
    func unknownField(_ file: String, section: String, record: String, field: String) {
        let key = file + "\u{0}" + section + "\u{0}" + field
        guard warnedFields.insert(key).inserted else { return }
        warnings.append(InputWarning(file: file, record: record, field: field,
                                     message: "unknown field ignored"))
    }

    /// A warning about something other than an unknown field.
    func warn(_ file: String, _ record: String, _ field: String, _ message: String) {
        warnings.append(InputWarning(file: file, record: record, field: field, message: message))
    }

    func merge(_ other: Diagnostics) {
        errors += other.errors
        warnings += other.warnings
    }

    /// The value with its warnings, or all errors thrown together.
    func finish<Value>(_ value: Value?) throws(InputErrors) -> Loaded<Value> {
        if let value, errors.isEmpty { return Loaded(value: value, warnings: warnings) }
        throw InputErrors(errors)
    }
}
