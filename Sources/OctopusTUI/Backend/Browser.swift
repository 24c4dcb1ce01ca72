import CTerminal
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// The event loop: read a key (100 ms timeout), update the state, render, present. Quits on
/// `q`/Ctrl-C and shuts down cleanly on SIGINT, SIGTERM and SIGHUP.
@MainActor
public enum Browser {
    /// Runs the browser; returns the process exit status, or nil when curses cannot start on this
    /// terminal (an unknown TERM), so the caller can print plain text instead.
    public static func run(kb: KnowledgeBase, options: BrowserOptions) -> Int32? {
        session(kb: kb, options: options) { state in
            if let id = options.startRecord { Update.open(&state, id: id) }
        }
    }

    /// Runs the walkthrough of a tour (facilitator mode): the same loop, starting on the tour.
    /// Opened over the home screen, so Esc behaves as in a walk started with `w`: it leaves to
    /// home, keeping the walk, and `w` there resumes it (Esc on a linked page returns to the step).
    /// With a `.presenter` link, the room (and anyone following) is told every step, link and blank.
    public static func walk(kb: KnowledgeBase, tour: Tour, options: BrowserOptions, projector: Bool, link: RoomLink? = nil) -> Int32? {
        session(kb: kb, options: options, link: link) { state in
            var walk = WalkState(tour: tour, kb: kb, projector: projector, date: state.date)
            walk.notebookNotes = state.notesForWalk
            state.keptWalk = walk
            Update.navigate(&state, to: .walk(walk))
        }
    }

    /// Follows someone else's walk (`--room`, `octopus follow`): `tour`, when known here, is shown
    /// until the presenter says where the walk is.
    public static func follow(kb: KnowledgeBase, source: String, room: Bool, tour: Tour?, options: BrowserOptions, inbox: RoomInbox) -> Int32? {
        session(kb: kb, options: options, link: .follower(inbox)) { state in
            let following = FollowState(source: source, room: room, tour: tour, kb: kb, date: state.date)
            state.following = following
            Update.navigate(&state, to: .follow(following))
        }
    }

    /// The terminal's answer to an OSC 11 question, when it gives one within 150 ms.
    static func askBackground() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = octopus_query_background(STDIN_FILENO, &buffer, Int32(buffer.count), 150)
        guard n > 0 else { return nil }
        return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Starts curses and the notebook, lets `prepare` set the first screen, then runs the loop.
    static func session(kb: KnowledgeBase, options: BrowserOptions, link: RoomLink? = nil, prepare: (inout AppState) -> Void) -> Int32? {
        octopus_watch_quit_signals()
        let env = Environment.all
        // Asked before curses starts, so the terminal's answer is not read as keys.
        let theme = Theme.choose(asked: options.theme, environment: env, colorAllowed: options.color) { Self.askBackground() }
        guard let backend = NcursesBackend(theme: theme, mouse: options.mouse) else { return nil }
        // A compiled base found damaged mid-session ends the program with one line (`ImageDamage`):
        // the terminal is given back first, as after a crash.
        ImageDamage.cleanUp = { octopus_terminal_restore() }
        // The backend has called setlocale, so the codeset is the user's.
        var state = AppState(kb: kb, size: backend.size, date: options.date, ascii: options.ascii || !isUTF8Locale())
        state.externalEditor = ExternalEditor(environment: env)?.command
        var notebook: Notebook?
        do {
            notebook = try Notebook.open(directory: options.dataDirectory)
        } catch {
            // Browsing works without notes; the reason is shown when a note key is pressed.
            state.notebook.problem = error.description
            state.message = "Notes unavailable: " + error.description
        }
        let runner = EffectRunner(notebook: notebook, backend: backend, externalEditor: state.externalEditor)
        for m in runner.reload() { Update.update(&state, m) }
        if state.message == nil { state.message = options.startupNotice }
        prepare(&state)
        return loop(&state, backend: backend, runner: runner, link: link)
    }

    /// Read a key (100 ms timeout), update, run effects, render, present — until quit or a signal.
    static func loop(_ state: inout AppState, backend: NcursesBackend, runner: EffectRunner, link: RoomLink? = nil) -> Int32 {
        var room = RoomPump(link)
        room.exchange(&state, keysApplied: true)
        backend.present(Render.render(state))
        // The address tables and the search index are read beside the loop once the first screen
        // has been up for a moment with no key pressed (`:` and `/` then answer at once); a key
        // pressed before then reads them itself if it needs them, and a quit right away never does.
        let resolver = state.resolverCache, search = state.searchCache
        var preloaded = false
        var idleTicks = 0
        while !state.quitRequested {
            let signal = octopus_pending_signal()
            if signal != 0 {
                // Nothing the user wrote is lost: a note being typed is saved before we go, or,
                // if the notebook cannot take it, kept in a private file named on the way out.
                var kept: String?
                if case .noteEditor(let editor) = state.overlay, !editor.isEmpty,
                    case .noteNotSaved? = runner.save(recordID: editor.recordID, noteID: editor.noteID, text: editor.text, state: state).last
                {
                    kept = EffectRunner.keepDraft(editor.text)
                }
                backend.shutdown()
                if let kept {
                    let line = Array("octopus: your unsaved note is in \(kept)\n".utf8)
                    _ = write(STDERR_FILENO, line, line.count)
                }
                return 128 + signal
            }
            Update.update(&state, .tick(Date()))
            // What the presenter said since the last turn (at most one key timeout ago), and who
            // follows the walk presented here.
            if room.exchange(&state, keysApplied: false) { backend.present(Render.render(state)) }
            guard let event = backend.readKey() else {
                if !preloaded {
                    preloaded = true
                    Task.detached(priority: .utility) {
                        _ = resolver.value
                        _ = search.index
                    }
                }
                // The walkthrough's clock ticks on screen even when no key is pressed.
                if case .walk = state.place { backend.present(Render.render(state)) }
                // Every two idle seconds, ask whether another octopus wrote to the notebook (one cheap
                // PRAGMA data_version), and reload only then.
                idleTicks += 1
                if idleTicks % 20 == 0 {
                    let before = state.notebook
                    for m in runner.reloadIfChanged(since: state.notebook.version) { Update.update(&state, m) }
                    if state.notebook != before { backend.present(Render.render(state)) }
                }
                continue
            }
            // Everything already typed (a paste, a held key) is applied before the screen is
            // drawn again, so the search runs once for the batch, not once per character.
            var next: NcursesBackend.KeyEvent? = event
            while let event = next, !state.quitRequested {
                var effects: [Effect] = []
                switch event {
                case .resize: effects = Update.update(&state, .resize(backend.size))
                case .key(let key): effects = Update.update(&state, .key(key))
                }
                for effect in effects {
                    backend.present(Render.render(state))
                    for message in runner.run(effect, state: state) { Update.update(&state, message) }
                }
                next = octopus_pending_signal() == 0 ? backend.readKey(wait: false) : nil
            }
            // The room is told before this screen is drawn, so it moves as soon as this one does.
            room.exchange(&state, keysApplied: true)
            backend.present(Render.render(state))
        }
        backend.shutdown()
        return 0
    }

    /// Whether the character encoding of the locale is UTF-8 (else ASCII glyphs are drawn).
    static func isUTF8Locale() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
