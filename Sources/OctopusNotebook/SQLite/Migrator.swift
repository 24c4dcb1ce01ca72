/// Brings a database's schema up to date: a list of named migrations, applied in the order they
/// were registered, each once.
///
/// The applied ones are listed in `grdb_migrations`, a table named after GRDB: notebooks were
/// created by GRDB's `DatabaseMigrator` before this replaced it, and this keeps its table, its
/// definition and its identifiers, so that an existing notebook is read as migrated and a notebook
/// written here still opens in an octopus of that time.
struct Migrator: Sendable {
    /// The database lists a migration this code does not know: a newer octopus wrote it.
    struct Superseded: Error {}

    private var migrations: [(identifier: String, migrate: @Sendable (Connection) throws -> Void)] = []

    static let table = "grdb_migrations"

    mutating func register(_ identifier: String, _ migrate: @escaping @Sendable (Connection) throws -> Void) {
        precondition(!migrations.contains { $0.identifier == identifier }, "migration \(identifier) registered twice")
        migrations.append((identifier, migrate))
    }

    /// Applies the missing migrations, each in an immediate transaction of its own that also
    /// records it, so that a migration is either wholly applied and listed or neither. Throws
    /// `Superseded` without changing anything when the database is from a newer octopus.
    func migrate(_ db: Connection) throws {
        // As GRDB created it, in a statement of its own: a file may hold only this table when a
        // process was killed before the first migration committed (`Migrations.bootstrapTables`).
        try db.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        let applied = try appliedIdentifiers(db)
        guard applied.isSubset(of: Set(migrations.map(\.identifier))) else { throw Superseded() }
        for migration in migrations where !applied.contains(migration.identifier) {
            try db.transaction(.immediate) { db in
                // Asked again holding the write lock: another process may have applied it meanwhile.
                guard try db.first("SELECT 1 FROM grdb_migrations WHERE identifier = ?", [migration.identifier]) == nil else { return }
                try migration.migrate(db)
                try db.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [migration.identifier])
            }
        }
    }

    /// Every identifier the database lists, known here or not; none when it has no such table.
    func appliedIdentifiers(_ db: Connection) throws -> Set<String> {
        guard try db.tableExists(Self.table) else { return [] }
        return Set(try db.rows("SELECT identifier FROM grdb_migrations").map { row throws(SQLiteError) in try row.string(at: 0) })
    }

    /// Whether the database lists a migration this code does not know.
    func hasBeenSuperseded(_ db: Connection) throws -> Bool {
        let known = Set(migrations.map(\.identifier))
        return try !appliedIdentifiers(db).isSubset(of: known)
    }

    /// Whether every registered migration has been applied.
    func hasCompletedMigrations(_ db: Connection) throws -> Bool {
        try Set(migrations.map(\.identifier)).isSubset(of: appliedIdentifiers(db))
    }
}
