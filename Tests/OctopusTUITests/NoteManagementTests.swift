import Foundation
import OctopusKit
import OctopusNotebook
import TestSupport
import Testing

@testable import OctopusTUI

/// Issue 14: notes a delegate can manage in the browser — edit, delete after a yes, see at the top
/// of a page that they are there — and a note editor with the keys of readline and an undo.
@Suite("Notes a delegate can manage")
struct NoteManagementTests {
    func send(_ s: inout AppState, _ keys: Key...) { for k in keys { Update.update(&s, .key(k)) } }
    func type(_ s: inout AppState, _ text: String) { for c in text { Update.update(&s, .key(.char(c))) } }

    static let first = Note(
        id: UUID(uuidString: "3f2a9c1e-0000-4000-8000-000000000001")!, recordID: "art29", text: "Ask PT about\nthe 60 days",
        createdAt: Date(timeIntervalSince1970: 1_269_424_800), updatedAt: Date(timeIntervalSince1970: 1_269_424_800))
    static let second = Note(
        id: UUID(uuidString: "3f2a9c1e-0000-4000-8000-000000000002")!, recordID: "art29", text: "Dual criminality: Art. 29(4)",
        createdAt: Date(timeIntervalSince1970: 1_269_511_200), updatedAt: Date(timeIntervalSince1970: 1_269_511_200))

    /// A browser whose notebook holds two notes on Article 29, Article 29 bookmarked.
    func state(_ w: Int = 80, _ h: Int = 24) -> AppState {
        var s = AppState(kb: bundled, size: Size(width: w, height: h))
        Update.update(&s, .notebookLoaded(bookmarks: ["art29": Date(timeIntervalSince1970: 1_269_424_800)], notes: [Self.first, Self.second]))
        return s
    }

    func editor(_ s: AppState) -> EditorState? { if case .noteEditor(let e) = s.overlay { e } else { nil } }
    func menu(_ s: AppState) -> Menu? { if case .menu(let m) = s.overlay { m } else { nil } }

