import CSQLite
import FoundationEssentials
import OctopusKit
import Glibc
import Synchronization

/// The user's bookmarks, notes and ratings: one SQLite database (WAL mode, through `Connection`,
/// our layer over SQLite's C API) in `$XDG_DATA_HOME/octopus/`, kept apart from the bundled
/// knowledge base.
///
/// Guarantees:
/// - every method that changes something returns only after the transaction has committed, with
///   `synchronous = FULL`, so "saved" on screen means saved on disk;
/// - several instances (windows, processes) can use the same file at once: each write is an
///   immediate transaction and waits up to `busyTimeout` for another writer to finish, and every
///   read sees what the others have committed;
/// - a write that fails or throws is rolled back whole: nothing of it reaches the file;
/// - a file that is damaged, foreign, or from a newer octopus is never written, moved or
///   recreated: opening it throws a `NotebookError` that tells the user what to do.
public final class Notebook: Sendable {
    /// The folder holding the database.
    public let directory: String
    /// The database file.
    public let path: String
    /// The one connection, for reads and writes (read-only when `writesOff` says why), used by
    /// one thread at a time. GRDB's pool gave reads connections of their own, to run beside a
    /// write; octopus has no use for that: its reads and writes take milliseconds and come one
    /// after another in a window, and other windows and processes have connections of their
    /// own. One is also the connection `changeCounter()` must ask, and one page cache, not several.
    private let connection: Mutex<Connection>
    /// Why writes are off, when the notebook could only be opened for reading (a folder or file
    /// without write permission, a full disk): every write throws this, every read works.
    public let writesOff: NotebookError?

    /// How long a write waits for another process's write to finish before giving up. Writes are
    /// a few milliseconds; this only runs out if something holds the file locked.
    static let busyTimeout: Int32 = 10_000  // milliseconds

