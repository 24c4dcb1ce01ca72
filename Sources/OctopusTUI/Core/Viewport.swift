/// A window of `height` rows over `count` rows of content: the one rule by which lists, search
/// results, the agenda, help and pages keep their selection in range and on screen.
public enum Viewport {
    /// The scroll offset in range: the last screenful ends at the last row, never past it.
    public static func clamp(scroll: Int, total: Int, height: Int) -> Int {
        min(max(0, scroll), max(0, total - max(1, height)))
    }

    /// Keeps `selection` in `0..<count` and `scroll` so that the selection is visible.
    public static func fit(selection: inout Int, scroll: inout Int, count: Int, height: Int) {
        let h = max(1, height)
        selection = min(max(0, selection), max(0, count - 1))
        if selection < scroll { scroll = selection }
        if selection >= scroll + h { scroll = selection - h + 1 }
        scroll = clamp(scroll: scroll, total: count, height: h)
    }

    /// The scroll that shows `line`: unchanged when it is already on screen, else with the line a
    /// third of the way down (where the eye looks after a jump).
    public static func reveal(line: Int, scroll: Int, height: Int, total: Int) -> Int {
        guard line < scroll || line >= scroll + height else { return scroll }
        return clamp(scroll: line - height / 3, total: total, height: height)
    }

    /// The first row shown when the selection is kept in the middle (the agenda).
    public static func centred(selection: Int, count: Int, height: Int) -> Int {
        clamp(scroll: selection - height / 2, total: count, height: height)
    }
}
