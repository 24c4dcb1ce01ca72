import OctopusKit

/// What the shell draws around every screen, one of each: the title bar, the message-or-hints
/// row, the help overlay, the too-small screen and the scroll bar.
enum Chrome {
    /// " octopus › <screen's title>" on the left; the read-only mark and the screen's status
    /// (by default the status date, short on narrow terminals) on the right.
    static func titleBar(_ app: AppState, _ screen: any Screen, _ grid: inout CellGrid) {
        let w = app.size.width
        grid.fill(row: 0, style: .bar)
        // A read-only notebook is said on every screen, not only in a message the next key clears.
        let readOnly = app.notebook.writesOff == nil ? nil : w >= 60 ? "notes read-only" : "read-only"
        let status =
            screen.status(in: app)
            ?? (w >= 60 ? "status at \(app.date)\(app.dateName.map { " (\($0))" } ?? "")" : "\(app.date)")
        let parts = [readOnly, status.isEmpty ? nil : status].compactMap { $0 }
        let right = parts.isEmpty ? "" : " " + parts.joined(separator: " · ") + " "
        let rightWidth = TextWidth.columns(right)
        let left = " octopus › " + screen.title(in: app)
        grid.put(TextWidth.clip(left, to: w - rightWidth - 1), row: 0, column: 0, style: .bar)
        if rightWidth > 0 { grid.put(right, row: 0, column: w - rightWidth, style: .bar) }
    }

    /// The last row: the go-to prompt when it is open, else the message, else the keys of what has
    /// the keys (the screen, or the overlay open over it). The projector shows only a message.
    static func bottomRow(_ app: AppState, frame: Frame, _ grid: inout CellGrid) {
        let w = app.size.width, row = app.layout.bottomRow.row
        if case .goto(let prompt) = app.overlay {
            let completions = app.resolver.completions(for: prompt.completing, limit: completionsShown)
            if let error = prompt.error {
                grid.fill(row: row - 1, style: .normal)
                grid.put(TextWidth.clip(error, to: w), row: row - 1, column: 0, style: .warning)
            } else if !completions.isEmpty {
                grid.fill(row: row - 1, style: .normal)
                // Each id with its title, as many as fit whole; the window follows the one Tab put
                // in the field, which stands out.
                let slot = 24, fits = max(1, (w - 4) / slot)
                let current = prompt.cycle?.index
                let first = min(max(0, (current ?? 0) - fits + 1), max(0, completions.count - fits))
                let shown = completions[first..<min(completions.count, first + fits)]
                var x = grid.put("Tab:", row: row - 1, column: 0, style: .dim)
                for (i, id) in zip(shown.indices, shown) {
                    let title = app.kb.label(of: id).map { $0.shortTitle == id ? "" : " " + $0.shortTitle } ?? ""
                    let room = shown.count == 1 ? w - x - 2 : min(w - x - 2, slot - 2)
                    x += grid.put("  ", row: row - 1, column: x, style: .dim)
                    x += grid.put(id + title, row: row - 1, column: x, style: current == i ? .selected : .dim, width: room)
                }
            }
            promptRow(app, prompt.field, prefix: ":", row: row, &grid)
            return
        }
        if case .jump(let field) = app.overlay {
            // The message (no entry found) above the field, which keeps the bottom row.
            if let message = app.message {
                grid.fill(row: row - 1, style: .normal)
                grid.put(TextWidth.clip(message, to: w), row: row - 1, column: 0, style: .warning)
            }
            promptRow(app, field, prefix: "'", row: row, &grid)
            return
        }
        if let message = app.message {
            grid.fill(row: row, style: .normal)
            if frame == .projector {
                grid.put(TextWidth.clip(message, to: w - 1), row: row, column: 1, style: Style(.normal, bold: true))
            } else if TextWidth.columns(message) > w, row - 1 > app.layout.screen.row {
                // A message too long for the row (a path written) takes the free row above too,
                // so it is read whole; it is cut only past two rows.
                let lines = TextWidth.wrap(message, width: w)
                grid.fill(row: row - 1, style: .normal)
                grid.put(lines[0], row: row - 1, column: 0, style: .accent)
                grid.put(TextWidth.clip(lines.dropFirst().joined(separator: " "), to: w), row: row, column: 0, style: .accent)
            } else {
                grid.put(TextWidth.clip(message, to: w), row: row, column: 0, style: .accent)
            }
            return
        }
        guard frame != .projector || app.overlay != nil else { return }
        grid.fill(row: row, style: .normal)
        grid.put(TextWidth.clip(KeyHelp.hintLine(app.bindings, width: w), to: w), row: row, column: 0, style: .dim)
    }

