/// The notebook's schema, as a list of migrations that only ever grows. A migration, once
/// shipped, is never edited: a later change is a new migration appended here.
enum Migrations {
    /// Stored in the SQLite header (`PRAGMA application_id`): "OCTO". It tells our database from
    /// any other SQLite file that happens to sit at the same path.
    static let applicationID: Int32 = 0x4F43_544F

    static let migrator: Migrator = {
        var migrator = Migrator()
        migrator.register("v1: bookmarks and notes") { db in
            try db.execute("PRAGMA application_id = \(applicationID)")
            // Record ids compare without case, as the knowledge base looks them up ("pt" is PT).
            try db.execute(
                """
                CREATE TABLE bookmark (
                    recordID TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                    createdAt INTEGER NOT NULL
                );
                CREATE TABLE note (
                    id TEXT NOT NULL PRIMARY KEY,
                    recordID TEXT NOT NULL COLLATE NOCASE,
                    text TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL
                );
                CREATE INDEX note_recordID ON note(recordID);
                """)
        }
        // A deletion is remembered, so importing an older export does not bring back what the
        // user deleted on purpose.
        migrator.register("v2: deletions remembered") { db in
            try db.execute(
                """
                CREATE TABLE deletedNote (
                    id TEXT NOT NULL PRIMARY KEY,
                    deletedAt INTEGER NOT NULL
                );
                CREATE TABLE deletedBookmark (
                    recordID TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
                    deletedAt INTEGER NOT NULL
                );
                """)
        }
        // The user's own ratings of matrix cells (a State × a support area), one per cell.
        migrator.register("v3: ratings") { db in
            try db.execute(
                """
                CREATE TABLE rating (
                    stateID TEXT NOT NULL COLLATE NOCASE,
                    area TEXT NOT NULL,
                    level TEXT NOT NULL,
                    note TEXT NOT NULL,
                    updatedAt INTEGER NOT NULL,
                    PRIMARY KEY (stateID, area)
                );
                CREATE TABLE deletedRating (
                    stateID TEXT NOT NULL COLLATE NOCASE,
                    area TEXT NOT NULL,
                    deletedAt INTEGER NOT NULL,
                    PRIMARY KEY (stateID, area)
                );
                """)
        }
        return migrator
    }()

    /// Tables a brand-new file may hold before the first migration has committed (a process
    /// killed between creating the file and migrating it): such a file is ours, not foreign. The
    /// migrator creates the first; GRDB, which opened notebooks before, created and dropped the
    /// second at once, so an octopus of that time killed in between left it.
    static let bootstrapTables: Set<String> = ["grdb_migrations", "grdb_issue_102"]
}
