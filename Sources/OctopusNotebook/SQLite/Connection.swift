import CSQLite

/// One SQLite connection through the C API, with the little the notebook needs. Every result code
/// is checked, and every statement is finalized before the call that prepared it returns.
///
/// Not Sendable, on purpose: it is opened with SQLITE_OPEN_NOMUTEX (SQLite's "multi-thread" mode,
/// without a lock of its own in every call), which allows any thread but only one at a time. The
/// notebook keeps its connection behind a `Mutex`, which is that guarantee.
final class Connection {
    private let handle: OpaquePointer

    /// Opens `path`, or the `file:` URI in it when `flags` has SQLITE_OPEN_URI.
    init(path: String, flags: Int32) throws(SQLiteError) {
        var opened: OpaquePointer?
        let code = sqlite3_open_v2(path, &opened, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            // A failed open usually still returns a handle, holding the message; it must be
            // closed all the same (closing nil is a no-op).
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(opened)
            throw SQLiteError(code: code, message: message)
        }
        handle = opened
        // Extended codes say more (SQLITE_IOERR_FSYNC, not SQLITE_IOERR); `primaryCode` still
        // gives the primary one. It cannot fail on an open handle.
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        // No statement outlives the call that prepared it, so nothing can keep the close from
        // happening (SQLITE_BUSY); the -wal is checkpointed and removed if this was the last user.
        sqlite3_close(handle)
    }

    /// How long a statement waits for another connection's lock before SQLITE_BUSY.
    func setBusyTimeout(milliseconds: Int32) throws(SQLiteError) {
        let code = sqlite3_busy_timeout(handle, milliseconds)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs every statement of `sql` in turn; none may take arguments (a schema, BEGIN, a pragma).
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw SQLiteError(code: code, message: message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code)))
        }
    }

    /// Runs one statement, `arguments` bound to its `?`s in order, and throws away any rows.
    func execute(_ sql: String, _ arguments: [any SQLBindable]) throws(SQLiteError) {
        _ = try rows(sql, arguments)
    }

    /// Runs one statement, `arguments` bound to its `?`s in order, and returns every row.
    func rows(_ sql: String, _ arguments: [any SQLBindable] = []) throws(SQLiteError) -> [Row] {
        let statement = try prepare(sql)
        // Finalizing returns the code of the last step again, which was checked below.
        defer { sqlite3_finalize(statement) }
        try bind(arguments, to: statement)
        var columns: [String] = []
        for i in 0..<sqlite3_column_count(statement) {
            guard let name = sqlite3_column_name(statement, i) else { throw error(SQLITE_NOMEM) }
            columns.append(String(cString: name))
        }
        var rows: [Row] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return rows }
            guard code == SQLITE_ROW else { throw error(code) }
            var values: [SQLValue] = []
            values.reserveCapacity(columns.count)
            for i in 0..<Int32(columns.count) { values.append(try value(statement, i)) }
            rows.append(Row(columns: columns, values: values))
        }
    }

    /// The first row of `sql`, or nil when there is none.
    func first(_ sql: String, _ arguments: [any SQLBindable] = []) throws(SQLiteError) -> Row? {
        try rows(sql, arguments).first
    }

    /// Whether the schema has a table of that name (names compare without case, as SQL's do).
    func tableExists(_ name: String) throws(SQLiteError) -> Bool {
        try first("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE", [name]) != nil
    }

    enum TransactionKind: String {
        /// Takes the write lock at the first write: for reads, which then see one snapshot.
        case deferred = "DEFERRED"
        /// Takes the write lock at once, waiting up to the busy timeout for it: a write
        /// transaction that starts never fails later with SQLITE_BUSY halfway through.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction committed when it returns; when it throws, or the commit
    /// fails, the transaction is rolled back and the error rethrown: nothing is half written.
    func transaction<T>(_ kind: TransactionKind, _ body: (Connection) throws -> T) throws -> T {
        rollback()  // one that an earlier failed ROLLBACK left open, never to be committed
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        do {
            let result = try body(self)
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Undoes what is left of a failed transaction. SQLite may have rolled it back itself (after
    /// SQLITE_FULL, say), hence the check. A failing ROLLBACK is not reported over the error that
    /// caused it: the next transaction tries again before it begins, closing undoes it too, and
    /// the file never holds half of it either way.
    private func rollback() {
        guard sqlite3_get_autocommit(handle) == 0 else { return }
        sqlite3_exec(handle, "ROLLBACK TRANSACTION", nil, nil, nil)
    }

    // MARK: Statements

    /// One prepared statement for `sql`, which must hold exactly one.
    private func prepare(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        var statement: OpaquePointer?
        var more = false
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            more = tail.map { Self.holdsStatement($0) } ?? false
            return code
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw error(code)
        }
        guard let statement else { throw .misuse("no SQL statement in \"\(sql)\"") }
        if more {
            sqlite3_finalize(statement)
            throw .misuse("more than one SQL statement in \"\(sql)\"")
        }
        return statement
    }

    /// Whether the C string holds anything but spaces and semicolons.
    private static func holdsStatement(_ text: UnsafePointer<CChar>) -> Bool {
        var p = text
        while p.pointee != 0 {
            switch UInt8(bitPattern: p.pointee) {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"): p += 1
            default: return true
            }
        }
        return false
    }

    private func bind(_ arguments: [any SQLBindable], to statement: OpaquePointer) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard arguments.count == expected else { throw .misuse("\(arguments.count) arguments for \(expected) parameters") }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument.sqlValue {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let n): code = sqlite3_bind_int64(statement, index, n)
            case .real(let x): code = sqlite3_bind_double(statement, index, x)
            case .text(let text):
                // With its length, so that SQLite copies every byte (SQLITE_TRANSIENT), not up to a NUL.
                code = text.withCString { octopus_sqlite3_bind_text(statement, index, $0, sqlite3_uint64(text.utf8.count)) }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    private func value(_ statement: OpaquePointer, _ index: Int32) throws(SQLiteError) -> SQLValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, index))
        default:
            // The pointer first, then the length of what it points to, in that order (SQLite's
            // documentation). Nil is an empty blob, or no memory to convert one.
            guard let bytes = sqlite3_column_text(statement, index) else {
                if sqlite3_errcode(handle) == SQLITE_NOMEM { throw error(SQLITE_NOMEM) }
                return .text("")
            }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }

    /// The error for a failed call, with the connection's message when the code is its last.
    private func error(_ code: Int32) -> SQLiteError {
        let message = sqlite3_extended_errcode(handle) == code ? String(cString: sqlite3_errmsg(handle)) : String(cString: sqlite3_errstr(code))
        return SQLiteError(code: code, message: message)
    }
}
