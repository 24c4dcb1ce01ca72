import CSQLite
import Foundation
import Testing
@testable import OctopusNotebook

/// Bad storage gets a clear error, and the file on disk is left exactly as it was.
@Suite("Notebook: damaged, foreign and unwritable storage")
struct SafetyTests {
    /// Opens the notebook expecting an error; checks that the database file did not change and
    /// that its -wal did not either. (Reading a WAL-mode file creates an empty -wal and an -shm
    /// if they are missing, as any SQLite reader does; they hold nothing.)
    func expectUntouched(_ tmp: TempFolder, _ matches: (NotebookError) -> Bool) throws {
        let before = try #require(bytes(tmp.database))
        let walBefore = bytes(tmp.database + "-wal")
        do {
            _ = try Notebook.open(directory: tmp.data)
            Issue.record("opening should have failed")
        } catch {
            #expect(matches(error), "\(error)")
            #expect(error.description.contains(tmp.database), "the message names the file: \(error)")
        }
        #expect(bytes(tmp.database) == before, "the file must be byte-identical")
        #expect(bytes(tmp.database + "-wal") ?? Data() == walBefore ?? Data())
    }

    @Test func aFileThatIsNotADatabaseIsReportedAndKept() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        try Data(String(repeating: "These are not the notes you are looking for.\n", count: 200).utf8).write(to: URL(fileURLWithPath: tmp.database))
        try expectUntouched(tmp) { if case .damaged = $0 { true } else { false } }
        do { _ = try Notebook.open(directory: tmp.data) } catch {
            #expect(error.description.contains("has not changed or deleted it"))
            #expect(error.description.contains("mv \(tmp.database)* \(tmp.data)/damaged/"))
            #expect(error.exitCode != 0)
        }
    }

    @Test func aCorruptPageIsReportedAndKept() throws {
        let tmp = TempFolder()
        do {
            let book = try Notebook.open(directory: tmp.data)
            for i in 0..<300 { try book.addNote(recordID: "art\(i % 48 + 1)", text: String(repeating: "note \(i) ", count: 40)) }
        }
        // Scribble over the middle of the file, as a failing disk would, keeping the header.
        var data = try #require(bytes(tmp.database))
        #expect(data.count > 64 * 1024)
        for i in 8192..<(data.count - 4096) where i % 3 == 0 { data[i] = UInt8(truncatingIfNeeded: i * 7) }
        try data.write(to: URL(fileURLWithPath: tmp.database))
        try expectUntouched(tmp) { if case .damaged = $0 { true } else { false } }
    }

    @Test func someoneElsesSQLiteFileIsReportedAndKept() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        do {
            let other = try Connection(path: tmp.database, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            try other.execute("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")
        }
        try expectUntouched(tmp) { $0 == .foreign(path: tmp.database) }
    }

    @Test func aNotebookFromANewerOctopusIsLeftAlone() throws {
        let tmp = TempFolder()
        do {
            let book = try Notebook.open(directory: tmp.data)
            try book.addNote(recordID: "art29", text: "kept")
            try book.write { try $0.execute("INSERT INTO grdb_migrations VALUES ('v9: something new')") }
        }
        try expectUntouched(tmp) { $0 == .newerVersion(path: tmp.database) }
    }

    @Test func aFileLeftBeforeTheFirstMigrationIsCompleted() throws {
        // A process killed right after creating the file leaves it empty: that is a new notebook.
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: tmp.database, contents: Data()))
        let book = try Notebook.open(directory: tmp.data)
        try book.addNote(recordID: "art29", text: "works")
        #expect(try book.allNotes().count == 1)
    }

    @Test func aFileWhereTheFolderShouldBe() throws {
        let tmp = TempFolder()
        #expect(FileManager.default.createFile(atPath: tmp.data, contents: Data("x".utf8)))
        #expect(throws: NotebookError.notAFolder(path: tmp.data)) { try Notebook.open(directory: tmp.data) }
        #expect(bytes(tmp.data) == Data("x".utf8))
    }

    @Test func aFolderThatCannotBeCreated() throws {
        // Works as root too: no permission bit stops root, but a file in the path does.
        let tmp = TempFolder()
        #expect(FileManager.default.createFile(atPath: tmp.file("blocker"), contents: Data()))
        let wanted = tmp.file("blocker/octopus")
        do {
            _ = try Notebook.open(directory: wanted)
            Issue.record("opening should have failed")
        } catch {
            guard case .cannotCreateFolder(let path, let reason) = error else { Issue.record("\(error)"); return }
            #expect(path == wanted)
            #expect(reason.contains("blocker is a file"))
            #expect(error.description.contains("--data-dir"))
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write in any folder; the message is covered by aFolderThatCannotBeCreated"))
    func aFolderWithoutWritePermission() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        #expect(chmod(tmp.data, 0o500) == 0)
        defer { _ = chmod(tmp.data, 0o700) }
        #expect(throws: NotebookError.folderNotWritable(path: tmp.data)) { try Notebook.open(directory: tmp.data) }
    }

    @Test func messagesSayWhatToDo() {
        let path = "/home/d/.local/share/octopus/notebook.sqlite"
        for error: NotebookError in [
            .damaged(path: path, detail: "file is not a database"), .foreign(path: path),
            .newerVersion(path: path), .folderNotWritable(path: "/home/d/x"),
            .cannotCreateFolder(path: "/x", reason: "denied"), .busy(path: path),
        ] {
            #expect(error.description.hasPrefix("octopus: "))
            #expect(error.exitCode != 0)
            #expect(!error.description.contains("SQLITE_"), "no raw SQLite names: \(error)")
        }
    }
}
