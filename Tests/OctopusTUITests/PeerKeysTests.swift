import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// Keys as less, man and vim have them (issue 14): history, paging, home, and help that a
/// newcomer can use on every screen, text fields included.
@MainActor
@Suite("Keys as peers have them")
struct PeerKeysTests {
    func state(_ w: Int = 80, _ h: Int = 24) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: w, height: h))
        s.notebook.available = true
        return s
    }
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }
    func pageID(_ s: AppState) -> String? { if case .page(let p) = s.place { p.id } else { nil } }
    func scroll(_ s: AppState) -> Int? { if case .page(let p) = s.place { p.scroll } else { nil } }

    @Test func ctrlOAndBracketGoBackAndBracketGoesForwardAsInVim() {
        var s = state()
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter)
        send(&s, .char(":")); type(&s, "art16"); send(&s, .enter)
        #expect(pageID(s) == "art16")
        send(&s, .ctrl("o"))
        #expect(pageID(s) == "art29")
        send(&s, .char("]"))
        #expect(pageID(s) == "art16")
        send(&s, .char("["))
        #expect(pageID(s) == "art29")
    }

    @Test func capitalHAndColonHomeGoHomeFromAnywhereAndBackReturns() {
        var s = state()
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter)
        send(&s, .char("H"))
        #expect(s.place == .home(HomeState()))
        send(&s, .ctrl("o"))
        #expect(pageID(s) == "PT")
        send(&s, .char(":")); type(&s, " Home "); send(&s, .enter)
        #expect(s.place == .home(HomeState()) && s.overlay == nil)
        send(&s, .char("H"))
        #expect(s.message == "This is the home screen")
    }

    @Test func spaceAndBPageAsInLessAndCtrlDAndCtrlUByHalves() throws {
        var s = state(80, 24)
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter)
        let visible = s.layout.screen.height
        send(&s, .char(" "))
        let page = try #require(scroll(s))
        #expect(page == visible - 1)
        send(&s, .ctrl("d"))
        #expect(scroll(s) == page + visible / 2)
        send(&s, .ctrl("u"))
        #expect(scroll(s) == page)
        send(&s, .char("b"))
        #expect(scroll(s) == 0)
        // b pages now; m marks, as in vim.
        #expect(Update.update(&s, .key(.char("m"))) == [.toggleBookmark("art29")])
    }

    @Test func halfPagesMoveTheSelectionOfAList() throws {
        var s = state(80, 24)
        send(&s, .char(":")); type(&s, "home"); send(&s, .enter)
        for _ in 0..<3 { send(&s, .down) }
        send(&s, .enter)  // Countries
        guard case .list(let before) = s.place else { Issue.record("no list"); return }
        send(&s, .ctrl("d"))
        guard case .list(let after) = s.place else { Issue.record("no list"); return }
        #expect(after.selection > before.selection + 2, "\(before.selection) → \(after.selection)")
    }

    @Test func aKeyThatDoesNothingSaysSoAndWhereHelpIs() {
        var s = state()
        send(&s, .char("x"))
        #expect(s.message == "x does nothing here · ? for help")
        send(&s, .char("/"), .ctrl("x"))
        #expect(s.message == "Ctrl-X does nothing here · F1 for help")
    }

    @Test func helpGroupsTheKeysOfTheScreenUnderIt() {
        var s = state()
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter, .function(1))
        #expect(s.screenKind == .help)
        let text = Chrome.helpText(s, width: 80).map(\.0)
        for heading in ["Moving", "Opening and going back", "Finding", "Your notebook", "The program"] {
            #expect(text.contains(" " + heading), "\(heading)")
        }
        #expect(text.filter { $0.hasPrefix(" Ctrl-Z ") }.count == 1, "each key is listed once")
        // Under its heading: m marks, b pages.
        let notebook = text.firstIndex(of: " Your notebook")!
        #expect(text[notebook...].contains { $0.hasPrefix(" m ") && $0.contains("bookmark") })
        #expect(text.contains { $0.hasPrefix(" PgUp b Ctrl-B") })
    }

    @Test func questionMarkOpensHelpOverASearchAndClosingItKeepsWhatWasTyped() {
        var s = state()
        send(&s, .char("/")); type(&s, "preserv")
        send(&s, .char("?"))
        #expect(s.screenKind == .help)
        let text = Chrome.helpText(s, width: 80).map(\.0).joined(separator: "\n")
        #expect(text.contains("open the selected result") && text.contains("Editing"), "\(text)")
        #expect(!text.contains("bookmark"), "the search field's keys, not the page's")
        send(&s, .escape)
        guard case .search(let search) = s.overlay else { Issue.record("search closed"); return }
        #expect(search.query == "preserv" && s.help == nil)
        // In the note editor ? is text; F1 is help there.
        send(&s, .escape, .char(":")); type(&s, "art29"); send(&s, .enter, .char("a")); type(&s, "why?")
        guard case .noteEditor(let editor) = s.overlay else { Issue.record("no editor"); return }
        #expect(editor.text == "why?" && s.help == nil)
        send(&s, .function(1))
        #expect(s.screenKind == .help && Chrome.helpText(s, width: 80).contains { $0.0.contains("save the note") })
        send(&s, .escape)
        guard case .noteEditor(let still) = s.overlay else { Issue.record("editor closed"); return }
        #expect(still.text == "why?")
    }

    @Test func at80x24QuitIsOnTheFirstScreenOfHelpAndPgDnReachesTheEnd() {
        var s = state(80, 24)
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter, .char("?"))
        #expect(Render.render(s).lines.contains { $0.contains("q Ctrl-C") && $0.contains("quit") })
        var pages = 0
        while Render.render(s).lines.contains(where: { $0.contains("more below") }), pages < 10 { send(&s, .pageDown); pages += 1 }
        #expect(pages <= 3 && Render.render(s).lines.contains { $0.contains("Esc or ? closes this help") })
    }

    @Test func helpAt40x12WrapsWholeWordsScrollsAndSaysMore() {
        var s = state(40, 12)
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter, .char("?"))
        let lines = Chrome.helpText(s, width: 40).map(\.0)
        let words = Set(s.helpLines.flatMap { $0.help.split(separator: " ").map(String.init) })
        for line in lines {
            #expect(TextWidth.columns(line) <= 40, "\(line)")
            // Every word on a help line is a whole word of some help text (or a key, or a heading).
            for w in line.split(separator: " ") where w.count > 3 && !words.contains(String(w)) {
                #expect(
                    s.helpLines.contains { $0.keys.contains(w) } || HelpGroup.allCases.contains { $0.rawValue.contains(w) }
                        || "Keys on this screen Esc or ? closes this help".contains(w), "cut word \(w) in “\(line)”")
            }
        }
        var grid = Render.render(s).lines
        #expect(grid.contains { $0.contains("more below") }, "\(grid.joined(separator: "\n"))")
        send(&s, .char("G"))
        grid = Render.render(s).lines
        #expect(grid.contains { $0.contains("Esc or ? closes this help") } && grid.contains { $0.contains("more above") })
        #expect(!grid.contains { $0.contains("more below") })
        send(&s, .char("g"))
        #expect(s.help == 0)
        send(&s, .char(" "))
        #expect((s.help ?? 0) > 0)
        send(&s, .char("q"))
        #expect(s.help == nil && pageID(s) == "art29" && !s.quitRequested)
    }

    @Test func at40x12GOnHomeKeepsTheSelectionVisibleAndAnEmptyListSaysWhatToDo() {
        var s = state(40, 12)
        send(&s, .char("G"))
        let home = Render.render(s)
        let selected = (0..<home.size.height).filter { r in (0..<home.size.width).contains { home[r, $0].style == .selected } }
        #expect(selected.count == 1 && home.lines[selected[0]].contains("Your notes"), "\(home.lines.joined(separator: "\n"))")
        // Nothing is cut without a mark.
        #expect(home.lines.contains { $0.hasSuffix("…") })
        send(&s, .char("B"))
        let text = Render.render(s).lines.joined(separator: " ")
        #expect(text.contains("0 bookmarks") && text.contains("No bookmarks yet — press m on any") && text.contains("record to mark it."), "\(text)")
    }

    @Test func countsAgreeWithTheirNumber() {
        #expect(Section.countries.counted(1) == "1 country" && Section.countries.counted(2) == "2 countries")
        #expect(Section.glossary.counted(1) == "1 term" && Section.notes.counted(0) == "0 notes")
    }
}

