import Foundation
import GRDB
import OctopusKit

/// The forms notes can be exported in: Markdown to read or print, JSON to move to another machine
/// (`octopus notes import` reads it back).
public enum NotebookExportFormat: String, Sendable, CaseIterable {
    case markdown, json
}

/// The JSON export, version 1. Unknown keys are ignored on import so a later version can add
/// fields; a later `version` number is refused with a message to update.
private enum ExportFile {
    static let format = "octopus-notebook"
    static let version = 1

    struct Root: Encodable {
        var format = ExportFile.format
        var version = ExportFile.version
        var exportedAt: String
        var notes: [NoteEntry]
        var bookmarks: [BookmarkEntry]
    }
    struct NoteEntry: Encodable {
        var id: String
        var recordID: String
        /// For a person reading the file; ignored on import.
        var recordTitle: String?
        var text: String
        var createdAt: String
        var updatedAt: String
    }
    struct BookmarkEntry: Encodable {
        var recordID: String
        var createdAt: String
    }
}

extension Notebook {
    // MARK: Export

    /// Every note and bookmark as one document. `title` gives a record's title by id, or nil when
    /// the record is not in the knowledge base: such notes are listed apart as orphaned. Without
    /// it, records are named by id only.
    public func exportNotes(format: NotebookExportFormat, title: ((String) -> String?)? = nil,
                            exportedAt: Date = Date()) throws(NotebookError) -> String {
        let (notes, bookmarks) = try read { db in
            (try Self.fetchNotes(db, sql: "SELECT * FROM note ORDER BY recordID COLLATE NOCASE, createdAt, rowid"),
             try Row.fetchAll(db, sql: "SELECT recordID, createdAt FROM bookmark ORDER BY createdAt DESC, rowid DESC").map {
                 Bookmark(recordID: $0["recordID"], createdAt: Timestamp.date($0["createdAt"]))
             })
        }
        switch format {
        case .json: return Self.json(notes: notes, bookmarks: bookmarks, title: title, exportedAt: exportedAt)
        case .markdown: return Self.markdown(notes: notes, bookmarks: bookmarks, title: title, exportedAt: exportedAt)
        }
    }

