import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// What the browser does so the user's notes are never silently changed.
@MainActor
@Suite("Browser: notebook safety")
struct NotebookSafetyTests {
    func pageWithNotebook(_ id: String) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        s.notebook.available = true
        Update.update(&s, .key(.char(":")))
        for c in id { Update.update(&s, .key(.char(c))) }
        Update.update(&s, .key(.enter))
        return s
    }

    @Test func theEditorNeverPutsAControlCharacterInANote() {
        var s = pageWithNotebook("PT")
        Update.update(&s, .key(.char("a")))
        for key: Key in [.char("a"), .char("\0"), .char("\u{1C}"), .char("b"), .tab, .char("c")] { Update.update(&s, .key(key)) }
        #expect(Update.update(&s, .key(.ctrl("s"))) == [.saveNote(recordID: "PT", text: "ab    c")])
    }
}