/// The go-to prompt never dead-ends (issue 14, item 6).
@MainActor
@Suite("Go-to that never dead-ends")
struct GotoPromptTests {
    func state() -> AppState { AppState(kb: bundled, size: Size(width: 80, height: 24)) }
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }
    func pageID(_ s: AppState) -> String? { if case .page(let p) = s.place { p.id } else { nil } }

    @Test func whatCompletionOffersEnterOpens() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "24/7")
        let offered = s.resolver.completions(for: "24/7", limit: 5)
        try #require(offered.first == "contact-point-247")
        #expect(Render.render(s).lines[22].contains("contact-point-247 "), "the completion shows its title too")
        send(&s, .enter)
        #expect(pageID(s) == "contact-point-247")
        // A session's topic keeps its slash.
        send(&s, .char(":")); type(&s, "ws3/2"); send(&s, .enter)
        #expect(pageID(s) == "ws3")
    }

    @Test func anArticleParagraphOpensTheArticleWhereItIsCited() throws {
        #expect(AddressResolver.paragraph(of: "Article 29(4)")! == ("Article 29", "(4)"))
        #expect(AddressResolver.paragraph(of: "art 27 (9)(e)")! == ("art 27", "(9)(e)"))
        #expect(AddressResolver.paragraph(of: "24/7 (network)") == nil && AddressResolver.paragraph(of: "art29") == nil)
        var s = state()
        send(&s, .char(":")); type(&s, "Article 29(4)"); send(&s, .enter)
        guard case .page(let page) = s.place else { Issue.record("no page: \(s.message ?? "")"); return }
        #expect(page.id == "art29" && page.scroll > 0 && s.message == "Art. 29(4) is first cited here")
        let shown = Render.render(s).lines.joined(separator: "\n")
        #expect(shown.contains("29(4)"), "\(shown)")
    }

    @Test func tabCyclesThroughTheCompletions() {
        var s = state()
        send(&s, .char(":")); type(&s, "art2")
        let offered = s.resolver.completions(for: "art2", limit: 5)
        #expect(offered.count >= 3)
        var seen: [String] = []
        for _ in offered { send(&s, .tab); if case .goto(let p) = s.overlay { seen.append(p.text) } }
        #expect(seen == offered)
        send(&s, .tab)
        if case .goto(let p) = s.overlay { #expect(p.text == offered[0], "Tab comes round again") }
    }

    @Test func noRecordOffersTheSearchForTheSameWords() {
        var s = state()
        send(&s, .char(":")); type(&s, "data retention rules"); send(&s, .enter)
        guard case .goto(let p) = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.error?.hasSuffix("Enter searches for it") == true, "\(p.error ?? "")")
        send(&s, .enter)
        guard case .search(let search) = s.overlay else { Issue.record("no search"); return }
        #expect(search.query == "data retention rules")
    }
}

