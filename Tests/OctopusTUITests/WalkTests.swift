import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// A walkthrough inside the browser's shell, as `octopus walk` starts it (opened over the home
/// screen, so Esc has somewhere to go): keys go through `Update`, the screen through `Render`.
@MainActor
@dynamicMemberLookup
struct Walking {
    var app: AppState
    let start: WalkState

    init(_ tour: Tour, size: Size, projector: Bool, now: Date) {
        app = AppState(kb: bundled, size: size)
        app.notebook.available = true
        app.now = now
        start = WalkState(tour: tour, kb: bundled, projector: projector)
        Update.navigate(&app, to: .walk(start))
    }

    /// The walkthrough's state; a test that reads it after leaving the walk fails, not traps.
    var walk: WalkState {
        get {
            if case .walk(let w) = app.place { return w }
            Issue.record("not in the walkthrough: \(app.place)")
            return start
        }
        set { app.place = .walk(newValue) }
    }
    subscript<T>(dynamicMember path: KeyPath<WalkState, T>) -> T { walk[keyPath: path] }
    subscript<T>(dynamicMember path: WritableKeyPath<WalkState, T>) -> T {
        get { walk[keyPath: path] }
        set { walk[keyPath: path] = newValue }
    }
    /// The shell's message row, which the walkthrough writes through its outcomes.
    var message: String? { app.message }
    func timing(at now: Date) -> WalkTiming { walk.timing(at: now) }
    func spent(onStep i: Int, at now: Date) -> TimeInterval { walk.spent(onStep: i, at: now) }
    var maxScroll: Int { WalkLayout(walk, in: app.layout.screen).maxScroll }

    func render(now: Date, ascii: Bool = false) -> CellGrid {
        var a = app
        a.now = now
        a.ascii = ascii
        return Render.render(a)
    }
}

/// The walkthrough (issue 7): update logic with an injected clock, the notes pane's privacy rule,
/// the key table, block letters, and text snapshots of both layouts at 80×24 and 160×45.
@MainActor
@Suite("Walkthrough")
struct WalkTests {
    /// 25 March 2010, 09:00 UTC: the clock every test starts from.
    static let t0 = Date(timeIntervalSince1970: 1_269_507_600)
    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    static var ws3: Tour {
        guard case .session(let s)? = bundled.record("ws3") else { fatalError("bundled ws3 missing") }
        return Tour.from(session: s)
    }

    /// A facilitator's own tour: headings, notes and minutes of their own.
    static let customYAML = """
        title: Data preservation in practice
        steps:
          - address: ws3/topic-3
            heading: Procedural powers
            notes:
              - Ask who has sent an Art. 29 request.
              - Mention the 24/7 network before the break.
          - address: art29
            minutes: 5
            notes: Keep this one short.
          - address: PT
            minutes: 5
        """

    static var custom: Tour {
        do { return try TourLoader.load(text: customYAML, format: .yaml, file: "tour.yaml", kb: bundled) } catch { fatalError("custom tour invalid: \(error)") }
    }

    func state(_ tour: Tour = WalkTests.ws3, size: Size = Size(width: 80, height: 24), projector: Bool = false) -> Walking {
        Walking(tour, size: size, projector: projector, now: Self.t0)
    }

    @discardableResult
    func press(_ s: inout Walking, _ keys: [Key], at seconds: TimeInterval = 0) -> [Effect] {
        s.app.now = Self.at(seconds)
        return keys.flatMap { Update.update(&s.app, .key($0)) }
    }

    // MARK: Steps

    @Test func stepsForwardAndBackWithinBounds() {
        var s = state()
        #expect(s.step == 0 && s.stepCount == 6)
        press(&s, [.char(" "), .right, .pageDown])
        #expect(s.step == 3)
        press(&s, [.left])
        #expect(s.step == 2)
        press(&s, [.end])
        #expect(s.step == 5)
        press(&s, [.char(" ")])
        #expect(s.step == 5)
        #expect(s.message?.contains("last step") == true)
        press(&s, [.home, .pageUp])
        #expect(s.step == 0)
        #expect(s.message?.contains("first step") == true)
    }