    @Test func enterInTheNoteListEditsTheNoteAndSavingReplacesIt() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "notes"); send(&s, .enter)
        #expect(Render.render(s).lines[2].contains("Dual criminality: Art. 29(4)  — Art. 29"), "the note's own text leads its row")
        send(&s, .enter)
        let e = try #require(editor(s))
        #expect(e.noteID == Self.second.id && e.text == Self.second.text)
        #expect(Render.render(s).lines[1].contains("Your note on Art. 29"))
        // Nothing changed: Esc closes without asking, Ctrl-S saves nothing.
        send(&s, .escape)
        #expect(s.overlay == nil && s.message == "Note unchanged")
        send(&s, .enter); type(&s, " — ask CH too")
        #expect(
            Update.update(&s, .key(.ctrl("s"))) == [
                .saveNote(recordID: "art29", noteID: Self.second.id, text: "Dual criminality: Art. 29(4) — ask CH too")
            ])
    }

    @Test func dDeletesOnlyAfterAYes() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "notes"); send(&s, .enter)
        send(&s, .char("d"))
        let asking = try #require(menu(s))
        #expect(asking.title.contains("Delete your note on Art. 29"))
        #expect(asking.items[asking.selection].choice == .keep, "Enter on its own keeps the note")
        #expect(Render.render(s).lines.contains { $0.contains("y  Yes, delete it") })
        send(&s, .char("n"))
        #expect(s.overlay == nil && s.message == "Kept")
        send(&s, .char("d"))
        #expect(Update.update(&s, .key(.char("y"))) == [.deleteNote(Self.second.id)])
        // Any other key is not a choice and deletes nothing.
        send(&s, .char("d"))
        #expect(Update.update(&s, .key(.char("x"))) == [])
        #expect(menu(s) != nil && s.message?.contains("not one of the choices") == true)
        send(&s, .escape)
        #expect(s.overlay == nil)
    }

    @Test func aOnAPageWithNotesOffersToEditOneOrWriteAnother() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter, .char("a"))
        let choices = try #require(menu(s))
        #expect(choices.title == "You have 2 notes on Art. 29 Expedited preservation of stored computer data")
        #expect(choices.items.map(\.key) == ["1", "2", "n"])
        send(&s, .char("1"))
        #expect(editor(s)?.noteID == Self.first.id)
        send(&s, .escape)
        send(&s, .char("a"), .enter)  // the selected choice: a new note
        let fresh = try #require(editor(s))
        #expect(fresh.noteID == nil && fresh.text.isEmpty)
    }

    @Test func aPageSaysAtItsTopWhatTheUserHasOnItAndAJumpsToTheNotes() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "art29"); send(&s, .enter)
        let top = Render.render(s).lines.prefix(8).joined(separator: "\n")
        #expect(top.contains("★ bookmarked · 2 notes — A jumps to them"), "\(top)")
        send(&s, .char("A"))
        #expect(Render.render(s).lines[1].contains("Your notes (2)"))
        // Without notes, A says how to write one.
        send(&s, .char(":")); type(&s, "art16"); send(&s, .enter, .char("A"))
        #expect(s.message == "No notes of yours on this page yet: a writes one")
        #expect(!Render.render(s).lines.prefix(8).joined().contains("bookmarked"))
    }

    @Test func searchFindsTheUsersNotesFirstEvenByWordsTheBaseNeverUses() throws {
        var s = state()
        Update.update(
            &s,
            .notebookLoaded(
                bookmarks: [:],
                notes: [
                    Self.first, Self.second,
                    Note(id: UUID(), recordID: "PT", text: "Lunch with Inês from the Procuradoria", createdAt: Date(), updatedAt: Date()),
                ]))
        send(&s, .char("/")); type(&s, "ines procur")
        let results = s.searchResults(for: "ines procur")
        #expect(results.count == 1)
        guard case .note(let hit)? = results.first else { Issue.record("no note hit"); return }
        #expect(hit.title == "Portugal")
        #expect(hit.snippet.bracketed() == "Lunch with [Inês] from the [Procuradoria]")
        let screen = Render.render(s).lines.joined(separator: "\n")
        #expect(screen.contains("[your note] on Portugal"), "\(screen)")
        #expect(screen.contains("and 1 of your notes"))

        // A word of the base too: the note comes first, the records after it.
        send(&s, .ctrl("u")); type(&s, "dual criminality")
        let mixed = s.searchResults(for: "dual criminality")
        guard case .note(let n)? = mixed.first else { Issue.record("the note is not first"); return }
        #expect(n.note.id == Self.second.id)
        #expect(mixed.dropFirst().contains { if case .record(let r) = $0 { r.id == "dual-criminality" } else { false } })
        // Enter on it opens the record at the notes.
        send(&s, .enter)
        #expect(Render.render(s).lines[1].contains("Your notes (2)"))
    }

    @Test func theEditorKnowsCtrlWUKAndUndo() throws {
        var s = state()
        send(&s, .char(":")); type(&s, "art16"); send(&s, .enter, .char("a"))
        type(&s, "keep these words")
        send(&s, .ctrl("w"))
        #expect(editor(s)?.text == "keep these ")
        send(&s, .ctrl("_"))
        #expect(editor(s)?.text == "keep these words", "undo brings the word back")
        send(&s, .home, .right, .right, .right, .right, .ctrl("k"))
        #expect(editor(s)?.text == "keep")
        send(&s, .ctrl("u"))
        #expect(editor(s)?.text == "")
        send(&s, .ctrl("_"), .ctrl("_"))
        #expect(editor(s)?.text == "keep these words")
        // Typing a word is one change: one undo takes back the word, not a letter.
        send(&s, .end); type(&s, " more")
        send(&s, .ctrl("_"))
        #expect(editor(s)?.text == "keep these words ")
        send(&s, .ctrl("_"))
        #expect(editor(s)?.text == "keep these words")
        // Ctrl-K at the end of a line joins the next, as in emacs.
        send(&s, .end, .enter); type(&s, "next"); send(&s, .up, .end, .ctrl("k"))
        #expect(editor(s)?.text == "keep these wordsnext")
    }

    @Test func aLongLineIsSoftWrappedWholeAndTheCursorStaysOnScreen() throws {
        var s = state(40, 12)
        send(&s, .char(":")); type(&s, "art16"); send(&s, .enter, .char("a"))
        let text = "The requested Party must act quickly under its own law to preserve the data until the request"
        type(&s, text)
        let rows = Render.render(s).lines[4...].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("Ctrl-S") }
        #expect(rows.joined(separator: " ").hasPrefix(text), "\(rows)")
        #expect(rows.allSatisfy { $0.count <= 38 })
        let cells = Render.render(s)
        #expect((0..<12).contains { r in (0..<40).contains { cells[r, $0].style == .selected } }, "the cursor is drawn")
    }

    @Test(arguments: [
        "", "a", "word", "two words here", "a verylongwordthatdoesnotfit at all", "🇵🇹🇵🇹🇵🇹🇵🇹🇵🇹 flags", "e\u{301}te\u{301} de\u{301}ja\u{300}",
        "中文字符测试中文字符测试", "   leading spaces and  double  spaces",
    ])
    func softWrapKeepsEveryCharacterInOrderAndEachRowFits(line: String) {
        for width in [1, 3, 7, 12] {
            let starts = EditorView.rowStarts(line, width: width)
            #expect(starts.first == 0 && starts == starts.sorted() && Set(starts).count == starts.count)
            let ends = Array(starts.dropFirst()) + [line.unicodeScalars.count]
            let pieces = zip(starts, ends).map { EditorView.slice(line, $0, $1) }
            #expect(pieces.joined() == line, "nothing lost or reordered at \(width)")
            for p in pieces where Array(p).count > 1 {
                #expect(TextWidth.columns(p) <= width, "“\(p)” fits \(width)")
            }
        }
    }
}
