import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit

/// The forms notes can be exported in: Markdown to read or print, JSON to move to another machine
/// (`octopus notes import` reads it back).
public enum NotebookExportFormat: String, Sendable, CaseIterable {
    case markdown, json
}

/// The JSON export, version 2 (version 1 had no ratings; an import reads both). Each entry's `CodingKeys` are both what the export writes and every
/// field the import accepts (`fields`): any other field is reported, so a misspelt key never drops a
/// note unnoticed. A later version that adds fields raises `version`, which an import refuses with a
/// message to update, before it looks at the fields.
enum ExportFile {
    static let format = "octopus-notebook"
    static let version = 2

    struct Root: Encodable {
        var format = ExportFile.format
        var version = ExportFile.version
        var exportedAt: String
        var notes: [NoteEntry]
        var bookmarks: [BookmarkEntry]
        var ratings: [RatingEntry]
        enum CodingKeys: String, CodingKey, CaseIterable { case format, version, exportedAt, notes, bookmarks, ratings }
        static let fields = CodingKeys.allCases.map(\.stringValue)
    }
    struct NoteEntry: Encodable {
        var id: String
        var recordID: String
        /// For a person reading the file; ignored on import.
        var recordTitle: String?
        var text: String
        var createdAt: String
        var updatedAt: String
        enum CodingKeys: String, CodingKey, CaseIterable { case id, recordID, recordTitle, text, createdAt, updatedAt }
        static let fields = CodingKeys.allCases.map(\.stringValue)
    }
    struct RatingEntry: Encodable {
        var stateID: String
        /// For a person reading the file; ignored on import.
        var stateName: String?
        var area: String
        var level: String
        var note: String
        var updatedAt: String
        enum CodingKeys: String, CodingKey, CaseIterable { case stateID, stateName, area, level, note, updatedAt }
        static let fields = CodingKeys.allCases.map(\.stringValue)
    }
    struct BookmarkEntry: Encodable {
        var recordID: String
        var createdAt: String
        enum CodingKeys: String, CodingKey, CaseIterable { case recordID, createdAt }
        static let fields = CodingKeys.allCases.map(\.stringValue)
    }
}

extension Notebook {
    // MARK: Export

    /// Every note and bookmark as one document. `title` gives a record's title by id, or nil when
    /// the record is not in the knowledge base: such notes are listed apart as orphaned. Without
    /// it, records are named by id only.
    public func exportNotes(
        format: NotebookExportFormat, title: ((String) -> String?)? = nil,
        exportedAt: Date = Date()
    ) throws(NotebookError) -> String {
        let (notes, bookmarks) = try read { db in
            (
                try Self.fetchNotes(db, sql: "SELECT * FROM note ORDER BY recordID COLLATE NOCASE, createdAt, rowid"),
                try Self.fetchBookmarks(db)
            )
        }
        let ratings = try self.ratings()
        switch format {
        case .json: return Self.json(notes: notes, bookmarks: bookmarks, ratings: ratings, title: title, exportedAt: exportedAt)
        case .markdown: return Self.markdown(notes: notes, bookmarks: bookmarks, ratings: ratings, title: title, exportedAt: exportedAt)
        }
    }

