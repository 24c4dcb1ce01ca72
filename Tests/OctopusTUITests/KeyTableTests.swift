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
}

@Suite("Cell grid")
struct CellGridTests {
    @Test func controlAndFormatCharactersNeverReachTheGrid() {
        var grid = CellGrid(Size(width: 30, height: 1))
        grid.put("a\u{1B}[2Jb\u{07}c\u{202E}d\u{9B}e", row: 0, column: 0)
        #expect(grid.lines[0] == "a[2Jbcde")   // harmless text stays; the control characters do not
    }

    @Test func wideCharactersAreClippedByColumns() {
        var grid = CellGrid(Size(width: 5, height: 1))
        let used = grid.put("日本語です", row: 0, column: 0)
        #expect(used == 4)                       // a third wide character would need columns 5–6
        #expect(grid.lines[0] == "日本")
        #expect(TextWidth.columns("Côte d’Ivoire") == 13)
        #expect(TextWidth.clip("Côte d’Ivoire", to: 6) == "Côte …")
    }
}