    @Test func digitsThenEnterInTheAgendaJumpToAStep() {
        var s = state()
        press(&s, [.char("o")])
        #expect(s.overview && s.overviewSelection == 0)
        press(&s, [.char("4")])
        #expect(s.typed.text == "4")
        #expect(s.message == "Step 4… press Enter")
        press(&s, [.enter])
        #expect(s.step == 3 && !s.overview && s.typed.isEmpty)

        // A number out of range says so and keeps the agenda open.
        press(&s, [.char("o"), .char("9"), .char("9"), .enter])
        #expect(s.overview && s.step == 3)
        #expect(s.message == "No step 99 (1–6)")

        // Without a number, Enter goes to the highlighted step; Esc clears a number first.
        press(&s, [.down, .down, .char("1"), .escape])
        #expect(s.overview && s.typed.isEmpty && s.overviewSelection == 5)
        press(&s, [.enter])
        #expect(s.step == 5 && !s.overview)
        press(&s, [.char("o"), .escape])
        #expect(!s.overview)
    }

    @Test func digitsThenEnterOnAStepOpenItsLink() {
        var s = state()
        let links = s.currentPage.links
        #expect(links.count >= 3)
        press(&s, [.char("2"), .enter])
        #expect(s.app.place == .page(PageState(id: links[1])))
        // Esc on the page comes back to the same step, with nothing left typed.
        press(&s, [.escape])
        #expect(s.typed.isEmpty && s.step == 0)
        press(&s, [.char("4"), .char("2"), .enter])
        #expect(s.message == "No link 42 on this step (1–\(links.count))")
        // Esc clears a typed number; with nothing typed it leaves the walkthrough.
        press(&s, [.char("1"), .escape])
        #expect(s.typed.isEmpty && s.app.screenKind == .walk)
        // An unbound key drops a half-typed number rather than keeping it for later.
        press(&s, [.char("3"), .char("x")])
        #expect(s.typed.isEmpty)
        press(&s, [.escape])
        #expect(s.app.place == .home(HomeState()))
        var quitting = state()
        press(&quitting, [.char("q")])
        #expect(quitting.app.quitRequested)
    }

    // MARK: Clock

    @Test func pauseAndResumeWithAnInjectedClock() {
        var s = state()
        press(&s, [.char("s")], at: 0)
        #expect(s.timing(at: Self.at(60)).stepElapsed == 60)
        press(&s, [.char("P")], at: 60)
        #expect(s.clock.isPaused)
        #expect(s.message == "Clock paused · P resumes")
        let paused = s.timing(at: Self.at(180))
        #expect(paused.stepElapsed == 60 && paused.sessionElapsed == 60 && paused.paused)
        press(&s, [.char("P")], at: 180)
        #expect(!s.clock.isPaused)
        #expect(s.timing(at: Self.at(240)).sessionElapsed == 120)

        // A new step starts its own count; the session's goes on.
        press(&s, [.char(" ")], at: 240)
        let second = s.timing(at: Self.at(300))
        #expect(second.stepElapsed == 60 && second.sessionElapsed == 180)
        // Coming back to a step adds to the time already spent there.
        press(&s, [.left], at: 300)
        #expect(s.timing(at: Self.at(330)).stepElapsed == 150)
        #expect(s.spent(onStep: 1, at: Self.at(330)) == 60)
        // A clock that jumps backwards gives zero, never a negative time.
        #expect(s.timing(at: Self.at(-1000)).sessionElapsed == 0)
    }

    /// Issue 16: the clock starts with the session — the first step change, or s — not when the
    /// program opens minutes before the room sits down.
    @Test func theClockStartsAtTheFirstStepChangeOrS() {
        var s = state()
        #expect(s.timing(at: Self.at(300)).sessionElapsed == 0)
        #expect(s.render(now: Self.at(300)).lines[1].contains("clock not started · s starts it"))
        press(&s, [.char("P")], at: 300)
        #expect(s.message == "The clock has not started · s starts it" && !s.clock.isPaused)
        press(&s, [.char(" ")], at: 400)  // the first step change starts it
        #expect(s.timing(at: Self.at(460)).sessionElapsed == 60)
        #expect(s.timing(at: Self.at(460)).stepElapsed == 60)
        #expect(s.spent(onStep: 0, at: Self.at(460)) == 0, "the minutes before the start count for no step")

        var t = state()
        press(&t, [.char("s")], at: 100)
        #expect(t.message == "Clock started")
        #expect(t.timing(at: Self.at(160)).stepElapsed == 60)
        press(&t, [.char("s")], at: 160)
        #expect(t.message?.contains("already running") == true)
        // The room is told nothing about a clock that has not started.
        let room = state(projector: true)
        #expect(!room.render(now: Self.at(10)).text.contains("clock"))
    }

