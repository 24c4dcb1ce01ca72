import OctopusKit

/// A menu as a box in the middle of the screen: its question, then each choice with its key;
/// the selected one in reverse. It keeps to the screen's rectangle at any size.
enum MenuView {
    static func draw(_ state: AppState, _ menu: Menu, in rect: Rect, _ grid: inout CellGrid) {
        let width = min(rect.width, max(30, min(72, rect.width - 4)))
        let titleLines = TextWidth.wrap(menu.title, width: width - 4)
        let height = min(rect.height, titleLines.count + menu.items.count + 3)
        let top = rect.row + max(0, (rect.height - height) / 2), left = rect.column + (rect.width - width) / 2
        for r in top..<(top + height) {
            grid.put(String(repeating: " ", count: width), row: r, column: left, style: .normal)
        }
        var row = top + 1
        for line in titleLines where row < top + height - 1 {
            grid.put(line, row: row, column: left + 2, style: .heading, width: width - 4)
            row += 1
        }
        row += 1
        // With too little height for every choice, the window follows the selection.
        let room = max(1, top + height - 1 - row)
        let first = min(max(0, menu.selection - room + 1), max(0, menu.items.count - room))
        for (i, item) in menu.items.enumerated().dropFirst(first).prefix(room) {
            let selected = i == menu.selection
            grid.put(" \(item.key)  \(item.label) ", row: row, column: left + 1, style: selected ? .selected : .normal, width: width - 2)
            row += 1
        }
        grid.box(Rect(row: top, column: left, width: width, height: height))
    }
}
