import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

struct Notes: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "List, add, edit, remove, export and import your notes.",
        discussion: """
            Notes and bookmarks are kept in one file, notebook.sqlite, in --data-dir, OCTOPUS_DATA_DIR, \
            $XDG_DATA_HOME/octopus or ~/.local/share/octopus. A note whose record is not in the knowledge \
            base is kept and listed as orphaned.
            """,
        subcommands: [List.self, Add.self, Edit.self, Remove.self, Export.self, Import.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every note with its record, orphaned ones last.")
        @OptionGroup var kb: KnowledgeBaseOptions
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let base = try kb.load(dataDirectory: notebook.dataDir)
            guard let book = try notebook.openIfExists() else {
                Terminal.write("No notes yet. Add one with: octopus notes add art29 \"your text\"\n")
                return
            }
            let all = try notebookCall { () throws(NotebookError) in try book.allNotes() }
            if all.isEmpty {
                Terminal.write("No notes yet. Add one with: octopus notes add art29 \"your text\"\n")
                return
            }
            let known = all.filter { base.record($0.recordID) != nil }
            let orphaned = all.filter { base.record($0.recordID) == nil }
            var out = ""
            func group(_ notes: [Note]) {
                var current: String?
                for n in notes {
                    if current?.lowercased() != n.recordID.lowercased() {
                        current = n.recordID
                        if !out.isEmpty { out += "\n" }
                        out += n.recordID + (base.record(n.recordID).map { "  " + Sanitizer.clean($0.title) } ?? "  (not in this knowledge base)") + "\n"
                    }
                    let lead = "  \(n.shortID)  \(Notebook.displayTime(n.isEdited ? n.updatedAt : n.createdAt))  "
                    let pad = String(repeating: " ", count: lead.count)
                    var lines = n.text.replacingEvery("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                    while lines.count > 1, lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
                    for (i, line) in lines.enumerated() { out += (i == 0 ? lead : pad) + line + "\n" }
                }
            }
            group(known)
            if !orphaned.isEmpty {
                out += "\nOrphaned: these records are not in this knowledge base; the notes are kept.\n"
                group(orphaned)
            }
            let records = Set(all.map { $0.recordID.lowercased() }).count
            out +=
                "\n\(all.count) note\(all.count == 1 ? "" : "s") on \(records) record\(records == 1 ? "" : "s")"
                + (orphaned.isEmpty ? "" : ", \(orphaned.count) orphaned") + ". Stored in \(book.path).\n"
            Terminal.write(out)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a note to a record; prints \"saved <uuid>\" once it is on disk.",
            discussion: "With no text, or \"-\", the note is read from standard input (several lines allowed).")
        @Argument(help: ArgumentHelp("The record (as for `octopus show`).", valueName: "id"))
        var id: String
        @Argument(help: ArgumentHelp("The note's text.", valueName: "text"))
        var text: [String] = []
        /// For the crash test: write this many notes, one transaction each, as fast as possible.
        @Option(name: .customLong("repeat"), help: .hidden)
        var repeatCount: Int = 1
        @OptionGroup var kb: KnowledgeBaseOptions
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let base = try kb.load(dataDirectory: notebook.dataDir)
            guard let record = try RecordArguments.resolve([id], in: base).first else { throw ExitCode(.nothingFound) }
            var body = text.joined(separator: " ")
            if body.isEmpty || body == "-" {
                // Bytes, not a C string: a NUL must reach the note rule (and be refused with its
                // position), not end the text there; invalid UTF-8 is refused, not replaced.
                // At most one byte past the limit: `yes | octopus notes add art29` must end, refused.
                let input = Data(SourceFile.readStandardInput(upTo: Note.maxTextBytes + 1))
                body = try notebookCall { () throws(NotebookError) in try NoteText.decode(input, source: "standard input") }
                // Editors and `echo` end the text with a newline; it is not part of the note.
                while body.last?.isNewline == true { body.removeLast() }
            }
            // Checked before opening, so text that cannot be a note does not create a notebook.
            try notebookCall { () throws(NotebookError) in try NoteText.validate(body) }
            let book = try notebook.open()
            let count = max(1, repeatCount)
            for i in 1...count {
                let line = count == 1 ? body : "\(body) #\(i)"
                let note = try notebookCall { () throws(NotebookError) in try book.addNote(recordID: record.id, text: line) }
                // Printed only after addNote returned, i.e. after the commit.
                Terminal.write("saved \(note.id.uuidString.lowercased())\n")
            }
        }
    }

    /// The note an id names: its first digits as `notes list` shows them, or the whole UUID.
    static func find(_ prefix: String, in book: Notebook) throws -> Note {
        let matches = try notebookCall { () throws(NotebookError) in try book.notes(idPrefix: prefix) }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            Terminal.printError("octopus: no note \(Sanitizer.clean(prefix)); `octopus notes list` shows each note's id")
        default:
            Terminal.printError(
                "octopus: \(matches.count) notes start with \(Sanitizer.clean(prefix)): "
                    + matches.map { String($0.id.uuidString.lowercased().prefix(13)) }.joined(separator: ", ") + "; type more of the id")
        }
        throw ExitCode(.nothingFound)
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Replace a note's text; prints \"saved <uuid>\" once it is on disk.",
            discussion: """
                Example: octopus notes edit 3f2a9c1e "Ask PT about the 60 days"
                With no text, the note opens in $VISUAL or $EDITOR; with "-", the new text is read from \
                standard input. The note keeps its id, so an export of it merges as the same note.
                """)
        @Argument(help: ArgumentHelp("The note's id: its first digits, as `octopus notes list` shows them.", valueName: "id"))
        var id: String
        @Argument(help: ArgumentHelp("The new text.", valueName: "text"))
        var text: [String] = []
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let book = try notebook.open()
            let note = try Notes.find(id, in: book)
            var body = text.joined(separator: " ")
            if body == "-" {
                let input = Data(SourceFile.readStandardInput(upTo: Note.maxTextBytes + 1))
                body = try notebookCall { () throws(NotebookError) in try NoteText.decode(input, source: "standard input") }
                while body.last?.isNewline == true { body.removeLast() }
            } else if body.isEmpty {
                body = try Self.inEditor(note)
            }
            if body == note.text {
                Terminal.write("unchanged \(note.id.uuidString.lowercased())\n")
                return
            }
            try notebookCall { () throws(NotebookError) in try NoteText.validate(body) }
            let saved = try notebookCall { () throws(NotebookError) in try book.updateNote(id: note.id, text: body) }
            Terminal.write("saved \(saved.id.uuidString.lowercased())\n")
        }

        /// The note in the user's editor, on a private file that is kept, and named, if the text
        /// cannot be saved: nothing written there is lost.
        static func inEditor(_ note: Note) throws -> String {
            guard isatty(STDIN_FILENO) == 1, let editor = ExternalEditor(environment: Environment.all) else {
                Terminal.printError(
                    "octopus: give the new text (octopus notes edit \(note.shortID) \"…\"), \"-\" to read it from standard input, or set $EDITOR to edit it there"
                )
                throw ExitCode(.usage)
            }
            guard let path = ExternalEditor.draft(note.text) else {
                Terminal.printError("octopus: cannot create a temporary file for the editor in \(FileSystem.temporaryDirectory)")
                throw ExitCode(.cannotCreate)
            }
            let status = editor.edit(path)
            do {
                let text = try notebookCall { () throws(NotebookError) in try ExternalEditor.read(path) }
                if text == note.text || text.trimmed().isEmpty {
                    FileSystem.remove(path)
                    if text != note.text {
                        Terminal.printError("octopus: the note was emptied, not saved; `octopus notes rm \(note.shortID)` deletes it")
                        throw ExitCode(.usage)
                    }
                    if status != 0 { Terminal.printError("octopus: the editor exited with status \(status); the note is unchanged") }
                    return text
                }
                try notebookCall { () throws(NotebookError) in try NoteText.validate(text) }
                FileSystem.remove(path)
                return text
            } catch let exit as ExitCode {
                if Path.exists(path) { Terminal.printError("octopus: your text is kept in \(path)") }
                throw exit
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete notes; an older export imported later does not bring them back.",
            discussion: "Example: octopus notes rm 3f2a9c1e. Each deleted note is printed with its text, so a mistaken id shows at once.",
            aliases: ["remove", "delete"])
        @Argument(help: ArgumentHelp("The ids of the notes to delete: their first digits, as `octopus notes list` shows them.", valueName: "id"))
        var ids: [String] = []
        @OptionGroup var notebook: NotebookOptions

        func validate() throws {
            if ids.isEmpty { throw ValidationError("name the note to delete by its id, e.g. octopus notes rm 3f2a9c1e (octopus notes list shows the ids)") }
        }

        func run() throws {
            let book = try notebook.open()
            // Every id is found before anything is deleted: one typo deletes nothing.
            let notes = try ids.map { try Notes.find($0, in: book) }
            for note in notes {
                _ = try notebookCall { () throws(NotebookError) in try book.deleteNote(id: note.id) }
                Terminal.write("deleted \(note.shortID) on \(note.recordID): \(Sanitizer.clean(note.firstLine))\n")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export every note and bookmark, as Markdown to read or JSON to import elsewhere.")
        @Option(help: ArgumentHelp("markdown or json.", valueName: "format"))
        var format: Format = .markdown
        @OptionGroup var output: OutputOptions
        @OptionGroup var kb: KnowledgeBaseOptions
        @OptionGroup var notebook: NotebookOptions

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown, json
            var notebookFormat: NotebookExportFormat { self == .json ? .json : .markdown }
        }

        func run() throws {
            let base = try kb.load(dataDirectory: notebook.dataDir)
            guard let book = try notebook.openIfExists() else {
                let path = (try? Notebook.databasePath(directory: notebook.dataDir)) ?? "the data folder"
                Terminal.printError("octopus: no notes yet (there is no notebook at \(path)); nothing to export")
                throw ExitCode(.nothingFound)
            }
            let text = try notebookCall { () throws(NotebookError) in
                try book.exportNotes(format: format.notebookFormat, title: { base.record($0)?.title })
            }
            // Notes are private: an export file is readable by its owner only.
            try output.write(text, containsNotes: true)
            if let file = output.file { Terminal.write("Wrote \(file).\n") }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Merge notes and bookmarks from a JSON export; nothing already here is overwritten.",
            discussion: "Importing the same file twice adds nothing the second time: each note keeps the id it was written with.")
        @Argument(help: ArgumentHelp("A file written by `octopus notes export --format json`.", valueName: "file"))
        var file: String
        @OptionGroup var kb: KnowledgeBaseOptions
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let base = try kb.load(dataDirectory: notebook.dataDir)
            let book = try notebook.open()
            let report = try notebookCall { () throws(NotebookError) in try book.importNotes(fromFile: file) }
            func describe(_ recordID: String) -> String {
                recordID + (base.record(recordID).map { " (\(Sanitizer.clean($0.shortTitle)))" } ?? " (not in this knowledge base: kept as orphaned)")
            }
            var out = "Imported \(file): \(report.summary).\n"
            for n in report.added { out += "  added    note \(n.shortID) on \(describe(n.recordID))\n" }
            for id in report.alreadyPresent {
                let differs = report.differing.contains(id) ? " (differs from the file: kept this notebook's text)" : ""
                out += "  present  note \(String(id.uuidString.lowercased().prefix(8)))\(differs)\n"
            }
            for id in report.deletedHere { out += "  deleted  note \(String(id.uuidString.lowercased().prefix(8))) (you deleted it here; kept deleted)\n" }
            for b in report.bookmarksAdded { out += "  added    bookmark on \(describe(b))\n" }
            for b in report.bookmarksAlreadyPresent { out += "  present  bookmark on \(b)\n" }
            for b in report.bookmarksRemovedHere { out += "  removed  bookmark on \(b) (you removed it here; kept removed)\n" }
            Terminal.write(out)
            for d in report.skippedEmpty + report.refused { Terminal.printError("warning: \(d)") }
            // The rest was imported, but not all the notes: a script must be able to tell.
            if !report.refused.isEmpty { throw ExitCode(NotebookError.controlCharacterStatus) }
        }
    }
}
