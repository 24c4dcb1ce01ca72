import OctopusKit

/// A cell of the matrix: a State × a support area.
public struct MatrixCell: Sendable, Hashable {
    public var stateID: String
    public var area: String
    public init(stateID: String, area: String) { self.stateID = stateID; self.area = area }
}

/// The assessment matrix: States (rows, the State column frozen) × the support areas (columns,
/// scrolled sideways when they do not fit), each cell its marks and your own rating beside them.
public struct MatrixState: Screen {
    public var filter = Matrix.Filter()
    /// The column the rows are sorted by (nil: by name).
    public var sortColumn: Int?
    public var row = 0, column = 0
    public var scroll = 0
    /// The first area column shown (the State column always is).
    public var firstColumn = 0
    public init() {}

    public var place: Place { .matrix(self) }
    /// The filters on, in the title bar, where they stay in sight whatever the width.
    public func title(in app: AppState) -> String {
        let on = [
            filter.region, filter.coeMember2010.map { $0 ? "CoE members 2010" : "not CoE members 2010" }, filter.standing.map { "ETS 185 " + $0.label },
        ].compactMap { $0 }
        return on.isEmpty ? "Assessment matrix" : "Matrix: " + on.joined(separator: ", ")
    }
    public var bindings: [Binding] { KeyTable.bindings(for: .matrix) }

    func matrix(_ app: AppState) -> Matrix { app.matrixCache.matrix(app.kb, date: app.date, filter: filter, sort: sortColumn) }

    func cell(_ app: AppState) -> (Matrix.Row, AreaReading)? {
        let m = matrix(app)
        guard m.rows.indices.contains(row), m.areas.indices.contains(column) else { return nil }
        return (m.rows[row], m.rows[row].cells[column])
    }

    public func record(in app: AppState) -> String? { cell(app)?.0.country.id }

    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome {
        let m = matrix(app)
        let page = max(1, MatrixGrid.bodyRows(rect))
        switch action {
        case .moveUp: row -= 1
        case .moveDown: row += 1
        case .moveLeft: column -= 1
        case .moveRight: column += 1
        case .pageUp: row -= page
        case .pageDown: row += page
        case .top: row = 0
        case .bottom: row = m.rows.count - 1
        case .open:
            guard let (r, c) = cell(app) else { return .message("No State matches these filters (r region · f status · c membership)") }
            return .navigate(.page(PageState(cell: MatrixCell(stateID: r.country.id, area: c.area.id))))
        case .rateCell:
            guard let (r, c) = cell(app) else { return .none }
            return .menu(Menu.rate(r.name, MatrixCell(stateID: r.country.id, area: c.area.id), c.area, current: app.notebook.rating(r.country.id, c.area.id)))
        case .cycleRegion: return .menu(Menu.regions(app.kb, current: filter.region))
        case .cycleStatusFilter: return .menu(Menu.statuses(current: filter.standing, date: app.date))
        case .cycleMembership:
            filter.coeMember2010 = filter.coeMember2010 == nil ? true : filter.coeMember2010 == true ? false : nil
            row = 0
            return .message(
                filter.coeMember2010.map { $0 ? "Council of Europe members in 2010 only" : "States not members of the Council of Europe in 2010 only" }
                    ?? "Members and non-members alike")
        case .toggleSort:
            sortColumn = sortColumn == column ? nil : column
            row = 0
            return .message(sortColumn == nil ? "Sorted by name" : "Sorted by \(m.areas[column].title), most progress first (s again: by name)")
        default: break
        }
        return .none
    }

    public mutating func fit(in app: AppState, rect: Rect) {
        let m = matrix(app)
        column = min(max(0, column), max(0, m.areas.count - 1))
        Viewport.fit(selection: &row, scroll: &scroll, count: m.rows.count, height: MatrixGrid.bodyRows(rect))
        let grid = MatrixGrid(m, app: app, width: rect.width)
        if column < firstColumn { firstColumn = column }
        while firstColumn < column, !grid.visible(from: firstColumn).contains(column) { firstColumn += 1 }
        // Scrolled back as far as the last column allows, so a wider terminal shows them all.
        while firstColumn > 0, grid.visible(from: firstColumn - 1).upperBound == m.areas.count { firstColumn -= 1 }
    }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        MatrixView.draw(app, self, matrix(app), into: &grid, rect: rect)
    }
}

/// The matrix's geometry, computed once from the matrix and the width: the frozen State column,
/// each area column's width, which columns fit from the first one shown. When every column fits
/// with room to spare, each cell adds its count ("2/4") to its marks.
struct MatrixGrid {
    var nameWidth: Int
    var widths: [Int]
    var width: Int
    /// Cells show their counts beside their marks.
    var full: Bool

    init(_ m: Matrix, app: AppState, width: Int) {
        self.width = width
        // Marks (and the count when full), a space and your rating's letter, and a gap; never
        // narrower than the heading.
        func widths(full: Bool) -> [Int] {
            m.areas.map { a in
                let marks = max(1, a.progressIndicators.count) + (full && !a.progressIndicators.isEmpty ? 4 : 0)
                return max(a.short.count, marks + 2) + 1
            }
        }
        let fullWidths = widths(full: true)
        full = 1 + 24 + 1 + fullWidths.reduce(0, +) <= width - 1
        self.widths = full ? fullWidths : widths(full: false)
        nameWidth = full ? 24 : min(22, max(10, width / 4))
    }

    /// Rows for States: the heading row above them and the selected cell's line below.
    static func bodyRows(_ rect: Rect) -> Int { max(1, rect.height - 2) }

    /// The area columns that fit from `first`, left of the scroll bar.
    func visible(from first: Int) -> Range<Int> {
        var x = 1 + nameWidth + 1, end = first
        while end < widths.count, x + widths[end] <= width - 1 { x += widths[end]; end += 1 }
        return first..<max(end, min(first + 1, widths.count))
    }

    /// What a cell shows of its reading.
    func text(_ cell: AreaReading) -> String { cell.marks + (full && cell.isRecorded ? " \(cell.met)/\(cell.total)" : "") }
}
