import OctopusKit

/// A one-line field with its cursor: the text before it, the cluster under it in reverse video
/// (a bar at the end), and the rest. Text too long for the width scrolls to keep the cursor in view.
enum FieldView {
    /// Draws `prefix` and the field from `column`, within `width` columns; returns the columns used.
    @discardableResult
    static func draw(
        _ field: TextField, prefix: String, row: Int, column: Int, width: Int, style: Style,
        ascii: Bool, _ grid: inout CellGrid
    ) -> Int {
        guard width > 0 else { return 0 }
        var before = prefix + field.beforeCursor
        // Keep the cursor inside the width: drop whole clusters from the left, marked by "…".
        if TextWidth.columns(before) + 1 > width {
            let room = max(0, width - 2)
            var kept = "", used = 0
            for c in before.reversed() {
                let w = TextWidth.columns(c)
                if used + w > room { break }
                kept.insert(c, at: kept.startIndex); used += w
            }
            before = "…" + kept
        }
        var x = grid.put(before, row: row, column: column, style: style, width: width)
        if let under = field.clusterAtCursor, TextWidth.columns(under) > 0 {
            x += grid.put(String(under), row: row, column: column + x, style: .selected, width: width - x)
            let rest = String(field.afterCursor.dropFirst())
            x += grid.put(rest, row: row, column: column + x, style: style, width: width - x)
        } else {
            x += grid.put(ascii ? "_" : "▏", row: row, column: column + x, style: style, width: width - x)
            x += grid.put(field.afterCursor, row: row, column: column + x, style: style, width: width - x)
        }
        return x
    }
}
