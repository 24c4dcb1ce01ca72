import Foundation
import Testing
@testable import OctopusNotebook

@Suite("Notebook: export and import")
struct TransferTests {
    /// Found by the fuzzer: a version number too large for an Int was converted with a trap.
    @Test func aHugeVersionNumberIsReportedNotATrap() {
        let json = #"{"format": "octopus-notebook", "version": 12e226, "notes": [], "bookmarks": []}"#
        do {
            _ = try Notebook.parseExport(Data(json.utf8), name: "big.json")
            Issue.record("a version from the future was accepted")
        } catch {
            #expect(error.description.contains("written by a newer octopus (version 1.2e+227)"), "\(error.description)")
        }
    }

    @Test func jsonRoundTripIsExactAndReimportIsIdempotent() throws {
        let source = TempFolder(), target = TempFolder()
        let from = try Notebook.open(directory: source.data)
        let a = try from.addNote(recordID: "art29", text: "Line 1\nLine \"2\" with \\ and \t tab")
        let b = try from.addNote(recordID: "PT", text: "Ratified 🐙")
        try from.toggleBookmark("ws3")
        let json = try from.exportNotes(format: .json, title: { $0 == "art29" ? "Article 29" : nil })
        #expect(json.contains("\"recordTitle\" : \"Article 29\""))

        let to = try Notebook.open(directory: target.data)
        let local = try to.addNote(recordID: "ws3", text: "mine")
        let first = try to.importNotes(from: Data(json.utf8), name: "notes.json")
        #expect(Set(first.added) == [a, b], "ids, texts and times survive exactly")
        #expect(first.alreadyPresent.isEmpty)
        #expect(first.bookmarksAdded == ["ws3"])
        #expect(first.summary == "2 notes added, 0 already present; 1 bookmark added, 0 already present")

        let second = try to.importNotes(from: Data(json.utf8), name: "notes.json")
        #expect(second.added.isEmpty)
        #expect(Set(second.alreadyPresent) == [a.id, b.id])
        #expect(second.bookmarksAlreadyPresent == ["ws3"])
        #expect(Set(try to.allNotes()) == [a, b, local])
    }

    /// Issue 14: a note deleted on purpose stays deleted when an older export is imported again,
    /// and so does a removed bookmark; a note edited elsewhere after the deletion comes back.
    @Test func deletionsSurviveReimportingAnOlderExport() throws {
        let folder = TempFolder(), other = TempFolder()
        let book = try Notebook.open(directory: folder.data)
        let kept = try book.addNote(recordID: "art29", text: "keep me")
        let gone = try book.addNote(recordID: "art29", text: "delete me")
        try book.toggleBookmark("ws3")
        let older = try book.exportNotes(format: .json)

        #expect(try book.deleteNote(id: gone.id))
        #expect(try book.toggleBookmark("ws3") == false)
        let report = try book.importNotes(from: Data(older.utf8), name: "older.json")
        #expect(report.added.isEmpty)
        #expect(report.deletedHere == [gone.id])
        #expect(report.bookmarksRemovedHere == ["ws3"])
        #expect(report.summary.contains("1 deleted here (kept deleted)"), "\(report.summary)")
        #expect(try book.allNotes() == [kept])
        #expect(try book.bookmarkedIDs().isEmpty)

        // Marking it again lifts the memory of the removal.
        try book.toggleBookmark("ws3")
        #expect(try book.bookmarkedIDs() == ["ws3"])

        // The same note edited on another machine after it was deleted here is new work: restored.
        let elsewhere = try Notebook.open(directory: other.data)
        _ = try elsewhere.importNotes(from: Data(older.utf8), name: "older.json")
        Thread.sleep(forTimeInterval: 0.01)
        _ = try elsewhere.updateNote(id: gone.id, text: "delete me — no, rewritten")
        let newer = try elsewhere.exportNotes(format: .json)
        let again = try book.importNotes(from: Data(newer.utf8), name: "newer.json")
        #expect(again.added.map(\.id) == [gone.id])
        #expect(try book.note(id: gone.id)?.text == "delete me — no, rewritten")
    }

