import BundledKnowledgeBase
import Foundation
import OctopusKit
import Testing
import TestSupport
@testable import OctopusTUI

/// Every kind of screen over a knowledge base whose every text carries terminal escapes: no cell
/// may hold a control character, and the escapes must show as visible text instead.
@MainActor
@Suite("Screens over a hostile knowledge base")
struct HostileScreenTests {
    nonisolated static let hostile: KnowledgeBase = {
        do {
            let data = try HostileKnowledgeBase.make(from: Data(BundledKnowledgeBase.json.utf8))
            return try KnowledgeBaseLoader.load(bytes: Array(data), file: "hostile.json")
        } catch { fatalError("the hostile knowledge base does not load:\n\(error)") }
    }()

    func unsafeCells(_ grid: CellGrid) -> [String] {
        grid.cells.map(\.text).filter { $0.unicodeScalars.contains(where: Sanitizer.isUnsafe) }
    }

    @Test func everyRecordPageListSearchHelpEditorAndWalkthroughDrawsOnlyText() throws {
        let kb = Self.hostile
        var screens: [(String, AppState)] = []
        let base = AppState(kb: kb, size: Size(width: 100, height: 30))
        screens.append(("home", base))
        for section in Section.allCases {
            var s = base
            Update.navigate(&s, to: .list(ListState(section: section)))
            screens.append(("list \(section)", s))
        }
        for record in kb.allRecords {
            var s = base
            Update.open(&s, id: record.id)
            screens.append(("page \(record.id)", s))
            var help = s
            Update.update(&help, .key(.char("?")))
            if record.id == "art29" { screens.append(("help", help)) }
        }
        var search = base
        Update.update(&search, .key(.char("/")))
        for c in "preservation" { Update.update(&search, .key(.char(c))) }
        screens.append(("search", search))
        var editor = base
        Update.open(&editor, id: "PT")
        editor.notebook.available = true
        Update.update(&editor, .key(.char("a")))
        screens.append(("editor", editor))
        if case .session(let ws3)? = kb.record("ws3") {
            var walk = base
            Update.navigate(&walk, to: .walk(WalkState(tour: Tour.from(session: ws3), kb: kb)))
            screens.append(("walkthrough", walk))
            // A presenter's tour arrives over the network: its title and headings are text from outside.
            var outline = TourOutline(Tour.from(session: ws3))
            outline.title = "\u{1B}]0;pwned\u{7}WS3 \u{9B}31m"
            outline.steps[0].heading = "\u{1B}[2J\u{1B}[H boom\u{8}"
            var follow = base
            let following = FollowState(source: "a presenter", room: true, kb: kb, date: base.date)
            follow.following = following
            Update.navigate(&follow, to: .follow(following))
            Update.update(&follow, .room(.tour(outline)))
            Update.update(&follow, .room(.cue(WalkCue(step: 0))))
            screens.append(("followed walk", follow))
        }
        #expect(screens.count > kb.allRecords.count + 10)
        var visible = 0
        for (name, state) in screens {
            let grid = Render.render(state)
            #expect(unsafeCells(grid).isEmpty, "\(name) draws a control character")
            if grid.text.contains("\\u001B]0;pwned") { visible += 1 }
        }
        // The escapes are there to be seen, as text, on the screens that show record text.
        #expect(visible > kb.allRecords.count / 2)
    }
}