    private init(directory: String, path: String, connection: sending Connection, writesOff: NotebookError?) {
        self.directory = directory; self.path = path; self.connection = Mutex(connection); self.writesOff = writesOff
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
        let path = Path.join(dir, NotebookLocation.fileName)
        do {
            return try openForWriting(dir, path, isWritable: isWritable)
        } catch {
            guard readOnlyIfNeeded, error.refusesWrites, Self.exists(directory: dir) else { throw error }
            do throws(NotebookError) {
                let reader = try NotebookProbe.readOnlyConnection(path)
                guard try NotebookProbe.inspect(reader, path: path) == .notebook else { throw error }
                return Notebook(directory: dir, path: path, connection: reader, writesOff: error)
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
        let connection: Connection
        do {
            connection = try whileOpening(path) {
                let db = try Connection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                try db.setBusyTimeout(milliseconds: busyTimeout)
                // WAL: a reader never waits for a writer, nor a writer for readers. A file system
                // that cannot give it (no shared memory) fails here rather than run in another mode.
                let mode = try db.first("PRAGMA journal_mode = WAL")?.string(at: 0)
                guard mode == "wal" else {
                    throw SQLiteError(code: SQLITE_ERROR, message: "could not switch it to WAL mode, it stays \(mode ?? "unknown")")
                }
                // NORMAL, usual in WAL mode (and GRDB's choice), survives a crash but may lose the
                // last commits on power loss. FULL syncs the log at every commit, so "saved" holds
                // when the laptop's battery dies too; a note costs one fsync.
                try db.execute("PRAGMA synchronous = FULL")
                try Migrations.migrator.migrate(db)
                return db
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
        NotebookLocation.makePrivate(path)
        return Notebook(directory: dir, path: path, connection: connection, writesOff: nil)
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
        Path.join(try resolve(directory), NotebookLocation.fileName)
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
        let folder = Path.folder(path)
        let fd = Glibc.open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
            if try db.first("SELECT 1 FROM bookmark WHERE recordID = ?", [id]) != nil {
                try db.execute("DELETE FROM bookmark WHERE recordID = ?", [id])
                try db.execute("INSERT OR REPLACE INTO deletedBookmark (recordID, deletedAt) VALUES (?, ?)", [id, now])
                return false
            }
            try db.execute("INSERT INTO bookmark (recordID, createdAt) VALUES (?, ?)", [id, now])
            try db.execute("DELETE FROM deletedBookmark WHERE recordID = ?", [id])
            return true
        }
    }

    public func isBookmarked(_ recordID: String) throws(NotebookError) -> Bool {
        try read { db in try db.first("SELECT 1 FROM bookmark WHERE recordID = ?", [recordID]) != nil }
    }

    /// Every bookmark, the most recently marked first.
    public func bookmarks() throws(NotebookError) -> [Bookmark] {
        try read { db in try Self.fetchBookmarks(db) }
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
            try db.execute("UPDATE note SET text = ?, updatedAt = max(?, createdAt) WHERE id = ?", [text, now, Self.key(id)])
            guard db.changes > 0, let note = try Self.fetchNote(id, db) else { throw NotebookError.noteNotFound(id) }
            return note
        }
    }

    /// Deletes a note, and remembers that it did, so an import of an older export does not bring
    /// it back. Returns false if there was no such note (another window may have deleted it).
    @discardableResult
    public func deleteNote(id: UUID) throws(NotebookError) -> Bool {
        try write { db in
            try db.execute("DELETE FROM note WHERE id = ?", [Self.key(id)])
            guard db.changes > 0 else { return false }
            try db.execute("INSERT OR REPLACE INTO deletedNote (id, deletedAt) VALUES (?, ?)", [Self.key(id), Timestamp.now()])
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
            for row in try db.rows("SELECT recordID, count(*) AS n FROM note GROUP BY recordID COLLATE NOCASE") {
                counts[try row.string("recordID")] = try row.int("n")
            }
            return counts
        }
    }

    /// A number that changes when another connection (another window, another process) commits
    /// to the notebook: SQLite's `PRAGMA data_version`, asked of this notebook's one connection
    /// (per-connection values, so always the same connection). This notebook's own
    /// commits leave it as it is; they are followed by a reload anyway. Reading it costs one
    /// statement, where reloading reads every note: an idle browser polls this.
    public func changeCounter() throws(NotebookError) -> Int64 {
        do {
            return try connection.withLock { db throws(SQLiteError) in try db.first("PRAGMA data_version")?.int64(at: 0) ?? 0 }
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    /// "2010-03-24 09:30" in the user's time zone: how notes and bookmarks show when they were written.
    public static func displayTime(_ date: Date) -> String { Timestamp.display(date) }

    // MARK: Storage

    static func insert(_ note: Note, into db: Connection) throws {
        try db.execute(
            "INSERT INTO note (id, recordID, text, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)",
            [
                key(note.id), note.recordID, note.text,
                Timestamp.milliseconds(note.createdAt), Timestamp.milliseconds(note.updatedAt),
            ])
    }

    static func fetchNote(_ id: UUID, _ db: Connection) throws -> Note? {
        try fetchNotes(db, sql: "SELECT * FROM note WHERE id = ?", arguments: [key(id)]).first
    }

    static func fetchNotes(_ db: Connection, sql: String, arguments: [any SQLBindable] = []) throws -> [Note] {
        try db.rows(sql, arguments).compactMap { row in
            // An id that is not a UUID can only come from editing the file by hand; skip the row
            // rather than fail every read.
            guard let id = UUID(uuidString: try row.string("id")) else { return nil }
            return Note(
                id: id, recordID: try row.string("recordID"), text: try row.string("text"),
                createdAt: Timestamp.date(try row.int64("createdAt")), updatedAt: Timestamp.date(try row.int64("updatedAt")))
        }
    }

    static func fetchBookmarks(_ db: Connection) throws -> [Bookmark] {
        try db.rows("SELECT recordID, createdAt FROM bookmark ORDER BY createdAt DESC, rowid DESC").map { row in
            Bookmark(recordID: try row.string("recordID"), createdAt: Timestamp.date(try row.int64("createdAt")))
        }
    }

    /// UUIDs are stored lower-case, the form `uuidgen` and most tools print.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func checked(_ recordID: String) throws(NotebookError) -> String {
        let id = recordID.trimmed()
        guard !id.isEmpty else { throw .emptyRecordID }
        return id
    }

    static func check(_ text: String) throws(NotebookError) {
        try NoteText.validate(text)
    }

    /// One immediate write transaction, committed (and synced) before it returns, rolled back
    /// when `body` throws. `body` is `@Sendable` so that it can hold nothing the connection could
    /// be left in: region checking then knows the connection stays behind the lock.
    func write<T: Sendable>(_ body: @Sendable (Connection) throws -> T) throws(NotebookError) -> T {
        if let writesOff { throw writesOff }
        do {
            return try connection.withLock { db throws -> T in try db.transaction(.immediate, body) }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    /// One read transaction: what `body` reads is one snapshot, whatever others commit meanwhile.
    func read<T: Sendable>(_ body: @Sendable (Connection) throws -> T) throws(NotebookError) -> T {
        do {
            return try connection.withLock { db throws -> T in try db.transaction(.deferred, body) }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
    }
}
