import OctopusNotebook
import OctopusKit

/// The matrix screen: a heading row, a row per State (its name frozen at the left), and below
/// them one line saying what the selected cell reads, your rating of it, and the legend.
enum MatrixView {
    static func draw(_ app: AppState, _ state: MatrixState, _ m: Matrix, into grid: inout CellGrid, rect: Rect) {
        let g = MatrixGrid(m, app: app, width: rect.width)
        let columns = g.visible(from: state.firstColumn)
        let left = 1 + g.nameWidth + 1
        // Heading row: the sorted column marked, the selected one stressed.
        // The State column's heading counts the States the filters leave.
        let states = "\(m.rows.count)" + (g.nameWidth >= 12 ? " State\(m.rows.count == 1 ? "" : "s")" : "")
        grid.put(states + (state.sortColumn == nil ? " ▾" : ""), row: rect.row, column: 1, style: .dim, width: g.nameWidth)
        var x = left
        for i in columns {
            let style: Style = i == state.column ? .accent : .dim
            grid.put(m.areas[i].short + (state.sortColumn == i ? "▾" : ""), row: rect.row, column: x, style: style, width: g.widths[i])
            x += g.widths[i]
        }
        if columns.lowerBound > 0 { grid.put("‹", row: rect.row, column: left - 1, style: .accent) }
        if columns.upperBound < m.areas.count { grid.put("›", row: rect.row, column: min(rect.width - 2, x), style: .accent) }
        let body = MatrixGrid.bodyRows(rect)
        for i in 0..<body {
            let index = state.scroll + i
            guard index < m.rows.count else { break }
            let r = m.rows[index], y = rect.row + 1 + i
            let selectedRow = index == state.row
            grid.put(r.name, row: y, column: 1, style: selectedRow ? .accent : .normal, width: g.nameWidth)
            var x = left
            for c in columns {
                let cell = r.cells[c]
                let mine = app.notebook.rating(r.country.id, cell.area.id)
                let shown = g.text(cell)
                let selected = selectedRow && c == state.column
                if selected { grid.fill(row: y, column: x, width: g.widths[c] - 1, style: .selected) }
                let used = grid.put(shown, row: y, column: x, style: selected ? .selected : cell.isRecorded ? .normal : .dim, width: g.widths[c] - 1)
                if let mine {
                    grid.put(" " + mine.level.letter, row: y, column: x + used, style: selected ? .selected : .link, width: g.widths[c] - 1 - used)
                }
                x += g.widths[c]
            }
        }
        if m.rows.isEmpty {
            grid.put("No State matches these filters (r region · f status · c membership).", row: rect.row + 1, column: 1, style: .dim, width: rect.width - 2)
        }
        Chrome.scrollBar(&grid, column: grid.size.width - 1, top: rect.row + 1, height: body, scroll: state.scroll, total: m.rows.count, ascii: app.ascii)
        grid.put(detail(app, state, m, width: rect.width - 2), row: rect.row + rect.height - 1, column: 1, style: .dim, width: rect.width - 2)
    }

    /// What the selected cell reads and your rating first, then the legend: each part whole or
    /// not at all.
    static func detail(_ app: AppState, _ state: MatrixState, _ m: Matrix, width: Int) -> String {
        var parts: [String] = []
        if m.rows.indices.contains(state.row), m.areas.indices.contains(state.column) {
            let r = m.rows[state.row], cell = r.cells[state.column]
            parts.append("\(r.name) × \(cell.area.title): \(cell.summary)")
            parts.append(app.notebook.rating(r.country.id, cell.area.id).map { "yours: \($0.level.label)" } ?? "R rates it")
        }
        parts.append("● progress ○ none ? unknown – not recorded · Enter explains")
        var out = ""
        for part in parts {
            let next = out.isEmpty ? part : out + " · " + part
            if TextWidth.columns(next) > width { break }
            out = next
        }
        return out.isEmpty ? TextWidth.clip(parts[0], to: width) : out
    }
}
