import Foundation
import Testing
@testable import OctopusNotebook

/// A notebook that cannot be written can still be read: the user's notes are never out of reach.
@Suite("Notebook: read-only folders and files")
struct ReadOnlyTests {
    /// Stands in for a folder and file without write permission (tests run as root).
    let nothingWritable: (String) -> Bool = { _ in false }

    func notebookWithANote(_ tmp: TempFolder) throws -> Note {
        try Notebook.open(directory: tmp.data).addNote(recordID: "art29", text: "read me")
    }

    @Test func anUnwritableNotebookOpensForReadingAndSaysWhy() throws {
        let tmp = TempFolder()
        let note = try notebookWithANote(tmp)
        let book = try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: nothingWritable)
        #expect(book.writesOff == .folderNotWritable(path: tmp.data))
        #expect(try book.allNotes() == [note])
        #expect(try book.exportNotes(format: .json).contains("read me"))
        let notice = try #require(book.readOnlyNotice)
        #expect(notice.hasPrefix("octopus: the notebook is open read-only (reading works, writes are off): cannot write in the notes folder \(tmp.data)"))
        #expect(!notice.contains("\n"), "one line")
    }

    @Test func writesToAReadOnlyNotebookFailWithTheReasonAndChangeNothing() throws {
        let tmp = TempFolder()
        _ = try notebookWithANote(tmp)
        let before = try #require(bytes(tmp.database))
        let book = try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: nothingWritable)
        let error = try #require(throws: NotebookError.self) { try book.addNote(recordID: "PT", text: "new") }
        #expect(error == .folderNotWritable(path: tmp.data))
        #expect(error.exitCode == 77)
        #expect(throws: NotebookError.folderNotWritable(path: tmp.data)) { try book.toggleBookmark("PT") }
        #expect(bytes(tmp.database) == before)
    }

    @Test func writingCommandsStillGetTheError() throws {
        let tmp = TempFolder()
        _ = try notebookWithANote(tmp)
        #expect(throws: NotebookError.folderNotWritable(path: tmp.data)) {
            try Notebook.open(directory: tmp.data, readOnlyIfNeeded: false, isWritable: nothingWritable)
        }
    }

    @Test func anUnwritableFileInAWritableFolderOpensForReading() throws {
        let tmp = TempFolder()
        let note = try notebookWithANote(tmp)
        let book = try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: { $0 != tmp.database })
        #expect(book.writesOff == .fileNotWritable(path: tmp.database))
        #expect(try book.notes(for: "art29") == [note])
    }

    @Test func withoutANotebookThereIsNothingToOpenReadOnly() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        #expect(throws: NotebookError.folderNotWritable(path: tmp.data)) {
            try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: nothingWritable)
        }
    }

    @Test func aDamagedFileIsStillReportedAsDamaged() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: tmp.database))
        let error = try #require(throws: NotebookError.self) {
            try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: nothingWritable)
        }
        #expect(error.description.contains("is damaged"), "\(error)")
    }
}

/// The same, for real: the binary run as `nobody` on a folder it may not write.
@Suite(
    "Notebook commands: read-only folder (built binary, as nobody)",
    .enabled(if: Binary.canRunAsNobody, "needs root, setpriv and the built binary, to run octopus as nobody"))
struct ReadOnlyCommandTests {
    @Test func listExportAndHandoutWorkAndSayWritesAreOff() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data, "HOME": tmp.path]
        #expect(chmod(tmp.path, 0o755) == 0)
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        let out = tmp.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for dir in [tmp.data, out] { #expect(chown(dir, 65534, 65534) == 0) }
        let added = try Binary.run(["notes", "add", "art29", "kept safe"], environment: env, input: nil, asNobody: true)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(chmod(tmp.data, 0o555) == 0)  // now nobody may not write in the notes folder

        let list = try Binary.run(["notes", "list"], environment: env, input: nil, asNobody: true)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("kept safe"))
        #expect(list.stderr.hasPrefix("octopus: the notebook is open read-only (reading works, writes are off): cannot write in the notes folder"))
        #expect(list.stderr.split(separator: "\n").count == 1)

        let export = try Binary.run(["notes", "export", "--format", "json"], environment: env, input: nil, asNobody: true)
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"text\" : \"kept safe\""))
        #expect(export.stderr.contains("writes are off"))

        let handout = try Binary.run(["handout", "art29", "-o", out + "/pack.md"], environment: env, input: nil, asNobody: true)
        #expect(handout.status == 0, "\(handout.stderr)")
        #expect(handout.stdout.contains("1 record, 1 note"))
        #expect(handout.stderr.contains("writes are off"))
        #expect(mode(out + "/pack.md") == 0o600)

        let add = try Binary.run(["notes", "add", "PT", "new"], environment: env, input: nil, asNobody: true)
        #expect(add.status == 77)
        #expect(add.stderr.contains("cannot write in the notes folder"))
        #expect(!add.stdout.contains("saved"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.data) == ["notebook.sqlite"], "nothing written beside it")
    }
}
