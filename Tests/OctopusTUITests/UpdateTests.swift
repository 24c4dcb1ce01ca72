import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

@MainActor
@Suite("Browser behaviour (update)")
struct UpdateTests {
    func state(_ w: Int = 80, _ h: Int = 24) -> AppState { AppState(kb: bundled, size: Size(width: w, height: h)) }

    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }

    var currentID: (AppState) -> String? = { s in if case .page(let p) = s.place { p.id } else { nil } }
    func listState(_ s: AppState) -> ListState? { if case .list(let l) = s.place { l } else { nil } }
    func pageState(_ s: AppState) -> PageState? { if case .page(let p) = s.place { p } else { nil } }

    @Test func gotoArticle29ThenFollowLinkTo16AndBack() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "art 29"); send(&s, .enter)
        #expect(currentID(s) == "art29")
        let layout = PageLayout.cached(s, id: "art29", width: s.layout.pageTextWidth)
        let n = try #require(layout.page.links.firstIndex(of: "art16")) + 1
        type(&s, String(n)); send(&s, .enter)
        #expect(currentID(s) == "art16")
        send(&s, .escape)
        #expect(currentID(s) == "art29")
        send(&s, .char("]"))
        #expect(currentID(s) == "art16")
    }

    @Test func escapeOnHomeDoesNothing() {
        var s = state()
        send(&s, .escape, .left, .backspace)
        #expect(s.place == .home(HomeState(selection: 0)))
        #expect(!s.quitRequested)
    }

    @Test func homeOpensSectionsAndListsMove() {
        var s = state()
        send(&s, .down, .enter)  // Budapest Convention
        guard case .list(let l) = s.place else { Issue.record("not a list"); return }
        #expect(l.section == .convention)
        let rows = s.rows(l)
        #expect(rows[l.selection].id == "art1")
        send(&s, .down, .enter)
        #expect(currentID(s) == "art2")
    }

    @Test func tabSelectsLinksAndEnterFollows() {
        var s = state()
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter)
        send(&s, .tab)
        guard case .page(let p) = s.place, let sel = p.selectedLink else { Issue.record("no link selected"); return }
        let target = PageLayout.cached(s, id: "PT", width: s.layout.pageTextWidth).page.links[sel - 1]
        send(&s, .enter)
        #expect(currentID(s) == target)
    }

    @Test func unknownAddressKeepsPromptWithSuggestion() {
        var s = state()
        send(&s, .char(":")); type(&s, "portugla"); send(&s, .enter)
        guard case .goto(let prompt) = s.overlay else { Issue.record("prompt closed"); return }
        #expect(prompt.error?.contains("PT") == true)
        send(&s, .escape)
        #expect(s.overlay == nil)
    }

    @Test func dateToggleSwitchesBetweenConferenceAndLatest() {
        var s = state()
        #expect(s.date == .conference)
        send(&s, .char("t"))
        #expect(s.date == bundled.latestEventDate)
        #expect(s.date > .conference)
        send(&s, .char("t"))
        #expect(s.date == .conference)
    }

    @Test func quitKeys() {
        var s = state()
        send(&s, .char("q"))
        #expect(s.quitRequested)
        var t = state()
        send(&t, .down, .enter, .ctrl("c"))
        #expect(t.quitRequested)
    }

    @Test func selectionStaysVisibleAcrossResizes() {
        var s = state()
        send(&s, .down, .down, .down, .enter)  // countries
        send(&s, .end)
        for size in [Size(width: 40, height: 12), Size(width: 132, height: 43), Size(width: 20, height: 5), Size(width: 80, height: 24)] {
            Update.update(&s, .resize(size))
            guard case .list(let l) = s.place else { Issue.record("lost the list"); return }
            if !s.isTooSmall {
                #expect(l.selection >= l.scroll && l.selection < l.scroll + s.bodyHeight - 1, "\(size)")
            }
        }
    }

    @Test func countryFiltersNarrowTheList() throws {
        var s = state()
        send(&s, .down, .down, .down, .enter)
        send(&s, .char("f"))
        // f opens a menu of statuses rather than cycling blind; 1 is the first status.
        guard case .menu(let menu) = s.overlay else { Issue.record("no menu"); return }
        #expect(menu.items.map(\.label).first == "Any status")
        #expect(try #require(listState(s)).statusFilter == nil, "nothing changes before a choice")
        #expect(TreatyStatus.Standing.allCases.first == TreatyStatus.Standing.none)
        send(&s, .char("1"))  // status: none
        let l = try #require(listState(s))
        #expect(l.statusFilter == TreatyStatus.Standing.none)
        let rows = s.rows(l)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { row in s.kb.countries.first { $0.id == row.id }?.status("ets185").standing == TreatyStatus.Standing.none })
    }

    @Test func conventionTreeFolds() throws {
        var s = state()
        send(&s, .down, .enter)
        let before = try #require(listState(s))
        let n = s.rows(before).count
        send(&s, .down, .char("z"))  // fold the chapter of art2
        let after = try #require(listState(s))
        let rows = s.rows(after)
        #expect(rows.count < n)
        #expect(rows[after.selection].id == nil)
        send(&s, .enter)  // unfold
        let again = try #require(listState(s))
        #expect(s.rows(again).count == n)
    }

    // MARK: Notebook keys (issue 6): writes leave `update` as effects.

    func withNotebook() -> AppState { var s = state(); s.notebook.available = true; return s }

    @Test func bookmarkKeyAsksForAWrite() {
        var s = withNotebook()
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter)
        #expect(Update.update(&s, .key(.char("m"))) == [.toggleBookmark("art29")])
        Update.update(&s, .notebookLoaded(bookmarks: ["art29": Date()], notes: []))
        #expect(s.notebook.isBookmarked("ART29"))
        #expect(Render.render(s).lines[0].contains("★ Art. 29"))
    }

    @Test func noteEditorSavesOnCtrlSAndAsksBeforeDiscarding() {
        var s = withNotebook()
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter, .char("a"))
        guard case .noteEditor = s.overlay else { Issue.record("no editor"); return }
        type(&s, "first"); send(&s, .enter); type(&s, "secxnd"); send(&s, .left, .left, .backspace); type(&s, "o")
        send(&s, .escape)
        guard case .noteEditor(let asking) = s.overlay else { Issue.record("discarded without asking"); return }
        #expect(asking.confirmingDiscard)
        send(&s, .char("n"))  // back to the text, nothing lost
        #expect(Update.update(&s, .key(.ctrl("s"))) == [.saveNote(recordID: "PT", noteID: nil, text: "first\nsecond")])
        #expect(s.overlay == nil)
    }

    @Test func emptyNoteIsNotSaved() {
        var s = withNotebook()
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter, .char("a"))
        #expect(Update.update(&s, .key(.ctrl("s"))) == [])
        #expect(s.message?.contains("Empty") == true)
    }

    @Test func externalEditorIsUsedWhenSet() {
        var s = withNotebook()
        s.externalEditor = "vi"
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter)
        #expect(Update.update(&s, .key(.char("a"))) == [.externalEditor(recordID: "PT", noteID: nil)])
    }

    @Test func notesUnavailableIsExplained() {
        var s = state()
        s.notebook.problem = "the notebook file is damaged"
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter)
        #expect(Update.update(&s, .key(.char("m"))) == [])
        #expect(s.message?.contains("damaged") == true)
    }

    @Test func handoutTrayCollectsThenWrites() {
        var s = withNotebook()
        #expect(Update.update(&s, .key(.char("E"))) == [])  // the empty tray, shown
        #expect(Render.render(s).lines.joined().contains("The handout tray is empty — press e on any record to add it."))
        #expect(Update.update(&s, .key(.char("E"))) == [], "an empty tray writes nothing")
        send(&s, .char(":")); type(&s, "ws3"); send(&s, .enter, .char("e"))
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter, .char("e"), .char("e"))
        send(&s, .char(":")); type(&s, "PT"); send(&s, .enter, .char("e"))
        #expect(s.notebook.tray == ["ws3", "art29", "PT"])
        // E shows the tray: the pack's order, without notes unless asked; d removes, J/K move.
        #expect(Update.update(&s, .key(.char("E"))) == [])
        #expect(Render.render(s).lines[1].contains("without my notes (n includes them)"))
        send(&s, .char("J"))
        #expect(s.notebook.tray == ["art29", "ws3", "PT"])
        send(&s, .char("d"))
        #expect(s.notebook.tray == ["art29", "PT"])
        send(&s, .char("n"))
        #expect(Update.update(&s, .key(.char("E"))) == [.writeHandout(["art29", "PT"], includeNotes: true)])
        Update.update(&s, .handoutWritten(path: "/tmp/a/long/folder/name/that/does/not/fit/on/one/row/octopus-handout.md", records: 2))
        #expect(s.notebook.tray.isEmpty)
        // The path is shown whole, over two rows if need be.
        let bottom = Render.render(s).lines.suffix(2).joined()
        #expect(bottom.replacingOccurrences(of: " ", with: "").contains("/tmp/a/long/folder/name/that/does/not/fit/on/one/row/octopus-handout.md"), "\(bottom)")
    }

    @Test func bookmarksListIsNewestFirstAndOpensRecords() {
        var s = withNotebook()
        let now = Date()
        Update.update(&s, .notebookLoaded(bookmarks: ["PT": now.addingTimeInterval(-60), "art29": now], notes: []))
        send(&s, .char("B"))
        guard case .list(let l) = s.place else { Issue.record("not a list"); return }
        #expect(s.rows(l).map(\.id) == ["art29", "PT"])
        send(&s, .enter)
        #expect(currentID(s) == "art29")
    }

    @Test func mouseClicksSelectAndFollow() throws {
        var s = state()
        let first = s.layout.homeMenuTop
        send(&s, .click(row: first + 3, column: 5))  // Countries: select…
        #expect(s.place == .home(HomeState(selection: 3)))
        send(&s, .click(row: first + 3, column: 5))  // …and open on a second click
        guard case .list(let l) = s.place else { Issue.record("not opened"); return }
        #expect(l.section == .countries)
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter)
        let layout = PageLayout.cached(s, id: "art29", width: s.layout.pageTextWidth)
        let (line, runs) = try #require(layout.lines.enumerated().first { $0.element.contains { $0.link != nil } })
        var x = 1
        for run in runs { if run.link != nil { break }; x += TextWidth.columns(run.text) }
        let target = layout.page.links[runs.first { $0.link != nil }!.link! - 1]
        send(&s, .click(row: line + 1, column: x))
        #expect(currentID(s) == target)
    }

    // MARK: Search (issue 5)

    @Test func searchAnswersEveryKeystrokeEnterOpensEscRestores() {
        var s = state()
        send(&s, .down, .enter)  // somewhere: the Convention list
        let before = s.place
        send(&s, .char("/"))
        for c in "pres" {
            send(&s, .char(c))
            guard case .search(let q) = s.overlay else { Issue.record("search closed"); return }
            #expect(!s.searchIndex.search(q.query).isEmpty, "no results after typing \(q.query)")
        }
        send(&s, .escape)
        #expect(s.overlay == nil)
        #expect(s.place == before)
        #expect(s.recentSearches == ["pres"])
        send(&s, .char("/"))
        type(&s, "preservation")
        let first = s.searchIndex.search("preservation")[0].id
        send(&s, .enter)
        #expect(currentID(s) == first)
        send(&s, .escape)
        #expect(s.place == before)
    }

    @Test func nAndNMoveBetweenMatchesOnAPage() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "ws3"); send(&s, .enter)
        send(&s, .char("/")); type(&s, "safeguards"); send(&s, .escape)
        send(&s, .char("n"))
        let m1 = try #require(pageState(s)?.matchLine, "no match line")
        send(&s, .char("n"))
        let m2 = try #require(pageState(s)?.matchLine)
        #expect(m2 > m1)
        send(&s, .char("N"))
        #expect(try #require(pageState(s)).matchLine == m1)
        #expect(s.message?.contains("Match 1 of") == true)
    }

    /// `n` matches what search matched: "mla" lists Article 25 through its synonym group, so `n`
    /// there stops at "mutual legal assistance" and marks it, not "No match".
    @Test func nOnAPageFindsWhatSearchMatchedThroughSynonyms() throws {
        var s = state()
        send(&s, .char("/")); type(&s, "mla")
        let rank = try #require(s.searchIndex.search("mla").firstIndex { $0.id == "art25" }, "search for mla does not list Article 25")
        for _ in 0..<rank { send(&s, .down) }
        send(&s, .enter)
        #expect(currentID(s) == "art25")
        send(&s, .char("n"))
        let page = try #require(pageState(s))
        try #require(page.matchLine != nil, "n found nothing: \(s.message ?? "")")
        #expect(s.message?.hasPrefix("Match 1 of") == true)
        let grid = Render.render(s)
        let marked = (1..<(grid.size.height - 1)).map { row in
            (0..<grid.size.width).filter { grid[row, $0].style == .selected }.map { grid[row, $0].text }.joined()
        }.filter { !$0.isEmpty }
        let words = marked.joined().lowercased()
        #expect(words == "mutuallegalassistance" || words == "mutualassistance" || words == "mla", "marked on screen: \(marked)")
    }

    @Test func wStartsTheWalkthroughFromTheSessionsListAndEscReturns() {
        var s = state()
        send(&s, .enter)  // sessions list, first row: the opening
        send(&s, .down, .down, .down, .down)  // ws3
        send(&s, .char("w"))
        guard case .walk(let walk) = s.place else { Issue.record("no walkthrough"); return }
        #expect(walk.tour.steps.count == 6)
        send(&s, .escape)
        guard case .list = s.place else { Issue.record("Esc did not return to the list"); return }
    }
}