    /// `.` blanks the screen as slide tools do: the room sees nothing; `.` again shows the step.
    @Test func dotBlanksTheScreenAndDotAgainShowsIt() {
        for projector in [true, false] {
            var s = state(projector: projector)
            let before = s.render(now: Self.at(0)).text
            press(&s, [.char(".")])
            #expect(s.walk.blanked)
            s.app.message = nil
            let blank = s.render(now: Self.at(0)).lines
            if projector {
                #expect(blank.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(blank)")
            } else {
                #expect(blank.contains { $0.contains("Screen blanked · . shows the step again") })
                #expect(!blank.joined().contains(s.walk.currentPage.title))
            }
            press(&s, [.char(".")])
            s.app.message = nil
            #expect(s.render(now: Self.at(0)).text == before)
        }
    }

    /// Esc leaves the walk and w comes back to it: the same step, the same clock, whether it was
    /// started with w on a session or opened by `octopus walk` (over the home screen).
    @Test func escThenWResumesTheSameStepAndClock() throws {
        var s = state()
        press(&s, [.char("s")], at: 0)
        press(&s, [.char(" "), .char(" ")], at: 120)
        press(&s, [.escape], at: 180)
        #expect(s.app.place == .home(HomeState()))
        press(&s, [.char("w")], at: 240)
        #expect(s.walk.step == 2)
        #expect(s.timing(at: Self.at(240)).sessionElapsed == 240, "the clock ran on while the walk was left")
        #expect(s.message?.contains("step 3 of 6, 4:00 on the clock") == true, "\(s.message ?? "")")

        // From a session page, as a facilitator starts it: Esc back to the page, w again.
        var app = AppState(kb: bundled, size: Size(width: 80, height: 24))
        app.now = Self.at(0)
        for k in [Key.char(":")] + "ws3".map({ Key.char($0) }) + [.enter, .char("w"), .char("s"), .char(" ")] { Update.update(&app, .key(k)) }
        guard case .walk(let left) = app.place else { Issue.record("not walking"); return }
        Update.update(&app, .key(.escape))
        guard case .page(let page) = app.place else { Issue.record("Esc did not go back to the page"); return }
        #expect(page.id == "ws3")
        Update.update(&app, .key(.char("w")))
        guard case .walk(let back) = app.place else { Issue.record("w did not resume"); return }
        #expect(back.step == left.step && back.clock == left.clock)

        // w on another session while the clock runs asks first; r resumes, nothing is lost.
        Update.update(&app, .key(.escape))
        for k in [Key.char(":")] + "ws4".map({ Key.char($0) }) + [.enter, .char("w")] { Update.update(&app, .key(k)) }
        guard case .menu(let menu)? = app.overlay else { Issue.record("no question before discarding a running clock"); return }
        #expect(menu.title.contains("with 0:00 on the clock") || menu.title.contains("on the clock"))
        Update.update(&app, .key(.char("r")))
        guard case .walk(let resumed) = app.place else { Issue.record("r did not resume"); return }
        #expect(resumed.tour == left.tour && resumed.step == left.step)
    }

