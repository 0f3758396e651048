import CSV
import Foundation

/// One CSV file read into raw records (RFC 4180, header row required), with their line numbers.
struct CSVTable {
    /// Each data row: its first line number in the file and its non-empty cells by column name.
    var rows: [(line: Int, fields: [String: RawValue])] = []

    /// Reads `data`; records errors (encoding, header, ragged rows) and unknown-column warnings.
    /// A missing `required` column is one error for the file (not one per row).
    init?(data: Data, file: String, known: [String], required: [String], section: String, diagnostics: Diagnostics) {
        guard var text = String(data: data, encoding: .utf8) else {
            diagnostics.error(file, "", "", found: "bytes that are not UTF-8 text", expected: "a UTF-8 CSV file")
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            diagnostics.error(file, "line 1", "", found: "no header row", expected: "a header row naming the columns")
            return nil
        }
        guard let header = reader.headerRow, !(header.count == 1 && header[0].isEmpty) else {
            diagnostics.error(file, "line 1", "", found: "no header row", expected: "a header row naming the columns")
            return nil
        }
        let columns = header.map { $0.trimmingSpaces() }
        var seen: Set<String> = []
        for name in columns where !seen.insert(name).inserted {
            diagnostics.error(file, "line 1", name, found: "the column twice", expected: "each column once")
            return nil
        }
        let missing = required.filter { !seen.contains($0) }
        for name in missing {
            diagnostics.error(file, "line 1", name, found: "no such column", expected: "a column named \(name) (required)")
        }
        if !missing.isEmpty { return nil }
        let knownSet = Set(known)
        for name in columns.sorted() where !knownSet.contains(name) {
            diagnostics.unknownField(file, section: section, record: "line 1", field: name)
        }
        var line = 1 + header.reduce(0) { $0 + CSVTable.newlines(in: $1) } + 1
        while let row = reader.next() {
            defer { line += 1 + row.reduce(0) { $0 + CSVTable.newlines(in: $1) } }
            if row.count == 1 && row[0].isEmpty { continue }  // a blank line
            guard row.count == columns.count else {
                diagnostics.error(file, "line \(line)", "", found: "\(row.count) cells",
                                  expected: "\(columns.count) cells, as many as header columns")
                continue
            }
            var fields: [String: RawValue] = [:]
            for (name, cell) in zip(columns, row) where !cell.isEmpty && knownSet.contains(name) {
                fields[name] = .cell(cell)
            }
            rows.append((line, fields))
        }
        if reader.error != nil {
            diagnostics.error(file, "line \(line)", "", found: "text that breaks RFC 4180 quoting",
                              expected: "a well-formed CSV file")
        }
    }

    private static func newlines(in cell: String) -> Int {
        cell.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    }
}
