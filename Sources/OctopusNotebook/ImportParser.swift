import FoundationEssentials
import OctopusKit

/// Checks a JSON export completely before anything is written, collecting every problem as
/// `file:line:column: path: message`. Fields are read through the loaders' `NodeReader`, so an
/// import file is held to the rules of a knowledge base: a field that appears twice, or one no
/// export writes (`ExportFile`), is a located problem like a wrong type, and the file imports nothing.
struct ImportParser {
    /// Larger than any real export; refused before parsing rather than use the memory.
    static let maxBytes = 256 * 1024 * 1024
    static let tooLarge = "the file is larger than 256 MB, too large to be a notes export"

    let name: String
    let sink: DiagnosticSink
    /// Notes left out without refusing the file (see `Notebook.importNotes(from:name:)`).
    var skippedEmpty: [Diagnostic] = []
    var refused: [Diagnostic] = []

    struct Parsed { var notes: [Note]; var bookmarks: [Bookmark]; var ratings: [Rating]; var skippedEmpty: [Diagnostic]; var refused: [Diagnostic] }

    static func parse(_ data: Data, name: String) throws(NotebookError) -> Parsed {
        // Checked before the copy into an array, not only after it.
        guard data.count <= maxBytes else { throw .importUnreadable(file: name, reason: tooLarge) }
        return try parse([UInt8](data), name: name)
    }

