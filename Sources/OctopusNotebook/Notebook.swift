import Foundation
import GRDB

/// The user's bookmarks and notes: one SQLite database (WAL mode, through a GRDB `DatabasePool`)
/// in `$XDG_DATA_HOME/octopus/`, kept apart from the bundled knowledge base.
///
/// Guarantees:
/// - every method that changes something returns only after the transaction has committed, with
///   `synchronous = FULL`, so "saved" on screen means saved on disk;
/// - several instances (windows, processes) can use the same file at once: each write is an
///   immediate transaction and waits up to `busyTimeout` for another writer to finish, and every
///   read sees what the others have committed;
/// - a file that is damaged, foreign, or from a newer octopus is never written, moved or
///   recreated: opening it throws a `NotebookError` that tells the user what to do.
public final class Notebook: Sendable {
    /// The folder holding the database.
    public let directory: String
    /// The database file.
    public let path: String
    /// A `DatabasePool` when the notebook can be written; a read-only `DatabaseQueue` otherwise.
    private let database: any DatabaseWriter
    /// Why writes are off, when the notebook could only be opened for reading (a folder or file
    /// without write permission, a full disk): every write throws this, every read works.
    public let writesOff: NotebookError?

    /// How long a write waits for another process's write to finish before giving up. Writes are
    /// a few milliseconds; this only runs out if something holds the file locked.
    static let busyTimeout: TimeInterval = 10

    private init(directory: String, path: String, database: any DatabaseWriter, writesOff: NotebookError?) {
        self.directory = directory; self.path = path; self.database = database; self.writesOff = writesOff
    }

    // MARK: Opening

    /// Opens (creating if needed) the notebook in `directory`, or in the default folder:
    /// `OCTOPUS_DATA_DIR`, else `$XDG_DATA_HOME/octopus`, else `~/.local/share/octopus`.
    ///
    /// With `readOnlyIfNeeded`, an existing notebook that cannot be written is opened for reading
    /// instead, with `writesOff` saying why: the user's notes are never out of reach because of a
    /// read-only folder or a full disk. Commands that write pass false, and get the error itself.
    public static func open(directory: String? = nil, readOnlyIfNeeded: Bool = true) throws(NotebookError) -> Notebook {
        try open(directory: directory, readOnlyIfNeeded: readOnlyIfNeeded, isWritable: { access($0, W_OK) == 0 })
    }

    /// `isWritable` stands in for access(2) in tests, which run as root: root may write anywhere.
    static func open(directory: String?, readOnlyIfNeeded: Bool, isWritable: (String) -> Bool) throws(NotebookError) -> Notebook {
        let dir = try resolve(directory)
        let path = NotebookLocation.join(dir, NotebookLocation.fileName)
        do {
            return try openForWriting(dir, path, isWritable: isWritable)
        } catch {
            guard readOnlyIfNeeded, error.refusesWrites, Self.exists(directory: dir) else { throw error }
            do throws(NotebookError) {
                let queue = try NotebookProbe.readOnlyQueue(path)
                guard try NotebookProbe.inspect(queue, path: path) == .notebook else { throw error }
                return Notebook(directory: dir, path: path, database: queue, writesOff: error)
            } catch let readError {
                // A damaged or foreign file says so; otherwise the reason writes failed is the news.
                switch readError {
                case .damaged, .foreign, .newerVersion: throw readError;
                default: throw error
                }
            }
        }
    }

