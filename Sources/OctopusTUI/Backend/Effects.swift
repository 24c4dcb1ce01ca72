import CTerminal
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// Runs the effects `Update` asks for against the notebook and the file system, and turns each
/// outcome into a message. Every write has committed before its "saved" message exists.
@MainActor
struct EffectRunner {
    let notebook: Notebook?
    let backend: NcursesBackend
    let externalEditor: String?

    func run(_ effect: Effect, state: AppState) -> [Message] {
        switch effect {
        case .toggleBookmark(let id):
            guard let notebook else { return [.notice("Notes are unavailable")] }
            do {
                let marked = try notebook.toggleBookmark(id)
                return reload() + [.notice(marked ? "Bookmarked \(title(id, state)) (B lists bookmarks)" : "Bookmark removed from \(title(id, state))")]
            } catch { return [.notice(error.description)] }
        case .saveNote(let recordID, let noteID, let text):
            return save(recordID: recordID, noteID: noteID, text: text, state: state)
        case .externalEditor(let recordID, let noteID):
            return editExternally(recordID: recordID, noteID: noteID, state: state)
        case .deleteNote(let id):
            guard let notebook else { return [.notice("Notes are unavailable")] }
            let on = state.notebook.note(id).map { " from " + title($0.recordID, state) } ?? ""
            do {
                let deleted = try notebook.deleteNote(id: id)
                return reload() + [.notice(deleted ? "Note deleted\(on)" : "That note was already deleted (in another window?)")]
            } catch { return [.notice(error.description)] }
        case .rate(let stateID, let area, let level, let note):
            guard let notebook else { return [.notice("Notes are unavailable; the rating was not saved")] }
            do {
                try notebook.rate(stateID: stateID, area: area, level: level, note: note)
                return reload() + [.notice("Your rating of \(title(stateID, state)) × \(state.kb.supportArea(area)?.title ?? area) saved: \(level.label)")]
            } catch { return [.notice(error.description + "; the rating was not saved")] }
        case .clearRating(let stateID, let area):
            guard let notebook else { return [.notice("Notes are unavailable")] }
            do {
                let cleared = try notebook.clearRating(stateID: stateID, area: area)
                return reload() + [.notice(cleared ? "Your rating of \(title(stateID, state)) cleared" : "That cell had no rating of yours")]
            } catch { return [.notice(error.description)] }
        case .writeHandout(let ids, let includeNotes):
            return writeHandout(ids, includeNotes: includeNotes, state: state)
        case .suspend:
            backend.suspend { octopus_stop_self() }
            return []
        }
    }

    func reload() -> [Message] {
        guard let notebook else { return [] }
        do {
            // Read before the notes: a commit landing in between is then seen by the next check.
            let version = try notebook.changeCounter()
            let marks = try notebook.bookmarks()
            let notes = try notebook.allNotes()
            let ratings = try notebook.ratings()
            return [
                .notebookLoaded(
                    bookmarks: Dictionary(marks.map { ($0.recordID, $0.createdAt) }, uniquingKeysWith: max), notes: notes,
                    writesOff: notebook.writesOffReason, version: version, ratings: ratings)
            ]
        } catch { return [.notice(error.description)] }
    }

    /// `reload()`, but only when another window or process has committed since `version` (one
    /// PRAGMA, not every note read again): what the idle browser calls every two seconds. A failed
    /// check is left for the next key to report, rather than flashed every two seconds.
    func reloadIfChanged(since version: Int64?) -> [Message] {
        guard let notebook, let current = try? notebook.changeCounter(), current != version else { return [] }
        return reload()
    }

