import Foundation
import Testing
@testable import OctopusNotebook

@Suite("Notebook: bookmarks, notes, restart, orphans")
struct NotebookTests {
    @Test func bookmarksToggleAndListNewestFirst() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        #expect(try book.toggleBookmark("art29") == true)
        Thread.sleep(forTimeInterval: 0.005)
        #expect(try book.toggleBookmark("PT") == true)
        Thread.sleep(forTimeInterval: 0.005)
        #expect(try book.toggleBookmark("ws3") == true)
        #expect(try book.bookmarks().map(\.recordID) == ["ws3", "PT", "art29"])
        #expect(try book.isBookmarked("pt"))  // ids compare as the knowledge base does
        #expect(try book.toggleBookmark("pt") == false)  // so "pt" unmarks "PT"
        #expect(try book.bookmarkedIDs() == ["ws3", "art29"])
        #expect(try !book.isBookmarked("PT"))
        #expect(throws: NotebookError.emptyRecordID) { try book.toggleBookmark("  ") }
    }

    @Test func notesAddUpdateDelete() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let a = try book.addNote(recordID: "art29", text: "Ask about\n60 days")
        let b = try book.addNote(recordID: "art29", text: "Second")
        _ = try book.addNote(recordID: "PT", text: "Ratified 24 March")
        #expect(try book.notes(for: "art29") == [a, b])
        #expect(a.firstLine == "Ask about")
        #expect(!a.isEdited)

        Thread.sleep(forTimeInterval: 0.005)
        let edited = try book.updateNote(id: a.id, text: "Ask about 60 days")
        #expect(edited.id == a.id && edited.createdAt == a.createdAt && edited.isEdited)
        #expect(try book.note(id: a.id)?.text == "Ask about 60 days")

        #expect(try book.deleteNote(id: b.id))
        #expect(try !book.deleteNote(id: b.id))
        #expect(throws: NotebookError.noteNotFound(b.id)) { try book.updateNote(id: b.id, text: "x") }
        #expect(try book.allNotes().map(\.recordID) == ["art29", "PT"])
        #expect(try book.noteCounts() == ["art29": 1, "PT": 1])

        #expect(throws: NotebookError.emptyNote) { try book.addNote(recordID: "art29", text: " \n ") }
        let long = String(repeating: "x", count: Note.maxTextBytes + 1)
        #expect(throws: NotebookError.noteTooLong(bytes: Note.maxTextBytes + 1)) { try book.addNote(recordID: "art29", text: long) }
    }

    @Test func notesAndBookmarksSurviveARestart() throws {
        let tmp = TempFolder()
        var written: [Note] = []
        do {
            let book = try Notebook.open(directory: tmp.data)
            written.append(try book.addNote(recordID: "art29", text: "First line\nsecond line, with ünïcödé and emoji 🐙"))
            written.append(try book.addNote(recordID: "ws3", text: "Facilitator: 20 min"))
            try book.toggleBookmark("PT")
        }  // the pool is closed here, as when the program exits
        let again = try Notebook.open(directory: tmp.data)
        #expect(try again.allNotes().sorted { $0.recordID < $1.recordID } == written.sorted { $0.recordID < $1.recordID })
        #expect(try again.bookmarkedIDs() == ["PT"])
    }

    @Test func noteOnARecordThatDisappearsIsKeptAndListedAsOrphaned() throws {
        let tmp = TempFolder()
        let old = try SmallBase.load(withTCY: true)
        let book = try Notebook.open(directory: tmp.data)
        let orphan = try book.addNote(recordID: "t-cy", text: "Plenary meets in June")
        let kept = try book.addNote(recordID: "art29", text: "Still here")
        try book.toggleBookmark("t-cy")
        #expect(try book.orphanedNotes(knownIDs: Set(old.allRecords.map(\.id))).isEmpty)

        // A newer knowledge base without the record: the note stays, and is reported orphaned.
        let new = try SmallBase.load(withTCY: false)
        #expect(new.record("t-cy") == nil)
        let reopened = try Notebook.open(directory: tmp.data)
        #expect(try reopened.orphanedNotes(knownIDs: Set(new.allRecords.map(\.id))) == [orphan])
        #expect(Set(try reopened.allNotes()) == [orphan, kept])
        let markdown = try reopened.exportNotes(format: .markdown, title: { new.record($0)?.title })
        #expect(markdown.contains("## Orphaned notes"))
        #expect(markdown.contains("### t-cy"))
        #expect(markdown.contains("> Plenary meets in June"))
        #expect(markdown.contains("t-cy (not in this knowledge base)"))  // the bookmark too
    }

    @Test func filesArePrivate() throws {
        let tmp = TempFolder()
        let nested = tmp.file("a/b/octopus")
        let book = try Notebook.open(directory: nested)
        try book.addNote(recordID: "art29", text: "private")
        #expect(mode(tmp.file("a")) == 0o700)
        #expect(mode(nested) == 0o700)
        #expect(mode(book.path) == 0o600)
        #expect(mode(book.path + "-wal") == 0o600)
        #expect(mode(book.path + "-shm") == 0o600)
    }

    @Test func storageSettings() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let (journal, synchronous, appID) = try book.write { db in
            (
                try db.first("PRAGMA journal_mode")?.string(at: 0), try db.first("PRAGMA synchronous")?.int64(at: 0),
                try db.first("PRAGMA application_id")?.int64(at: 0)
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2, "FULL: every commit is synced before it returns")
        #expect(appID == Int64(Migrations.applicationID))
        #expect(try book.read { try Migrations.migrator.hasCompletedMigrations($0) })
    }

    @Test func aFileCopiedInWithWideModeIsMadePrivate() throws {
        let tmp = TempFolder()
        do { _ = try Notebook.open(directory: tmp.data) }
        #expect(chmod(tmp.database, 0o644) == 0)
        _ = try Notebook.open(directory: tmp.data)
        #expect(mode(tmp.database) == 0o600)
    }

    @Test func defaultFolderFollowsXDG() throws {
        #expect(try NotebookLocation.defaultDirectory(environment: ["HOME": "/home/d"]) == "/home/d/.local/share/octopus")
        #expect(try NotebookLocation.defaultDirectory(environment: ["HOME": "/home/d", "XDG_DATA_HOME": "/x/data"]) == "/x/data/octopus")
        // A relative XDG_DATA_HOME is invalid by the specification and ignored.
        #expect(try NotebookLocation.defaultDirectory(environment: ["HOME": "/home/d", "XDG_DATA_HOME": "rel"]) == "/home/d/.local/share/octopus")
        #expect(try NotebookLocation.defaultDirectory(environment: ["OCTOPUS_DATA_DIR": "/t/o", "XDG_DATA_HOME": "/x"]) == "/t/o")
    }

    @Test func readingCommandsNeedNotCreateAFile() throws {
        let tmp = TempFolder()
        #expect(!Notebook.exists(directory: tmp.data))
        #expect(!FileManager.default.fileExists(atPath: tmp.data))
        _ = try Notebook.open(directory: tmp.data)
        #expect(Notebook.exists(directory: tmp.data))
        #expect(try Notebook.databasePath(directory: tmp.data) == tmp.database)
    }
}
