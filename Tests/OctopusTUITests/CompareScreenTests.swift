import OctopusDocument
import OctopusKit
import Testing

@testable import OctopusTUI

/// Issue 15 (part 5, the browser): States marked in the country list with x, compared side by
/// side with C (or `:compare PT ES`), at the status date, differences marked.
@MainActor
@Suite("Browser: comparing States")
struct CompareScreenTests {
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }
    func page(_ s: AppState) -> PageState? { if case .page(let p) = s.place { p } else { nil } }
    func list(_ s: AppState) -> ListState? { if case .list(let l) = s.place { l } else { nil } }
    func screen(_ s: AppState) -> String { Render.render(s).text }
    func lines(_ s: AppState) throws -> [String] {
        let p = try #require(page(s))
        return PageLayout.cached(s, id: p.id, comparing: p.comparing, width: s.layout.pageTextWidth).lines.map { $0.map(\.text).joined() }
    }

    func countries(_ w: Int = 80, _ h: Int = 24) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: w, height: h))
        s.notebook.available = true
        let row = Section.home.firstIndex(of: .countries)!
        for _ in 0..<row { send(&s, .down) }
        send(&s, .enter)
        return s
    }

    func mark(_ s: inout AppState, _ name: String) {
        send(&s, .char("'")); type(&s, name); send(&s, .escape)
        send(&s, .char("x"))
    }

    @Test func xMarksStatesInTheListAndCComparesThemSideBySide() throws {
        var s = countries()
        mark(&s, "portugal")
        mark(&s, "spain")
        #expect(try #require(list(s)).marked == ["PT", "ES"])
        let shown = screen(s)
        #expect(shown.contains("PT  Portugal  ✓ compare 1") && shown.contains("ES  Spain  ✓ compare 2"))
        #expect(shown.contains("2 marked: C compares"))

        send(&s, .char("C"))
        let p = try #require(page(s))
        #expect(p.comparing == ["PT", "ES"])
        #expect(screen(s).contains("Compare: PT · ES"))
        let text = try lines(s)
        // On one line, side by side: Portugal had ratified the day before; Spain had signed.
        #expect(text.contains { $0.contains("ratified, not yet in force") && $0.contains("signed, not ratified") }, "\(text.joined(separator: "\n"))")
        #expect(text.contains { $0.hasPrefix("ETS 185: ratified or") && $0.contains("24 March 2010") && $0.contains("3 June 2010") })
        #expect(text.contains { $0.hasPrefix("Region") && !$0.contains("≠") })
        #expect(text.contains { $0.hasPrefix("Matrix: International") })
        #expect(text.contains("Sources"), "the facts compared come with their sources")

        // The States are links: 2 Enter opens Spain's page; Back returns to the comparison.
        send(&s, .char("2"), .enter)
        #expect(page(s)?.id == "ES" && page(s)?.comparing == nil)
        send(&s, .escape)
        #expect(page(s)?.comparing == ["PT", "ES"])
    }

    @Test func xAgainUnmarksAndOneMarkedComparesWithTheSelectedState() throws {
        var s = countries()
        mark(&s, "portugal")
        send(&s, .char("x"))
        #expect(try #require(list(s)).marked.isEmpty)
        send(&s, .char("C"))
        #expect(page(s) == nil)
        #expect(s.message?.contains("Mark two or more States with x") == true)

        mark(&s, "portugal")
        send(&s, .char("'")); type(&s, "france"); send(&s, .escape)
        send(&s, .char("C"))
        #expect(page(s)?.comparing == ["PT", "FR"])
    }

    @Test func theComparisonFollowsTheStatusDate() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        send(&s, .char(":")); type(&s, "compare PT ES"); send(&s, .enter)
        #expect(try lines(s).contains { $0.contains("signed, not ratified") })
        send(&s, .char("t"))  // the latest date: Spain is a Party by then
        let latest = try lines(s)
        #expect(!latest.contains { $0.contains("signed, not ratified") })
        #expect(latest.contains { $0.hasPrefix("Budapest Convention") && $0.contains("in force") })
    }

    @Test func compareAtThePromptRefusesWhatIsNotAState() throws {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        send(&s, .char(":")); type(&s, "compare PT art29"); send(&s, .enter)
        #expect(page(s) == nil)
        #expect(screen(s).contains("is not a State of this base"))
        send(&s, .escape)
        send(&s, .char(":")); type(&s, "compare PT"); send(&s, .enter)
        #expect(screen(s).contains("Name two or more States"))
    }

    /// The table's one mechanism at every width: side by side when the columns have room, one
    /// State under another when not, never a line wider than the page.
    @Test(arguments: [30, 40, 60, 80, 100])
    func theTableFitsEveryWidth(width: Int) throws {
        let states = try ["PT", "ES", "FR"].map { try #require(bundled.country($0)) }
        let page = Comparison.build(states, kb: bundled, at: .conference).page(kb: bundled)
        guard case .table(let table)? = page.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table on the comparison page")
            return
        }
        let text = TableLayout.text(table, width: width)
        for line in text { #expect(TextWidth.columns(line) <= width, "\(line)") }
        let sideBySide = text.contains { $0.contains("Portugal (PT)") && $0.contains("France (FR)") }
        #expect(sideBySide == (width >= 80), "three States sit side by side from 80 columns")
        // Every value is there in either layout.
        for row in table.rows {
            for cell in row.cells { #expect(text.joined(separator: " ").contains(cell.split(separator: " ").first.map(String.init) ?? "")) }
        }
    }
}
