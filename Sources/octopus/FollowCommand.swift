import ArgumentParser
import CTerminal
import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit
import OctopusShare
import OctopusTUI

/// `octopus follow HOST:PORT CODE`: a delegate's laptop shows the room's view of a shared walk.
struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow a walk shared by the presenter (octopus walk ws3 --share), read-only.",
        discussion: """
            Example: octopus follow 192.168.1.20:7010 K7Q2MX (the presenter's screen shows both). \
            The room's view follows the presenter's steps; Esc leaves it to browse on your own and f comes back \
            to where the presenter is. Nothing you press reaches the presenter. Output that is not a terminal \
            gets one line per step as the presenter moves.
            """)

    @Argument(help: ArgumentHelp("The presenter's address, as its screen shows it.", valueName: "host:port"))
    var address: String
    @Argument(help: ArgumentHelp("The join code the presenter gives.", valueName: "code"))
    var code: String
    @OptionGroup var display: DisplayOptions
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var notebook: NotebookOptions

    func validate() throws {
        guard LocalAddress.parse(address, defaultPort: nil) != nil else {
            throw ValidationError("\(Sanitizer.clean(address)) is not HOST:PORT (e.g. 192.168.1.20:7010, as the presenter's screen shows it)")
        }
        guard (4...12).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw ValidationError("the join code is the six letters and digits the presenter gives (e.g. K7Q2MX)")
        }
    }

    func run() throws {
        let base = try kb.load(dataDirectory: notebook.dataDir)
        guard let (host, port) = LocalAddress.parse(address, defaultPort: nil) else { throw ExitCode(.usage) }
        let endpoint = CueClient.Endpoint.tcp(host: host, port: port)
        let inbox = RoomInbox()
        let client = RoomSession.follow(endpoint, code: code, inbox: inbox)
        defer { client.stop() }
        // The first answer decides: the walk, a refusal, or no one there.
        let first = Self.firstAnswer(inbox)
        switch first.first {
        case .refused(let why)?:
            Terminal.printError("octopus: \(endpoint) did not let this octopus follow: \(why); ask the presenter for the code on their screen")
            throw ExitCode(.unavailable)
        case .waiting?, nil:
            Terminal.printError("octopus: no walk shared at \(endpoint); check the address on the presenter's screen (octopus walk ws3 --share)")
            throw ExitCode(.unavailable)
        case .tour?, .cue?: break
        }
        for e in first { inbox.push(e) }
        let term = Environment.value("TERM") ?? ""
        guard Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1, !term.isEmpty, term != "dumb" else {
            try Self.printSteps(inbox, kb: base)
            return
        }
        var options = BrowserOptions(date: kb.asOf(in: base), color: display.colorAllowed, dataDirectory: notebook.dataDir)
        options.theme = display.theme
        let status = MainActor.assumeIsolated {
            Browser.follow(kb: base, source: endpoint.description, room: false, tour: nil, options: options, inbox: inbox)
        }
        guard let status else {
            Terminal.printError("octopus: this terminal (TERM=\(term)) is not known to curses; printing the steps as text. Try TERM=xterm-256color.")
            try Self.printSteps(inbox, kb: base)
            return
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// What came first (waiting up to 4 s); the events read are given back for the browser.
    static func firstAnswer(_ inbox: RoomInbox) -> [RoomEvent] {
        let end = Date().addingTimeInterval(4)
        while Date() < end {
            let events = inbox.take()
            if let decisive = events.firstIndex(where: { if case .waiting = $0 { false } else { true } }) { return Array(events[decisive...]) }
            if !events.isEmpty { return events }
            usleep(20_000)
        }
        return []
    }

    /// Without a terminal: one line each time the step or the record opened changes, until the
    /// follower is refused or stopped.
    static func printSteps(_ inbox: RoomInbox, kb: KnowledgeBase) throws {
        octopus_watch_quit_signals()
        var following = FollowState(source: "", room: false, kb: kb, date: .conference)
        var last = ""
        while octopus_pending_signal() == 0 {
            for event in inbox.take() {
                _ = following.apply(event, kb: kb)
                if case .ended(let why) = following.connection {
                    Terminal.printError("octopus: not following any more: \(why)")
                    throw ExitCode(.unavailable)
                }
                guard let walk = following.walk else { continue }
                var line = "Step \(walk.step + 1) of \(walk.stepCount): \(walk.currentPage.title)"
                if walk.blanked { line += " (screen blanked)" }
                if let page = following.page, let r = kb.record(page.id) { line += " · opened: \(r.shortTitle)" }
                if line != last {
                    Terminal.write(line + "\n")
                    last = line
                }
            }
            usleep(50_000)
        }
    }
}