    /// A one-line field on the bottom row (`:` go-to, `'` jump): the field, and its own keys on the
    /// right in at most half the row; the field keeps the rest.
    private static func promptRow(_ app: AppState, _ field: TextField, prefix: String, row: Int, _ grid: inout CellGrid) {
        let w = app.size.width
        grid.fill(row: row, style: .normal)
        let hints = TextWidth.clip(KeyHelp.hintLine(app.bindings, width: w / 2), to: w / 2)
        let hintWidth = TextWidth.columns(hints)
        FieldView.draw(field, prefix: prefix, row: row, column: 0, width: w - hintWidth - 2, style: .accent, ascii: app.ascii, &grid)
        grid.put(hints, row: row, column: w - hintWidth, style: .dim)
    }

    /// How many completions the go-to prompt offers (and Tab cycles through).
    static let completionsShown = 5

    /// Every key of what is under it, generated from that table, grouped; it scrolls, and says
    /// "more" at the edge that has more.
    static func help(_ app: AppState, scroll: Int, in rect: Rect, _ grid: inout CellGrid) {
        let lines = helpText(app, width: rect.width)
        for r in 0..<rect.height {
            grid.fill(row: rect.row + r, column: rect.column, width: rect.width, style: .normal)
            let i = scroll + r
            guard i < lines.count else { continue }
            grid.put(lines[i].0, row: rect.row + r, column: rect.column, style: lines[i].1, width: rect.width)
        }
        let above = scroll > 0, below = scroll + rect.height < lines.count
        let arrows = app.ascii ? ("^", "v") : ("↑", "↓")
        if above { marker("\(arrows.0) more above", row: rect.row, in: rect, &grid) }
        if below { marker("\(arrows.1) more below (j, Space)", row: rect.bottom - 1, in: rect, &grid) }
    }

    /// On a row of its own, so it never covers half a line (the next step of the scroll shows it).
    private static func marker(_ text: String, row: Int, in rect: Rect, _ grid: inout CellGrid) {
        let text = " " + TextWidth.clip(text, to: rect.width - 2) + " "
        grid.fill(row: row, column: rect.column, width: rect.width, style: .normal)
        grid.put(text, row: row, column: rect.column + rect.width - TextWidth.columns(text), style: .accent)
    }

    /// The help screen's lines at a width: a heading per group, each key beside its text, the
    /// text wrapped (never cut) under its own column, and the keys on their own line when they
    /// would leave the text too little room.
    static func helpText(_ app: AppState, width: Int) -> [(String, Style)] {
        let entries = app.helpLines
        let keyWidth = min(max(8, width / 3), (entries.map { TextWidth.columns($0.keys) }.max() ?? 8) + 2)
        let textWidth = max(10, width - 2 - keyWidth)
        var lines: [(String, Style)] = [(" Keys on this screen", .heading)]
        var group: HelpGroup?
        for e in entries {
            if e.group != group {
                lines += [("", .normal), (" " + e.group.rawValue, .accent)]
                group = e.group
            }
            let text = TextWidth.wrap(e.help, width: textWidth)
            let keys = TextWidth.columns(e.keys) < keyWidth ? [e.keys] : TextWidth.wrap(e.keys, width: width - 2)
            let indent = String(repeating: " ", count: keyWidth)
            if keys.count == 1, TextWidth.columns(keys[0]) < keyWidth {
                for (i, t) in text.enumerated() { lines.append((" " + (i == 0 ? TextWidth.pad(keys[0], to: keyWidth) : indent) + t, .normal)) }
            } else {
                for k in keys { lines.append((" " + k, .normal)) }
                for t in text { lines.append((" " + indent + t, .normal)) }
            }
        }
        lines += [("", .normal), (" Esc or ? closes this help", .dim)]
        return lines
    }

    static func tooSmall(_ app: AppState, _ grid: inout CellGrid) {
        let min = AppState.minimumSize
        let lines = TextWidth.wrap(
            "Terminal too small: \(app.size.width)×\(app.size.height). octopus needs \(min.width)×\(min.height). Enlarge the window, or press q to quit.",
            width: max(1, app.size.width))
        for (i, l) in lines.prefix(app.size.height).enumerated() { grid.put(l, row: i, column: 0, style: i == 0 ? .warning : .normal) }
    }

    /// A bar in `column` beside `height` rows showing which part of `total` rows is on screen;
    /// nothing when it all fits.
    static func scrollBar(_ grid: inout CellGrid, column: Int, top: Int, height: Int, scroll: Int, total: Int, ascii: Bool) {
        guard total > height, height > 0 else { return }
        let pos = top + min(height - 1, scroll * height / max(1, total - height + 1))
        for r in top..<(top + height) { grid.put(ascii ? "|" : "│", row: r, column: column, style: .dim) }
        grid.put(ascii ? "#" : "┃", row: pos, column: column, style: .accent)
    }
}
