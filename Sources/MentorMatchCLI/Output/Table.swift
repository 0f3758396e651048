import CSV
import Foundation

/// Rows of text under named columns, rendered for a terminal, a ticket or a spreadsheet.
struct Table {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == headers.count, "a row has \(row.count) cells for \(headers.count) columns")
        rows.append(row)
    }

    /// Aligned columns separated by two spaces, with a rule under the header.
    var text: String {
        var widths = headers.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return alignments[i] == .right ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    /// A GitHub-flavoured Markdown table.
    var markdown: String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ["| " + headers.map(escape).joined(separator: " | ") + " |"]
        out.append("|" + alignments.map { $0 == .right ? " ---: " : " --- " }.joined(separator: "|") + "|")
        out += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row.
    var csv: String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        // Writing to memory cannot fail; a failure here is a programming error.
        let writer = try! CSVWriter(stream: stream)
        try! writer.write(row: headers)
        for row in rows { try! writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension String {
    /// The text without its trailing spaces (one backward scan: `Substring.dropLast()` in a loop
    /// counts the whole string each time, which made a 20,000-row table take minutes).
    func trimmingTrailingSpaces() -> String {
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
