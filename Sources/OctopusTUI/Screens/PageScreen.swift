import OctopusDocument
import OctopusKit

/// A record's page: scrolling, links by Tab or number, matches of the last search.
public struct PageState: Screen {
    public var id: String
    public var scroll = 0
    public var selectedLink: Int?  // 1-based link number
    public var typedNumber = NumberEntry()
    /// Line of the current in-page match (n/N), highlighted.
    public var matchLine: Int?
    /// Set when the page explains a matrix cell rather than showing a record (`id` is its State).
    public var cell: MatrixCell?
    /// Set when the page compares States side by side (`id` is the first).
    public var comparing: [String]?
    public init(id: String) { self.id = id }
    public init(cell: MatrixCell) { self.id = cell.stateID; self.cell = cell }
    public init(comparing ids: [String]) { self.id = ids.first ?? ""; self.comparing = ids }

    public var place: Place { .page(self) }
    public var bindings: [Binding] { KeyTable.bindings(for: cell == nil ? .page : .cellPage) }
    /// A comparison is not one record: bookmarks and notes go on each State's own page.
    public func record(in app: AppState) -> String? { comparing == nil ? id : nil }

    /// A State is named as it was on the status date, as its page is.
    public func title(in app: AppState) -> String {
        if let comparing { return "Compare: " + comparing.joined(separator: " · ") }
        if let cell {
            let state = app.kb.country(cell.stateID).map { $0.displayName(at: app.date) } ?? cell.stateID
            return state + " — " + (app.kb.supportArea(cell.area)?.title ?? cell.area)
        }
        let title =
            app.kb.record(id).map { r in
                if case .country(let c) = r { c.displayName(at: app.date) } else { r.shortTitle }
            } ?? id
        return (app.notebook.isBookmarked(id) ? (app.ascii ? "* " : "★ ") : "") + title
    }

    func layout(_ app: AppState) -> PageLayout { PageLayout.cached(app, id: id, cell: cell, comparing: comparing, width: app.layout.pageTextWidth) }

    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome {
        let layout = layout(app)
        let linkCount = layout.page.links.count
        let visible = rect.height
        var outcome = Outcome.none
        switch action {
        case .moveUp: scroll -= 1
        case .moveDown: scroll += 1
        case .pageUp: scroll -= max(1, visible - 1)
        case .pageDown: scroll += max(1, visible - 1)
        case .halfPageUp: scroll -= max(1, visible / 2)
        case .halfPageDown: scroll += max(1, visible / 2)
        case .top: scroll = 0
        case .bottom: scroll = layout.lines.count
        case .jumpToNotes:
            guard let line = layout.notesLine else { outcome = .message("No notes of yours on this page yet: a writes one"); break }
            scroll = line
        case .nextMatch, .previousMatch:
            guard let query = app.lastQuery else { outcome = .message("Search first with /, then n and N move between matches on the page"); break }
            // What search itself matches for the query: synonyms, completions, typos.
            let matches = layout.matches(app.searchIndex.matcher(for: query)).lines
            guard !matches.isEmpty else { matchLine = nil; outcome = .message("No match for “\(query)” on this page"); break }
            let current = matchLine ?? (action == .nextMatch ? scroll - 1 : scroll + visible)
            let next = action == .nextMatch ? (matches.first { $0 > current } ?? matches[0]) : (matches.last { $0 < current } ?? matches[matches.count - 1])
            matchLine = next
            scroll = Viewport.reveal(line: next, scroll: scroll, height: visible, total: layout.lines.count)
            let n = (matches.firstIndex(of: next) ?? 0) + 1
            outcome = .message("Match \(n) of \(matches.count) for “\(query)” (n next, N previous)")
        case .rateCell:
            guard let cell, let country = app.kb.country(cell.stateID), let area = app.kb.supportArea(cell.area) else { break }
            return .menu(Menu.rate(country.name(at: app.date), cell, area, current: app.notebook.rating(cell.stateID, cell.area)))
        case .digit(let d):
            typedNumber.type(d)
            return .message("Link \(typedNumber.text)… press Enter")
        case .nextLink, .previousLink:
            guard linkCount > 0 else { outcome = .message("This page has no links"); break }
            let forward = action == .nextLink
            if let s = selectedLink {
                selectedLink = forward ? s % linkCount + 1 : (s + linkCount - 2) % linkCount + 1
            } else {
                selectedLink = forward ? (layout.firstLinkAtOrBelow(scroll) ?? 1) : linkCount
            }
            if let s = selectedLink, let line = layout.lineOfLink[s] {
                scroll = Viewport.reveal(line: line, scroll: scroll, height: visible, total: layout.lines.count)
            }
        case .open:
            var target: Int? = selectedLink
            if !typedNumber.isEmpty { target = Int(typedNumber.take()) }
            guard let n = target else { return .message("Select a link with Tab, or type its number, then Enter") }
            guard n >= 1 && n <= linkCount else { return .message("No link \(n) on this page (1–\(linkCount))") }
            return .open(layout.page.links[n - 1])
        default: break
        }
        typedNumber.clear()
        return outcome
    }

    public mutating func ignoreKey() { typedNumber.clear() }

    /// A click on a link follows it.
    public mutating func click(row: Int, column: Int, in app: AppState, rect: Rect) -> Outcome {
        let layout = layout(app)
        let index = scroll + row - rect.row
        guard index >= 0 && index < layout.lines.count else { return .none }
        var x = 1
        for run in layout.lines[index] {
            let w = TextWidth.columns(run.text)
            if column >= x && column < x + w, let link = run.link {
                selectedLink = link
                return .open(layout.page.links[link - 1])
            }
            x += w
        }
        return .none
    }

    public mutating func fit(in app: AppState, rect: Rect) {
        let layout = layout(app)
        scroll = Viewport.clamp(scroll: scroll, total: layout.lines.count, height: rect.height)
        // Keep a selected link visible after a resize.
        if let s = selectedLink, let line = layout.lineOfLink[s] {
            scroll = Viewport.reveal(line: line, scroll: scroll, height: rect.height, total: layout.lines.count)
        }
    }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        let width = app.layout.pageTextWidth
        let layout = layout(app)
        // The current match's words, as search matched them (`TextMatcher`).
        let marked =
            matchLine.flatMap { line in
                app.lastQuery.map { layout.matches(app.searchIndex.matcher(for: $0)).runs(ofMatchOn: line) }
            } ?? []
        PageView.draw(
            layout, into: &grid, top: rect.row, left: 1, width: width, height: rect.height, scroll: scroll,
            selectedLink: selectedLink, matchLine: matchLine, marked: marked)
        Chrome.scrollBar(&grid, column: grid.size.width - 1, top: rect.row, height: rect.height, scroll: scroll, total: layout.lines.count, ascii: app.ascii)
    }
}
