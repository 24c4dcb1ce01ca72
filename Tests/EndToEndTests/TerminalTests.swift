import Foundation
import Testing
import TestSupport

/// The real binary in tmux: keys sent, screens read back, and the terminal state after exit.
@Suite("Terminal browser in tmux", .serialized)
struct TerminalTests {
    var command: String { "'\(Binary.url.path)'" }

    func start(_ t: TmuxSession, _ extra: String = "") {
        t.type("\(extra)\(command)")
        t.send("Enter")
        t.waitFor { $0.contains("octopus › Home") }
    }

    /// After the program exits, the shell's terminal must be back in canonical mode with echo.
    func expectSaneTerminal(_ t: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) {
        // The marker is built by the shell, so the typed command line cannot match it.
        t.type("clear; stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo MARK=$((40+2))")
        t.send("Enter")
        let screen = t.waitFor { $0.contains("MARK=42") }
        #expect(screen.contains("icanon echo") || screen.contains("echo icanon"), "terminal not sane:\n\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("-icanon") && !screen.contains("-echo"), "\(screen)", sourceLocation: sourceLocation)
    }

    @Test func homeArticleLinkBackHelpQuit() throws {
        let t = try TmuxSession()
        start(t)
        var screen = t.capture()
        #expect(screen.contains("Sessions and workshops"))
        #expect(screen.contains("Budapest Convention (ETS 185)"))
        #expect(screen.contains("Countries"))
        t.type(":art 29"); t.send("Enter")
        screen = t.waitFor { $0.contains("Article 29 –") }
        #expect(screen.contains("Article 29 – Expedited preservation of stored computer data"))
        // Follow the link to Article 16 by its number (the same numbering `octopus show` prints),
        // then come back with Esc.
        let show = try Binary.run(["show", "art29"]).stdout
        let linkLine = try #require(show.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") && $0.contains("] art16") })
        let number = String(linkLine.split(separator: "[")[1].split(separator: "]")[0])
        t.type(number); t.send("Enter")
        screen = t.waitFor { $0.contains("Article 16 –") }
        #expect(screen.contains("Article 16 – Expedited preservation of stored computer data"))
        t.send("Escape")
        screen = t.waitFor { $0.contains("Article 29 –") }
        #expect(screen.contains("Article 29 –"))
        t.type("?")
        // The overlay reaches the terminal in more than one write: wait for its body, not its title.
        screen = t.waitFor { $0.contains("Keys on this screen") && $0.contains("more below") }
        #expect(screen.contains("quit"), "how to get out is on the first screen of help")
        t.send("PageDown")
        screen = t.waitFor { $0.contains("select next link") }
        #expect(screen.contains("more above"))
        t.send("Escape")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    /// `octopus art29` opens the browser at that record; Esc goes to the home screen.
    @Test func aRecordNamedOnTheCommandLineOpensFirst() throws {
        let t = try TmuxSession()
        t.type("\(command) \"art 29\""); t.send("Enter")
        var screen = t.waitFor { $0.contains("octopus › Art. 29") }
        #expect(screen.contains("Article 29 – Expedited preservation of stored computer data"))
        t.send("Escape")
        screen = t.waitFor { $0.contains("octopus › Home") }
        #expect(screen.contains("Sessions and workshops"))
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    @Test func resizingNeverBreaksTheScreen() throws {
        let t = try TmuxSession()
        start(t)
        t.type(":PT"); t.send("Enter")
        t.waitFor { $0.contains("Portugal") }
        for (w, h) in [(40, 12), (132, 43), (20, 5), (80, 24)] {
            t.resize(w, h)
            let screen = t.waitFor(timeout: 3) { s in
                let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                return (w < 40 || h < 10) ? s.contains("too small") : lines.first?.contains("Portugal") == true && lines.count <= h + 1
            }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count <= h + 1)
            if w >= 40 && h >= 10 {
                #expect(lines.first?.contains("octopus") == true, "\(w)x\(h):\n\(screen)")
            } else {
                #expect(screen.contains("too small"), "\(w)x\(h):\n\(screen)")
            }
        }
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    // Every signal whose default is to end the process; SEGV and ABRT stand for a crash, where the
    // fatal-signal handler must restore the terminal too.
    @Test(arguments: ["TERM", "HUP", "INT", "QUIT", "USR1", "USR2", "ALRM", "PIPE", "SEGV", "ABRT"])
    func signalsLeaveTheTerminalSane(signal: String) throws {
        let t = try TmuxSession()
        start(t)
        let pid = try #require(t.foregroundPID(named: "octopus"))
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/bin/kill")
        kill.arguments = ["-\(signal)", "\(pid)"]
        try kill.run(); kill.waitUntilExit()
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
        #expect(try t.tmux(["display-message", "-p", "-t", t.name, "#{alternate_on}"]).hasPrefix("0"), "still on the alternate screen")
        #expect(!t.capture().contains("Press space to interact"), "the runtime's backtracer took the signal")
    }

    /// Ctrl-Z gives the shell back, as in less and vim; `fg` brings the same screen back.
    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let t = try TmuxSession()
        start(t)
        t.type(":art29"); t.send("Enter")
        t.waitFor { $0.contains("Article 29 –") }
        t.send("C-z")
        let shell = t.waitFor { $0.contains("Stopped") }
        #expect(shell.contains("Stopped"), "\(shell)")
        expectSaneTerminal(t)
        t.type("fg"); t.send("Enter")
        let back = t.waitFor { $0.contains("Article 29 –") && $0.contains("octopus ›") }
        #expect(back.contains("Article 29 –"), "\(back)")
        #expect(!back.contains("MARK=42"), "the screen was not redrawn:\n\(back)")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    /// The raw bytes the browser sends over a hostile knowledge base hold no escape of its own.
    @Test func theBrowserWritesNoEscapeFromTheKnowledgeBase() throws {
        let dir = try Scratch.folder("hostile-tui")
        defer { Scratch.remove(dir) }
        let json = try Data(contentsOf: HostileOutputTests.repository.appendingPathComponent("Resources/octopus-kb.json"))
        let kb = dir.appendingPathComponent("hostile.json")
        try HostileKnowledgeBase.make(from: json).write(to: kb)
        let raw = dir.appendingPathComponent("raw.bin")
        let t = try TmuxSession(width: 100, height: 30)
        try t.tmux(["pipe-pane", "-o", "-t", t.name, "cat > '\(raw.path)'"])
        t.type("\(command) --kb '\(kb.path)'"); t.send("Enter")
        t.waitFor { $0.contains("octopus › Home") }
        for keys in [":art29", ":PT", ":ws3", ":ets185"] {
            t.type(keys); t.send("Enter")
            t.waitFor { $0.contains("pwned") }
            t.send("End")
        }
        t.type("/preservation")
        t.waitFor { $0.contains("result") }
        t.send("Escape")
        t.type("?")
        t.type("q")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        try t.tmux(["pipe-pane", "-t", t.name])
        let bytes = Array(try Data(contentsOf: raw))
        #expect(bytes.count > 1000)
        let found = HostileKnowledgeBase.rawControls(in: bytes)
        #expect(found.isEmpty, "raw \(found) reached the terminal")
    }

    @Test func noColorMeansNoColourEscapes() throws {
        let t = try TmuxSession()
        start(t, "NO_COLOR=1 ")
        let screen = t.capture(escapes: true)
        // SGR colour parameters: 30–37, 39, 40–47, 49, 38;5 and 48;5.
        #expect(screen.range(of: #"\u{1B}\[[0-9;]*(3[0-9]|4[0-9])[;m]"#, options: .regularExpression) == nil, "\(screen.debugDescription)")
        #expect(screen.contains("octopus › Home"))
        t.type("q")
    }

    /// Issue 6: bookmark art29, write a note on it, quit, start again: both are still there.
    @Test func bookmarkAndNoteSurviveARestart() throws {
        let t = try TmuxSession()
        start(t)
        t.type(":art29"); t.send("Enter")
        t.waitFor { $0.contains("Article 29 –") }
        t.type("m")
        t.waitFor { $0.contains("Bookmarked") }
        t.type("a")
        t.waitFor { $0.contains("New note on") }
        t.type("Ask the PT delegate"); t.send("Enter"); t.type("about the 60 days")
        t.send("C-s")
        var screen = t.waitFor { $0.contains("Note saved") }
        #expect(screen.contains("Note saved on"))
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        // The command line lists the same bookmark.
        let listed = try Binary.run(["bookmarks"], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory])
        #expect(listed.stdout.hasPrefix("art29  Article 29 – Expedited preservation of stored computer data  · "), "\(listed.stdout)")
        #expect(listed.stdout.hasSuffix("1 bookmark.\n"))
        let json = try Binary.run(["bookmarks", "--json"], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory]).stdout
        #expect(json.contains("\"id\" : \"art29\""), "\(json)")
        start(t)
        screen = t.capture()
        #expect(screen.contains("1  Your bookmarks"), "\(screen)")
        #expect(screen.contains("1  Your notes"), "\(screen)")
        t.type(":art29"); t.send("Enter")
        screen = t.waitFor { $0.contains("Article 29 –") }
        #expect(screen.contains("★ Art. 29"))
        // The notes sit under the text, above the Sources list; A goes to them, as the page's
        // top line says. (Paging there by screens raced a loaded machine's redraws.)
        t.type("A")
        screen = t.waitFor { $0.contains("Your notes (1)") }
        #expect(screen.contains("Ask the PT delegate"))
        #expect(screen.contains("about the 60 days"))
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    /// Issue 14, as a delegate does it: write a note, edit it, delete it after a yes; then an
    /// export taken before the deletion, imported again, does not bring the note back.
    @Test func aNoteWrittenEditedAndDeletedStaysDeletedAfterReimportingAnOlderExport() throws {
        let t = try TmuxSession()
        let env = ["OCTOPUS_DATA_DIR": t.dataDirectory]
        start(t)
        t.type(":PT"); t.send("Enter")
        t.waitFor { $0.contains("Portugal") }
        t.type("a")
        t.waitFor { $0.contains("New note on Portugal") }
        t.type("Ask about Art. 24")
        t.send("C-s")
        t.waitFor { $0.contains("Note saved on Portugal") }
        var screen = t.waitFor { $0.contains("1 note — A jumps to it") }
        #expect(screen.contains("1 note — A jumps to it"), "\(screen)")
        let older = t.dataDirectory + "/older.json"
        #expect(try Binary.run(["notes", "export", "--format", "json", "-o", older], environment: env).status == 0)

        // a again: edit the note (1), add "(5)".
        t.type("a")
        t.waitFor { $0.contains("You have 1 note on Portugal") }
        t.type("1")
        t.waitFor { $0.contains("Your note on Portugal") }
        t.type("(5)")
        t.send("C-s")
        t.waitFor { $0.contains("Note on Portugal saved") }
        t.type(":notes"); t.send("Enter")
        screen = t.waitFor { $0.contains("Ask about Art. 24(5)  — Portugal") }
        #expect(screen.contains("1 note"), "\(screen)")
        t.type("d")
        t.waitFor { $0.contains("Delete your note on Portugal?") }
        t.type("y")
        screen = t.waitFor { $0.contains("Note deleted from Portugal") }
        #expect(screen.contains("No notes yet"), "\(screen)")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }

        let reimport = try Binary.run(["notes", "import", older], environment: env)
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(reimport.stdout.contains("0 notes added, 0 already present, 1 deleted here (kept deleted)"), "\(reimport.stdout)")
        start(t)
        t.type(":notes"); t.send("Enter")
        screen = t.waitFor { $0.contains("No notes yet") }
        #expect(screen.contains("No notes yet"), "the deleted note stays deleted")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
        expectSaneTerminal(t)
    }

    /// Issue 15: `T` sets any date; the home screen's counts agree with `list countries --json`.
    @Test func aDateSetWithCapitalTGivesTheCountsTheCommandLineGives() throws {
        let t = try TmuxSession()
        start(t)
        t.type("T"); t.type("2004-07-01"); t.send("Enter")
        let screen = t.waitFor { $0.contains("status at 2004-07-01") }
        let json = try Binary.run(["list", "countries", "--as-of", "2004-07-01", "--json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let standing = rows.compactMap { ($0["status"] as? [String: Any])?["ets185"] as? String }
        let parties = standing.filter { $0 == "in-force" || $0 == "ratified" }.count
        #expect(parties == 6, "the record: five Parties in force on 1 July 2004, one more ratified")
        #expect(screen.contains("Budapest Convention on 1 July 2004:") && screen.contains("signatories, \(parties) Parties."), "\(screen)")
        t.type("q")
        t.waitFor { !$0.contains("octopus ›") }
    }

    /// Issue 5: `/` `p` `r` `e` `s` shows results after each key; Enter opens the first; Esc returns.
    @Test func searchAsYouType() throws {
        let t = try TmuxSession()
        start(t)
        t.type("/")
        t.waitFor { $0.contains("type to search") }
        var query = ""
        for c in "pres" {
            query.append(c)
            t.type(String(c))
            let screen = t.waitFor { $0.contains("/" + query) && $0.contains("result") }
            #expect(screen.contains("/" + query) && screen.contains("result"), "after \(query):\n\(screen)")
        }
        let results = t.capture()
        let firstTitle =
            results.split(separator: "\n").first { $0.contains("] ") }.map {
                String($0.split(separator: "]", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            } ?? ""
        t.send("Enter")
        var screen = t.waitFor { !$0.contains("/pres") }
        #expect(screen.contains(String(firstTitle.prefix(20))), "opened:\n\(screen)")
        t.send("Escape")
        screen = t.waitFor { $0.contains("octopus › Home") }
        #expect(screen.contains("octopus › Home"))
        t.type("q")
    }

    /// Nothing the user wrote is lost: SIGTERM while a note is being typed saves it first.
    @Test func noteBeingTypedSurvivesSIGTERM() throws {
        let t = try TmuxSession()
        start(t)
        t.type(":PT"); t.send("Enter")
        t.waitFor { $0.contains("Portugal") }
        t.type("a")
        t.waitFor { $0.contains("Note on") }
        t.type("half-written thought")
        t.waitFor { $0.contains("half-written thought") }
        let pid = try #require(t.foregroundPID(named: "octopus"))
        kill(pid, SIGTERM)
        t.waitFor { !$0.contains("Note on") }
        let listed = try Binary.run(["notes", "list"], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory])
        #expect(listed.stdout.contains("half-written thought"), "\(listed.stdout)\(listed.stderr)")
        expectSaneTerminal(t)
    }

    /// Issue 6: a note written by another octopus while the browser is open shows up in it.
    @Test func anotherInstancesNoteAppears() throws {
        let t = try TmuxSession()
        start(t)
        #expect(t.capture().contains("0  Your notes"))
        let add = try Binary.run(["notes", "add", "PT", "from the other laptop window"], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory])
        #expect(add.status == 0, "\(add.stderr)")
        let screen = t.waitFor { $0.contains("1  Your notes") }
        #expect(screen.contains("1  Your notes"), "\(screen)")
        t.type("q")
    }

    /// Issue 7: a walkthrough at 80×24 steps, opens a linked article, comes back to the same step.
    @Test func walkthroughStepsOpensALinkAndComesBack() throws {
        let t = try TmuxSession()
        t.type("\(command) walk ws3"); t.send("Enter")
        var screen = t.waitFor { $0.contains("Step 1 of") }
        #expect(screen.contains("Step 1 of 6"))
        #expect(screen.contains("clock not started · s starts it"), "the clock waits for the session:\n\(screen)")
        t.type(" ")
        screen = t.waitFor { $0.contains("Step 2 of") }
        #expect(screen.contains("Step 2 of 6"))
        #expect(screen.range(of: #"0:0[0-9] of 20:00"#, options: .regularExpression) != nil, "the first step change starts the timer:\n\(screen)")
        // Links are numbered in reading order: the first met, Art. 2, is 1.
        t.type("1"); t.send("Enter")
        screen = t.waitFor { $0.contains("Article 2 –") }
        #expect(screen.contains("Article 2 – Illegal access"))
        t.send("Escape")
        screen = t.waitFor { $0.contains("Step 2 of") }
        #expect(screen.contains("Step 2 of 6"))
        t.type("q")
        t.waitFor { !$0.contains("Step 2 of") }
        expectSaneTerminal(t)
    }

    /// Issue 7: the projector layout at 160×45 draws a block-letter heading and never the
    /// facilitator's notes, even when the topic has one.
    @Test func projectorHidesPresenterNotes() throws {
        let t = try TmuxSession(width: 160, height: 45)
        let add = try Binary.run(["notes", "add", "ws3", "PRIVATE-REMARK for the facilitator only"], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory])
        #expect(add.status == 0, "\(add.stderr)")
        t.type("\(command) walk ws3 --projector"); t.send("Enter")
        let screen = t.waitFor { $0.contains("Step 1 of") }
        #expect(screen.contains("█"), "no block letters:\n\(screen)")
        #expect(!screen.contains("PRIVATE-REMARK"))
        t.type("p")  // shown only when asked for, on this step
        let shown = t.waitFor { $0.contains("PRIVATE-REMARK") }
        #expect(shown.contains("PRIVATE-REMARK"))
        t.type(" ")
        // (Waits for the whole frame: a capture can land while the terminal is mid-redraw.)
        let next = t.waitFor(timeout: 5) { $0.contains("Step 2 of") && !$0.contains("PRIVATE-REMARK") }
        #expect(next.contains("Step 2 of") && !next.contains("PRIVATE-REMARK"), "\(next)")
        t.type("q")
    }

    @Test(arguments: ["dumb", "nonexistent-term"])
    func unknownOrDumbTerminalGetsPlainText(term: String) throws {
        let t = try TmuxSession()
        t.type("E=$(mktemp); TERM=\(term) \(command) 2>$E; echo EXIT=$?; cat $E; rm $E"); t.send("Enter")
        let screen = t.waitFor { $0.contains("EXIT=0") || $0.contains("EXIT=1") }
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("46 signatories, 29 Parties"))
        #expect(!screen.contains("octopus › Home"))
        // It says why the browser did not open.
        #expect(screen.contains("the browser did not open") || screen.contains("is not known to curses"), "\(screen)")
    }

    @Test func pipedOutputIsPlainText() throws {
        let t = try TmuxSession()
        t.type("\(command) | cat; echo EXIT=$?"); t.send("Enter")
        let screen = t.waitFor { $0.contains("EXIT=0") || $0.contains("EXIT=1") }
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("sessions"))
        #expect(!screen.contains("octopus › Home"))
    }
}
