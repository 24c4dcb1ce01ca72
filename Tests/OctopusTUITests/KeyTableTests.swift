import OctopusKit
import Testing
@testable import OctopusTUI

@Suite("Key table")
struct KeyTableTests {
    @Test(arguments: ScreenKind.allCases)
    func noKeyHasTwoActions(screen: ScreenKind) {
        var seen: [Key: Action] = [:]
        for b in KeyTable.bindings(for: screen) {
            for k in b.keys {
                if let other = seen[k], other != b.action {
                    Issue.record("\(screen): \(k) is bound to both \(other) and \(b.action)")
                }
                seen[k] = b.action
            }
        }
    }

    @Test(arguments: [ScreenKind.home, .list, .page])
    func everyScreenCanQuitAndGetHelp(screen: ScreenKind) {
        #expect(KeyTable.action(for: .char("q"), on: screen) == .quit)
        #expect(KeyTable.action(for: .ctrl("c"), on: screen) == .quit)
        #expect(KeyTable.action(for: .char("?"), on: screen) == .help)
        #expect(KeyTable.action(for: .char(":"), on: screen) == .goTo)
    }

    @Test func helpListsEveryBindingOfTheScreen() {
        let lines = KeyTable.helpLines(for: .page)
        #expect(lines.contains { $0.keys.contains("Tab") && $0.help.contains("next link") })
        #expect(lines.contains { $0.keys == "0-9" })
        #expect(KeyTable.hintLine(for: .page).contains("Esc back"))
    }

    @Test func helpTextComesFromTheActionUnlessTheBindingSaysOtherwise() {
        #expect(KeyTable.helpLines(for: .page).contains { $0.keys == "/" && $0.help == "search everything (results as you type)" })
        #expect(KeyTable.helpLines(for: .page).contains { $0.keys == "Enter → l" && $0.help.hasPrefix("follow the selected link") })
        #expect(KeyTable.helpLines(for: .home).contains { $0.keys == "Enter → l" && $0.help == "open section" })
        for screen in ScreenKind.allCases {
            for b in KeyTable.bindings(for: screen) { #expect(!b.help.isEmpty, "\(screen): \(b.keys) has no help") }
        }
    }

    @Test(arguments: [ScreenKind.gotoPrompt, .search, .noteEditor])
    func textFieldsTypePrintableTextAndNoControls(screen: ScreenKind) {
        #expect(KeyTable.action(for: .char("q"), on: screen) == .text(.insert))
        #expect(KeyTable.action(for: .char(" "), on: screen) == .text(.insert))
        #expect(KeyTable.action(for: .char("é"), on: screen) == .text(.insert))
        #expect(KeyTable.action(for: .char("\u{1B}"), on: screen) == nil)
        #expect(KeyTable.action(for: .escape, on: screen) == .text(.cancel))
        #expect(KeyTable.action(for: .ctrl("c"), on: screen) == .text(.cancel))
        #expect(KeyTable.action(for: .ctrl("z"), on: screen) == .suspend)
    }

    @Test func theDiscardQuestionTakesYesAndAnyOtherKeyAsNo() {
        #expect(KeyTable.action(for: .char("y"), on: .discardNote) == .text(.discard))
        #expect(KeyTable.action(for: .char("n"), on: .discardNote) == .text(.keepEditing))
        #expect(KeyTable.action(for: .escape, on: .discardNote) == .text(.keepEditing))
    }

    @Test func everyOverlayHintsItsOwnKeys() {
        #expect(KeyTable.hintLine(for: .noteEditor) == "Ctrl-S save  F1 help  Esc cancel")
        #expect(KeyTable.hintLine(for: .search) == "Enter open  ? help  Esc back")
        #expect(KeyTable.hintLine(for: .gotoPrompt) == "Enter go  Tab complete  ? help  Esc cancel")
        #expect(KeyTable.hintLine(for: .help) == "↓ scroll  Esc close")
    }

    @Test func pinnedHintsStayOnANarrowTerminal() {
        #expect(KeyTable.hintLine(for: .page, width: 20) == "? help  q quit")
        #expect(KeyTable.hintLine(for: .noteEditor, width: 5) == "Esc cancel")
        #expect(KeyHelp.hintLine(WalkKeys.bindings(overview: false), width: 10) == "? help  q quit")
    }

    @MainActor @Test func theBottomRowShowsTheKeysOfTheOverlayThatIsOpen() {
        var page = AppState(kb: bundled, size: Size(width: 80, height: 24))
        page.notebook.available = true
        Update.open(&page, id: "art29")
        let cases: [(Key, String)] = [
            (.char("a"), "Ctrl-S save  F1 help  Esc cancel"), (.char("/"), "Enter open  ? help  Esc back"),
            (.char("?"), "↓ scroll  Esc close"), (.char(":"), "Enter go  Tab complete  Esc cancel"),
        ]
        for (key, hint) in cases {
            var s = page
            Update.update(&s, .key(key))
            #expect(Render.render(s).lines.last?.contains(hint) == true, "after \(key): \(Render.render(s).lines.last ?? "")")
        }
    }
}

@Suite("Cell grid")
struct CellGridTests {
    @Test func controlAndFormatCharactersNeverReachTheGrid() {
        var grid = CellGrid(Size(width: 30, height: 1))
        grid.put("a\u{1B}[2Jb\u{07}c\u{202E}d\u{9B}e", row: 0, column: 0)
        #expect(grid.lines[0] == "a[2Jbcde")  // harmless text stays; the control characters do not
    }

    @Test func wideCharactersAreClippedByColumns() {
        var grid = CellGrid(Size(width: 5, height: 1))
        let used = grid.put("日本語です", row: 0, column: 0)
        #expect(used == 5)  // two wide characters and the mark of the cut: a third would need 5–6
        #expect(grid.lines[0] == "日本…")
        // Text that fits is drawn whole; text that does not ends in "…" at its width, never cut unmarked.
        var row = CellGrid(Size(width: 20, height: 1))
        #expect(row.put("Countries", row: 0, column: 0, width: 9) == 9 && row.lines[0] == "Countries")
        row.put("status at a date, treaty timelines", row: 0, column: 2, width: 12)
        #expect(row.lines[0] == "Costatus at a…", "\(row.lines[0])")
        #expect(TextWidth.columns("Côte d’Ivoire") == 13)
        #expect(TextWidth.clip("Côte d’Ivoire", to: 6) == "Côte …")
    }
}
