import Foundation
import OctopusKit
import OctopusNotebook
import Testing

@testable import OctopusTUI

/// Issue 15: the matrix screen — States × the support areas at the status date, a cell explained
/// on Enter, your own rating beside the sourced reading.
@MainActor
@Suite("Browser: the assessment matrix")
struct MatrixScreenTests {
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }
    func matrix(_ s: AppState) -> MatrixState? { if case .matrix(let m) = s.place { m } else { nil } }
    func page(_ s: AppState) -> PageState? { if case .page(let p) = s.place { p } else { nil } }
    func screen(_ s: AppState) -> String { Render.render(s).text }

    func state(_ w: Int = 80, _ h: Int = 24, ratings: [Rating] = []) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: w, height: h))
        Update.update(&s, .notebookLoaded(bookmarks: [:], notes: [], ratings: ratings))
        return s
    }

    /// The matrix open on Portugal × international cooperation, as a delegate gets there.
    func onPortugalCooperation(_ s: inout AppState) throws {
        send(&s, .char("M"), .char("'"))
        type(&s, "portugal")
        send(&s, .escape)
        let coop = try #require(bundled.supportAreas.firstIndex { $0.id == "international-cooperation" })
        for _ in 0..<coop { send(&s, .right) }
    }

    @Test func mOpensEveryStateOfTheDateAndTheSelectedCellSaysWhatItReads() throws {
        var s = state()
        try onPortugalCooperation(&s)
        let m = try #require(matrix(s))
        let all = m.matrix(s)
        #expect(all.rows.count == Matrix(bundled, at: s.date).rows.count)
        #expect(all.rows[m.row].country.id == "PT")
        let pt = try #require(bundled.country("PT"))
        let coop = try #require(bundled.supportArea("international-cooperation"))
        let summary = bundled.read(coop, for: pt, at: s.date).summary
        #expect(summary.contains("of 4"), "the cell reads a count of its indicators")
        #expect(screen(s).contains("Portugal × International cooperation: \(summary)"))
        // The State column stays and the heading names the selected column.
        #expect(Render.render(s).lines[1].contains("Coop"))
    }

    @Test func enterExplainsTheCellWithItsFactsDatesAndSources() throws {
        var s = state()
        try onPortugalCooperation(&s)
        send(&s, .enter)
        let p = try #require(page(s))
        #expect(p.cell == MatrixCell(stateID: "PT", area: "international-cooperation"))
        let layout = PageLayout.cached(s, id: p.id, cell: p.cell, width: s.layout.pageTextWidth)
        let text = layout.lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("24 March 2010"), "Portugal's ratification date, on which the Party indicator rests")
        #expect(text.contains("Sources"))
        #expect(screen(s).contains("Portugal — International cooperation"))
        // Esc goes back to the matrix, on the same cell.
        send(&s, .escape)
        #expect(matrix(s).map { $0.matrix(s).rows[$0.row].country.id } == "PT")
    }

    @Test func rRatesTheCellAndTheRatingShowsBesideTheReading() throws {
        var s = state()
        try onPortugalCooperation(&s)
        send(&s, .char("R"))
        guard case .menu(let menu) = s.overlay else { Issue.record("R opened no menu"); return }
        #expect(menu.title.contains("Portugal × International cooperation"))
        send(&s, .char("2"))  // started
        guard case .goto(let prompt) = s.overlay else { Issue.record("no prompt for a note"); return }
        #expect(prompt.text == "rate started ")
        type(&s, "MLA via central authority")
        #expect(
            Update.update(&s, .key(.enter)) == [
                .rate(stateID: "PT", area: "international-cooperation", level: .started, note: "MLA via central authority")
            ])
        // What the notebook sends back once the rating is committed.
        let saved = Rating(stateID: "PT", area: "international-cooperation", level: .started, note: "MLA via central authority", updatedAt: Date())
        Update.update(&s, .notebookLoaded(bookmarks: [:], notes: [], ratings: [saved]))
        let lines = Render.render(s).lines
        let row = try #require(lines.first { $0.contains("Portugal  ") })
        let reading = bundled.read(bundled.supportArea("international-cooperation")!, for: bundled.country("PT")!, at: s.date)
        #expect(row.contains(reading.marks + " S"), "the sourced marks, then your letter beside them")
        #expect(screen(s).contains("yours: started"))
        send(&s, .enter)
        #expect(screen(s).contains("Your rating: started: MLA via central authority"))
        #expect(screen(s).contains("Reading: \(reading.summary)"), "the sourced reading stays, beside yours")
    }

    @Test func rOnTheExplanationRatesTooAndAClearedRatingIsOffered() throws {
        let mine = Rating(stateID: "PT", area: "international-cooperation", level: .inPlace, note: "line one\nline two", updatedAt: Date())
        var s = state(ratings: [mine])
        try onPortugalCooperation(&s)
        send(&s, .enter)
        // A note with a line break is shown on one line, every word kept.
        #expect(screen(s).contains("Your rating: in place: line one line two"))
        send(&s, .char("R"))
        guard case .menu(let menu) = s.overlay else { Issue.record("R opened no menu on the explanation"); return }
        #expect(menu.title.contains("(now: in place)"))
        #expect(Update.update(&s, .key(.char("x"))) == [.clearRating(stateID: "PT", area: "international-cooperation")])
    }

    @Test func theFiltersKeepOnlyTheStatesTheySayAndTheScreenSaysSo() throws {
        var s = state()
        send(&s, .char("M"), .char("c"))
        let members = try #require(matrix(s)).matrix(s)
        #expect(!members.rows.isEmpty && members.rows.allSatisfy { $0.country.coeMember2010 })
        #expect(members.rows.count < Matrix(bundled, at: s.date).rows.count)
        send(&s, .down)  // the message gives way; the screen still says what it shows
        #expect(Render.render(s).lines[0].contains("Matrix: CoE members 2010"))
        #expect(Render.render(s).lines[1].contains("\(members.rows.count) States"))
        send(&s, .char("c"))
        #expect(try #require(matrix(s)).matrix(s).rows.allSatisfy { !$0.country.coeMember2010 })
    }

    @Test func sSortsByTheSelectedColumnMostProgressFirst() throws {
        var s = state()
        send(&s, .char("M"), .char("s"))
        let m = try #require(matrix(s))
        let ranks = m.matrix(s).rows.map { $0.cells[m.column].rank }
        #expect(ranks == ranks.sorted(by: >))
        #expect(ranks.first != ranks.last, "the column separates States")
        #expect(Render.render(s).lines[1].contains("▾"))
    }

    @Test func aNarrowTerminalScrollsSidewaysAndKeepsTheStateColumn() throws {
        var s = state(50, 20)
        send(&s, .char("M"))
        let last = try #require(bundled.supportAreas.last)
        #expect(!Render.render(s).lines[1].contains(last.short), "not every column fits at 50 columns")
        for _ in bundled.supportAreas { send(&s, .right) }
        let lines = Render.render(s).lines
        #expect(lines[1].contains(last.short) && lines[1].contains("‹"))
        #expect(lines[2].contains("Albania"), "the State column is frozen")
        for line in lines { #expect(TextWidth.columns(line) <= 50) }
    }

    @Test func theMatrixFollowsTheStatusDate() throws {
        var s = state()
        send(&s, .char("M"), .char("T"))
        for _ in 0..<20 { send(&s, .backspace) }
        type(&s, "date 2004-07-01")
        send(&s, .enter)
        #expect(s.date == Day(year: 2004, month: 7, day: 1))
        let m = try #require(matrix(s))
        let shown = m.matrix(s)
        #expect(shown.date == s.date)
        let marks = { (m: Matrix) in m.rows.map { $0.country.id + " " + $0.cells.map(\.marks).joined(separator: " ") } }
        #expect(marks(shown).sorted() == marks(Matrix(bundled, at: s.date)).sorted())
        #expect(marks(shown).sorted() != marks(Matrix(bundled, at: .conference)).sorted(), "six years change the readings")
        #expect(screen(s).contains("2004-07-01"))
    }
}