    private static func openForWriting(_ dir: String, _ path: String, isWritable: (String) -> Bool) throws(NotebookError) -> Notebook {
        try NotebookLocation.prepareFolder(dir, isWritable: isWritable)
        if try NotebookProbe.check(path, isWritable: isWritable) == .new {
            NotebookLocation.createPrivateFile(path)
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "octopus.notebook"
        let pool: DatabasePool
        do {
            pool = try whileOpening(path) {
                let pool = try DatabasePool(path: path, configuration: config)
                // GRDB leaves the writer at synchronous = NORMAL, which in WAL mode survives a crash
                // but may lose the last commits on power loss. FULL syncs the log at every commit, so
                // "saved" holds when the laptop's battery dies too; a note costs one fsync.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try Migrations.migrator.migrate(pool)
                return pool
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
        NotebookLocation.makePrivate(path)
        return Notebook(directory: dir, path: path, database: pool, writesOff: nil)
    }

    /// Why writes are off, as a clause ("cannot write in the notes folder …; fix …"), or nil.
    public var writesOffReason: String? {
        guard var reason = writesOff?.description else { return nil }
        if reason.hasPrefix("octopus: ") { reason.removeFirst("octopus: ".count) }
        return reason
    }

    /// One line for a reading command's standard error when writes are off, or nil.
    public var readOnlyNotice: String? {
        writesOffReason.map { "octopus: the notebook is open read-only (reading works, writes are off): " + $0 }
    }

    /// Path of the database a `Notebook.open(directory:)` would use, without opening or creating it.
    public static func databasePath(directory: String? = nil) throws(NotebookError) -> String {
        NotebookLocation.join(try resolve(directory), NotebookLocation.fileName)
    }

    private static func resolve(_ directory: String?) throws(NotebookError) -> String {
        if let directory, !directory.isEmpty { return directory }
        return try NotebookLocation.defaultDirectory()
    }

    /// True when there is a notebook file to read (read-only commands need not create one).
    public static func exists(directory: String? = nil) -> Bool {
        guard let path = try? databasePath(directory: directory) else { return false }
        var info = stat()
        return stat(path, &info) == 0 && info.st_size > 0
    }

    /// Openers go one at a time, whether they are windows of one process or processes. Switching
    /// a new file to WAL can fail at once with "busy" (SQLite's busy wait does not cover it), and
    /// two openers migrating at once would both read that a migration is missing and both apply
    /// it. An advisory lock (flock) on the notebook's folder serialises the few milliseconds of
    /// opening; once open, instances share the file as SQLite allows. Never the database file
    /// itself: closing any descriptor of it drops the POSIX locks SQLite holds on it in this
    /// process, and another process may then recover the log over commits it still needs.
    private static func whileOpening<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { _ = flock(fd, LOCK_EX) }
        defer {
            if fd >= 0 { _ = flock(fd, LOCK_UN); close(fd) }
        }
        return try body()
    }

    // MARK: Bookmarks

    /// Marks the record, or unmarks it if it was marked. Returns whether it is marked now.
    @discardableResult
    public func toggleBookmark(_ recordID: String) throws(NotebookError) -> Bool {
        let id = try Self.checked(recordID)
        return try write { db in
            let now = Timestamp.now()
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM bookmark WHERE recordID = ?", arguments: [id]) == true {
                try db.execute(sql: "DELETE FROM bookmark WHERE recordID = ?", arguments: [id])
                try db.execute(sql: "INSERT OR REPLACE INTO deletedBookmark (recordID, deletedAt) VALUES (?, ?)", arguments: [id, now])
                return false
            }
            try db.execute(sql: "INSERT INTO bookmark (recordID, createdAt) VALUES (?, ?)", arguments: [id, now])
            try db.execute(sql: "DELETE FROM deletedBookmark WHERE recordID = ?", arguments: [id])
            return true
        }
    }

    public func isBookmarked(_ recordID: String) throws(NotebookError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM bookmark WHERE recordID = ?", arguments: [recordID]) == true
        }
    }

