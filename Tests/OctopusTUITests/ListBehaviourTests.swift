import Foundation
import OctopusKit
import TestSupport
import Testing

@testable import OctopusTUI

/// Issue 14: lists that behave — alphabetical where a reader looks a name up, a jump by typed
/// letters, filters chosen from a menu and kept when the list is left, a header that fits.
@Suite("Lists that behave")
struct ListBehaviourTests {
    func state(_ w: Int = 80, _ h: Int = 24) -> AppState { AppState(kb: bundled, size: Size(width: w, height: h)) }
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }
    func list(_ s: AppState) -> ListState? { if case .list(let l) = s.place { l } else { nil } }
    func open(_ s: inout AppState, _ section: Section) {
        send(&s, .escape)
        send(&s, .char("H"), .char("g"))
        for _ in 0..<(Section.home.firstIndex(of: section) ?? 0) { send(&s, .down) }
        send(&s, .enter)
    }

    @Test(arguments: [Section.organisations, .glossary])
    func organisationsAndTermsAreAlphabetical(section: Section) {
        let rows = ListModel.rows(ListState(section: section), kb: bundled, date: .conference, ascii: false)
        let keys = rows.map { Folding.fold($0.text) }
        #expect(rows.count > 10)
        #expect(keys == keys.sorted(), "\(rows.map(\.text))")
    }

    @Test func anApostropheThenLettersJumpsToTheFirstEntryStartingWithThem() throws {
        var s = state()
        open(&s, .glossary)
        send(&s, .char("'"))
        type(&s, "dual")
        let l = try #require(list(s))
        #expect(s.rows(l)[l.selection].text == "Dual criminality")
        // Accents and case aside; the name after a country's code counts.
        open(&s, .countries)
        send(&s, .char("'")); type(&s, "cote")
        let c = try #require(list(s))
        #expect(s.rows(c)[c.selection].id == "CI")
        send(&s, .ctrl("u")); type(&s, "PT")
        #expect(try #require(list(s)).selection == s.rows(c).firstIndex { $0.id == "PT" })
        // Nothing starts so: said, the selection stays.
        let before = try #require(list(s)).selection
        type(&s, "zz")
        #expect(s.message == "No entry starts with “PTzz”")
        #expect(try #require(list(s)).selection == before)
        // Enter opens what was found; the selection stays visible meanwhile.
        send(&s, .ctrl("u")); type(&s, "turk"); send(&s, .enter)
        #expect(s.place == .page(PageState(id: "TR")))
    }

    @Test func rAndFOpenAMenuAndTheFiltersSurviveLeavingTheList() throws {
        var s = state()
        open(&s, .countries)
        send(&s, .char("r"))
        guard case .menu(let regions) = s.overlay else { Issue.record("r opened no menu"); return }
        let caucasus = try #require(regions.items.first { $0.label.hasPrefix("Caucasus") })
        send(&s, .char(caucasus.key))
        #expect(try #require(list(s)).regionFilter == "Caucasus")
        let screen = Render.render(s).lines[1]
        #expect(screen.contains("in Caucasus"), "the header says which filter is on: \(screen)")
        // Leave for a page and for Home; the list comes back as it was.
        send(&s, .enter)  // a country's page
        send(&s, .escape, .escape)
        guard case .home = s.place else { Issue.record("not home: \(s.place)"); return }
        open(&s, .countries)
        #expect(try #require(list(s)).regionFilter == "Caucasus")
        #expect(s.rows(try #require(list(s))).count == 3)
        send(&s, .char("r"), .char("0"))
        #expect(try #require(list(s)).regionFilter == nil)
    }

    @Test(arguments: [40, 60, 80, 132])
    func theHeaderFitsEveryWidthAndAlwaysSaysWhatFilterIsOn(width: Int) throws {
        var s = state(width, 24)
        open(&s, .countries)
        send(&s, .char("f"), .char("1"))
        let header = Render.render(s).lines[1]
        #expect(!header.contains("…"), "parts are whole or left out: \(header)")
        #expect(header.contains("ETS 185 no signature on record") || width < 60, "\(header)")
        #expect(header.contains("countr"))
    }
}
