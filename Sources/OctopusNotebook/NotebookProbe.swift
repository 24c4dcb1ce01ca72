import CSQLite
import FoundationEssentials
import Glibc

/// Looks at an existing database file through a read-only connection before anything writes to
/// it. Opening for writing writes (it switches the file to WAL mode and migrates it), and that
/// must never happen to a damaged file, to somebody else's SQLite file, or to a notebook from
/// a newer octopus.
enum NotebookProbe {
    enum Verdict: Equatable {
        /// No file, an empty file, or a file a killed process left before its first migration.
        case new
        /// Our notebook, at a schema version this code knows.
        case notebook
    }

    static func check(_ path: String, isWritable: (String) -> Bool) throws(NotebookError) -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else { return .new }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .damaged(path: path, detail: "it is not a regular file")
        }
        // SQLite treats an empty file as an empty database; nothing in it can be lost.
        if info.st_size == 0 { return .new }
        guard access(path, R_OK) == 0, isWritable(path) else { throw .fileNotWritable(path: path) }
        // Closed when this returns, before the notebook is opened for writing.
        return try inspect(try readOnlyConnection(path), path: path)
    }

    /// A read-only connection to the file. A WAL-mode database normally needs its -shm file, which
    /// SQLite cannot create in a folder it may not write; the file is then opened as immutable,
    /// with no locks and no -shm (a change someone else makes meanwhile is not seen).
    static func readOnlyConnection(_ path: String) throws(NotebookError) -> Connection {
        do throws(SQLiteError) {
            do throws(SQLiteError) {
                return try reader(path, flags: SQLITE_OPEN_READONLY)
            } catch  where error.primaryCode == SQLITE_READONLY || error.primaryCode == SQLITE_CANTOPEN {
                return try reader("file:" + percentEncoded(path) + "?immutable=1", flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
            }
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    private static func reader(_ name: String, flags: Int32) throws(SQLiteError) -> Connection {
        let db = try Connection(path: name, flags: flags)
        try db.setBusyTimeout(milliseconds: Notebook.busyTimeout)
        // Opening is lazy about the WAL; the first read is where it fails.
        _ = try db.first("SELECT count(*) FROM sqlite_master")
        return db
    }

    /// The path as a URI's path: every byte but the unreserved ones and "/" as %XX, so that a
    /// "?", "#" or "%" in a folder's name is not read as the start of the query, fragment or an escape.
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xf)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What the file holds, read through `db` without writing anything.
    static func inspect(_ db: Connection, path: String) throws(NotebookError) -> Verdict {
        do {
            return try db.transaction(.deferred) { db throws -> Verdict in
                let check = try db.rows("PRAGMA quick_check").map { try $0.string(at: 0) }
                guard check == ["ok"] else {
                    throw NotebookError.damaged(path: path, detail: "SQLite's check says: " + check.prefix(3).joined(separator: "; "))
                }
                let appID = try db.first("PRAGMA application_id")?.int64(at: 0) ?? 0
                let tables = Set(
                    try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map { try $0.string(at: 0) })
                if appID == 0 && tables.isSubset(of: Migrations.bootstrapTables) { return .new }
                guard appID == Int64(Migrations.applicationID) else { throw NotebookError.foreign(path: path) }
                if tables.contains("grdb_migrations"), try Migrations.migrator.hasBeenSuperseded(db) {
                    throw NotebookError.newerVersion(path: path)
                }
                return .notebook
            }
        } catch let error as NotebookError {
            throw error
        } catch {
            throw NotebookError(error, path: path)
        }
    }
}

extension NotebookError {
    /// Whether this says the notebook cannot be written (as opposed to read): a reading command
    /// may then open it read-only.
    var refusesWrites: Bool {
        switch self {
        case .folderNotWritable, .fileNotWritable, .storageFailed: true
        default: false
        }
    }

    /// Translates an SQLite error into the user's terms.
    init(_ error: any Error, path: String) {
        if error is Migrator.Superseded {
            self = .newerVersion(path: path)
            return
        }
        guard let sqlite = error as? SQLiteError else {
            self = .storageFailed(path: path, detail: "\(error)")
            return
        }
        let detail = sqlite.description
        switch sqlite.primaryCode {
        case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT:
            self = .damaged(path: path, detail: detail)
        case SQLITE_BUSY, SQLITE_LOCKED:
            self = .busy(path: path)
        case SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH:
            self = .fileNotWritable(path: path)
        case SQLITE_CANTOPEN:
            self = .storageFailed(path: path, detail: "cannot open the file: \(detail)")
        case SQLITE_FULL:
            self = .storageFailed(path: path, detail: "the disk is full")
        default:
            self = .storageFailed(path: path, detail: detail)
        }
    }
}
