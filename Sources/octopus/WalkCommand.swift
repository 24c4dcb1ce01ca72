import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit
import OctopusNotebook
import OctopusShare
import OctopusTUI

/// `octopus walk`: facilitator mode. A session's agenda, or a tour file, one step per screen
/// with a timer; `--new` prints a starting tour to edit instead.
struct Walk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk",
        abstract: "Walk a room through a session's topics, one per screen, with a timer.",
        discussion: """
            Examples: octopus walk ws3 · octopus walk ws3 --projector · octopus walk --new ws3 > tour.yaml · octopus walk tour.yaml · \
            octopus walk ws3 --sheet -o ws3-run-sheet.md · octopus walk ws3 --room (on the projector's terminal) · \
            octopus walk ws3 --share (delegates then run octopus follow HOST:PORT CODE)
            Two screens: `octopus walk ws3 --room` in the projector's terminal shows the room's view, which \
            `octopus walk ws3` (the presenter, with notes and clock) drives — steps, links opened and closed, \
            scroll, blank. They meet on a socket in $XDG_RUNTIME_DIR/octopus/ named after the session or tour \
            file; either may start first or restart. --share also lets delegates follow over the room's \
            network, read-only, with the join code it shows.
            A tour file (YAML or JSON) has a title and steps; each step has an address (art29, PT, \
            ws3/topic-2) and optionally a heading, notes and minutes. A tour with problems is not run: \
            each one is printed as file:line:column: path: message and the exit status is 65.
            Keys: Space/→ next, ← previous, o agenda (a number then Enter jumps to that step), a number \
            then Enter opens that link (Esc comes back), s starts the clock (so does the first step change), P pauses it, \
            . blanks the screen, p presenter notes, F5 projector layout, ? help, q quit. Output that is not a terminal gets the tour as text.
            """)

    @Argument(help: ArgumentHelp("A session (ws3, \"ws 3\", opening) or a tour file (.yaml, .yml, .json).", valueName: "session-or-file"))
    var target: String
    @Flag(help: "Start in the projector layout: large headings, high contrast, no hint bar, notes hidden.")
    var projector = false
    @Flag(name: .customLong("new"), help: "Print a starting tour as YAML instead (edit it, then run octopus walk FILE).")
    var newTour = false
    @Flag(help: "Write the run sheet instead: every step with its planned and cumulative minutes, key points, questions, links and presenter notes.")
    var sheet = false
    @Flag(help: "The room's view, for the projector's terminal: follows the presenter's octopus walk of the same session or tour.")
    var room = false
    @Flag(help: "Let delegates follow on their laptops (octopus follow HOST:PORT CODE): prints the address and a join code.")
    var share = false
    @Option(
        help: ArgumentHelp(
            "With --share: where to listen, HOST[:PORT] (default: this machine's network address, port \(LocalAddress.defaultPort)).",
            valueName: "host:port"))
    var listen: String?
    @Option(help: ArgumentHelp("The run sheet as markdown or text.", valueName: "format"))
    var format: SheetFormat = .markdown
    @OptionGroup var output: OutputOptions
    @OptionGroup var display: DisplayOptions
    @Flag(name: .customLong("mouse"), help: "Enable the mouse wheel.")
    var mouse = false
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var notebook: NotebookOptions

    enum SheetFormat: String, ExpressibleByArgument, CaseIterable { case markdown, text }

    func validate() throws {
        if newTour && projector { throw ValidationError("--new prints a tour to edit; use --projector when running it") }
        if sheet && (newTour || projector) {
            throw ValidationError("--sheet writes the run sheet; run the walk without it to use --\(newTour ? "new" : "projector")")
        }
        if room && (sheet || newTour || share || projector) {
            throw ValidationError(
                "--room shows the room's view of the presenter's walk; run the presenter as octopus walk \(Sanitizer.clean(target)) for the rest")
        }
        if listen != nil && !share { throw ValidationError("--listen goes with --share (octopus walk ws3 --share --listen 192.168.1.20:7010)") }
        if let listen, LocalAddress.parse(listen) == nil { throw ValidationError("--listen takes HOST[:PORT], e.g. 192.168.1.20:7010") }
        if share && (sheet || newTour) { throw ValidationError("--share goes with a walk, not with --\(sheet ? "sheet" : "new")") }
        if !sheet && (output.output != nil || output.force) { throw ValidationError("-o and --force go with --sheet (octopus walk ws3 --sheet -o sheet.md)") }
    }

    func run() throws {
        let base = try kb.load(dataDirectory: notebook.dataDir)
        let isFile = TourLoader.isTourFile(target)
        let tour = isFile ? try loadTour(base) : Tour.from(session: try session(base))
        if sheet {
            // The facilitator's own notes from the notebook join the tour's, as in the presenter view.
            var notes: [String: [String]] = [:]
            if let book = try notebook.openIfExists() {
                for n in try notebookCall({ () throws(NotebookError) in try book.allNotes() }) { notes[n.recordID, default: []].append(n.text) }
            }
            let page = RunSheet.page(tour, kb: base, notes: notes)
            let text =
                format == .markdown
                ? MarkdownLayout.render(page) : TextLayout.render(page, width: output.file == nil ? Terminal.width : 80, title: base.linkTitle)
            try output.write(text, containsNotes: !notes.isEmpty)
            if let file = output.file { Terminal.write("Wrote \(file): the run sheet of \(tour.steps.count) steps.\n") }
            return
        }
        if newTour {
            // From a file this rewrites it as YAML (e.g. to turn a JSON tour into YAML).
            let source = isFile ? target : tour.steps.first?.target.recordID ?? target
            Terminal.write(TourWriter.yaml(tour, kb: base, command: "octopus walk --new \(source)"))
            return
        }
        let env = Environment.all
        let term = env["TERM"] ?? ""
        guard Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1, !term.isEmpty, term != "dumb" else {
            // Not an interactive terminal: the whole tour as text (the facilitator's notes left out).
            Terminal.write(TourPage.plainText(tour, kb: base, width: Terminal.width))
            return
        }
        var options = BrowserOptions(date: kb.asOf(in: base), color: display.colorAllowed, mouse: mouse, dataDirectory: notebook.dataDir)
        options.theme = display.theme
        options.startupNotice = display.environmentProblem
        let projector = self.projector
        let status: Int32?
        if room {
            let path: String
            do { path = try RoomSocket.path(for: tour) } catch {
                Terminal.printError("octopus: \(error.description)")
                throw ExitCode(.unavailable)
            }
            let inbox = RoomInbox()
            let client = RoomSession.follow(.unix(path: path), code: nil, inbox: inbox)
            defer { client.stop() }
            let source = "the presenter of \(RoomSocket.name(for: tour)) on this machine"
            options.startupNotice = "Waiting for the presenter: octopus walk \(Sanitizer.clean(target)) in another terminal"
            status = MainActor.assumeIsolated { Browser.follow(kb: base, source: source, room: true, tour: tour, options: options, inbox: inbox) }
        } else {
            let presenting = try RoomSession.present(tour, share: share ? shareAddress() : nil)
            defer { presenting.stop() }
            if let address = presenting.server?.sharedAddress, let code = presenting.server?.joinCode {
                // Said before the screen is taken, and again on the presenter's view.
                Terminal.write("Sharing \(tour.title) at \(address) · join code \(code)\nDelegates run: octopus follow \(address) \(code)\n")
                options.startupNotice = "Shared at \(address) · join code \(code) · delegates run octopus follow \(address) \(code)"
            }
            if let notice = presenting.notice { options.startupNotice = notice }
            let link = presenting.link
            status = MainActor.assumeIsolated { Browser.walk(kb: base, tour: tour, options: options, projector: projector, link: link) }
        }
        guard let status else {
            Terminal.printError("octopus: this terminal (TERM=\(term)) is not known to curses; printing the tour as text. Try TERM=xterm-256color.")
            Terminal.write(TourPage.plainText(tour, kb: base, width: Terminal.width))
            return
        }
        // Not 0 only when a signal ended it: 128 plus its number, as `ExitStatus` says.
        if status != 0 { throw ExitCode(status) }
    }

    /// Where `--share` listens: `--listen`, else this machine's network address on the default port.
    func shareAddress() -> (host: String, port: Int) {
        if let listen, let parsed = LocalAddress.parse(listen) { return parsed }
        return (LocalAddress.lan() ?? "127.0.0.1", LocalAddress.defaultPort)
    }

    /// Loads and checks the tour file, or prints every problem and exits 65.
    func loadTour(_ base: KnowledgeBase) throws -> Tour {
        do {
            return try TourLoader.load(path: target, kb: base)
        } catch {
            Terminal.printError(error.description)
            let n = error.list.total
            Terminal.printError(
                "octopus: the tour has \(n) problem\(n == 1 ? "" : "s"); nothing was run. `octopus walk --new ws3` prints a valid tour to start from")
            throw ExitCode(TourError.exitStatus)
        }
    }

    /// The session named on the command line: unknown → exit 1 with suggestions (as `show`);
    /// another kind of record → usage error 64.
    func session(_ base: KnowledgeBase) throws -> Session {
        let sessions = base.sessions.map(\.id).joined(separator: ", ")
        switch AddressResolver.load(base).resolve(target) {
        case .record(let id), .topic(session: let id, topic: _):
            if case .session(let s)? = base.record(id) { return s }
            let kind = base.record(id)?.kind.rawValue ?? "record"
            Terminal.printError(
                "octopus: \(id) is a\("aeiou".contains(kind.prefix(1)) ? "n" : "") \(kind), not a session; walk takes a session (\(sessions)) or a tour file")
            throw ExitCode(.usage)
        case .notFound(let suggestions):
            let near = suggestions.filter { base.kind(of: $0) == .session }
            var message = "octopus: no session \"\(target)\""
            message += near.isEmpty ? "; sessions are \(sessions)" : "; did you mean \(near.joined(separator: ", "))?"
            if target.contains(".") || target.contains("/") { message += " (no such tour file either)" }
            Terminal.printError(message)
            throw ExitCode(.nothingFound)
        }
    }
}
