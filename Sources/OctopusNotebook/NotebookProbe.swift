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

    static func check(_ path: String) throws(NotebookError) -> Verdict {
        var info = stat()
        guard stat(path, &info) == 0 else { return .new }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .damaged(path: path, detail: "it is not a regular file")
        }
        // SQLite treats an empty file as an empty database; nothing in it can be lost.
        if info.st_size == 0 { return .new }
        guard access(path, R_OK | W_OK) == 0 else { throw .fileNotWritable(path: path) }

        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Notebook.busyTimeout)
        config.label = "octopus.notebook.probe"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
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
