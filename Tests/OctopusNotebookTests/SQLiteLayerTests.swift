import CSQLite
import Foundation
import Testing
@testable import OctopusNotebook

/// The notebook's own layer over SQLite's C API, and what it took over from full Foundation.
@Suite("Notebook: the SQLite layer and the Foundation it does without")
struct SQLiteLayerTests {
    func memory() throws -> Connection {
        try Connection(path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }

    @Test func textAndIntegersComeBackExactly() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, s TEXT)")
        let texts = ["", "before\0after", "ünïcödé and 🐙", "'quotes' \"too\"; DROP TABLE t", String(repeating: "long ", count: 40_000)]
        for (n, text) in texts.enumerated() { try db.execute("INSERT INTO t (n, s) VALUES (?, ?)", [n, text]) }
        #expect(db.changes == 1)
        #expect(try db.rows("SELECT s FROM t ORDER BY n").map { try $0.string("s") } == texts)
        try db.execute("INSERT INTO t (n, s) VALUES (?, ?)", [Int64.min, String?.none])
        let row = try #require(try db.first("SELECT n, s FROM t WHERE s IS NULL"))
        #expect(try row.int64("n") == Int64.min)
        #expect(try row.value("s") == .null)
        #expect(throws: SQLiteError.self) { try row.string("s") }
        #expect(throws: SQLiteError.self) { try row.int64("missing") }
        try db.execute("UPDATE t SET s = 'x' WHERE n >= 0")
        #expect(db.changes == texts.count)
    }

    @Test func mistakesAreErrorsWithSQLitesCodes() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        let arity = try #require(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?)", []) }
        #expect(arity.code == SQLITE_MISUSE)
        let two = try #require(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?); DELETE FROM t", ["a"]) }
        #expect(two.message.contains("more than one"))
        #expect(try db.first("SELECT count(*) FROM t")?.int64(at: 0) == 0, "nothing of it ran")
        let syntax = try #require(throws: SQLiteError.self) { try db.rows("SELEKT 1") }
        #expect(syntax.primaryCode == SQLITE_ERROR && syntax.message.contains("syntax error"))
        try db.execute("INSERT INTO t VALUES (?)", ["a"])
        let unique = try #require(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?)", ["a"]) }
        #expect(unique.primaryCode == SQLITE_CONSTRAINT)
        #expect(unique.code != unique.primaryCode, "extended codes say which constraint")
        let missing = try #require(throws: SQLiteError.self) {
            try Connection(path: "/nonexistent-folder/x.sqlite", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        }
        #expect(missing.primaryCode == SQLITE_CANTOPEN)
        #expect(NotebookError(missing, path: "/x") == .storageFailed(path: "/x", detail: "cannot open the file: \(missing.message)"))
        #expect(NotebookError(SQLiteError(code: SQLITE_BUSY, message: "database is locked"), path: "/x") == .busy(path: "/x"))
        #expect(NotebookError(SQLiteError(code: SQLITE_NOTADB, message: "file is not a database"), path: "/x").description.contains("damaged"))
        #expect(NotebookError(SQLiteError(code: SQLITE_READONLY | (3 << 8), message: "ro"), path: "/x") == .fileNotWritable(path: "/x"))
    }

    @Test func transactionsCommitOrRollBackWhole() throws {
        let db = try memory()
        try db.execute("CREATE TABLE t (k TEXT PRIMARY KEY)")
        try db.transaction(.immediate) { db in try db.execute("INSERT INTO t VALUES ('kept')") }
        #expect(throws: SQLiteError.self) {
            try db.transaction(.immediate) { db in
                try db.execute("INSERT INTO t VALUES ('undone')")
                try db.execute("INSERT INTO t VALUES ('kept')")
            }
        }
        #expect(try db.rows("SELECT k FROM t").map { try $0.string(at: 0) } == ["kept"])
        #expect(try db.transaction(.deferred) { db in try db.tableExists("T") })
    }

    @Test func thePathOfAnImmutableURIIsPercentEncoded() {
        #expect(NotebookProbe.percentEncoded("/home/d/.local/share/octopus/notebook.sqlite") == "/home/d/.local/share/octopus/notebook.sqlite")
        #expect(NotebookProbe.percentEncoded("/tmp/a b/n?o#t%e/é~_-.sqlite") == "/tmp/a%20b/n%3Fo%23t%25e/%C3%A9~_-.sqlite")
    }

    /// Times show in the time zone TZ names, through the C library (no Foundation time zones).
    @Test(.enabled(if: Binary.available, "needs the built octopus binary (swift build)"))
    func timesShowInTheUsersTimeZone() throws {
        let tmp = TempFolder()
        try Notebook.open(directory: tmp.data).toggleBookmark("art29")
        let marked = try #require(try Notebook.open(directory: tmp.data).bookmarks().first?.createdAt)
        for (tz, offset) in [("UTC0", 0), ("<+0530>-5:30", 19_800), ("<-03>3", -10_800)] {
            let r = try Binary.run(["bookmarks", "--json"], environment: ["OCTOPUS_DATA_DIR": tmp.data, "TZ": tz])
            #expect(r.status == 0, "\(r.stderr)")
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            formatter.timeZone = TimeZone(secondsFromGMT: offset)
            #expect(r.stdout.contains("\"marked\" : \"\(formatter.string(from: marked))\""), "TZ=\(tz): \(r.stdout)")
        }
    }

    /// The immutable fallback, for real, in a folder whose name a URI would misread unencoded.
    @Test(.enabled(if: Binary.canRunAsNobody, "needs root, setpriv and the built binary, to run octopus as nobody"))
    func aReadOnlyFolderWithAStrangeNameIsReadThroughAnEncodedURI() throws {
        let tmp = TempFolder()
        let data = tmp.file("a b?c=1#d%20é")
        let env = ["OCTOPUS_DATA_DIR": data, "HOME": tmp.path]
        #expect(chmod(tmp.path, 0o755) == 0)
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        #expect(chown(data, 65534, 65534) == 0)
        let added = try Binary.run(["notes", "add", "art29", "behind a strange name"], environment: env, input: nil, asNobody: true)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(chmod(data, 0o555) == 0)
        let list = try Binary.run(["notes", "list"], environment: env, input: nil, asNobody: true)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("behind a strange name"))
        #expect(list.stderr.contains("writes are off"))
    }
}
