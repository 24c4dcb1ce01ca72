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
        #expect(Update.update(&s, .key(.ctrl("s"))) == [.saveNote(recordID: "PT", noteID: nil, text: "ab    c")])
    }
}

@MainActor
@Suite("Browser: a read-only notebook")
struct ReadOnlyBrowserTests {
    let reason = "cannot write in the notes folder /data (permission denied)"

    func readOnlyPage() -> AppState {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        Update.update(&s, .notebookLoaded(bookmarks: [:], notes: [], writesOff: reason))
        for key: Key in [.char(":"), .char("P"), .char("T"), .enter] { Update.update(&s, .key(key)) }
        return s
    }

    @Test func theStatusLineSaysNotesAreReadOnlyAndWhy() {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        Update.update(&s, .notebookLoaded(bookmarks: [:], notes: [], writesOff: reason))
        #expect(s.message == "Notes are read-only: " + reason)
        #expect(Render.render(s).lines[0].contains("notes read-only"), "on every screen, in the title bar")
    }

    @Test func bookmarkingAndWritingANoteAreRefusedWithTheReason() {
        var s = readOnlyPage()
        #expect(Update.update(&s, .key(.char("m"))) == [])
        #expect(s.message == "Writes are off, no bookmark changed: " + reason)
        #expect(Update.update(&s, .key(.char("a"))) == [])
        #expect(s.overlay == nil, "no editor opens for a note that could not be saved")
        #expect(s.message?.hasSuffix(reason) == true)
    }

    @Test func handoutsStillWork() {
        var s = readOnlyPage()
        Update.update(&s, .key(.char("e")))
        #expect(Update.update(&s, .key(.char("E"))) == [], "E shows the tray first")
        #expect(Update.update(&s, .key(.char("E"))) == [.writeHandout(["PT"], includeNotes: false)])
    }
}
