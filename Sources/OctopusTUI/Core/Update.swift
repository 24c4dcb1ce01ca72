import Foundation
import OctopusKit
import OctopusNotebook

/// The browser's behaviour: a pure function from state and message to the next state.
public enum Update {
    /// Applies a message and returns the effects (writes) for the event loop to run.
    @discardableResult
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let size):
            state.size = size
            if case .walk(var walk) = state.place {
                WalkUpdate.update(&walk, .resize(size), now: state.now)
                state.place = .walk(walk)
            }
            clampAll(&state)
            return []
        case .tick(let now):
            state.now = now
            return []
        case .notebookLoaded(let bookmarks, let notes, let writesOff, let version):
            state.notebook.version = version
            state.notebook.available = true
            state.notebook.problem = nil
            if let writesOff, state.notebook.writesOff == nil { state.message = "Notes are read-only: " + writesOff }
            state.notebook.writesOff = writesOff
            state.notebook.bookmarks = Dictionary(bookmarks.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: max)
            state.notebook.notes = notes
            if case .walk(var walk) = state.place {
                walk.notebookNotes = state.notesForWalk
                state.place = .walk(walk)
            }
            clampAll(&state)
            return []
        case .notice(let text):
            state.message = text
            return []
        case .noteNotSaved(let recordID, let text, let reason):
            state.overlay = .editor(EditorState(recordID: recordID, text: text))
            state.message = "Not saved: \(reason). Your text is still here; Esc discards it"
            return []
        case .handoutWritten(let path, let records):
            state.notebook.tray.removeAll()
            state.message = "Handout of \(records) record\(records == 1 ? "" : "s") written to \(path)"
            return []
        case .key(let key):
            state.message = nil
            // The shell's keys first, then the screen's: every key goes through a table.
            if KeyHelp.action(for: key, in: KeyTable.shell) == .suspend { return [.suspend] }
            if state.isTooSmall, state.screenKind != .editor, state.screenKind != .discardNote,
                KeyHelp.action(for: key, in: KeyTable.tooSmall) == .quit
            {
                state.quitRequested = true
                return []
            }
            // The walkthrough's own keys first; a key it does not bind that the browser shares with
            // it (`:` `/` `b` `a` `e` …) goes on to the browser's table below, on the step's record.
            if state.screenKind == .walk, case .walk(var walk) = state.place,
                WalkKeys.action(for: key, in: walk) != nil || KeyTable.action(for: key, on: .walk) == nil
            {
                let effect = WalkUpdate.handle(&walk, key: key, now: state.now)
                state.place = .walk(walk)
                switch effect {
                case .open(let id): open(&state, id: id)
                case .leave: goBack(&state)
                case .quit: state.quitRequested = true
                case nil: break
                }
                clampAll(&state)
                return []
            }
            // Mouse clicks carry a position, so they are their own way in to the same moves (`ClickUpdate`).
            if case .click(let row, let column) = key, state.overlay == nil {
                click(&state, row: row, column: column)
                clampAll(&state)
                return []
            }
            guard let action = KeyTable.action(for: key, on: state.screenKind) else {
                if case .page(var page) = state.place, !page.typedNumber.isEmpty {
                    page.typedNumber.clear(); state.place = .page(page)
                }
                return []
            }
            if case .text(let textAction) = action { return text(&state, textAction, key) }
            let effects = perform(&state, action)
            clampAll(&state)
            return effects
        }
    }

    /// The note editor: Ctrl-S saves (through an effect), Esc discards after asking.
    static func edit(_ state: inout AppState, _ editor: inout EditorState, _ action: TextAction, _ key: Key) -> [Effect] {
        switch editor.apply(action, key: key) {
        case .editing:
            state.overlay = .editor(editor)
            if editor.confirmingDiscard { state.message = "Discard this note? y discards, any other key goes back to it" }
            return []
        case .discard:
            state.overlay = nil
            state.message = editor.isEmpty ? "Empty note not saved" : "Note discarded"
            return []
        case .save:
            state.overlay = nil
            if editor.isEmpty { state.message = "Empty note not saved"; return [] }
            state.message = "Saving…"
            return [.saveNote(recordID: editor.recordID, text: editor.text)]
        }
    }

    /// What a notebook key does; writes leave as effects.
    static func notebookAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        if action == .openBookmarks {
            navigate(&state, to: .list(ListState(section: .bookmarks)))
            return []
        }
        if action == .writeHandout {
            guard !state.notebook.tray.isEmpty else { state.message = "The handout tray is empty: press e on a record to add it"; return [] }
            return [.writeHandout(state.notebook.tray)]
        }
        guard let id = state.currentRecordID, let record = state.kb.record(id) else {
            state.message = "Open or select a record first"
            return []
        }
        switch action {
        case .addToHandout:
            if state.notebook.tray.contains(record.id) {
                state.message = "\(record.shortTitle) is already in the handout (\(state.notebook.tray.count)); E writes it"
            } else {
                state.notebook.tray.append(record.id)
                state.message = "Added to the handout (\(state.notebook.tray.count) record\(state.notebook.tray.count == 1 ? "" : "s")); E writes it"
            }
            return []
        case .toggleBookmark, .writeNote:
            guard state.notebook.available else {
                state.message = "Notes are unavailable: " + (state.notebook.problem ?? "the notebook could not be opened")
                return []
            }
            if let reason = state.notebook.writesOff {
                state.message = "Writes are off, \(action == .toggleBookmark ? "no bookmark changed" : "no note can be added"): " + reason
                return []
            }
            if action == .toggleBookmark { return [.toggleBookmark(record.id)] }
            if state.externalEditor != nil { return [.editExternally(recordID: record.id)] }
            state.overlay = .editor(EditorState(recordID: record.id))
            return []
        default:
            return []
        }
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        if case .help(let scroll) = state.overlay {
            switch action {
            case .moveUp: state.overlay = .help(scroll: max(0, scroll - 1))
            case .moveDown: state.overlay = .help(scroll: scroll + 1)
            default: state.overlay = nil
            }
            return []
        }
        switch action {
        case .toggleBookmark, .writeNote, .addToHandout, .writeHandout, .openBookmarks:
            return notebookAction(&state, action)
        case .search:
            state.overlay = .search(SearchState())
            return []
        case .walk:
            guard let id = state.currentRecordID, case .session(let session)? = state.kb.record(id) else {
                state.message = "w walks through a session: select or open one first (e.g. :ws3)"
                return []
            }
            guard !session.topics.isEmpty else { state.message = "This session has no topics to walk through"; return [] }
            var walk = WalkState(tour: Tour.from(session: session), kb: state.kb, size: state.size, now: state.now)
            walk.notebookNotes = state.notesForWalk
            navigate(&state, to: .walk(walk))
            return []
        case .quit: state.quitRequested = true
        case .help: state.overlay = .help(scroll: 0)
        case .goTo: state.overlay = .goto(GotoPrompt())
        case .toggleDate:
            state.date = state.isConferenceDate ? state.kb.latestEventDate : .conference
            state.message = "Status now read at \(state.date.long)\(state.isConferenceDate ? " (the conference)" : " (latest event in the base)")"
        case .back: goBack(&state)
        case .forward:
            guard let next = state.forwardStack.popLast() else { state.message = "Nothing forward in history"; return [] }
            state.backStack.append(state.place)
            state.place = next
        default:
            switch state.place {
            case .home(let selection): home(&state, selection, action)
            case .list(let list): self.list(&state, list, action)
            case .page(let page): self.page(&state, page, action)
            case .walk: break  // keys reach the walkthrough before the key table
            }
        }
        return []
    }

    /// Opens a place, remembering the current one for Back.
    public static func navigate(_ state: inout AppState, to place: Place) {
        state.backStack.append(state.place)
        state.forwardStack.removeAll()
        state.place = place
    }

    public static func open(_ state: inout AppState, id: String) {
        guard let r = state.kb.record(id) else {
            state.message =
                state.notebook.notes(for: id).isEmpty && !state.notebook.isBookmarked(id)
                ? "No record \(Sanitizer.clean(id))"
                : "\(Sanitizer.clean(id)) is not in this knowledge base; your notes and bookmarks on it are kept"
            return
        }
        navigate(&state, to: .page(PageState(id: r.id)))
    }

    static func goBack(_ state: inout AppState) {
        guard let previous = state.backStack.popLast() else { return }  // nothing on the root screen
        state.forwardStack.append(state.place)
        state.place = previous
    }

    // MARK: Home

    static func home(_ state: inout AppState, _ selection: Int, _ action: Action) {
        let count = Section.allCases.count
        var sel = selection
        switch action {
        case .moveUp: sel = max(0, sel - 1)
        case .moveDown: sel = min(count - 1, sel + 1)
        case .top, .pageUp: sel = 0
        case .bottom, .pageDown: sel = count - 1
        case .open:
            state.place = .home(selection: sel)
            var list = ListState(section: Section.allCases[sel])
            // Start on the first record, not on a tree heading.
            list.selection = state.rows(list).firstIndex { $0.id != nil } ?? 0
            navigate(&state, to: .list(list))
            return
        default: break
        }
        state.place = .home(selection: sel)
    }

    // MARK: Lists

    static func list(_ state: inout AppState, _ list: ListState, _ action: Action) {
        var l = list
        let rows = state.rows(l)
        let page = max(1, state.bodyHeight - 1)
        if l.focusPreview && state.twoPanes {
            switch action {
            case .moveUp: l.previewScroll = max(0, l.previewScroll - 1)
            case .moveDown: l.previewScroll += 1
            case .pageUp: l.previewScroll = max(0, l.previewScroll - page)
            case .pageDown: l.previewScroll += page
            case .top: l.previewScroll = 0
            case .focus: l.focusPreview = false
            case .open:
                if l.selection < rows.count, let id = rows[l.selection].id {
                    state.place = .list(l); open(&state, id: id); return
                }
            default: break
            }
            state.place = .list(l)
            return
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
        case .moveUp: l.selection = step(from: l.selection, by: -1)
        case .moveDown: l.selection = step(from: l.selection, by: 1)
        case .pageUp: l.selection = step(from: max(0, l.selection - page + 1), by: -1)
        case .pageDown: l.selection = step(from: min(rows.count - 1, l.selection + page - 1), by: 1)
        case .top: l.selection = step(from: -1, by: 1)
        case .bottom: l.selection = step(from: rows.count, by: -1)
        case .focus:
            if state.twoPanes {
                l.focusPreview = true
            } else {
                state.message = "The preview pane needs a terminal at least \(AppState.twoPaneWidth) columns wide"
            }
        case .toggleFold, .open:
            guard l.selection < rows.count else { break }
            let row = rows[l.selection]
            if row.id == nil {
                if l.folded.contains(row.key) { l.folded.remove(row.key) } else { l.folded.insert(row.key) }
            } else if action == .open, let id = row.id {
                state.place = .list(l); open(&state, id: id); return
            } else if action == .toggleFold {
                // Fold the chapter the article sits in, and keep it selected.
                if let parent = rows[..<l.selection].last(where: { $0.id == nil && $0.level == 0 }) {
                    l.folded.insert(parent.key)
                    let newRows = state.rows(l)
                    l.selection = newRows.firstIndex { $0.key == parent.key } ?? 0
                }
            }
        case .cycleRegion:
            guard l.section == .countries else { state.message = "Region filter applies to countries"; break }
            let regions = Array(Set(state.kb.countries.map(\.region))).sorted()
            if let r = l.regionFilter, let i = regions.firstIndex(of: r) {
                l.regionFilter = i + 1 < regions.count ? regions[i + 1] : nil
            } else {
                l.regionFilter = regions.first
            }
            l.selection = 0
        case .cycleStatusFilter:
            guard l.section == .countries else { state.message = "Status filter applies to countries"; break }
            let all = TreatyStatus.Standing.allCases
            if let s = l.statusFilter, let i = all.firstIndex(of: s) {
                l.statusFilter = i + 1 < all.count ? all[i + 1] : nil
            } else {
                l.statusFilter = all.first
            }
            l.selection = 0
        case .toggleSort:
            guard l.section == .countries else { state.message = "Sorting applies to countries"; break }
            l.sortByDate.toggle()
            l.selection = 0
        default: break
        }
        if l.selection != list.selection { l.previewScroll = 0 }
        state.place = .list(l)
    }

    // MARK: Keeping selections visible

    /// After any change (including a resize), keep selections in range and visible.
    static func clampAll(_ state: inout AppState) {
        switch state.place {
        case .home: break
        case .list(var l):
            let rows = state.rows(l)
            l.selection = min(max(0, l.selection), max(0, rows.count - 1))
            let h = max(1, state.bodyHeight - 1)
            if l.selection < l.scroll { l.scroll = l.selection }
            if l.selection >= l.scroll + h { l.scroll = l.selection - h + 1 }
            l.scroll = min(max(0, l.scroll), max(0, rows.count - h))
            if !state.twoPanes { l.focusPreview = false }
            state.place = .list(l)
        case .walk:
            break
        case .page(var p):
            let layout = PageView.layout(state, id: p.id, width: state.layout.pageTextWidth)
            let maxScroll = max(0, layout.lines.count - state.bodyHeight)
            p.scroll = min(max(0, p.scroll), maxScroll)
            // Keep a selected link visible after a resize.
            if let s = p.selectedLink, let line = layout.lineOfLink[s], line < p.scroll || line >= p.scroll + state.bodyHeight {
                p.scroll = min(max(0, line - state.bodyHeight / 3), maxScroll)
            }
            state.place = .page(p)
        }
        if case .help(let scroll) = state.overlay {
            let total = KeyTable.helpLines(for: state.helpScreen).count + 4
            state.overlay = .help(scroll: min(max(0, scroll), max(0, total - state.bodyHeight)))
        }
    }

}