    private static func json(notes: [Note], bookmarks: [Bookmark], title: ((String) -> String?)?, exportedAt: Date) -> String {
        let root = ExportFile.Root(
            exportedAt: Timestamp.iso8601(exportedAt),
            notes: notes.map {
                ExportFile.NoteEntry(id: key($0.id), recordID: $0.recordID, recordTitle: title?($0.recordID), text: $0.text,
                                     createdAt: Timestamp.iso8601($0.createdAt), updatedAt: Timestamp.iso8601($0.updatedAt))
            },
            bookmarks: bookmarks.map { ExportFile.BookmarkEntry(recordID: $0.recordID, createdAt: Timestamp.iso8601($0.createdAt)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and integers into JSON cannot fail; "{}" only keeps this total.
        let data = (try? encoder.encode(root)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdown(notes: [Note], bookmarks: [Bookmark], title: ((String) -> String?)?, exportedAt: Date) -> String {
        func heading(_ id: String) -> String {
            guard let t = title?(id) else { return MarkdownLayout.escape(id) }
            return MarkdownLayout.escape(Sanitizer.clean(t)) + " (" + MarkdownLayout.escape(id) + ")"
        }
        let known = notes.filter { title == nil || title?($0.recordID) != nil }
        let orphaned = notes.filter { title != nil && title?($0.recordID) == nil }
        let records = Set(notes.map { $0.recordID.lowercased() }).count
        var out = ["# Notes from octopus", ""]
        out.append("Exported \(Timestamp.display(exportedAt)): \(notes.count) note\(notes.count == 1 ? "" : "s") on \(records) record\(records == 1 ? "" : "s"), \(bookmarks.count) bookmark\(bookmarks.count == 1 ? "" : "s").")
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
            out += ["", "## Orphaned notes", "",
                    "These records are not in the current knowledge base. Their notes are kept, not deleted."]
            section(orphaned, level: "###")
        }
        if notes.isEmpty { out += ["", "No notes yet."] }
        return out.joined(separator: "\n") + "\n"
    }

    /// "Written 2010-03-24 09:30, edited 2010-03-25 11:02 · note 3f2a9c1e"
    static func stamp(_ n: Note) -> String {
        "Written \(Timestamp.display(n.createdAt))" + (n.isEdited ? ", edited \(Timestamp.display(n.updatedAt))" : "") + " · note \(n.shortID)"
    }

    // MARK: Import

    /// Merges a JSON export into the notebook in one transaction: new notes and bookmarks are
    /// added, existing ones are kept as they are. A file with any problem of structure imports
    /// nothing; a note that is empty, or holds a character no note may hold (`NoteText`), is
    /// skipped and listed in the report, and the rest is imported: one bad note does not strand
    /// a whole backup.
    public func importNotes(from data: Data, name: String) throws(NotebookError) -> ImportReport {
        let parsed = try ImportParser.parse(data, name: name)
        let (notes, bookmarks) = (parsed.notes, parsed.bookmarks)
        return try write { db in
            var report = ImportReport()
            report.skippedEmpty = parsed.skippedEmpty
            report.refused = parsed.refused
            for note in notes {
                if let existing = try Self.fetchNote(note.id, db) {
                    report.alreadyPresent.append(note.id)
                    if existing.text != note.text || existing.recordID.lowercased() != note.recordID.lowercased() {
                        report.differing.append(note.id)
                    }
                } else {
                    try Self.insert(note, into: db)
                    report.added.append(note)
                }
            }
            for b in bookmarks {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM bookmark WHERE recordID = ?", arguments: [b.recordID]) == true {
                    report.bookmarksAlreadyPresent.append(b.recordID)
                } else {
                    try db.execute(sql: "INSERT INTO bookmark (recordID, createdAt) VALUES (?, ?)",
                                   arguments: [b.recordID, Timestamp.milliseconds(b.createdAt)])
                    report.bookmarksAdded.append(b.recordID)
                }
            }
            return report
        }
    }

    /// Checks a JSON export without a notebook: what `importNotes(from:name:)` would merge, or
    /// every problem it would report. The same parser; the fuzz target in Fuzz/ calls it here so
    /// that each input costs no database transaction and leaves no state behind.
    public static func parseExport(_ data: Data, name: String) throws(NotebookError) -> (notes: [Note], bookmarks: [Bookmark]) {
        let parsed = try ImportParser.parse(data, name: name)
        return (parsed.notes, parsed.bookmarks)
    }

    /// Reads `path` and imports it; see `importNotes(from:name:)`.
    public func importNotes(fromFile path: String) throws(NotebookError) -> ImportReport {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .importUnreadable(file: path, reason: "no such file")
        }
        guard !isDir.boolValue else { throw .importUnreadable(file: path, reason: "it is a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .importUnreadable(file: path, reason: access(path, R_OK) == 0 ? "read error" : "permission denied")
        }
        return try importNotes(from: data, name: path)
    }
}

/// Checks a JSON export completely before anything is written, collecting every problem as
/// `file:line:column: path: message`.
private struct ImportParser {
    let name: String
    var problems: [Diagnostic] = []
    /// Notes left out without refusing the file (see `importNotes(from:name:)`).
    var skippedEmpty: [Diagnostic] = []
    var refused: [Diagnostic] = []

    struct Parsed { var notes: [Note]; var bookmarks: [Bookmark]; var skippedEmpty: [Diagnostic]; var refused: [Diagnostic] }

    static func parse(_ data: Data, name: String) throws(NotebookError) -> Parsed {
        // Larger than any real export; refuse before parsing rather than use the memory.
        guard data.count <= 256 * 1024 * 1024 else {
            throw .importUnreadable(file: name, reason: "the file is larger than 256 MB, too large to be a notes export")
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse([UInt8](data))
        } catch {
            throw .importMalformed(file: name, problems: [Diagnostic(file: name, position: error.position, path: JSONPath(), message: error.message)])
        }
        var parser = ImportParser(name: name)
        let result = parser.document(root)
        guard parser.problems.isEmpty else { throw .importMalformed(file: name, problems: parser.problems.sorted()) }
        return Parsed(notes: result.0, bookmarks: result.1, skippedEmpty: parser.skippedEmpty, refused: parser.refused)
    }

    private mutating func problem(_ node: JSONNode, _ path: JSONPath, _ message: String) {
        problems.append(Diagnostic(file: name, position: node.position, path: path, message: message))
    }

    private func member(_ key: String, of node: JSONNode) -> JSONNode? {
        guard case .object(let members) = node.value else { return nil }
        return members.last { $0.key == key }?.value
    }

    private mutating func document(_ root: JSONNode) -> ([Note], [Bookmark]) {
        let path = JSONPath()
        guard case .object = root.value else {
            problem(root, path, "expected an object with \"format\": \"\(ExportFile.format)\", found \(root.typeName)")
            return ([], [])
        }
        guard let format = member("format", of: root), case .string(let f) = format.value, f == ExportFile.format else {
            problem(member("format", of: root) ?? root, path.appending("format"),
                    "this is not an octopus notes export (expected \"format\": \"\(ExportFile.format)\")")
            return ([], [])
        }
        if let v = member("version", of: root) {
            guard case .number(let n) = v.value, n == n.rounded(), n >= 1 else {
                problem(v, path.appending("version"), "expected a whole number ≥ 1, found \(v.typeName)")
                return ([], [])
            }
            guard n <= Double(ExportFile.version) else {
                // Int(exactly:) and not Int(_:): a version such as 12e226 is still a whole number (found by fuzzing).
                let shown = Int(exactly: n).map(String.init) ?? String(n)
                problem(v, path.appending("version"), "written by a newer octopus (version \(shown)); update octopus to import it")
                return ([], [])
            }
        } else {
            problem(root, path.appending("version"), "missing; expected \(ExportFile.version)")
        }
        let notes = array("notes", of: root, path) { p, node, at in p.note(node, at) }
        let bookmarks = array("bookmarks", of: root, path) { p, node, at in p.bookmark(node, at) }
        return (notes, bookmarks)
    }

    private mutating func array<T>(_ key: String, of root: JSONNode, _ path: JSONPath,
                                   _ item: (inout ImportParser, JSONNode, JSONPath) -> T?) -> [T] {
        guard let node = member(key, of: root) else { return [] }   // an export may have no bookmarks
        guard case .array(let items) = node.value else {
            problem(node, path.appending(key), "expected an array, found \(node.typeName)")
            return []
        }
        return items.enumerated().compactMap { i, n in item(&self, n, path.appending(key).appending(i)) }
    }

    private mutating func note(_ node: JSONNode, _ path: JSONPath) -> Note? {
        guard case .object = node.value else { problem(node, path, "expected an object, found \(node.typeName)"); return nil }
        let id = string("id", node, path).flatMap { s -> UUID? in
            guard let u = UUID(uuidString: s) else {
                problem(member("id", of: node) ?? node, path.appending("id"), "\"\(s.prefix(60))\" is not a UUID"); return nil
            }
            return u
        }
        let recordID = string("recordID", node, path).flatMap { recordIDValue($0, node, path) }
        let textNode = member("text", of: node) ?? node
        var skip: (into: WritableKeyPath<ImportParser, [Diagnostic]>, message: String)?
        let text = string("text", node, path).flatMap { t -> String? in
            // The same rule as `Notebook.addNote` (`NoteText.validate`), but a failure skips the note.
            do throws(NotebookError) {
                try NoteText.validate(t)
            } catch {
                switch error {
                case .emptyNote: skip = (\.skippedEmpty, "the note is empty; skipped")
                case .controlCharacter(let v):
                    skip = (\.refused, "the note contains the control character \(v); not imported. "
                            + "Remove that character from the file and import it again (notes already imported are not added twice)")
                default: problem(textNode, path.appending("text"), "longer than \(Note.maxTextBytes) bytes")
                }
                return nil
            }
            return t
        }
        let created = date("createdAt", node, path, required: true)
        let updated = date("updatedAt", node, path, required: false) ?? created
        // Skipped only when the rest of the entry is sound: a damaged entry is a problem of the file.
        if let skip, id != nil, recordID != nil, created != nil {
            self[keyPath: skip.into].append(Diagnostic(file: name, position: textNode.position, path: path.appending("text"), message: skip.message))
        }
        guard let id, let recordID, let text, let created, let updated else { return nil }
        return Note(id: id, recordID: recordID, text: text, createdAt: created, updatedAt: max(created, updated))
    }

    private mutating func bookmark(_ node: JSONNode, _ path: JSONPath) -> Bookmark? {
        guard case .object = node.value else { problem(node, path, "expected an object, found \(node.typeName)"); return nil }
        let recordID = string("recordID", node, path).flatMap { recordIDValue($0, node, path) }
        let created = date("createdAt", node, path, required: true)
        guard let recordID, let created else { return nil }
        return Bookmark(recordID: recordID, createdAt: created)
    }

    private mutating func recordIDValue(_ s: String, _ node: JSONNode, _ path: JSONPath) -> String? {
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        // Record ids are short words ("art29", "PT"); anything else is a damaged file.
        guard !trimmed.isEmpty, trimmed.count <= 200, Sanitizer.clean(trimmed) == trimmed else {
            problem(member("recordID", of: node) ?? node, path.appending("recordID"), "not a record id"); return nil
        }
        return trimmed
    }

    private mutating func string(_ key: String, _ node: JSONNode, _ path: JSONPath) -> String? {
        guard let value = member(key, of: node) else { problem(node, path.appending(key), "missing"); return nil }
        guard case .string(let s) = value.value else {
            problem(value, path.appending(key), "expected a string, found \(value.typeName)"); return nil
        }
        return s
    }

    private mutating func date(_ key: String, _ node: JSONNode, _ path: JSONPath, required: Bool) -> Date? {
        guard member(key, of: node) != nil || required else { return nil }
        guard let s = string(key, node, path) else { return nil }
        guard let d = Timestamp.parse(s) else {
            problem(member(key, of: node) ?? node, path.appending(key), "\"\(s.prefix(40))\" is not an ISO 8601 date and time (e.g. 2010-03-24T09:30:00.000Z)")
            return nil
        }
        return Timestamp.date(Timestamp.milliseconds(d))
    }
}