    @Test func aNoteIsFoundByTheStartOfItsID() throws {
        let folder = TempFolder()
        let book = try Notebook.open(directory: folder.data)
        let note = try book.addNote(recordID: "PT", text: "x")
        #expect(try book.notes(idPrefix: note.shortID) == [note])
        #expect(try book.notes(idPrefix: note.shortID.uppercased()) == [note])
        #expect(try book.notes(idPrefix: "%").isEmpty)  // no SQL pattern
        #expect(try book.notes(idPrefix: "").isEmpty)
    }

    @Test func anExportIsCheckedWithoutANotebookAsTheImportWouldCheckIt() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let note = try book.addNote(recordID: "art29", text: "Ask about 🇵🇹")
        try book.toggleBookmark("ws3")
        let json = try book.exportNotes(format: .json)
        let parsed = try Notebook.parseExport(Data(json.utf8), name: "notes.json")
        #expect(parsed.notes == [note])
        #expect(parsed.bookmarks.map(\.recordID) == ["ws3"])
        #expect(throws: NotebookError.self) { try Notebook.parseExport(Data("{\"hello\": 1}".utf8), name: "x.json") }
        #expect(try book.allNotes() == [note], "checking writes nothing")
    }

    @Test func importNeverOverwritesALocalEdit() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let note = try book.addNote(recordID: "art29", text: "original")
        let json = try book.exportNotes(format: .json)
        try book.updateNote(id: note.id, text: "edited here")
        let report = try book.importNotes(from: Data(json.utf8), name: "old.json")
        #expect(report.added.isEmpty)
        #expect(report.differing == [note.id])
        #expect(report.summary.contains("the notebook's text was kept"))
        #expect(try book.note(id: note.id)?.text == "edited here")
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("{\"format\": \"octopus-notebook\", \"version\": 1, \"notes\": [", "notes.json:1:"),
        ("[1, 2]", "expected an object"),
        ("{\"hello\": 1}", "not an octopus notes export"),
        ("{\"format\": \"octopus-notebook\", \"version\": 7, \"notes\": []}", "newer octopus"),
        (
            "{\"format\": \"octopus-notebook\", \"version\": 1, \"notes\": [{\"id\": \"nope\", \"recordID\": \"art29\", \"text\": \"x\", \"createdAt\": \"2010-03-24T09:30:00Z\"}]}",
            "notes[0].id: \"nope\" is not a UUID"
        ),
        (
            "{\"format\": \"octopus-notebook\", \"version\": 1, \"notes\": [{\"id\": \"6F9619FF-8B86-D011-B42D-00C04FC964FF\", \"recordID\": \"art29\", \"text\": \"x\", \"createdAt\": \"yesterday\"}]}",
            "notes[0].createdAt"
        ),
        (
            "{\"format\": \"octopus-notebook\", \"version\": 1, \"notes\": [{\"id\": \"6F9619FF-8B86-D011-B42D-00C04FC964FF\", \"text\": 3, \"createdAt\": \"2010-03-24T09:30:00Z\"}]}",
            "notes[0].recordID: missing"
        ),
    ])
    func aMalformedFileImportsNothingAndSaysWhere(file: String, expected: String) throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let before = try book.addNote(recordID: "art29", text: "untouched")
        do {
            _ = try book.importNotes(from: Data(file.utf8), name: "notes.json")
            Issue.record("import should have failed")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.description.contains("nothing was imported"))
            #expect(error.exitCode == 65)
        }
        #expect(try book.allNotes() == [before])
    }

    @Test func anEmptyNoteInABackupIsSkippedWithAWarningAndTheRestIsImported() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let file = """
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "good", "createdAt": "2010-03-24T09:30:00Z"},
              {"id": "7f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "  ", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """
        let report = try book.importNotes(from: Data(file.utf8), name: "x.json")
        #expect(try book.allNotes().map(\.text) == ["good"])
        #expect(report.skippedEmpty.map(\.description) == ["x.json:3:79: notes[1].text: the note is empty; skipped"])
        #expect(report.refused.isEmpty)
        #expect(report.summary.hasPrefix("1 note added, 0 already present, 1 empty note skipped;"))
    }

    @Test func aNoteWithANulInABackupIsNotImportedAndTheRestIs() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let file = """
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "before\\u0000after", "createdAt": "2010-03-24T09:30:00Z"},
              {"id": "7f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "PT", "text": "kept", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """
        let report = try book.importNotes(from: Data(file.utf8), name: "x.json")
        #expect(try book.allNotes().map(\.text) == ["kept"], "nothing truncated is stored")
        let refused = try #require(report.refused.first)
        #expect(
            refused.description.hasPrefix("x.json:2:79: notes[0].text: the note contains the control character U+0000 (NUL) at line 1, column 7; not imported.")
        )
        #expect(report.summary.contains("1 note not imported (control characters)"))
    }

    @Test func unreadableFiles() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        #expect(throws: NotebookError.importUnreadable(file: tmp.file("missing.json"), reason: "no such file")) {
            try book.importNotes(fromFile: tmp.file("missing.json"))
        }
        #expect(throws: NotebookError.importUnreadable(file: tmp.path, reason: "it is a folder")) {
            try book.importNotes(fromFile: tmp.path)
        }
        // A sparse file: its size is refused before a byte is read.
        let huge = tmp.file("huge.json")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 256 * 1024 * 1024 + 1) == 0)
        #expect(throws: NotebookError.importUnreadable(file: huge, reason: "the file is larger than 256 MB, too large to be a notes export")) {
            try book.importNotes(fromFile: huge)
        }
        #if os(Linux)
            // Opens, but its first read fails (EIO), even for root.
            #expect(throws: NotebookError.importUnreadable(file: "/proc/self/mem", reason: "read error")) {
                try book.importNotes(fromFile: "/proc/self/mem")
            }
        #endif
        let markdown = tmp.file("notes.md")
        try Data(try book.exportNotes(format: .markdown).utf8).write(to: URL(fileURLWithPath: markdown))
        do {
            _ = try book.importNotes(fromFile: markdown)
            Issue.record("a Markdown export is not importable")
        } catch {
            #expect(error.description.contains("octopus notes export --format json"))
        }
    }

    @Test(arguments: [
        // The first "text" was dropped without a word: the last of two won.
        (
            """
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "first", "text": "second", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """, #"x.json:2:88: notes[0].text: field "text" appears twice"#
        ),
        (
            """
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "recordTitel": "Article 29", "text": "x", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """, #"x.json:2:71: notes[0].recordTitel: unknown field "recordTitel" (did you mean "recordTitle"?)"#
        ),
        (
            """
            {"format": "octopus-notebook", "version": 1, "notes": [],
             "bookmark": [{"recordID": "ws3", "createdAt": "2010-03-24T09:30:00Z"}]}
            """, #"x.json:2:2: bookmark: unknown field "bookmark" (did you mean "bookmarks"?)"#
        ),
    ])
    func aFieldTwiceOrAFieldNoExportWritesIsOneLocatedProblemAndImportsNothing(file: String, expected: String) throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let before = try book.addNote(recordID: "PT", text: "untouched")
        let error = try #require(throws: NotebookError.self) { try book.importNotes(from: Data(file.utf8), name: "x.json") }
        #expect(
            error.description.split(separator: "\n").map(String.init) == [
                expected,
                "octopus: x.json is not a valid octopus notes export (1 problem); nothing was imported. Import a file written by `octopus notes export --format json`",
            ])
        #expect(error.exitCode == 65)
        #expect(try book.allNotes() == [before])
        #expect(try book.bookmarks().isEmpty)
    }

    @Test func aFileFromANewerOctopusIsOnlyToldToUpdateNotAboutFieldsItDoesNotKnow() throws {
        let json = #"{"format": "octopus-notebook", "version": 3, "tags": ["x"], "notes": []}"#
        let error = try #require(throws: NotebookError.self) { try Notebook.parseExport(Data(json.utf8), name: "new.json") }
        #expect(
            error.description.hasPrefix(
                "new.json:1:43: version: written by a newer octopus (version 3); update octopus to import it\n"
                    + "octopus: new.json is not a valid octopus notes export (1 problem)"), "\(error)")
    }

    @Test func problemsPastTheFirstThousandAreStillCounted() throws {
        let note = #"{"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "x", "createdAt": "2010-03-24T09:30:00Z", "colour": "red"}"#
        let json = #"{"format": "octopus-notebook", "version": 1, "notes": ["# + Array(repeating: note, count: 1_500).joined(separator: ",\n") + "]}"
        let error = try #require(throws: NotebookError.self) { try Notebook.parseExport(Data(json.utf8), name: "many.json") }
        #expect(error.description.contains("… and 1480 more\noctopus: many.json is not a valid octopus notes export (1500 problems)"), "\(error)")
    }

    /// Root reads any file, so the binary runs as `nobody` on a file only root may read.
    @Test(.enabled(if: Binary.canRunAsNobody, "needs root, setpriv and the built binary, to run octopus as nobody"))
    func aFileThatMayNotBeReadIsReportedAsSuch() throws {
        let tmp = TempFolder()
        #expect(chmod(tmp.path, 0o755) == 0)
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        #expect(chown(tmp.data, 65534, 65534) == 0)
        let file = tmp.file("notes.json")
        try Data(#"{"format": "octopus-notebook", "version": 1, "notes": []}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(chmod(file, 0o600) == 0)
        let r = try Binary.run(
            ["notes", "import", file], environment: ["OCTOPUS_DATA_DIR": tmp.data, "HOME": tmp.path],
            input: nil, asNobody: true)
        #expect(r.status == 66)
        #expect(r.stderr == "octopus: cannot read \(file): permission denied; nothing was imported\n", "\(r.stderr)")
    }

    @Test func markdownExportQuotesNotesAndMarksEdits() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        // A note from an older octopus, which stored ESC (a note may no longer hold it): the
        // export still removes it rather than pass it to a terminal.
        let created = Date(timeIntervalSince1970: 1_269_423_000)
        let n = Note(
            id: UUID(), recordID: "art29", text: "# not a heading\n- a list\n\u{1B}[31mred\nmore",
            createdAt: created, updatedAt: created.addingTimeInterval(60))
        try book.write { try Notebook.insert(n, into: $0) }
        try book.toggleBookmark("art29")
        let md = try book.exportNotes(format: .markdown, title: { $0 == "art29" ? "Article 29 – Expedited preservation" : nil })
        #expect(md.contains("## Article 29 – Expedited preservation (art29)"))
        #expect(md.contains("> \\# not a heading\\\n> - a list\\\n> [31mred\\\n> more"))  // ESC removed; line breaks kept
        #expect(!md.contains("\u{1B}"))
        #expect(md.contains(", edited "))
        #expect(md.contains("## Bookmarks\n\n- Article 29 – Expedited preservation (art29), marked "))
    }
}

@Suite("Timestamps")
struct TimestampTests {
    @Test func millisecondsSurviveTheJSONForm() {
        for ms: Int64 in [0, 1, 999, 1_000, 1_269_423_000_123, 1_764_394_571_123, 1_764_394_571_999, -1, -1_001] {
            let text = Timestamp.iso8601(Timestamp.date(ms))
            #expect(Timestamp.parse(text).map(Timestamp.milliseconds) == ms, "\(ms) → \(text)")
        }
        #expect(Timestamp.iso8601(Timestamp.date(1_269_423_000_120)) == "2010-03-24T09:30:00.120Z")
        #expect(Timestamp.parse("2010-03-24T09:30:00Z").map(Timestamp.milliseconds) == 1_269_423_000_000)
        #expect(Timestamp.parse("24 March 2010") == nil)
    }
}
