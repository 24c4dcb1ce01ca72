import FoundationEssentials
import Glibc
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
            clampAll(&state)
            return []
        case .tick(let now):
            state.now = now
            return []
        case .notebookLoaded(let bookmarks, let notes, let writesOff, let version, let ratings):
            state.notebook.version = version
            state.notebook.available = true
            state.notebook.problem = nil
            if let writesOff, state.notebook.writesOff == nil { state.message = "Notes are read-only: " + writesOff }
            state.notebook.writesOff = writesOff
            state.notebook.bookmarks = Dictionary(bookmarks.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: max)
            state.notebook.notes = notes
            state.notebook.ratings = Dictionary(ratings.map { (NotebookState.cell($0.stateID, $0.area), $0) }, uniquingKeysWith: { a, _ in a })
            if case .walk(var walk) = state.place {
                walk.notebookNotes = state.notesForWalk
                state.place = .walk(walk)
            }
            clampAll(&state)
            return []
        case .notice(let text):
            state.message = text
            return []
        case .room(let event):
            guard var following = state.following else { return [] }
            let said = following.apply(event, kb: state.kb)
            state.following = following
            // The screen moves only while it follows; a delegate browsing elsewhere is not pulled back.
            if case .follow = state.place {
                state.place = .follow(following)
                if let said { state.message = said.isEmpty ? nil : said }
            } else if case .ended(let why) = following.connection, said != nil {
                state.message = "Not following: " + why
            }
            clampAll(&state)
            return []
        case .audience(let line):
            state.sharing = line
            return []
        case .noteNotSaved(let recordID, let noteID, let text, let reason):
            state.overlay = .noteEditor(EditorState(recordID: recordID, noteID: noteID, text: text))
            state.message = "Not saved: \(reason). Your text is still here; Esc discards it"
            return []
        case .handoutWritten(let path, let records):
            state.notebook.tray.removeAll()
            state.message = "Wrote the handout of \(records) record\(records == 1 ? "" : "s") to \(path)"
            return []
        case .key(let key):
            state.message = nil
            // The shell's keys first, then the screen's: every key goes through a table.
            if KeyHelp.action(for: key, in: KeyTable.shell) == .suspend { return [.suspend] }
            if state.isTooSmall, state.screenKind != .noteEditor, state.screenKind != .discardNote,
                KeyHelp.action(for: key, in: KeyTable.tooSmall) == .quit
            {
                state.quitRequested = true
                return []
            }
            // Mouse clicks carry a position, so they are their own way in to the same moves.
            if case .click(let row, let column) = key, state.overlay == nil {
                var screen = state.place.screen
                let outcome = screen.click(row: row, column: column, in: state, rect: state.layout.screen)
                state.place = screen.place
                apply(&state, outcome)
                clampAll(&state)
                return []
            }
            guard let action = KeyHelp.action(for: key, in: state.bindings) else {
                if state.overlay == nil { state.place.screen.ignoreKey() }
                state.message = unboundHint(key, on: state.screenKind)
                return []
            }
            if case .text(let textAction) = action {
                let effects = text(&state, textAction, key)
                clampAll(&state)  // a field may move what is under it (a jump, a paragraph shown)
                return effects
            }
            if case .menu(let menu) = state.overlay, state.help == nil { return choose(&state, menu, action, key) }
            let effects = perform(&state, action)
            clampAll(&state)
            return effects
        }
    }

    /// One line for a key that does nothing, rather than silence: where help is from here.
    static func unboundHint(_ key: Key, on screen: ScreenKind) -> String {
        let help =
            switch screen {
            case .help: "Esc closes help"
            case .gotoPrompt, .search, .noteEditor: "F1 for help"
            default: "? for help"
            }
        return "\(Sanitizer.clean(key.description)) does nothing here · \(help)"
    }

    /// The note editor: Ctrl-S saves (through an effect), Esc discards after asking.
    static func edit(_ state: inout AppState, _ editor: inout EditorState, _ action: TextAction, _ key: Key) -> [Effect] {
        switch editor.apply(action, key: key) {
        case .stillOpen:
            state.overlay = .noteEditor(editor)
            if editor.confirmingDiscard { state.message = "Discard this note? y discards, any other key goes back to it" }
            return []
        case .discard:
            state.overlay = nil
            state.message =
                editor.isEmpty ? "Empty note not saved" : editor.noteID != nil && editor.text == editor.original ? "Note unchanged" : "Note discarded"
            return []
        case .save:
            state.overlay = nil
            if editor.isEmpty {
                state.message = editor.noteID == nil ? "Empty note not saved" : "The note was emptied, not saved: d in Your notes (:notes) deletes it"
                return []
            }
            state.message = "Saving…"
            if let id = editor.noteID, state.notebook.note(id)?.text == editor.text { state.message = "Note unchanged"; return [] }
            return [.saveNote(recordID: editor.recordID, noteID: editor.noteID, text: editor.text)]
        }
    }

    /// What a notebook key does; writes leave as effects.
    static func notebookAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        if action == .openBookmarks || action == .openNotes {
            navigate(&state, to: .list(state.list(action == .openNotes ? .notes : .bookmarks)))
            return []
        }
        if action == .writeHandout {
            // E shows the tray first; E on the tray writes it.
            guard case .list(let list) = state.place, list.section == .tray else {
                navigate(&state, to: .list(state.list(.tray)))
                if !state.notebook.tray.isEmpty { state.message = "E writes these as a briefing pack · n includes your notes · d removes" }
                return []
            }
            guard !state.notebook.tray.isEmpty else { state.message = "The handout tray is empty: press e on a record to add it"; return [] }
            return [.writeHandout(state.notebook.tray, includeNotes: state.notebook.trayIncludesNotes)]
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
            // With notes here already, ask: edit one of them, or write another.
            let notes = state.notebook.notes(for: record.id)
            if !notes.isEmpty {
                state.overlay = .menu(Menu.notes(on: record.id, notes, title: record.shortTitle))
                return []
            }
            return writeNote(&state, recordID: record.id, noteID: nil)
        default:
            return []
        }
    }

    /// The tray's own keys: notes in or out, a record removed or moved.
    static func trayAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        guard case .list(var list) = state.place, list.section == .tray else {
            state.message = "That key works on the handout tray (E shows it)"
            return []
        }
        var tray = state.notebook.tray
        let i = list.selection
        switch action {
        case .trayNotes:
            state.notebook.trayIncludesNotes.toggle()
            state.message = state.notebook.trayIncludesNotes ? "The handout will include your notes" : "The handout will leave your notes out"
        case .deleteNote:
            guard tray.indices.contains(i) else { return [] }
            let removed = tray.remove(at: i)
            state.message = "Removed \(state.kb.record(removed)?.shortTitle ?? removed) from the handout"
        case .trayEarlier, .trayLater:
            let j = action == .trayEarlier ? i - 1 : i + 1
            guard tray.indices.contains(i), tray.indices.contains(j) else { return [] }
            tray.swapAt(i, j)
            list.selection = j
        default: break
        }
        state.notebook.tray = tray
        state.place = .list(list)
        return []
    }

    /// Opens the note in the built-in editor, or in `$VISUAL`/`$EDITOR` when set; nil: a new note.
    static func writeNote(_ state: inout AppState, recordID: String, noteID: UUID?) -> [Effect] {
        if let reason = state.notebook.writesOff {
            state.message = "Writes are off, no note can be \(noteID == nil ? "added" : "changed"): " + reason
            return []
        }
        if state.externalEditor != nil { return [.externalEditor(recordID: recordID, noteID: noteID)] }
        let text = noteID.flatMap { state.notebook.note($0)?.text }
        state.overlay = .noteEditor(text.map { EditorState(recordID: recordID, noteID: noteID, text: $0, original: $0) } ?? EditorState(recordID: recordID))
        return []
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        if let scroll = state.help {
            // Two rows fewer than the height: the "more" rows cover one line at each edge.
            let page = max(1, state.layout.help.height - 2)
            switch action {
            case .moveUp: state.help = scroll - 1
            case .moveDown: state.help = scroll + 1
            case .pageUp: state.help = scroll - page
            case .pageDown: state.help = scroll + page
            case .top: state.help = 0
            case .bottom: state.help = .max / 2
            default: state.help = nil
            }
            return []
        }
        switch action {
        case .deleteNote where state.onTray, .trayNotes, .trayEarlier, .trayLater: return trayAction(&state, action)
        case .toggleBookmark, .writeNote, .addToHandout, .writeHandout, .openBookmarks, .openNotes:
            return notebookAction(&state, action)
        case .search:
            state.overlay = .search(SearchState())
            return []
        case .openMatrix:
            guard !state.kb.supportAreas.isEmpty else { state.message = "This knowledge base defines no support areas, so it has no matrix"; return [] }
            if case .matrix = state.place { state.message = "This is the matrix"; return [] }
            navigate(&state, to: .matrix(state.matrix))
            return []
        case .walk:
            guard let id = state.currentRecordID, case .session(let session)? = state.kb.record(id) else {
                // Where no session is chosen, w goes back to the walk left, if there is one.
                if state.keptWalk != nil { resumeWalk(&state); return [] }
                state.message = "w walks through a session: select or open one first (e.g. :ws3)"
                return []
            }
            guard !session.topics.isEmpty else { state.message = "This session has no topics to walk through"; return [] }
            let tour = Tour.from(session: session)
            if let kept = state.keptWalk {
                if kept.tour == tour { resumeWalk(&state); return [] }
                if kept.clock.isStarted { state.overlay = .menu(Menu.replaceWalk(kept, with: tour, now: state.now)); return [] }
            }
            startWalk(&state, tour)
            return []
        case .follow:
            guard let following = state.following else { return [] }
            navigate(&state, to: .follow(following))
            if let walk = following.walk { state.message = "Following the presenter: step \(walk.step + 1) of \(walk.stepCount)" }
        case .quit: state.quitRequested = true
        case .help: state.help = 0
        case .goTo: state.overlay = .goto(GotoPrompt())
        case .jump:
            switch state.place {
            case .list, .matrix: state.overlay = .jump(TextField(limit: 60))
            default: return []
            }
        case .setDate: state.overlay = .goto(GotoPrompt(text: KeyTable.dateCommand + " "))
        case .toggleDate:
            state.date = state.isConferenceDate ? state.kb.latestEventDate : .conference
            state.message = "Status now read at \(state.date.long)\(state.isConferenceDate ? " (the conference)" : " (latest event in the base)")"
        case .back: goBack(&state)
        case .goHome:
            if case .home = state.place { state.message = "This is the home screen" } else { navigate(&state, to: .home(HomeState())) }
        case .forward:
            guard let next = state.forwardStack.popLast() else { state.message = "Nothing forward in history"; return [] }
            state.backStack.append(state.place)
            state.place = next
        default:
            // The rest is the screen's own.
            var screen = state.place.screen
            let outcome = screen.update(action, in: state, rect: state.layout.screen)
            state.place = screen.place
            return apply(&state, outcome)
        }
        return []
    }

    static func startWalk(_ state: inout AppState, _ tour: Tour) {
        var walk = WalkState(tour: tour, kb: state.kb, date: state.date)
        walk.notebookNotes = state.notesForWalk
        state.keptWalk = walk
        navigate(&state, to: .walk(walk))
    }

    /// The walk left, on the step and with the clock it had (which kept running if it was).
    static func resumeWalk(_ state: inout AppState) {
        guard var walk = state.keptWalk else { return }
        walk.notebookNotes = state.notesForWalk
        walk.read(at: state.date, kb: state.kb)
        navigate(&state, to: .walk(walk))
        let clock = walk.clock.isStarted ? ", \(WalkTiming.format(walk.clock.elapsed(at: state.now))) on the clock" : ""
        state.message = "Back in the walk: step \(walk.step + 1) of \(walk.stepCount)\(clock)"
    }

    /// Does what a screen asked for; a note to edit may leave as an effect (`$EDITOR`).
    @discardableResult
    static func apply(_ state: inout AppState, _ outcome: Outcome) -> [Effect] {
        switch outcome {
        case .none: break
        case .message(let text): state.message = text
        case .open(let id): open(&state, id: id)
        case .navigate(let place): navigate(&state, to: place)
        case .back: goBack(&state)
        case .quit: state.quitRequested = true
        case .editNote(let id):
            guard let note = state.notebook.note(id) else { state.message = "That note is gone (deleted in another window?)"; return [] }
            return writeNote(&state, recordID: note.recordID, noteID: id)
        case .menu(let menu): state.overlay = .menu(menu)
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

    // MARK: Keeping selections visible

    /// After any change (including a resize), keep selections in range and visible.
    static func clampAll(_ state: inout AppState) {
        let layout = state.layout
        var screen = state.place.screen
        screen.fit(in: state, rect: layout.screen)
        state.place = screen.place
        if case .list(let list) = state.place { state.lists[list.section] = list }
        if case .matrix(let matrix) = state.place { state.matrix = matrix }
        if case .follow(let following) = state.place { state.following = following }
        if case .walk(var walk) = state.place {
            // A country step reads status at the browser's date, which t and T move.
            walk.read(at: state.date, kb: state.kb)
            state.place = .walk(walk)
            state.keptWalk = walk
        }
        if let scroll = state.help {
            state.help = Viewport.clamp(scroll: scroll, total: Chrome.helpText(state, width: layout.help.width).count, height: layout.help.height)
        }
    }
}