    static func parse(_ bytes: [UInt8], name: String) throws(NotebookError) -> Parsed {
        // Also here: a pipe or a growing file has no size to check before it is read.
        guard bytes.count <= maxBytes else { throw .importUnreadable(file: name, reason: tooLarge) }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .importMalformed(file: name, problems: [Diagnostic(file: name, position: error.position, path: JSONPath(), message: error.message)])
        }
        var parser = ImportParser(name: name, sink: DiagnosticSink(file: name))
        let (notes, bookmarks, ratings) = parser.document(root)
        guard parser.sink.isEmpty else {
            throw .importMalformed(file: name, problems: parser.sink.diagnostics.sorted(), omitted: parser.sink.omitted)
        }
        return Parsed(notes: notes, bookmarks: bookmarks, ratings: ratings, skippedEmpty: parser.skippedEmpty, refused: parser.refused)
    }

    private func problem(_ position: SourcePosition, _ path: JSONPath, _ message: String) {
        sink.report(position, path, message)
    }

    private mutating func document(_ root: JSONNode) -> ([Note], [Bookmark], [Rating]) {
        let path = JSONPath()
        // Format and version first, and alone: a file that is not an export, or that a newer octopus
        // wrote (with fields this one does not know), is told only that. Hence a sink of its own here,
        // dropped; the fields are checked by the second reader, once the version is one we read.
        guard let header = NodeReader(root, path: path, sink: DiagnosticSink(file: name), fields: ExportFile.Root.fields) else {
            problem(root.position, path, "expected an object with \"format\": \"\(ExportFile.format)\", found \(root.typeName)")
            return ([], [], [])
        }
        guard let format = header.node("format"), case .string(let f) = format.value, f == ExportFile.format else {
            problem(
                header.position("format"), path.appending("format"),
                "this is not an octopus notes export (expected \"format\": \"\(ExportFile.format)\")")
            return ([], [], [])
        }
        if let v = header.node("version") {
            guard case .number(let n) = v.value, n == n.rounded(), n >= 1 else {
                problem(v.position, path.appending("version"), "expected a whole number ≥ 1, found \(v.typeName)")
                return ([], [], [])
            }
            guard n <= Double(ExportFile.version) else {
                // Int(exactly:) and not Int(_:): a version such as 12e226 is still a whole number (found by fuzzing).
                let shown = Int(exactly: n).map(String.init) ?? String(n)
                problem(v.position, path.appending("version"), "written by a newer octopus (version \(shown)); update octopus to import it")
                return ([], [], [])
            }
        } else {
            problem(root.position, path.appending("version"), "missing; expected \(ExportFile.version)")
        }
        guard let r = NodeReader(root, path: path, sink: sink, fields: ExportFile.Root.fields) else { return ([], [], []) }
        // An export may have no bookmarks, or no notes.
        let notes = r.array("notes") { node, at in note(node, at) }
        let bookmarks = r.array("bookmarks") { node, at in bookmark(node, at) }
        let ratings = r.array("ratings") { node, at in rating(node, at) }
        return (notes, bookmarks, ratings)
    }

    private mutating func note(_ node: JSONNode, _ path: JSONPath) -> Note? {
        guard let r = NodeReader(node, path: path, sink: sink, fields: ExportFile.NoteEntry.fields) else { return nil }
        let id = string(r, "id").flatMap { s -> UUID? in
            guard let u = UUID(uuidString: s) else {
                problem(r.position("id"), path.appending("id"), "\"\(s.prefix(60))\" is not a UUID"); return nil
            }
            return u
        }
        let recordID = string(r, "recordID").flatMap { recordIDValue($0, r) }
        var skip: (into: WritableKeyPath<ImportParser, [Diagnostic]>, message: String)?
        let text = string(r, "text").flatMap { t -> String? in
            // The same rule as `Notebook.addNote` (`NoteText.validate`), but a failure skips the note.
            do throws(NotebookError) {
                try NoteText.validate(t)
            } catch {
                switch error {
                case .emptyNote: skip = (\.skippedEmpty, "the note is empty; skipped")
                case .controlCharacter(let v):
                    skip = (
                        \.refused,
                        "the note contains the control character \(v); not imported. "
                            + "Remove that character from the file and import it again (notes already imported are not added twice)"
                    )
                default: problem(r.position("text"), path.appending("text"), "longer than \(Note.maxTextBytes) bytes")
                }
                return nil
            }
            return t
        }
        let created = date(r, "createdAt", required: true)
        let updated = date(r, "updatedAt", required: false) ?? created
        // Skipped only when the rest of the entry is sound: a damaged entry is a problem of the file.
        if let skip, id != nil, recordID != nil, created != nil {
            self[keyPath: skip.into].append(Diagnostic(file: name, position: r.position("text"), path: path.appending("text"), message: skip.message))
        }
        guard let id, let recordID, let text, let created, let updated else { return nil }
        return Note(id: id, recordID: recordID, text: text, createdAt: created, updatedAt: max(created, updated))
    }

    private func bookmark(_ node: JSONNode, _ path: JSONPath) -> Bookmark? {
        guard let r = NodeReader(node, path: path, sink: sink, fields: ExportFile.BookmarkEntry.fields) else { return nil }
        let recordID = string(r, "recordID").flatMap { recordIDValue($0, r) }
        let created = date(r, "createdAt", required: true)
        guard let recordID, let created else { return nil }
        return Bookmark(recordID: recordID, createdAt: created)
    }

    private func rating(_ node: JSONNode, _ path: JSONPath) -> Rating? {
        guard let r = NodeReader(node, path: path, sink: sink, fields: ExportFile.RatingEntry.fields) else { return nil }
        let state = string(r, "stateID").flatMap { recordIDValue($0, r, key: "stateID") }
        let area = string(r, "area").flatMap { recordIDValue($0, r, key: "area") }
        let level = string(r, "level").flatMap { s -> Rating.Level? in
            guard let l = Rating.Level(rawValue: s) else {
                problem(
                    r.position("level"), path.appending("level"),
                    "\"\(s.prefix(40))\" is not a rating; use one of \(Rating.Level.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return l
        }
        let note = string(r, "note").flatMap { t -> String? in
            do throws(NotebookError) { try Rating.check(t) } catch {
                problem(
                    r.position("note"), path.appending("note"),
                    "\(error.description.replacing("octopus: ", with: "")); fix the file and import it again")
                return nil
            }
            return t
        }
        let updated = date(r, "updatedAt", required: true)
        guard let state, let area, let level, let note, let updated else { return nil }
        return Rating(stateID: state, area: area, level: level, note: note, updatedAt: updated)
    }

    private func recordIDValue(_ s: String, _ r: NodeReader, key: String = "recordID") -> String? {
        let trimmed = s.trimmed()
        // Record ids are short words ("art29", "PT"); anything else is a damaged file.
        guard !trimmed.isEmpty, trimmed.count <= 200, Sanitizer.clean(trimmed) == trimmed else {
            problem(r.position(key), r.path.appending(key), "not a record id"); return nil
        }
        return trimmed
    }

    /// A string as written: `NodeReader.string` escapes text for display, and a note's text is
    /// kept exactly (`NoteText` decides what it may hold).
    private func string(_ r: NodeReader, _ key: String) -> String? {
        guard let value = r.node(key) else { problem(r.node.position, r.path.appending(key), "missing"); return nil }
        guard case .string(let s) = value.value else {
            problem(value.position, r.path.appending(key), "expected a string, found \(value.typeName)"); return nil
        }
        return s
    }

    private func date(_ r: NodeReader, _ key: String, required: Bool) -> Date? {
        guard r.has(key) || required else { return nil }
        guard let s = string(r, key) else { return nil }
        guard let d = Timestamp.parse(s) else {
            problem(r.position(key), r.path.appending(key), "\"\(s.prefix(40))\" is not an ISO 8601 date and time (e.g. 2010-03-24T09:30:00.000Z)")
            return nil
        }
        return Timestamp.date(Timestamp.milliseconds(d))
    }
}
