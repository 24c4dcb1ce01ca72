import Foundation
import GRDB

/// Looks at an existing database file through a read-only connection before anything writes to
/// it. Opening a pool writes (it switches the file to WAL mode and GRDB touches the schema), and
/// that must never happen to a damaged file, to somebody else's SQLite file, or to a notebook from
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
        let queue = try readOnlyQueue(path)
        defer { try? queue.close() }
        return try inspect(queue, path: path)
    }

    /// A read-only connection to the file. A WAL-mode database normally needs its -shm file, which
    /// SQLite cannot create in a folder it may not write; the file is then opened as immutable,
    /// with no locks and no -shm (a change someone else makes meanwhile is not seen).
    static func readOnlyQueue(_ path: String) throws(NotebookError) -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Notebook.busyTimeout)
        config.label = "octopus.notebook.reader"
        do {
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                // Connecting is lazy about the WAL; the first read is where it fails.
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
                let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
                let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
                return try DatabaseQueue(path: uri, configuration: config)
            }
        } catch {
            throw NotebookError(error, path: path)
        }
    }

    /// What the file holds, read through `queue` without writing anything.
    static func inspect(_ queue: DatabaseQueue, path: String) throws(NotebookError) -> Verdict {
        do {
            return try queue.read { db throws -> Verdict in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                guard check == ["ok"] else {
                    throw NotebookError.damaged(path: path, detail: "SQLite's check says: " + check.prefix(3).joined(separator: "; "))
                }
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
                if appID == 0 && tables.isSubset(of: Migrations.bootstrapTables) { return .new }
                guard appID == Migrations.applicationID else { throw NotebookError.foreign(path: path) }
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
        guard let db = error as? DatabaseError else {
            self = .storageFailed(path: path, detail: "\(error)")
            return
        }
        let detail = db.message ?? "SQLite error \(db.resultCode.rawValue)"
        switch db.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            self = .damaged(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            self = .fileNotWritable(path: path)
        case .SQLITE_CANTOPEN:
            self = .storageFailed(path: path, detail: "cannot open the file: \(detail)")
        case .SQLITE_FULL:
            self = .storageFailed(path: path, detail: "the disk is full")
        default:
            self = .storageFailed(path: path, detail: detail)
        }
    }
}
