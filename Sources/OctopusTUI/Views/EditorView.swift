import OctopusKit

/// The built-in note editor over the page body: a title line, the text, and a visible cursor.
enum EditorView {
    static func draw(_ state: AppState, _ editor: EditorState, _ grid: inout CellGrid) {
        let w = state.size.width, top = 1, h = state.bodyHeight
        for r in top..<(top + h) { grid.fill(row: r, style: .normal) }
        let title = state.kb.record(editor.recordID).map { $0.shortTitle } ?? editor.recordID
        grid.put(TextWidth.clip("Note on " + title, to: w - 2), row: top, column: 1, style: .heading)
        grid.put(TextWidth.clip("Ctrl-S saves · Esc cancels · arrows, Home/End, Backspace/Delete, Enter", to: w - 2), row: top + 1, column: 1, style: .dim)
        let textTop = top + 3, textHeight = max(1, h - 3), textWidth = max(1, w - 2)
        // Keep the cursor's line and column in view.
        let firstLine = max(0, editor.row - textHeight + 1)
        let cursorX = TextWidth.columns(editor.current.beforeCursor)
        let shift = max(0, cursorX - textWidth + 1)
        for i in 0..<textHeight {
            let index = firstLine + i
            guard index < editor.lines.count else { break }
            let (visible, dropped) = dropColumns(editor.lines[index].text, shift)
            // A wide character cut by the left edge leaves a blank column, not half a glyph.
            let x = 1 + dropped - shift
            grid.put(visible, row: textTop + i, column: x, style: .normal, width: textWidth - (x - 1))
            if index == editor.row {
                let under = editor.current.clusterAtCursor.map(String.init) ?? " "
                grid.put(TextWidth.columns(under) == 0 ? " " : under, row: textTop + i, column: 1 + cursorX - shift, style: .selected)
            }
        }
    }

    /// The text without its first `n` columns (rounded up to a whole cluster), and the columns dropped.
    static func dropColumns(_ s: String, _ n: Int) -> (String, Int) {
        var used = 0, out = Substring(s)
        while used < n, let c = out.first { used += TextWidth.columns(c); out = out.dropFirst() }
        return (String(out), used)
    }
}