    /// Every bookmark, the most recently marked first.
    public func bookmarks() throws(NotebookError) -> [Bookmark] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT recordID, createdAt FROM bookmark ORDER BY createdAt DESC, rowid DESC").map {
                Bookmark(recordID: $0["recordID"], createdAt: Timestamp.date($0["createdAt"]))
            }
        }
    }

    public func bookmarkedIDs() throws(NotebookError) -> Set<String> {
        Set(try bookmarks().map(\.recordID))
    }

    // MARK: Notes

    /// Writes a new note; it is committed when this returns.
    @discardableResult
    public func addNote(recordID: String, text: String) throws(NotebookError) -> Note {
        let id = try Self.checked(recordID)
        try Self.check(text)
        let now = Timestamp.now()
        let note = Note(id: UUID(), recordID: id, text: text, createdAt: Timestamp.date(now), updatedAt: Timestamp.date(now))
        try write { db in try Self.insert(note, into: db) }
        return note
    }

    /// Replaces a note's text and returns the note as saved.
    @discardableResult
    public func updateNote(id: UUID, text: String) throws(NotebookError) -> Note {
        try Self.check(text)
        return try write { db in
            let now = Timestamp.now()
            try db.execute(
                sql: "UPDATE note SET text = ?, updatedAt = max(?, createdAt) WHERE id = ?",
                arguments: [text, now, Self.key(id)])
            guard db.changesCount > 0, let note = try Self.fetchNote(id, db) else { throw NotebookError.noteNotFound(id) }
            return note
        }
    }

    /// Deletes a note, and remembers that it did, so an import of an older export does not bring
    /// it back. Returns false if there was no such note (another window may have deleted it).
    @discardableResult
    public func deleteNote(id: UUID) throws(NotebookError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [Self.key(id)])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: "INSERT OR REPLACE INTO deletedNote (id, deletedAt) VALUES (?, ?)", arguments: [Self.key(id), Timestamp.now()])
            return true
        }
    }

    /// Notes whose id starts with `prefix` (the eight digits `notes list` shows, or more), for
    /// commands that name a note. Anything but hex digits and hyphens matches nothing.
    public func notes(idPrefix prefix: String) throws(NotebookError) -> [Note] {
        let p = prefix.lowercased()
        guard !p.isEmpty, p.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return [] }
        return try read { db in
            try Self.fetchNotes(db, sql: "SELECT * FROM note WHERE substr(id, 1, ?) = ? ORDER BY createdAt", arguments: [p.count, p])
        }
    }

    public func note(id: UUID) throws(NotebookError) -> Note? {
        try read { db in try Self.fetchNote(id, db) }
    }

    /// Notes on one record, oldest first (the order they were written in).
    public func notes(for recordID: String) throws(NotebookError) -> [Note] {
        try read { db in
            try Self.fetchNotes(db, sql: "SELECT * FROM note WHERE recordID = ? ORDER BY createdAt, rowid", arguments: [recordID])
        }
    }

    /// Every note, grouped by record id, oldest first within a record.
    public func allNotes() throws(NotebookError) -> [Note] {
        try read { db in
            try Self.fetchNotes(db, sql: "SELECT * FROM note ORDER BY recordID COLLATE NOCASE, createdAt, rowid")
        }
    }

    /// Notes whose record is not among `knownIDs` (the ids of the loaded knowledge base): kept,
    /// never deleted, so they can be shown as orphaned and read again if the record comes back.
    public func orphanedNotes(knownIDs: Set<String>) throws(NotebookError) -> [Note] {
        let known = Set(knownIDs.map { $0.lowercased() })
        return try allNotes().filter { !known.contains($0.recordID.lowercased()) }
    }

    /// Counts of record ids that have notes, for showing a marker next to a record in a list.
    public func noteCounts() throws(NotebookError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT recordID, count(*) AS n FROM note GROUP BY recordID COLLATE NOCASE") {
                counts[row["recordID"]] = row["n"]
            }
            return counts
        }
    }

    /// A number that changes when another connection (another window, another process) commits
    /// to the notebook: SQLite's `PRAGMA data_version`, asked of this notebook's one writing
    /// connection (per-connection values, so always the same connection). This notebook's own
    /// commits leave it as it is; they are followed by a reload anyway. Reading it costs one
    /// statement, where reloading reads every note: an idle browser polls this.
    public func changeCounter() throws(NotebookError) -> Int64 {
        do {
            return try database.writeWithoutTransaction { try Int64.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    /// "2010-03-24 09:30" in the user's time zone: how notes and bookmarks show when they were written.
    public static func displayTime(_ date: Date) -> String { Timestamp.display(date) }

    // MARK: Storage

    static func insert(_ note: Note, into db: Database) throws {
        try db.execute(
            sql: "INSERT INTO note (id, recordID, text, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                key(note.id), note.recordID, note.text,
                Timestamp.milliseconds(note.createdAt), Timestamp.milliseconds(note.updatedAt),
            ])
    }

    static func fetchNote(_ id: UUID, _ db: Database) throws -> Note? {
        try fetchNotes(db, sql: "SELECT * FROM note WHERE id = ?", arguments: [key(id)]).first
    }

    static func fetchNotes(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Note] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
            // An id that is not a UUID can only come from editing the file by hand; skip the row
            // rather than fail every read.
            guard let id = UUID(uuidString: row["id"]) else { return nil }
            return Note(
                id: id, recordID: row["recordID"], text: row["text"],
                createdAt: Timestamp.date(row["createdAt"]), updatedAt: Timestamp.date(row["updatedAt"]))
        }
    }

    /// UUIDs are stored lower-case, the form `uuidgen` and most tools print.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func checked(_ recordID: String) throws(NotebookError) -> String {
        let id = recordID.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { throw .emptyRecordID }
        return id
    }

    static func check(_ text: String) throws(NotebookError) {
        try NoteText.validate(text)
    }

    /// One immediate write transaction, committed (and synced) before it returns.
    func write<T>(_ body: (Database) throws -> T) throws(NotebookError) -> T {
        if let writesOff { throw writesOff }
        do {
            return try database.write(body)
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(NotebookError) -> T {
        do {
            return try database.read(body)
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
    }
}
