import OctopusKit

/// Draws a laid-out page (`PageLayout`) into a region of the grid.
public enum PageView {
    /// Draws lines [scroll, scroll+height) of a layout into a region of the grid; the runs in
    /// `marked` (the words of the current match) are in reverse video, and `matchLine` has a mark.
    static func draw(
        _ layout: PageLayout, into grid: inout CellGrid, top: Int, left: Int, width: Int, height: Int,
        scroll: Int, selectedLink: Int?, matchLine: Int? = nil, marked: Set<RunPosition> = []
    ) {
        for row in 0..<height {
            let index = scroll + row
            guard index < layout.lines.count else { break }
            var x = left
            for (r, run) in layout.lines[index].enumerated() {
                var style = run.style
                if let l = run.link, l == selectedLink { style = .selected }
                if marked.contains(RunPosition(line: index, run: r)) { style = .selected }
                x += grid.put(run.text, row: top + row, column: x, style: style, width: left + width - x)
            }
            if index == matchLine && left > 0 { grid.put("▶", row: top + row, column: left - 1, style: .accent) }
        }
    }
}
