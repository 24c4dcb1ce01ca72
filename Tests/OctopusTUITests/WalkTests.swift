import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// The walkthrough (issue 7): update logic with an injected clock, the notes pane's privacy rule,
/// the key table, block letters, and text snapshots of both layouts at 80×24 and 160×45.
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

    func state(_ tour: Tour = WalkTests.ws3, size: Size = Size(width: 80, height: 24), projector: Bool = false) -> WalkState {
        WalkState(tour: tour, kb: bundled, size: size, projector: projector, now: Self.t0)
    }

    @discardableResult
    func press(_ s: inout WalkState, _ keys: [Key], at seconds: TimeInterval = 0) -> [WalkEffect] {
        keys.compactMap { WalkUpdate.handle(&s, key: $0, now: Self.at(seconds)) }
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
        let effects = press(&s, [.char("2"), .enter])
        #expect(effects == [.open(links[1])])
        #expect(s.typed.isEmpty && s.step == 0)
        press(&s, [.char("4"), .char("2"), .enter])
        #expect(s.message == "No link 42 on this step (1–\(links.count))")
        // Esc clears a typed number; with nothing typed it asks the host to leave.
        #expect(press(&s, [.char("1"), .escape]).isEmpty)
        #expect(s.typed.isEmpty)
        #expect(press(&s, [.escape]) == [.leave])
        #expect(press(&s, [.char("q")]) == [.quit])
        // An unbound key drops a half-typed number rather than keeping it for later.
        press(&s, [.char("3"), .char("x")])
        #expect(s.typed.isEmpty)
    }

    // MARK: Clock

    @Test func pauseAndResumeWithAnInjectedClock() {
        var s = state()
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

    @Test func runningOverIsFlaggedAndWrittenOut() throws {
        var s = state()
        // ws3 topic 1 plans 10 minutes; the session 90.
        let onTime = s.timing(at: Self.at(600))
        #expect(!onTime.stepOver)
        #expect(onTime.remaining == TimeInterval(80 * 60))
        let over = s.timing(at: Self.at(600 + 192))
        #expect(over.stepOver && over.stepOverBy == 192)
        #expect(!over.sessionOver)
        #expect(WalkTiming.format(over.stepOverBy) == "3:12")

        let grid = WalkView.render(s, now: Self.at(600 + 192))
        let line = grid.lines[1]
        #expect(line.contains("OVER +3:12"))
        // Marked by attribute as well as by text: the O of OVER is bold and reversed.
        let column = try #require(line.range(of: "OVER").map { line.distance(from: line.startIndex, to: $0.lowerBound) })
        let style = grid[1, column].style
        #expect(style.bold && style.reverse)

        press(&s, [.end], at: 600 + 192)
        let late = s.timing(at: Self.at(91 * 60))
        #expect(late.sessionOver && late.sessionOverBy == 60 && late.remaining == TimeInterval(-60))
        let timer = WalkView.render(s, now: Self.at(91 * 60)).lines[1]
        #expect(timer.contains("session 1:31:00  OVER +1:00"), "\(timer)")
        #expect(WalkTiming.format(3723) == "1:02:03")
    }

    // MARK: Presenter notes

    @Test func notesAreHiddenOnTheProjectorUnlessShownForThatStep() {
        var s = state(Self.custom, projector: true)
        #expect(s.presenterNotes.count == 2)
        #expect(!s.notesVisible)
        #expect(!WalkView.render(s, now: Self.t0).text.contains("Presenter notes"))

        press(&s, [.char("p")])
        #expect(s.notesVisible)
        #expect(s.message == "Presenter notes shown on the projector for this step only")
        #expect(WalkView.render(s, now: Self.t0).text.contains("Ask who has sent an Art. 29 request."))

        // The next step's notes stay hidden; coming back keeps this step's choice.
        press(&s, [.char(" ")])
        #expect(!s.notesVisible)
        #expect(!WalkView.render(s, now: Self.t0).text.contains("Keep this one short"))
        press(&s, [.left])
        #expect(s.notesVisible)

        // The presenter layout shows notes by default, and p hides them there for every step.
        press(&s, [.function(5)])
        #expect(!s.projector && s.notesVisible)
        press(&s, [.char(" ")])
        #expect(s.notesVisible)
        #expect(WalkView.render(s, now: Self.t0).text.contains("Keep this one short"))
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
            for b in WalkKeys.bindings(overview: overview) {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) bound to both \(seen[k] ?? "") and \(b.help)")
                    seen[k] = b.help
                }
            }
            #expect(!WalkKeys.hintLine(overview: overview).isEmpty)
        }
    }

    @Test func helpListsTheKeysAndAnyKeyClosesIt() {
        var s = state()
        press(&s, [.char("?")])
        #expect(s.helpShown)
        let text = WalkView.render(s, now: Self.t0).text
        #expect(text.contains("Keys in the walkthrough"))
        #expect(text.contains("pause or resume the clock"))
        press(&s, [.char(" ")])
        #expect(!s.helpShown && s.step == 0)
    }

    @Test func scrollingStaysInRangeAcrossResizes() {
        var s = state(size: Size(width: 80, height: 24))
        press(&s, [.char(" ")])  // topic 2 is longer than a screen
        for _ in 0..<200 { press(&s, [.down]) }
        let bottom = s.scroll
        #expect(bottom > 0 && bottom == WalkView.maxScroll(s))
        WalkUpdate.update(&s, .resize(Size(width: 160, height: 45)), now: Self.t0)
        #expect(s.scroll <= WalkView.maxScroll(s))
        press(&s, [.char(" ")])
        #expect(s.scroll == 0)
    }

    @Test func tinyAndAsciiScreensDrawSafely() {
        var s = state(size: Size(width: 20, height: 5))
        #expect(WalkView.render(s, now: Self.t0).text.contains("too small"))
        s = state(size: Size(width: 80, height: 24), projector: true)
        let grid = WalkView.render(s, now: Self.at(700), ascii: true)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        // A hand-built tour with no steps shows a placeholder instead of trapping.
        var empty = WalkState(tour: Tour(title: "Empty", steps: [], origin: .file("x")), kb: bundled, size: Size(width: 80, height: 24), now: Self.t0)
        press(&empty, [.char(" "), .char("o"), .enter, .char("1"), .enter, .char("p"), .down])
        #expect(WalkView.render(empty, now: Self.t0).text.contains("This tour has no steps"))
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
                        let grid = WalkView.render(s, now: Self.at(9000))
                        if grid.lines.count != height || grid.lines.contains(where: { TextWidth.columns($0) > width }) {
                            problems.append("\(width)x\(height) projector=\(projector) keys=\(keys)")
                        }
                    }
                }
            }
        }
        #expect(problems.isEmpty)
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
        press(&s, keys, at: 0)
        press(&s, [.char("P")], at: 750)
        if notesOnProjector { press(&s, [.char("p")], at: 750) }
        s.message = nil  // the last key's message would hide the hint bar
        return WalkView.render(s, now: Self.at(800))
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
