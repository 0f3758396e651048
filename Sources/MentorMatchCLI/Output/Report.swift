import MentorMatchEngine

/// A command's result, ready to render in any ``OutputFormat``: readable blocks for a terminal or
/// a ticket, one row per student for a spreadsheet, and the JSON of formats.md for machines.
struct Report {
    enum Block {
        /// The first line: what was run and how it ended.
        case title(String)
        /// A sentence.
        case line(String)
        /// A heading over the blocks that follow.
        case section(String)
        case table(Table)
        /// Named figures, one a line.
        case figures([(name: String, value: String)])
    }

    var blocks: [Block]
    /// The spreadsheet view.
    var rows: Table
    /// The machine view.
    var json: JSONValue

    func rendered(as format: OutputFormat) -> String {
        switch format {
        case .table: return text
        case .markdown: return markdown
        case .csv: return rows.csv
        case .json: return json.serialized(indent: 2) + "\n"
        }
    }

    private var text: String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let s), .line(let s): out.append(s + "\n")
            case .section(let s): out.append("\n" + s + "\n")
            case .table(let t): out.append(t.text)
            case .figures(let list):
                let width = list.map(\.name.count).max() ?? 0
                out.append(list.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + "  " + $0.value }
                    .joined(separator: "\n") + "\n")
            }
        }
        return out.joined()
    }

    private var markdown: String {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let s): out.append("# " + s + "\n")
            case .line(let s): out.append(s + "\n")
            case .section(let s): out.append("## " + s + "\n")
            case .table(let t): out.append(t.markdown)
            case .figures(let list):
                var t = Table([("Figure", .left), ("Value", .right)])
                for f in list { t.append([f.name, f.value]) }
                out.append(t.markdown)
            }
        }
        return out.joined(separator: "\n")
    }
}
