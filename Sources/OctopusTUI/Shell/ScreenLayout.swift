import OctopusKit

/// A rectangle of the cell grid, in rows and columns.
public struct Rect: Sendable, Hashable {
    public var row: Int, column: Int, width: Int, height: Int
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row; self.column = column; self.width = width; self.height = height
    }
    public var bottom: Int { row + height }
    public func contains(row r: Int, column c: Int) -> Bool { r >= row && r < bottom && c >= column && c < column + width }
}

/// Where everything goes on the browser's screen, computed once from the state: update (clicks,
/// paging, scrolling) and the views read the same numbers, so neither asks the other.
public struct ScreenLayout: Sendable, Hashable {
    /// The title bar (row 0), the message row (completions, warnings) and the hint row (the last).
    public var titleBar: Rect, messageRow: Rect, bottomRow: Rect
    /// Between them: where a browser screen and the overlays draw.
    public var body: Rect
    /// Where the current screen draws, as its frame allows (the walkthrough's goes further).
    public var screen: Rect
    /// Where the help overlay draws: over the screen, above the hint row.
    public var help: Rect
    /// A list and, on a wide terminal, the preview of its selected record beside it.
    public var listPane: Rect
    public var previewPane: Rect?
    /// The conference line(s) at the top of the home screen, and the row of its first menu entry.
    public var homeHeader: [String]
    public var homeAsOfRow: Int
    public var homeMenuTop: Int
    /// Search results shown at once (each takes two rows: title and snippet).
    public var searchHitsVisible: Int
    /// Page text width: the whole screen less margins, capped for readable lines.
    public var pageTextWidth: Int

    public init(_ state: AppState) {
        let size = state.size
        titleBar = Rect(row: 0, column: 0, width: size.width, height: 1)
        bottomRow = Rect(row: max(0, size.height - 1), column: 0, width: size.width, height: 1)
        messageRow = Rect(row: max(0, size.height - 2), column: 0, width: size.width, height: 1)
        body = Rect(row: 1, column: 0, width: size.width, height: state.bodyHeight)
        switch state.place.screen.frame {
        case .browser: screen = body
        case .presenter: screen = Rect(row: 1, column: 0, width: size.width, height: max(1, size.height - 2))
        case .projector: screen = Rect(row: 0, column: 0, width: size.width, height: size.height)
        }
        help = Rect(row: screen.row, column: 0, width: size.width, height: max(1, min(screen.height, bottomRow.row - screen.row)))
        let listWidth = state.twoPanes ? max(36, size.width * 2 / 5) : size.width
        listPane = Rect(row: body.row, column: 0, width: listWidth, height: body.height)
        previewPane =
            state.twoPanes
            ? Rect(row: body.row, column: listWidth + 1, width: max(0, size.width - listWidth - 2), height: body.height) : nil
        let c = state.kb.conference
        // The menu comes first on a short screen: the conference line(s) and the blank line after
        // the as-of line give way, so every section stays reachable (at 40×12 all eight fit).
        let sections = Section.home.count
        let headerRoom = body.height >= sections + 4 ? 2 : (body.height >= sections + 3 ? 1 : 0)
        homeHeader = Array(TextWidth.wrap("\(c.name) — \(c.place), \(c.startDate.day)–\(c.endDate.long)", width: size.width - 2).prefix(headerRoom))
        homeAsOfRow = body.row + homeHeader.count
        homeMenuTop = homeAsOfRow + 1 + (body.height >= homeHeader.count + 2 + sections ? 1 : 0)
        searchHitsVisible = max(1, (body.height - 2) / 2)
        pageTextWidth = max(10, min(size.width - 3, 100))
    }
}

extension AppState {
    /// The screen's geometry for this state (cheap: a few numbers and the wrapped conference line).
    public var layout: ScreenLayout { ScreenLayout(self) }
}
