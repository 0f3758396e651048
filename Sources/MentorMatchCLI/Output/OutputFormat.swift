import ArgumentParser

/// How a result is written.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Aligned columns for a terminal.
    case table
    /// The result JSON of formats.md, for machines.
    case json
    /// One row per student, for spreadsheets.
    case csv
    /// Tables to paste into a ticket.
    case markdown
}
