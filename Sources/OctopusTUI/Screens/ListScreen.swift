import OctopusNotebook
import FoundationEssentials
import Glibc
import OctopusKit

/// A list screen: the records of a section (a tree for the treaties), filters and sort for
/// countries, and on a wide terminal the preview of the selected record beside it.
public struct ListState: Screen {
    public var section: Section
    public var selection = 0
    public var scroll = 0
    /// Folded tree headers (Convention: chapter, section and title headings).
    public var folded: Set<String> = []
    public var regionFilter: String?
    public var statusFilter: TreatyStatus.Standing?
    public var sortByDate = false
    /// Countries marked with x to compare, in the order marked (C compares them).
    public var marked: [String] = []
    public var focusPreview = false
    public var previewScroll = 0
    public init(section: Section) { self.section = section }

    public var place: Place { .list(self) }
    public func title(in app: AppState) -> String { section.title }
    public var bindings: [Binding] { KeyTable.bindings(for: .list) }

    public func record(in app: AppState) -> String? {
        let rows = app.rows(self)
        guard selection < rows.count, let id = rows[selection].id, app.kb.record(id) != nil else { return nil }
        return id
    }

    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome {
        let rows = app.rows(self)
        let page = max(1, rect.height - 1)
        let before = selection
        defer { if selection != before { previewScroll = 0 } }
        if focusPreview && app.twoPanes {
            switch action {
            case .moveUp: previewScroll = max(0, previewScroll - 1)
            case .moveDown: previewScroll += 1
            case .pageUp: previewScroll = max(0, previewScroll - page)
            case .pageDown: previewScroll += page
            case .halfPageUp: previewScroll = max(0, previewScroll - max(1, page / 2))
            case .halfPageDown: previewScroll += max(1, page / 2)
            case .top: previewScroll = 0
            case .focus: focusPreview = false
            case .open:
                if selection < rows.count, let id = rows[selection].id { return .open(id) }
            default: break
            }
            return .none
        }
        // Open tree headings are skipped when moving; a folded one stays selectable so it can be unfolded.
        func selectable(_ i: Int) -> Bool { i >= 0 && i < rows.count && (rows[i].id != nil || rows[i].folded) }
        func step(from start: Int, by delta: Int) -> Int {
            var i = start + delta
            while i >= 0 && i < rows.count && !selectable(i) { i += delta > 0 ? 1 : -1 }
            if i < 0 || i >= rows.count {
                // Nothing selectable that way: search back toward the start.
                i = min(max(0, start + delta), rows.count - 1)
                let back = delta > 0 ? -1 : 1
                while i >= 0 && i < rows.count && !selectable(i) { i += back }
            }
            return min(max(0, i), max(0, rows.count - 1))
        }
        switch action {
        case .moveUp: selection = step(from: selection, by: -1)
        case .moveDown: selection = step(from: selection, by: 1)
        case .pageUp: selection = step(from: max(0, selection - page + 1), by: -1)
        case .pageDown: selection = step(from: min(rows.count - 1, selection + page - 1), by: 1)
        case .halfPageUp: selection = step(from: max(0, selection - max(1, page / 2) + 1), by: -1)
        case .halfPageDown: selection = step(from: min(rows.count - 1, selection + max(1, page / 2) - 1), by: 1)
        case .top: selection = step(from: -1, by: 1)
        case .bottom: selection = step(from: rows.count, by: -1)
        case .focus:
            guard app.twoPanes else { return .message("The preview pane needs a terminal at least \(AppState.twoPaneWidth) columns wide") }
            focusPreview = true
        case .open where section == .notes, .deleteNote, .openRecord:
            guard section == .notes else { return .message("\(action == .deleteNote ? "d" : "o") works on Your notes (:notes)") }
            guard selection < rows.count, let id = UUID(uuidString: rows[selection].key), let note = app.notebook.note(id) else { break }
            let title = app.kb.record(note.recordID)?.shortTitle ?? Sanitizer.clean(note.recordID)
            switch action {
            case .open: return .editNote(id)
            case .deleteNote: return .menu(Menu.deleteNote(note, title: title))
            default: return .open(note.recordID)
            }
        case .toggleFold, .open:
            guard selection < rows.count else { break }
            let row = rows[selection]
            if row.id == nil {
                if folded.contains(row.key) { folded.remove(row.key) } else { folded.insert(row.key) }
            } else if action == .open, let id = row.id {
                return .open(id)
            } else if action == .toggleFold {
                // Fold the chapter the article sits in, and keep it selected.
                if let parent = rows[..<selection].last(where: { $0.id == nil && $0.level == 0 }) {
                    folded.insert(parent.key)
                    selection = app.rows(self).firstIndex { $0.key == parent.key } ?? 0
                }
            }
        case .cycleRegion:
            guard section == .countries else { return .message("Region filter applies to countries") }
            return .menu(Menu.regions(app.kb, current: regionFilter))
        case .cycleStatusFilter:
            guard section == .countries else { return .message("Status filter applies to countries") }
            return .menu(Menu.statuses(current: statusFilter, date: app.date))
        case .markToCompare:
            guard section == .countries else { return .message("x marks States to compare: open Countries") }
            guard selection < rows.count, let id = rows[selection].id else { break }
            if let at = marked.firstIndex(of: id) { marked.remove(at: at) } else { marked.append(id) }
            let next = marked.count < 2 ? "mark another with x, then C compares" : "C compares them"
            return .message("\(marked.count) marked to compare: \(marked.joined(separator: ", ")) — \(next)")
        case .compare:
            guard section == .countries else { return .message("C compares the States marked with x: open Countries") }
            // One marked and another selected compare too: the quickest way to set two side by side.
            var ids = marked
            if ids.count == 1, selection < rows.count, let id = rows[selection].id, id != ids[0] { ids.append(id) }
            guard ids.count >= 2 else { return .message("Mark two or more States with x, then C compares them side by side") }
            return .navigate(.page(PageState(comparing: ids)))
        case .toggleSort:
            guard section == .countries else { return .message("Sorting applies to countries") }
            sortByDate.toggle()
            selection = 0
        default: break
        }
        return .none
    }

    /// A click selects the row under it; a click on the selected row opens it; a click on the
    /// preview gives it the keys.
    public mutating func click(row: Int, column: Int, in app: AppState, rect: Rect) -> Outcome {
        guard column < app.layout.listPane.width else { focusPreview = true; return .none }
        let index = scroll + row - rect.row - 1  // below the list's header line
        guard index >= 0 && index < app.rows(self).count else { return .none }
        let again = index == selection
        selection = index
        focusPreview = false
        return again ? update(.open, in: app, rect: rect) : .none
    }

    public mutating func fit(in app: AppState, rect: Rect) {
        Viewport.fit(selection: &selection, scroll: &scroll, count: app.rows(self).count, height: rect.height - 1)
        if !app.twoPanes { focusPreview = false }
    }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        ListView.draw(app, self, &grid, top: rect.row, height: rect.height)
    }
}
