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
