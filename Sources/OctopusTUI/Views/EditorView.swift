import OctopusKit

/// The built-in note editor over the page body: a title line, its keys, and the text soft-wrapped
/// at the window's width (a long line shows whole, as it will on the page), with a visible cursor.
enum EditorView {
    static func draw(_ state: AppState, _ editor: EditorState, _ grid: inout CellGrid) {
        let w = state.size.width, top = 1, h = state.bodyHeight
        for r in top..<(top + h) { grid.fill(row: r, style: .normal) }
        let title = state.kb.record(editor.recordID).map { $0.shortTitle } ?? Sanitizer.clean(editor.recordID)
        grid.put(TextWidth.clip((editor.noteID == nil ? "New note on " : "Your note on ") + title, to: w - 2), row: top, column: 1, style: .heading)
        grid.put(
            TextWidth.clip("Ctrl-S saves · Esc cancels · Ctrl-_ undoes · F1 all keys", to: w - 2), row: top + 1, column: 1, style: .dim)
        let textTop = top + 3, textHeight = max(1, h - 3)
        // One column is kept for the cursor after the last character of a full row.
        let wrapWidth = max(1, w - 3)
        var rows: [(line: Int, start: Int, end: Int)] = []
        var cursorRow = 0, cursorColumn = 0
        for (i, field) in editor.lines.enumerated() {
            let starts = rowStarts(field.text, width: wrapWidth)
            let count = field.scalarCount
            for (k, start) in starts.enumerated() {
                let end = k + 1 < starts.count ? starts[k + 1] : count
                if i == editor.row, field.cursor >= start, field.cursor < end || k == starts.count - 1 {
                    cursorRow = rows.count
                    cursorColumn = TextWidth.columns(slice(field.text, start, field.cursor))
                }
                rows.append((i, start, end))
            }
        }
        // The cursor's row stays in view.
        let first = max(0, cursorRow - textHeight + 1)
        for (n, r) in rows.dropFirst(first).prefix(textHeight).enumerated() {
            grid.put(slice(editor.lines[r.line].text, r.start, r.end), row: textTop + n, column: 1, style: .normal, width: wrapWidth)
        }
        let field = editor.current
        let under = field.clusterAtCursor.map(String.init) ?? " "
        let shown = under == "\n" || TextWidth.columns(under) == 0 ? " " : under
        grid.put(shown, row: textTop + cursorRow - first, column: 1 + cursorColumn, style: .selected)
    }

    /// Where each row of a line starts, in scalars, when it is wrapped at `width` columns: after
    /// the last space that fits, or at the edge for a word longer than the row. A grapheme cluster
    /// is never split, so a flag or an accented letter stays whole.
    static func rowStarts(_ line: String, width: Int) -> [Int] {
        var starts = [0]
        let clusters = Array(line)
        var offsets: [Int] = [], widths: [Int] = []
        var o = 0
        for c in clusters {
            offsets.append(o); widths.append(TextWidth.columns(c)); o += c.unicodeScalars.count
        }
        var rowStart = 0, used = 0, i = 0
        while i < clusters.count {
            if used + widths[i] > width, i > rowStart {
                let space = clusters[rowStart..<i].lastIndex { $0 == " " }
                let breakAt = space.map { $0 + 1 }.flatMap { $0 > rowStart && $0 <= i ? $0 : nil } ?? i
                starts.append(offsets[breakAt])
                rowStart = breakAt
                used = widths[breakAt..<i].reduce(0, +)
                continue
            }
            used += widths[i]
            i += 1
        }
        return starts
    }

    /// The scalars from `start` to `end` of a line.
    static func slice(_ s: String, _ start: Int, _ end: Int) -> String {
        let scalars = s.unicodeScalars
        let a = scalars.index(scalars.startIndex, offsetBy: min(start, scalars.count))
        let b = scalars.index(scalars.startIndex, offsetBy: min(max(start, end), scalars.count))
        return String(scalars[a..<b])
    }
}