    @Test func runningOverIsFlaggedAndWrittenOut() throws {
        var s = state()
        press(&s, [.char("s")], at: 0)
        // ws3 topic 1 plans 10 minutes; the session 90.
        let onTime = s.timing(at: Self.at(600))
        #expect(!onTime.stepOver)
        #expect(onTime.remaining == TimeInterval(80 * 60))
        let over = s.timing(at: Self.at(600 + 192))
        #expect(over.stepOver && over.stepOverBy == 192)
        #expect(!over.sessionOver)
        #expect(WalkTiming.format(over.stepOverBy) == "3:12")

        let grid = s.render(now: Self.at(600 + 192))
        let line = grid.lines[1]
        #expect(line.contains("OVER +3:12"))
        // Marked by attribute as well as by text: the O of OVER is bold and reversed.
        let column = try #require(line.range(of: "OVER").map { line.distance(from: line.startIndex, to: $0.lowerBound) })
        let style = grid[1, column].style
        #expect(style.bold && style.reverse)

        press(&s, [.end], at: 600 + 192)
        let late = s.timing(at: Self.at(91 * 60))
        #expect(late.sessionOver && late.sessionOverBy == 60 && late.remaining == TimeInterval(-60))
        let timer = s.render(now: Self.at(91 * 60)).lines[1]
        #expect(timer.contains("session 1:31:00  OVER +1:00"), "\(timer)")
        #expect(WalkTiming.format(3723) == "1:02:03")
    }

    // MARK: Presenter notes

    @Test func notesAreHiddenOnTheProjectorUnlessShownForThatStep() {
        var s = state(Self.custom, projector: true)
        #expect(s.presenterNotes.count == 2)
        #expect(!s.notesVisible)
        #expect(!s.render(now: Self.t0).text.contains("Presenter notes"))

        press(&s, [.char("p")])
        #expect(s.notesVisible)
        #expect(s.message == "Presenter notes shown on the projector for this step only")
        #expect(s.render(now: Self.t0).text.contains("Ask who has sent an Art. 29 request."))

        // The next step's notes stay hidden; coming back keeps this step's choice.
        press(&s, [.char(" ")])
        #expect(!s.notesVisible)
        #expect(!s.render(now: Self.t0).text.contains("Keep this one short"))
        press(&s, [.left])
        #expect(s.notesVisible)

        // The presenter layout shows notes by default, and p hides them there for every step.
        press(&s, [.function(5)])
        #expect(!s.projector && s.notesVisible)
        press(&s, [.char(" ")])
        #expect(s.notesVisible)
        #expect(s.render(now: Self.t0).text.contains("Keep this one short"))
        press(&s, [.char("p"), .char(" ")])
        #expect(!s.notesVisible)
        // Back on the projector, a step never chosen there stays hidden.
        press(&s, [.function(5)])
        #expect(!s.notesVisible)
    }