    func save(recordID: String, noteID: UUID?, text: String, state: AppState) -> [Message] {
        guard let notebook else { return [.noteNotSaved(recordID: recordID, noteID: noteID, text: text, reason: "notes are unavailable")] }
        do {
            if let noteID {
                do {
                    try notebook.updateNote(id: noteID, text: text)
                    return reload() + [.notice("Note on \(title(recordID, state)) saved")]
                } catch .noteNotFound {
                    // Deleted in another window meanwhile: what was written here is kept, as a new note.
                    try notebook.addNote(recordID: recordID, text: text)
                    return reload() + [.notice("That note had been deleted elsewhere; saved as a new note on \(title(recordID, state))")]
                }
            }
            try notebook.addNote(recordID: recordID, text: text)
            return reload() + [.notice("Note saved on \(title(recordID, state))")]
        } catch { return [.noteNotSaved(recordID: recordID, noteID: noteID, text: text, reason: error.description)] }
    }

    private func title(_ id: String, _ state: AppState) -> String {
        state.kb.record(id).map(\.shortTitle) ?? Sanitizer.clean(id)
    }

    /// Writes the note in `$VISUAL`/`$EDITOR` on a private temporary file (holding the note's
    /// text when it is an edit), then saves what is there.
    func editExternally(recordID: String, noteID: UUID?, state: AppState) -> [Message] {
        guard let editor = externalEditor.map(ExternalEditor.init(command:)) else { return [] }
        let before = noteID.flatMap { state.notebook.note($0)?.text } ?? ""
        guard let path = ExternalEditor.draft(before) else {
            return [.notice("Cannot create a temporary file for the editor in \(FileSystem.temporaryDirectory)")]
        }
        var status: Int32 = 0
        backend.suspend { status = editor.edit(path) }
        octopus_clear_pending_signal(SIGINT)
        // Whatever the editor's exit status, text the user wrote is kept: saved, or, when it cannot
        // be (not UTF-8, a control character, the notebook unavailable), left in the file.
        do throws(NotebookError) {
            let text = try ExternalEditor.read(path)
            if text == before {
                FileSystem.remove(path)
                return [.notice(noteID == nil ? "Empty note not saved" : "Note unchanged")]
            }
            guard !text.trimmed().isEmpty else {
                FileSystem.remove(path)
                if noteID != nil { return [.notice("The note was emptied, not saved: d in Your notes (:notes) deletes it")] }
                return [.notice(status == 0 ? "Empty note not saved" : "The editor exited with status \(status); nothing to save")]
            }
            guard notebook != nil else { return [.notice("Notes are unavailable; your text is kept in \(path)")] }
            let result = save(recordID: recordID, noteID: noteID, text: text, state: state)
            if case .noteNotSaved(_, _, _, let reason)? = result.last { return [.notice(reason + "; your text is kept in \(path)")] }
            FileSystem.remove(path)
            return result
        } catch {
            return [.notice(error.description + "; your text is kept in \(path)")]
        }
    }

    /// Writes a draft the notebook would not take to a private file; returns its path.
    static func keepDraft(_ text: String) -> String? { ExternalEditor.draft(text, prefix: "octopus-unsaved") }

    /// Writes the tray as a briefing pack in the current folder, never over an existing file.
    func writeHandout(_ ids: [String], includeNotes: Bool, state: AppState) -> [Message] {
        let records = ids.compactMap { state.kb.record($0) }
        var notes: [String: [Note]] = [:]
        if includeNotes { for r in records { notes[r.id] = state.notebook.notes(for: r.id) } }
        let text = BriefingPack.compose(records: records, kb: state.kb, date: state.date, notes: notes)
        // "2010-03-24 09:30", the notebook's local time, as "2010-03-24-0930".
        let stem = "octopus-handout-" + Notebook.displayTime(Date()).replacingEvery(" ", with: "-").replacingEvery(":", with: "")
        let folder = FileSystem.currentDirectory
        do {
            let path = try HandoutFile.writeNew(text, folder: folder, stem: stem, containsNotes: notes.values.contains { !$0.isEmpty })
            return [.handoutWritten(path: path, records: records.count)]
        } catch {
            return [.notice("\(error); the handout tray is kept")]
        }
    }
}
