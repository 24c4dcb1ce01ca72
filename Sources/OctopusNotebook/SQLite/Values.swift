import CSQLite

/// A failed SQLite call: its result code (extended, e.g. SQLITE_IOERR_FSYNC) and SQLite's message.
struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    var code: Int32
    var message: String

    /// The primary result code (SQLITE_IOERR for SQLITE_IOERR_FSYNC): what callers decide on.
    var primaryCode: Int32 { code & 0xff }

    var description: String { message.isEmpty ? "SQLite error \(code)" : message }

    /// An error of ours about a statement or a row, not one SQLite returned.
    static func misuse(_ message: String) -> SQLiteError { SQLiteError(code: SQLITE_MISUSE, message: message) }
}

/// One value as SQLite stores it. Blobs are read as UTF-8 text: the notebook stores none, and one
/// written by hand into a text column is read as its text.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// What a statement's `?` can be bound to.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    var sqlValue: SQLValue { self }
}

extension String: SQLBindable {
    var sqlValue: SQLValue { .text(self) }
}

extension Int64: SQLBindable {
    var sqlValue: SQLValue { .integer(self) }
}

extension Int: SQLBindable {
    var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One result row, its values read by column name (as the statement names them) or position.
struct Row: Sendable {
    /// Shared by every row of one statement.
    let columns: [String]
    let values: [SQLValue]

    func value(_ column: String) throws(SQLiteError) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { throw .misuse("no column \(column) in the result") }
        return values[index]
    }

    func value(at index: Int) throws(SQLiteError) -> SQLValue {
        guard values.indices.contains(index) else { throw .misuse("no column \(index) in the result") }
        return values[index]
    }

    func string(_ column: String) throws(SQLiteError) -> String { try Self.string(try value(column), column) }
    func string(at index: Int) throws(SQLiteError) -> String { try Self.string(try value(at: index), "\(index)") }
    func int64(_ column: String) throws(SQLiteError) -> Int64 { try Self.int64(try value(column), column) }
    func int64(at index: Int) throws(SQLiteError) -> Int64 { try Self.int64(try value(at: index), "\(index)") }

    func int(_ column: String) throws(SQLiteError) -> Int {
        let n = try int64(column)
        guard let int = Int(exactly: n) else { throw .misuse("column \(column) holds \(n), too large") }
        return int
    }

    /// Text as stored; a number in a text column reads as SQLite would print it. NULL is an
    /// error: every text column of the notebook is NOT NULL.
    private static func string(_ value: SQLValue, _ column: String) throws(SQLiteError) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let n): return String(n)
        case .real(let x): return String(x)
        case .null: throw .misuse("column \(column) is NULL")
        }
    }

    /// An integer as stored, or a real with no fraction; anything else is an error.
    private static func int64(_ value: SQLValue, _ column: String) throws(SQLiteError) -> Int64 {
        if case .integer(let n) = value { return n }
        if case .real(let x) = value, let n = Int64(exactly: x) { return n }
        throw .misuse("column \(column) holds \(value), not an integer")
    }
}