    @Test func notebookNotesJoinTheTourNotes() {
        var s = state(Self.custom)
        s.notebookNotes = ["ws3": ["from the notebook"], "ws3/topic-3": ["on this topic"], "art29": ["not this step"]]
        #expect(
            s.presenterNotes == [
                "Ask who has sent an Art. 29 request.", "Mention the 24/7 network before the break.",
                "from the notebook", "on this topic",
            ])
    }

    // MARK: Keys, sizes, glyphs

    @Test func noKeyIsBoundTwice() {
        for overview in [false, true] {
            var seen: [Key: String] = [:]
            for b in WalkKeys.bindings(overview: overview) + KeyTable.shell {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) bound to both \(seen[k] ?? "") and \(b.help)")
                    seen[k] = b.help
                }
            }
            #expect(!KeyHelp.hintLine(WalkKeys.bindings(overview: overview)).isEmpty)
        }
    }

    /// The shell's help, over the walkthrough: its own keys and the browser's it shares, every
    /// line reachable by scrolling at 80×24 (the walkthrough's own help used to cut the list off).
    @Test func helpListsTheWalkthroughsKeysScrollsAndEscClosesIt() {
        var s = state()
        press(&s, [.char("?")])
        #expect(s.app.screenKind == .help)
        let text = s.render(now: Self.t0).text
        // Its own keys come first, after how to get out.
        #expect(text.contains("Keys on this screen") && text.contains("quit") && text.contains("pause or resume the clock"))
        #expect(s.render(now: Self.t0).lines.last?.contains("Esc close") == true)
        press(&s, Array(repeating: .down, count: 60))
        #expect(s.render(now: Self.t0).text.contains("Esc or ? closes this help"))
        #expect(s.render(now: Self.t0).text.contains("go to an address"))
        press(&s, [.escape])
        #expect(s.app.overlay == nil && s.step == 0)
    }

    @Test func scrollingStaysInRangeAcrossResizes() {
        var s = state(size: Size(width: 80, height: 24))
        press(&s, [.char(" ")])  // topic 2 is longer than a screen
        for _ in 0..<200 { press(&s, [.down]) }
        let bottom = s.scroll
        #expect(bottom > 0 && bottom == s.maxScroll)
        Update.update(&s.app, .resize(Size(width: 160, height: 45)))
        #expect(s.scroll <= s.maxScroll)
        press(&s, [.char(" ")])
        #expect(s.scroll == 0)
    }

    @Test func tinyAndAsciiScreensDrawSafely() {
        var s = state(size: Size(width: 20, height: 5))
        #expect(s.render(now: Self.t0).text.contains("too small"))
        s = state(size: Size(width: 80, height: 24), projector: true)
        let grid = s.render(now: Self.at(700), ascii: true)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        // A hand-built tour with no steps shows a placeholder instead of trapping.
        var empty = Walking(Tour(title: "Empty", steps: [], origin: .file("x")), size: Size(width: 80, height: 24), projector: false, now: Self.t0)
        press(&empty, [.char(" "), .char("o"), .enter, .char("1"), .enter, .char("p"), .down])
        #expect(empty.render(now: Self.t0).text.contains("This tour has no steps"))
    }

    /// Every size from the minimum up, in every view, draws inside the grid without trapping.
    @Test func everySizeDrawsWithinBounds() {
        var problems: [String] = []
        for width in [40, 57, 80, 109, 160, 211] {
            for height in [10, 17, 24, 45, 61] {
                let size = Size(width: width, height: height)
                for projector in [false, true] {
                    for keys: [Key] in [[.char("o")], [.char("?")], [.char("p"), .end, .down, .down]] {
                        var s = state(Self.custom, size: size, projector: projector)
                        press(&s, keys, at: 5000)
                        let grid = s.render(now: Self.at(9000))
                        if grid.lines.count != height || grid.lines.contains(where: { TextWidth.columns($0) > width }) {
                            problems.append("\(width)x\(height) projector=\(projector) keys=\(keys)")
                        }
                    }
                }
            }
        }
        #expect(problems.isEmpty)
    }

    /// Issue 16: a country step says the State's treaty status at the browser's date, and
    /// follows it when t moves the date.
    @Test func aCountryStepShowsStatusAtTheChosenDate() throws {
        let tour = try TourLoader.load(text: "title: T\nsteps:\n  - address: ES\n", format: .yaml, file: "t.yaml", kb: bundled)
        var s = state(tour)
        func body() -> String { s.walk.currentPage.plainBlocks.joined(separator: "\n") }
        #expect(body().contains("Status on 25 March 2010"))
        #expect(body().contains("Budapest Convention (ETS 185): signed, not ratified"), "\(body())")
        press(&s, [.char("t")])
        #expect(body().contains("Status on \(bundled.latestEventDate.long)"))
        #expect(!body().contains("signed, not ratified"), "Spain is a Party by the latest date")
    }

    /// Issue 16: the session's own questions are on the presenter view, never the room's.
    @Test func theSessionsQuestionsAreOnThePresenterView() throws {
        guard case .session(let ws3)? = bundled.record("ws3") else { Issue.record("no ws3"); return }
        let question = try #require(ws3.questions.first)
        let presenter = state(size: Size(width: 160, height: 45))
        #expect(presenter.walk.presenterNotes.contains("Question for the session: " + question))
        #expect(presenter.render(now: Self.at(0)).text.contains("Question for the session"))
        let room = state(size: Size(width: 160, height: 45), projector: true)
        #expect(!room.render(now: Self.at(0)).text.contains("Question for the session"))
    }

    /// Issue 16: on the projector the heading is in block letters on every step or on none.
    @Test func theHeadingKeepsItsSizeFromStepToStep() throws {
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 45), Size(width: 200, height: 50)] {
            var s = state(Self.ws3, size: size, projector: true)
            var kinds: Set<Bool> = []
            for i in 0..<s.walk.stepCount {
                if i > 0 { press(&s, [.char(" ")]) }
                let layout = WalkLayout(s.walk, in: s.app.layout.screen)
                if case .blocks = layout.heading { kinds.insert(true) } else { kinds.insert(false) }
            }
            #expect(kinds.count == 1, "at \(size.width)×\(size.height) some steps have block letters and some not")
        }
    }

    @Test func blockLettersDrawWhatTheFontHasAndNothingElse() throws {
        let rows = try #require(BlockLetters.render("WS3"))
        #expect(rows.count == BlockLetters.height)
        #expect(rows[0] == "█   █  ████ ████ ")
        #expect(BlockLetters.width("WS3") == 17)
        #expect(BlockLetters.render("é", ascii: true) == BlockLetters.render("E", ascii: true))
        #expect(BlockLetters.render("ok!", ascii: true)?.joined().allSatisfy { $0 == "#" || $0 == " " } == true)
        #expect(BlockLetters.supports("Données – 24/7 (T-CY)?"))
        #expect(!BlockLetters.supports("Доступ"))
        // Issue 16: accents fold and punctuation stays, as the title is written.
        #expect(BlockLetters.render("Ø", ascii: true) == BlockLetters.render("O", ascii: true))
        #expect(BlockLetters.render("Æ", ascii: true) == BlockLetters.render("AE", ascii: true))
        #expect(BlockLetters.render("Wait…", ascii: true) == BlockLetters.render("WAIT...", ascii: true))
        #expect(BlockLetters.supports("Art. 29 [MLA] = 60 days × 2 *"))
        #expect(BlockLetters.render("A.B", ascii: true) != BlockLetters.render("AB", ascii: true), "the full stop is drawn")
        #expect(BlockLetters.render("Доступ") == nil)
        let two = try #require(BlockLetters.layout("Data preservation", width: 80, maxLines: 2))
        #expect(two.count == 2 && two.allSatisfy { $0.count == BlockLetters.height })
        #expect(BlockLetters.layout("Data preservation", width: 80, maxLines: 1) == nil)
        #expect(BlockLetters.layout("Data preservation", width: 100, maxLines: 1)?.count == 1)
        #expect(BlockLetters.layout("Incomprehensibilities", width: 40, maxLines: 3) == nil)
    }

    // MARK: Snapshots

    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 45)]

    /// A step 12½ minutes in, on a 10-minute plan: over time, with the clock paused.
    func scene(_ tour: Tour, size: Size, projector: Bool, keys: [Key] = [], notesOnProjector: Bool = false) -> CellGrid {
        var s = state(tour, size: size, projector: projector)
        press(&s, [.char("s")] + keys, at: 0)
        press(&s, [.char("P")], at: 750)
        if notesOnProjector { press(&s, [.char("p")], at: 750) }
        s.app.message = nil  // the last key's message would hide the hint bar
        return s.render(now: Self.at(800))
    }

    @Test(arguments: [false, true])
    func stepSnapshots(projector: Bool) throws {
        for size in Self.sizes {
            let grid = scene(Self.custom, size: size, projector: projector)
            for line in grid.lines { #expect(TextWidth.columns(line) <= size.width) }
            if projector {
                #expect(!grid.text.contains("Presenter notes"))
                #expect(!grid.text.contains("Space next"))
            }
            try Snapshot.assert(grid.text, named: "walk-\(projector ? "projector" : "presenter")-\(size.width)x\(size.height)")
        }
    }

    @Test func agendaAndWorkshopSnapshots() throws {
        for size in Self.sizes {
            try Snapshot.assert(
                scene(Self.ws3, size: size, projector: false, keys: [.char(" "), .char("o")]).text,
                named: "walk-agenda-\(size.width)x\(size.height)")
            try Snapshot.assert(
                scene(Self.ws3, size: size, projector: true, keys: [.char(" ")]).text,
                named: "walk-ws3-projector-\(size.width)x\(size.height)")
        }
        try Snapshot.assert(
            scene(Self.custom, size: Size(width: 160, height: 45), projector: true, notesOnProjector: true).text,
            named: "walk-projector-notes-160x45")
    }

}
