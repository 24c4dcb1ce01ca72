import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// Everything a key could change, as one value: the state but for the knowledge base and the
/// caches built from it, and the effects the key asked for.
struct Observed: Equatable {
    var place: Place, overlay: Overlay?, help: Int?, backStack: [Place], forwardStack: [Place]
    var message: String?, quitRequested: Bool, date: Day
    var lastQuery: String?, recentSearches: [String]
    var notebook: NotebookState, size: Size
    var effects: [Effect]

    init(_ s: AppState, effects: [Effect] = []) {
        place = s.place; overlay = s.overlay; help = s.help; backStack = s.backStack; forwardStack = s.forwardStack
        message = s.message; quitRequested = s.quitRequested; date = s.date
        lastQuery = s.lastQuery; recentSearches = s.recentSearches
        notebook = s.notebook; size = s.size
        self.effects = effects
    }
}

/// Every key through a table: on each screen, each key of a corpus is pressed once on a fresh
/// state, and a key that the screen's table does not bind must change nothing but the message,
/// which says that it does nothing and where help is.
@MainActor
@Suite("Key corpus")
struct KeyCorpusTests {
    nonisolated static let corpus: [Key] =
        (0x20...0x7E).map { .char(Character(Unicode.Scalar(UInt8($0)))) }
        + [.char("é"), .char("日"), .char("\u{1B}"), .char("\u{0}")]
        + [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape, .backspace, .delete]
        + (UInt8(ascii: "a")...UInt8(ascii: "z")).map { .ctrl(Character(Unicode.Scalar($0))) }
        + (1...12).map { .function($0) }
        + [.wheelUp, .wheelDown]

    enum Screen: String, CaseIterable, Sendable {
        case home, list, page, gotoPrompt, search, noteEditor, help, walkStep, walkAgenda, follow
    }

    func send(_ s: inout AppState, _ keys: [Key]) { for k in keys { Update.update(&s, .key(k)) } }
    func typed(_ text: String) -> [Key] { text.map { .char($0) } }

    /// A state on the screen with something in it (text, a selection, a history), so that most
    /// keys of its table visibly do something.
    func fixture(_ screen: Screen) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        s.notebook.available = true
        switch screen {
        case .home: send(&s, [.down])
        case .list: send(&s, [.down, .enter, .down])
        case .page:
            send(&s, [.char("/")] + typed("preservation") + [.escape, .char(":")] + typed("art29") + [.enter])
        case .gotoPrompt: send(&s, [.char(":")] + typed("art 2") + [.left])
        case .search: send(&s, [.char("/")] + typed("pres") + [.down])
        case .noteEditor: send(&s, [.char(":")] + typed("PT") + [.enter, .char("a")] + typed("first") + [.enter] + typed("second") + [.left, .left])
        case .help: send(&s, [.char(":")] + typed("art16") + [.enter, .char("?"), .down])
        case .walkStep: send(&s, [.char(":")] + typed("ws3") + [.enter, .char("w"), .char(" ")])
        case .walkAgenda: send(&s, [.char(":")] + typed("ws3") + [.enter, .char("w"), .char("o"), .down])
        case .follow:
            // Someone else's walk, on its second step: stepping keys are not in its table.
            guard case .session(let ws3)? = bundled.record("ws3") else { break }
            let tour = Tour.from(session: ws3)
            let following = FollowState(source: "the presenter of ws3 on this machine", room: false, tour: tour, kb: bundled, date: s.date)
            s.following = following
            Update.navigate(&s, to: .follow(following))
            Update.update(&s, .room(.tour(TourOutline(tour))))
            Update.update(&s, .room(.cue(WalkCue(step: 1))))
            s.message = nil
        }
        return s
    }

    /// Whether the table of what has the keys binds the key (where a text field's "any printable
    /// text" counts): the overlay's or the screen's, then the shell's.
    func isBound(_ key: Key, in s: AppState) -> Bool {
        KeyHelp.action(for: key, in: s.bindings) != nil
    }

    @Test(arguments: Screen.allCases)
    func aKeyOutsideTheScreensTableChangesNothing(screen: Screen) throws {
        let start = fixture(screen)
        try #require(start.message == nil, "\(screen): the fixture shows a message, which any key clears")
        var changedByTable = 0
        let before = Observed(start)
        for key in Self.corpus {
            var s = start  // a value: each key starts from the same state
            let effects = Update.update(&s, .key(key))
            let after = Observed(s, effects: effects)
            if isBound(key, in: start) {
                if after != before { changedByTable += 1 }
            } else {
                var unchanged = after
                unchanged.message = nil
                #expect(unchanged == before, "\(screen) (\(start.screenKind)): \(key) is in no binding of the table, yet it changed the state")
                #expect(
                    after.message?.contains("does nothing here · ") == true && after.message?.contains("help") == true,
                    "\(screen): \(key) said \(after.message ?? "nothing")")
            }
        }
        // The fixture is not inert: the keys the table does bind change it.
        #expect(changedByTable >= 5, "\(screen): only \(changedByTable) bound keys changed anything")
    }
}
