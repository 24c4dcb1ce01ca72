import OctopusKit

/// The home screen: the conference, the status date and a menu of the sections.
public struct HomeState: Screen {
    public var selection = 0
    public init(selection: Int = 0) { self.selection = selection }

    public var place: Place { .home(self) }
    public func title(in app: AppState) -> String { "Home" }
    public var bindings: [Binding] { KeyTable.bindings(for: .home) }
    public func record(in app: AppState) -> String? { nil }

    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome {
        let count = Section.home.count
        switch action {
        case .moveUp: selection = max(0, selection - 1)
        case .moveDown: selection = min(count - 1, selection + 1)
        case .top, .pageUp: selection = 0
        case .bottom, .pageDown: selection = count - 1
        case .halfPageUp: selection = max(0, selection - count / 2)
        case .halfPageDown: selection = min(count - 1, selection + count / 2)
        case .open:
            return .navigate(.list(app.list(Section.home[selection])))
        default: break
        }
        return .none
    }

    /// A click selects a section; a click on the selected one opens it.
    public mutating func click(row: Int, column: Int, in app: AppState, rect: Rect) -> Outcome {
        let index = row - app.layout.homeMenuTop
        guard index >= 0 && index < Section.home.count else { return .none }
        let again = index == selection
        selection = index
        return again ? update(.open, in: app, rect: rect) : .none
    }

    public mutating func fit(in app: AppState, rect: Rect) {
        selection = min(max(0, selection), Section.home.count - 1)
    }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        let kb = app.kb, w = rect.width, layout = app.layout
        let top = rect.row, bottom = rect.bottom
        for (i, line) in layout.homeHeader.enumerated() { grid.put(line, row: top + i, column: 1, style: .heading) }
        grid.put(
            TextWidth.clip("Knowledge base as of \(kb.asOf) · status shown at \(app.date.long)", to: w - 2), row: layout.homeAsOfRow, column: 1, style: .dim)
        var row = layout.homeMenuTop
        let counts: [Section: String] = [
            .sessions: "\(kb.sessions.count)", .convention: "\(kb.articles(of: .convention).count)",
            .protocol_: "\(kb.articles(of: .protocol).count)", .countries: "\(kb.countries.count)",
            .organisations: "\(kb.organisations.count)", .glossary: "\(kb.glossary.count)",
            .bookmarks: "\(app.notebook.bookmarks.count)", .notes: "\(app.notebook.notes.count)",
        ]
        for (i, section) in Section.home.enumerated() where row < bottom {
            let selected = i == selection
            let count = (counts[section] ?? "").leftPadded(3)
            let label = " \(count)  \(section.title)"
            if selected { grid.fill(row: row, column: 1, width: w - 2, style: .selected) }
            let used = grid.put(label, row: row, column: 1, style: selected ? .selected : .accent, width: w - 2)
            if w - 2 - used > 6 {
                grid.put("  " + section.blurb, row: row, column: 1 + used, style: selected ? .selected : .dim, width: w - 2 - used)
            }
            row += 1
        }
        row += 1
        let parties = kb.parties(of: kb.conventionID, at: app.date).count, signed = kb.signatories(of: kb.conventionID, at: app.date).count
        let guide =
            [
                "Budapest Convention on \(app.date.long): \(signed) signatories, \(parties) Parties.",
                "Type : and an address — art 29, PT, ws 3, portugal — to jump anywhere.",
            ] + (kb.supportAreas.isEmpty ? [] : ["M opens the assessment matrix: States × the \(kb.supportAreas.count) support areas."])
        for g in guide {
            for line in TextWidth.wrap(g, width: w - 2) where row < bottom {
                grid.put(line, row: row, column: 1, style: .normal); row += 1
            }
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
