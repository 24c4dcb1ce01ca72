import OctopusKit

/// A list screen: the rows on the left, and on wide terminals a preview of the selected record.
enum ListView {
    /// Line 1: what the list shows — its count, the filters in force, the order, the legend —
    /// each part whole or not at all, the most important first, so a narrow terminal loses the
    /// legend (the glyphs carry their letter) before it loses which filter is on.
    static func header(_ state: AppState, _ list: ListState, count: Int, width: Int) -> String {
        var parts = [list.section.counted(count)]
        switch list.section {
        case .countries:
            if let region = list.regionFilter { parts.append("in \(region)") }
            if let status = list.statusFilter { parts.append("ETS 185 \(status.label)") }
            if !list.marked.isEmpty { parts.append("\(list.marked.count) marked: C compares") }
            if list.regionFilter == nil && list.statusFilter == nil { parts.append("all regions, any status") }
            parts.append(list.sortByDate ? "by ratification date" : "by name")
            parts.append("r region · f status · s sort · x marks to compare")
            parts += state.ascii ? ["[F] in force", "[R] ratified", "[S] signed", "[?] undecided"] : ["● in force", "◐ ratified", "○ signed", "◌ undecided"]
        case .convention, .protocol_: parts.append("z folds a chapter")
        case .sessions: parts.append("* title inferred")
        case .organisations, .glossary: parts.append("' jumps by name")
        case .notes: parts.append("Enter edits · d deletes")
        case .bookmarks: break
        case .tray:
            parts.append(state.notebook.trayIncludesNotes ? "with my notes (n leaves them out)" : "without my notes (n includes them)")
            parts.append("E writes · d removes · J/K move")
        }
        var out = ""
        for part in parts {
            let next = out.isEmpty ? part : out + " · " + part
            if TextWidth.columns(next) > width { break }
            out = next
        }
        return out.isEmpty ? TextWidth.clip(parts[0], to: width) : out
    }

    static func draw(_ state: AppState, _ list: ListState, _ grid: inout CellGrid, top: Int, height: Int) {
        let rows = state.rows(list)
        let w = state.size.width
        let listWidth = state.layout.listPane.width
        grid.put(header(state, list, count: rows.filter { $0.id != nil }.count, width: listWidth - 2), row: top, column: 1, style: .dim)
        let visible = height - 1
        for i in 0..<visible {
            let index = list.scroll + i
            guard index < rows.count else { break }
            let row = rows[index], y = top + 1 + i
            let selected = index == list.selection
            let style: Style = selected ? (list.focusPreview ? .accent : .selected) : (row.id == nil ? .heading : .normal)
            if selected && !list.focusPreview { grid.fill(row: y, column: 0, width: listWidth - 1, style: .selected) }
            var x = 1 + row.level * 2
            if !row.marker.isEmpty { x += grid.put(row.marker + " ", row: y, column: x, style: style, width: listWidth - 1 - x) }
            grid.put(row.text, row: y, column: x, style: style, width: listWidth - 2 - x)
        }
        if rows.isEmpty {
            for (i, line) in TextWidth.wrap(list.section.whenEmpty, width: max(1, listWidth - 2)).prefix(max(0, visible)).enumerated() {
                grid.put(line, row: top + 1 + i, column: 1, style: .dim)
            }
        }
        Chrome.scrollBar(&grid, column: grid.size.width - 1, top: top + 1, height: visible, scroll: list.scroll, total: rows.count, ascii: state.ascii)
        guard state.twoPanes else { return }
        // Preview pane.
        let px = listWidth + 1, pw = w - px - 1
        for r in top..<(top + height) { grid.put(state.ascii ? "|" : "│", row: r, column: listWidth, style: list.focusPreview ? .accent : .dim) }
        guard list.selection < rows.count, let id = rows[list.selection].id else {
            grid.put("Enter unfolds or folds this heading.", row: top, column: px, style: .dim, width: pw)
            return
        }
        let layout = PageLayout.cached(state, id: id, width: pw)
        let scroll = min(list.previewScroll, max(0, layout.lines.count - height))
        PageView.draw(layout, into: &grid, top: top, left: px, width: pw, height: height, scroll: scroll, selectedLink: nil)
    }
}