    private static func json(notes: [Note], bookmarks: [Bookmark], ratings: [Rating], title: ((String) -> String?)?, exportedAt: Date) -> String {
        let root = ExportFile.Root(
            exportedAt: Timestamp.iso8601(exportedAt),
            notes: notes.map {
                ExportFile.NoteEntry(
                    id: key($0.id), recordID: $0.recordID, recordTitle: title?($0.recordID), text: $0.text,
                    createdAt: Timestamp.iso8601($0.createdAt), updatedAt: Timestamp.iso8601($0.updatedAt))
            },
            bookmarks: bookmarks.map { ExportFile.BookmarkEntry(recordID: $0.recordID, createdAt: Timestamp.iso8601($0.createdAt)) },
            ratings: ratings.map {
                ExportFile.RatingEntry(
                    stateID: $0.stateID, stateName: title?($0.stateID), area: $0.area, level: $0.level.rawValue, note: $0.note,
                    updatedAt: Timestamp.iso8601($0.updatedAt))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers into JSON cannot fail; "{}" only keeps this total.
        let data = (try? encoder.encode(root)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdown(notes: [Note], bookmarks: [Bookmark], ratings: [Rating], title: ((String) -> String?)?, exportedAt: Date) -> String {
        func heading(_ id: String) -> String {
            guard let t = title?(id) else { return MarkdownLayout.escape(id) }
            return MarkdownLayout.escape(Sanitizer.clean(t)) + " (" + MarkdownLayout.escape(id) + ")"
        }
        let known = notes.filter { title == nil || title?($0.recordID) != nil }
        let orphaned = notes.filter { title != nil && title?($0.recordID) == nil }
        let records = Set(notes.map { $0.recordID.lowercased() }).count
        var out = ["# Notes from octopus", ""]
        out.append(
            "Exported \(Timestamp.display(exportedAt)): \(notes.count) note\(notes.count == 1 ? "" : "s") on \(records) record\(records == 1 ? "" : "s"), \(bookmarks.count) bookmark\(bookmarks.count == 1 ? "" : "s")."
        )
        if !bookmarks.isEmpty {
            out += ["", "## Bookmarks", ""]
            for b in bookmarks {
                let missing = title != nil && title?(b.recordID) == nil ? " (not in this knowledge base)" : ""
                out.append("- \(heading(b.recordID))\(missing), marked \(Timestamp.display(b.createdAt))")
            }
        }
        func section(_ notes: [Note], level: String) {
            var current: String?
            for n in notes {
                if current?.lowercased() != n.recordID.lowercased() {
                    current = n.recordID
                    out += ["", "\(level) \(heading(n.recordID))"]
                }
                out += ["", MarkdownLayout.blockquote(n.text), "", "*" + stamp(n) + "*"]
            }
        }
        section(known, level: "##")
        if !orphaned.isEmpty {
            out += [
                "", "## Orphaned notes", "",
                "These records are not in the current knowledge base. Their notes are kept, not deleted.",
            ]
            section(orphaned, level: "###")
        }
        if notes.isEmpty { out += ["", "No notes yet."] }
        if !ratings.isEmpty {
            out += ["", "## Your ratings of the matrix", ""]
            for r in ratings {
                let note = r.note.isEmpty ? "" : " — " + MarkdownLayout.escape(Sanitizer.clean(r.note))
                out.append("- \(heading(r.stateID)), \(MarkdownLayout.escape(r.area)): **\(r.level.label)**\(note) (rated \(Timestamp.display(r.updatedAt)))")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "Written 2010-03-24 09:30, edited 2010-03-25 11:02 · note 3f2a9c1e"
    static func stamp(_ n: Note) -> String {
        "Written \(Timestamp.display(n.createdAt))" + (n.isEdited ? ", edited \(Timestamp.display(n.updatedAt))" : "") + " · note \(n.shortID)"
    }

    // MARK: Import

    /// Merges a JSON export into the notebook in one transaction: new notes and bookmarks are
    /// added, existing ones are kept as they are, and what was deleted here since the file's
    /// copy of it was last changed stays deleted. A file with any problem of structure imports
    /// nothing; a note that is empty, or holds a character no note may hold (`NoteText`), is
    /// skipped and listed in the report, and the rest is imported: one bad note does not strand
    /// a whole backup.
    public func importNotes(from data: Data, name: String) throws(NotebookError) -> ImportReport {
        try merge(ImportParser.parse(data, name: name))
    }

    /// Checks a JSON export without a notebook: what `importNotes(from:name:)` would merge, or
    /// every problem it would report. The same parser; the fuzz target in Fuzz/ calls it here so
    /// that each input costs no database transaction and leaves no state behind.
    public static func parseExport(_ data: Data, name: String) throws(NotebookError) -> (notes: [Note], bookmarks: [Bookmark]) {
        let parsed = try ImportParser.parse(data, name: name)
        return (parsed.notes, parsed.bookmarks)
    }

    /// Reads `path` and imports it; see `importNotes(from:name:)`. The file is opened as the
    /// loaders open a knowledge base or a tour (`SourceFile`), with the import's own words.
    public func importNotes(fromFile path: String) throws(NotebookError) -> ImportReport {
        let bytes: [UInt8]
        do {
            bytes = try SourceFile.read(path, maxBytes: ImportParser.maxBytes)
        } catch {
            let reason =
                switch error {
                case .missing: "no such file"
                case .directory: "it is a folder"
                case .tooLarge: ImportParser.tooLarge
                case .unreadable: access(path, R_OK) == 0 ? "read error" : "permission denied"
                }
            throw .importUnreadable(file: path, reason: reason)
        }
        return try merge(ImportParser.parse(bytes, name: path))
    }

    private func merge(_ parsed: ImportParser.Parsed) throws(NotebookError) -> ImportReport {
        try write { db in
            var report = ImportReport()
            report.skippedEmpty = parsed.skippedEmpty
            report.refused = parsed.refused
            for note in parsed.notes {
                // Deleted here after the file's last edit of it: deleted on purpose, stays deleted.
                if let deletedAt = try db.first("SELECT deletedAt FROM deletedNote WHERE id = ?", [Self.key(note.id)])?.int64(at: 0),
                    Timestamp.milliseconds(note.updatedAt) <= deletedAt
                {
                    report.deletedHere.append(note.id)
                } else if let existing = try Self.fetchNote(note.id, db) {
                    report.alreadyPresent.append(note.id)
                    if existing.text != note.text || existing.recordID.lowercased() != note.recordID.lowercased() {
                        report.differing.append(note.id)
                    }
                } else {
                    try Self.insert(note, into: db)
                    try db.execute("DELETE FROM deletedNote WHERE id = ?", [Self.key(note.id)])
                    report.added.append(note)
                }
            }
            for b in parsed.bookmarks {
                if let removedAt = try db.first("SELECT deletedAt FROM deletedBookmark WHERE recordID = ?", [b.recordID])?.int64(at: 0),
                    Timestamp.milliseconds(b.createdAt) <= removedAt
                {
                    report.bookmarksRemovedHere.append(b.recordID)
                } else if try db.first("SELECT 1 FROM bookmark WHERE recordID = ?", [b.recordID]) != nil {
                    report.bookmarksAlreadyPresent.append(b.recordID)
                } else {
                    try db.execute("INSERT INTO bookmark (recordID, createdAt) VALUES (?, ?)", [b.recordID, Timestamp.milliseconds(b.createdAt)])
                    try db.execute("DELETE FROM deletedBookmark WHERE recordID = ?", [b.recordID])
                    report.bookmarksAdded.append(b.recordID)
                }
            }
            for r in parsed.ratings {
                let keys: [any SQLBindable] = [r.stateID, r.area]
                if let deletedAt = try db.first("SELECT deletedAt FROM deletedRating WHERE stateID = ? AND area = ?", keys)?.int64(at: 0),
                    Timestamp.milliseconds(r.updatedAt) <= deletedAt
                {
                    report.ratingsClearedHere += 1
                } else if let existing = try Self.fetchRatings(db, sql: "SELECT * FROM rating WHERE stateID = ? AND area = ?", arguments: keys).first {
                    // The notebook's own rating is kept, as a note's text is.
                    report.ratingsAlreadyPresent += 1
                    if existing.level != r.level || existing.note != r.note { report.ratingsDiffering += 1 }
                } else {
                    try Self.insert(r, into: db)
                    try db.execute("DELETE FROM deletedRating WHERE stateID = ? AND area = ?", keys)
                    report.ratingsAdded += 1
                }
            }
            return report
        }
    }
}
