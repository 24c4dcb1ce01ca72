import FoundationEssentials

/// The user's own assessment of one matrix cell (a State × a support area): a level and a short
/// note. Kept in the notebook beside notes, under the same rules (committed before "saved",
/// deletions remembered, exported and imported), and always shown beside the sourced reading,
/// never in its place.
public struct Rating: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case none
        case started
        case inPlace = "in-place"
        case dontKnow = "dont-know"

        public var label: String {
            switch self {
            case .none: "none"
            case .started: "started"
            case .inPlace: "in place"
            case .dontKnow: "don't know"
            }
        }

        /// One letter for a matrix cell: N, S, P, ?
        public var letter: String {
            switch self {
            case .none: "N"
            case .started: "S"
            case .inPlace: "P"
            case .dontKnow: "?"
            }
        }
    }

    /// The State's record id (compared without case, as record ids are).
    public var stateID: String
    /// The support area's id.
    public var area: String
    public var level: Level
    /// What the user wrote beside it; may be empty. Same characters as a note.
    public var note: String
    public var updatedAt: Date

    public init(stateID: String, area: String, level: Level, note: String, updatedAt: Date) {
        self.stateID = stateID; self.area = area; self.level = level; self.note = note; self.updatedAt = updatedAt
    }

    /// When it was last rated, ISO 8601 (as exports write times).
    public var updatedAtISO: String { Timestamp.iso8601(updatedAt) }

    /// "in place: new law passed in 2009"
    public var description: String { level.label + (note.isEmpty ? "" : ": " + note) }

    /// A rating's note may be empty, else it follows the note rule (`NoteText`).
    static func check(_ note: String) throws(NotebookError) {
        guard !note.isEmpty else { return }
        if let violation = NoteText.firstViolation(in: note) { throw .controlCharacter(violation) }
        guard note.utf8.count <= Note.maxTextBytes else { throw .noteTooLong(bytes: note.utf8.count) }
    }
}

extension Notebook {
    // MARK: Ratings

    /// Rates a cell, replacing any earlier rating of it; committed when this returns.
    @discardableResult
    public func rate(stateID: String, area: String, level: Rating.Level, note: String = "") throws(NotebookError) -> Rating {
        let state = try Self.checked(stateID), area = try Self.checked(area)
        try Rating.check(note)
        let now = Timestamp.now()
        let rating = Rating(stateID: state, area: area, level: level, note: note, updatedAt: Timestamp.date(now))
        try write { db in
            try Self.insert(rating, into: db)
            try db.execute("DELETE FROM deletedRating WHERE stateID = ? AND area = ?", [state, area])
        }
        return rating
    }

    /// Removes a cell's rating and remembers it, so an older export does not bring it back.
    /// Returns false when there was none.
    @discardableResult
    public func clearRating(stateID: String, area: String) throws(NotebookError) -> Bool {
        try write { db in
            try db.execute("DELETE FROM rating WHERE stateID = ? AND area = ?", [stateID, area])
            guard db.changes > 0 else { return false }
            try db.execute("INSERT OR REPLACE INTO deletedRating (stateID, area, deletedAt) VALUES (?, ?, ?)", [stateID, area, Timestamp.now()])
            return true
        }
    }

    /// Every rating, by State then area.
    public func ratings() throws(NotebookError) -> [Rating] {
        try read { db in
            // A notebook of an older octopus, open read-only, has no ratings table yet.
            guard try db.tableExists("rating") else { return [] }
            return try Self.fetchRatings(db, sql: "SELECT * FROM rating ORDER BY stateID COLLATE NOCASE, area")
        }
    }

    static func insert(_ r: Rating, into db: Connection) throws {
        try db.execute(
            "INSERT OR REPLACE INTO rating (stateID, area, level, note, updatedAt) VALUES (?, ?, ?, ?, ?)",
            [r.stateID, r.area, r.level.rawValue, r.note, Timestamp.milliseconds(r.updatedAt)])
    }

    static func fetchRatings(_ db: Connection, sql: String, arguments: [any SQLBindable] = []) throws -> [Rating] {
        try db.rows(sql, arguments).compactMap { row in
            // A level this octopus does not know can only come from editing the file by hand.
            guard let level = Rating.Level(rawValue: try row.string("level")) else { return nil }
            return Rating(
                stateID: try row.string("stateID"), area: try row.string("area"), level: level, note: try row.string("note"),
                updatedAt: Timestamp.date(try row.int64("updatedAt")))
        }
    }
}
