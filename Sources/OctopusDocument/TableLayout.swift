import OctopusKit

/// A table block laid out to a width, for the terminal text and the browser alike: columns side
/// by side when each gets room for a few words, otherwise each row's label with one cell under
/// another. The geometry is decided once for the whole table, so rows line up.
public enum TableLayout {
    public enum Role: Sendable, Hashable {
        /// A column's heading; a row's label (`marked`: the row's cells differ); a cell; the rule
        /// under the headings; the padding between.
        case heading, label, marked, cell, rule, space
    }

    public struct Piece: Sendable, Hashable {
        public var text: String
        public var role: Role
    }

    /// The narrowest column worth setting side by side: below it a cell would wrap word by word.
    static let narrowest = 18
    static let gap = 2
    static let comfortable = 26

    /// The table's lines, each a few pieces; a blank line between rows.
    public static func lines(_ table: Page.Table, width: Int, ascii: Bool = false) -> [[Piece]] {
        let differ = ascii ? " !=" : " ≠"
        let n = max(1, table.columns.count)
        let longestLabel = table.rows.map { TextWidth.columns($0.label) + TextWidth.columns(differ) }.max() ?? 0
        // The label column takes what the cells can spare beyond a comfortable width each.
        let labelWidth = min(longestLabel, max(16, min(width * 2 / 5, width - n * (comfortable + gap))))
        let columnWidth = (width - labelWidth - gap * n) / n
        var out: [[Piece]] = []
        func label(_ row: Page.Table.Row) -> String { row.label + (row.marked ? differ : "") }
        guard columnWidth >= narrowest else {
            // One under another: the label, then each key and its cell, indented.
            let keyWidth = (table.keys.map { TextWidth.columns($0) }.max() ?? 2) + gap
            for (i, row) in table.rows.enumerated() {
                if i > 0 { out.append([]) }
                for line in TextWidth.wrap(label(row), width: width) { out.append([Piece(text: line, role: row.marked ? .marked : .label)]) }
                for (key, cell) in zip(table.keys, row.cells) {
                    let lead = "  " + TextWidth.pad(key, to: keyWidth)
                    let lines = TextWidth.wrap(cell, width: max(8, width - TextWidth.columns(lead)))
                    for (l, line) in (lines.isEmpty ? [""] : lines).enumerated() {
                        out.append([
                            Piece(text: l == 0 ? lead : String(repeating: " ", count: TextWidth.columns(lead)), role: .space), Piece(text: line, role: .cell),
                        ])
                    }
                }
            }
            return out
        }
        func side(_ cells: [(String, Role)]) -> [[Piece]] {
            let widths = [labelWidth] + Array(repeating: columnWidth, count: n)
            let wrapped = zip(cells, widths).map { cell, w in TextWidth.wrap(cell.0, width: w) }
            let height = wrapped.map(\.count).max() ?? 0
            return (0..<height).map { l in
                var line: [Piece] = []
                for (c, lines) in wrapped.enumerated() {
                    let text = l < lines.count ? lines[l] : ""
                    if c > 0 { line.append(Piece(text: String(repeating: " ", count: gap), role: .space)) }
                    // The last column needs no padding after it.
                    line.append(Piece(text: c == wrapped.count - 1 ? text : TextWidth.pad(text, to: widths[c]), role: cells[c].1))
                }
                while let last = line.last, last.text.allSatisfy({ $0 == " " }) { line.removeLast() }
                if let last = line.last { line[line.count - 1].text = String(last.text.reversed().drop { $0 == " " }.reversed()) }
                return line
            }
        }
        out += side([("", .space)] + table.columns.map { ($0, .heading) })
        out.append([Piece(text: String(repeating: ascii ? "-" : "─", count: min(width, labelWidth + (columnWidth + gap) * n)), role: .rule)])
        for (i, row) in table.rows.enumerated() {
            if i > 0 { out.append([]) }
            out += side([(label(row), row.marked ? .marked : .label)] + row.cells.map { ($0, .cell) })
        }
        return out
    }

    /// The lines as plain text.
    public static func text(_ table: Page.Table, width: Int, ascii: Bool = false) -> [String] {
        lines(table, width: width, ascii: ascii).map { $0.map(\.text).joined() }
    }
}
