import Foundation
import Testing
@testable import OctopusNotebook

/// A note is stored exactly as written, or refused with a reason: never truncated, never empty.
@Suite("Notebook: what a note may hold")
struct NoteTextTests {
    @Test func aNulIsRefusedWithItsPositionAndNothingIsStored() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let error = try #require(throws: NotebookError.self) { try book.addNote(recordID: "art29", text: "before\0after") }
        #expect(error == .controlCharacter(NoteText.Violation(scalar: "\0", line: 1, column: 7)))
        #expect(error.description.contains("U+0000 (NUL) at line 1, column 7"))
        #expect(error.description.contains("nothing was saved"))
        #expect(error.exitCode == 65)
        #expect(try book.allNotes().isEmpty)
    }

    @Test func aNoteMadeOfANulIsNotStoredEmpty() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        #expect(throws: NotebookError.controlCharacter(NoteText.Violation(scalar: "\0", line: 1, column: 1))) {
            try book.addNote(recordID: "PT", text: "\0")
        }
        #expect(throws: NotebookError.emptyNote) { try book.addNote(recordID: "PT", text: " \n\t ") }
        #expect(try book.allNotes().isEmpty)
    }

    @Test func anEscapeOnTheSecondLineIsLocatedThere() {
        #expect(NoteText.firstViolation(in: "first\r\nsé\u{1B}[31m")?.description == "U+001B (ESC) at line 2, column 3")
    }

    @Test func tabsLineBreaksAndEmojiAreKeptExactly() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let text = "a\tb\r\nc\nd 🐙 é"
        let note = try book.addNote(recordID: "art29", text: text)
        #expect(try book.note(id: note.id)?.text == text)
    }

    @Test func anEditCannotIntroduceANulEither() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let note = try book.addNote(recordID: "art29", text: "fine")
        #expect(throws: NotebookError.self) { try book.updateNote(id: note.id, text: "fi\0ne") }
        #expect(try book.note(id: note.id)?.text == "fine")
    }

    @Test func invalidUTF8IsRefusedNotReplaced() throws {
        #expect(throws: NotebookError.notUTF8(source: "standard input", offset: 3, byte: 0xFF)) {
            try NoteText.decode(Data([0x61, 0x62, 0x63, 0xFF, 0x64]), source: "standard input")
        }
        #expect(try NoteText.decode(Data("é\0x".utf8), source: "stdin") == "é\0x", "a NUL is kept, to be refused by the rule")
    }
}

/// The same rule, seen from the command line.
@Suite("Notebook commands: note text (built binary)", .enabled(if: Binary.available, "needs the built octopus binary (swift build)"))
struct NoteTextCommandTests {
    @Test func notesAddFromStandardInputRefusesANulAndPrintsNoSaved() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        for input in [Data("before\0after".utf8), Data([0]), Data([0x61, 0xFF])] {
            let r = try Binary.run(["notes", "add", "art29", "-"], environment: env, input: input)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(!r.stdout.contains("saved"))
        }
        let nul = try Binary.run(["notes", "add", "art29", "-"], environment: env, input: Data("before\0after".utf8))
        #expect(nul.stderr.contains("U+0000 (NUL) at line 1, column 7"))
        #expect(!FileManager.default.fileExists(atPath: tmp.database), "refused text does not even create a notebook")
        let ok = try Binary.run(["notes", "add", "art29", "-"], environment: env, input: Data("before\tafter\n".utf8))
        #expect(ok.status == 0)
        #expect(try Binary.run(["notes", "export", "--format", "json"], environment: env).stdout.contains(#""text" : "before\tafter""#))
    }

    @Test func importSkipsAnEmptyNoteWithAWarningAndImportsTheRest() throws {
        let tmp = TempFolder()
        let file = tmp.file("backup.json")
        try Data(
            """
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "", "createdAt": "2010-03-24T09:30:00Z"},
              {"id": "7f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "PT", "text": "kept", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """.utf8
        ).write(to: URL(fileURLWithPath: file))
        let r = try Binary.run(["notes", "import", file], environment: ["OCTOPUS_DATA_DIR": tmp.data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1 note added, 0 already present, 1 empty note skipped"))
        #expect(r.stderr.contains("warning: \(file):2:"))
        #expect(r.stderr.contains("notes[0].text: the note is empty; skipped"))
        #expect(try Binary.run(["notes", "list"], environment: ["OCTOPUS_DATA_DIR": tmp.data]).stdout.contains("kept"))
    }

    @Test func importOfANoteWithANulExits65AfterImportingTheRest() throws {
        let tmp = TempFolder()
        let file = tmp.file("backup.json")
        try Data(
            #"""
            {"format": "octopus-notebook", "version": 1, "notes": [
              {"id": "6f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "art29", "text": "\u0000", "createdAt": "2010-03-24T09:30:00Z"},
              {"id": "7f9619ff-8b86-d011-b42d-00c04fc964ff", "recordID": "PT", "text": "kept", "createdAt": "2010-03-24T09:30:00Z"}
            ]}
            """#.utf8
        ).write(to: URL(fileURLWithPath: file))
        let r = try Binary.run(["notes", "import", file], environment: ["OCTOPUS_DATA_DIR": tmp.data])
        #expect(r.status == 65)
        #expect(r.stdout.contains("1 note added"))
        #expect(r.stderr.contains("notes[0].text: the note contains the control character U+0000 (NUL) at line 1, column 1; not imported"))
        let list = try Binary.run(["notes", "list"], environment: ["OCTOPUS_DATA_DIR": tmp.data]).stdout
        #expect(list.contains("kept"))
        #expect(list.contains("1 note on 1 record."))
    }
}
