import CSQLite
import Foundation
import Testing
@testable import OctopusNotebook

/// Notebooks written by the octopus of GRDB's time open as they are, and a write that fails
/// leaves nothing behind.
@Suite("Notebook: files from the GRDB octopus, migrations, rollback")
struct MigrationTests {
    /// What GRDB's `DatabaseMigrator` left in a file, step by step, written out by hand rather
    /// than taken from `Migrations`, so that a change there cannot change what is tested: its
    /// table first, then each migration with its identifier recorded.
    static let grdbTable = "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);"
    static let grdbV1 = """
        PRAGMA application_id = 1329812559;
        CREATE TABLE bookmark (recordID TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, createdAt INTEGER NOT NULL);
        CREATE TABLE note (id TEXT NOT NULL PRIMARY KEY, recordID TEXT NOT NULL COLLATE NOCASE, text TEXT NOT NULL,
            createdAt INTEGER NOT NULL, updatedAt INTEGER NOT NULL);
        CREATE INDEX note_recordID ON note(recordID);
        INSERT INTO grdb_migrations (identifier) VALUES ('v1: bookmarks and notes');
        """
    static let grdbV2 = """
        CREATE TABLE deletedNote (id TEXT NOT NULL PRIMARY KEY, deletedAt INTEGER NOT NULL);
        CREATE TABLE deletedBookmark (recordID TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, deletedAt INTEGER NOT NULL);
        INSERT INTO grdb_migrations (identifier) VALUES ('v2: deletions remembered');
        """
    static let grdbV3 = """
        CREATE TABLE rating (stateID TEXT NOT NULL COLLATE NOCASE, area TEXT NOT NULL, level TEXT NOT NULL, note TEXT NOT NULL,
            updatedAt INTEGER NOT NULL, PRIMARY KEY (stateID, area));
        CREATE TABLE deletedRating (stateID TEXT NOT NULL COLLATE NOCASE, area TEXT NOT NULL, deletedAt INTEGER NOT NULL,
            PRIMARY KEY (stateID, area));
        INSERT INTO grdb_migrations (identifier) VALUES ('v3: ratings');
        """
    static let oldNote = """
        INSERT INTO note VALUES ('3f2a9c1e-5b7d-4e3a-9c1e-2b7d4e3a9c1e', 'art29', 'Written by the old octopus', 1269423000000, 1269423060000);
        INSERT INTO bookmark VALUES ('PT', 1269423000000);
        """
    static let identifiers = ["v1: bookmarks and notes", "v2: deletions remembered", "v3: ratings"]