/// Issue 15 (part 4): status at any date in the browser — `T` or `:date` — with the screen
/// saying which date it shows.
@Suite("Status at any date")
struct AnyDateTests {
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }

    @Test func capitalTTypesAnyDateAndTheScreenSaysIt() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        send(&s, .char("T"))
        guard case .goto(let prompt) = s.overlay else { Issue.record("T opened no prompt"); return }
        #expect(prompt.text == "date ")
        type(&s, "2004-07-01"); send(&s, .enter)
        let day = try #require(Day("2004-07-01"))
        #expect(s.date == day)
        #expect(s.message == "Status now read at 1 July 2004")
        let screen = Render.render(s).lines
        #expect(screen[0].hasSuffix("status at 2004-07-01"), "neither conference nor latest: \(screen[0])")
        let parties = bundled.parties(of: bundled.conventionID, at: day).count
        let signed = bundled.signatories(of: bundled.conventionID, at: day).count
        #expect(screen.contains { $0.contains("Budapest Convention on 1 July 2004: \(signed) signatories, \(parties) Parties.") })
        // t still switches between the two presets, named in the title bar.
        send(&s, .char("t"))
        #expect(s.date == .conference && Render.render(s).lines[0].contains("(conference)"))
        send(&s, .char(":")); type(&s, "date latest"); send(&s, .enter)
        #expect(s.date == bundled.latestEventDate && Render.render(s).lines[0].contains("(latest)"))
        // Not a date: said where it was typed, the date unchanged.
        send(&s, .char(":")); type(&s, "date 2004-13-45"); send(&s, .enter)
        guard case .goto(let wrong) = s.overlay else { Issue.record("the prompt closed on a bad date"); return }
        #expect(wrong.error?.hasPrefix("Not a date") == true)
        #expect(s.date == bundled.latestEventDate)
    }
}