    /// Writes a WAL-mode file as the GRDB octopus did, with `sql` in it.
    static func make(_ tmp: TempFolder, _ sql: String) throws {
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        let db = try Connection(path: tmp.database, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute(sql)
    }

    /// Every table, index and their SQL, read apart from the notebook under test.
    static func schema(_ path: String) throws -> [String] {
        let db = try Connection(path: path, flags: SQLITE_OPEN_READONLY)
        return try db.rows("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name").map { try $0.string(at: 0) }
    }

    static func applied(_ book: Notebook) throws -> [String] {
        try book.read { db in try db.rows("SELECT identifier FROM grdb_migrations ORDER BY identifier").map { try $0.string(at: 0) } }
    }

    @Test func aNotebookOfTheGRDBOctopusOpensWithItsNotesAndIsNotMigratedAgain() throws {
        let tmp = TempFolder()
        try Self.make(
            tmp,
            Self.grdbTable + Self.grdbV1 + Self.grdbV2 + Self.grdbV3 + Self.oldNote
                + "INSERT INTO rating VALUES ('PT', 'legislation', 'in-place', 'law of 2009', 1269423000000);")
        let schema = try Self.schema(tmp.database)
        let book = try Notebook.open(directory: tmp.data)
        #expect(book.writesOff == nil)
        let notes = try book.allNotes()
        #expect(notes.map(\.text) == ["Written by the old octopus"])
        #expect(notes.first?.id == UUID(uuidString: "3f2a9c1e-5b7d-4e3a-9c1e-2b7d4e3a9c1e"))
        #expect(notes.first?.createdAt == Date(timeIntervalSince1970: 1_269_423_000))
        #expect(notes.first?.isEdited == true)
        #expect(try book.bookmarkedIDs() == ["PT"])
        #expect(try book.ratings().map(\.description) == ["in place: law of 2009"])
        #expect(try Self.applied(book) == Self.identifiers)
        #expect(try Self.schema(tmp.database) == schema, "no migration ran again")
        try book.addNote(recordID: "art29", text: "and one more")
        #expect(try book.notes(for: "art29").count == 2)
    }

    @Test func aNotebookOfAnOctopusBeforeRatingsGetsOnlyTheMissingMigration() throws {
        let tmp = TempFolder()
        try Self.make(tmp, Self.grdbTable + Self.grdbV1 + Self.grdbV2 + Self.oldNote)
        let book = try Notebook.open(directory: tmp.data)
        #expect(try Self.applied(book) == Self.identifiers)
        #expect(try book.allNotes().map(\.text) == ["Written by the old octopus"])
        try book.rate(stateID: "PT", area: "legislation", level: .started)
        #expect(try book.ratings().map(\.level) == [.started])
    }

    @Test func aFileWithOnlyTheMigrationsTableIsANewNotebook() throws {
        // A process killed after the table was made and before the first migration committed.
        let tmp = TempFolder()
        try Self.make(tmp, Self.grdbTable)
        let book = try Notebook.open(directory: tmp.data)
        #expect(try Self.applied(book) == Self.identifiers)
        try book.addNote(recordID: "art29", text: "works")
    }

    @Test func anUnknownMigrationIsRefusedAsNewerAndNothingIsWritten() throws {
        let tmp = TempFolder()
        try Self.make(
            tmp,
            Self.grdbTable + Self.grdbV1 + Self.grdbV2 + Self.grdbV3 + Self.oldNote
                + "INSERT INTO grdb_migrations VALUES ('v4: from a newer octopus');")
        let before = try #require(bytes(tmp.database))
        #expect(throws: NotebookError.newerVersion(path: tmp.database)) { try Notebook.open(directory: tmp.data) }
        #expect(throws: NotebookError.newerVersion(path: tmp.database)) {
            try Notebook.open(directory: tmp.data, readOnlyIfNeeded: true, isWritable: { _ in false })
        }
        // The migrator refuses too, for a newer octopus that migrates after the file was checked.
        do {
            let db = try Connection(path: tmp.database, flags: SQLITE_OPEN_READWRITE)
            #expect(throws: Migrator.Superseded.self) { try Migrations.migrator.migrate(db) }
            #expect(NotebookError(Migrator.Superseded(), path: tmp.database) == .newerVersion(path: tmp.database))
        }
        #expect(bytes(tmp.database) == before)
    }

    struct Refusal: Error {}

    @Test func aWriteThatThrowsIsRolledBack() throws {
        let tmp = TempFolder()
        let book = try Notebook.open(directory: tmp.data)
        let kept = try book.addNote(recordID: "art29", text: "kept")
        try book.toggleBookmark("ws3")
        #expect(throws: NotebookError.emptyNote) {
            try book.write { db in
                try db.execute("DELETE FROM note", [])
                try db.execute("INSERT INTO bookmark (recordID, createdAt) VALUES (?, ?)", ["PT", 1])
                throw NotebookError.emptyNote
            }
        }
        let other = try #require(throws: NotebookError.self) {
            try book.write { db in
                try db.execute("DELETE FROM bookmark", [])
                throw Refusal()
            }
        }
        #expect(other.refusesWrites, "any other error is a failure to save: \(other)")
        // A statement SQLite refuses (the same note twice) undoes the ones before it.
        let duplicate = try #require(throws: NotebookError.self) {
            try book.write { db in
                try db.execute("DELETE FROM bookmark", [])
                try Notebook.insert(kept, into: db)
            }
        }
        #expect(duplicate.description.contains("UNIQUE constraint failed"), "\(duplicate)")
        #expect(try book.allNotes() == [kept])
        #expect(try book.bookmarkedIDs() == ["ws3"])
        // Nothing of it reached the file, and the connection is not left in a transaction.
        let elsewhere = try Notebook.open(directory: tmp.data)
        #expect(try elsewhere.allNotes() == [kept])
        #expect(try elsewhere.bookmarkedIDs() == ["ws3"])
        try book.toggleBookmark("PT")
        #expect(try elsewhere.bookmarkedIDs() == ["ws3", "PT"])
    }
}
