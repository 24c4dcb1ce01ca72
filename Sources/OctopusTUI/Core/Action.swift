import Foundation
import OctopusNotebook

/// Everything a key can ask for. The key table maps keys to these; `update` gives them meaning.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, forward
    case nextLink, previousLink
    case focus
    case toggleFold
    case goTo
    case toggleDate
    case cycleRegion, cycleStatusFilter, toggleSort
    case help
    case quit
    case digit(Int)
    case toggleBookmark, writeNote, addToHandout, writeHandout, openBookmarks
    case search, nextMatch, previousMatch
    case walk
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    case suspend
    /// Keys a text field (the go-to prompt, the note editor) interprets itself; listed for help.
    case edit
}

/// What the event loop feeds `update`.
public enum Message: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// The clock moved on (the walkthrough's timer redraws).
    case tick(Date)
    /// The notebook as it is now on disk (after opening, or after a write); `writesOff` says why
    /// it is read-only, when it is; `version` is its change counter when it was read.
    case notebookLoaded(bookmarks: [String: Date], notes: [Note], writesOff: String? = nil, version: Int64? = nil)
    /// The result of an effect, to show in the status line.
    case notice(String)
    /// The handout tray was written to this file (the tray is emptied).
    case handoutWritten(path: String, records: Int)
    /// A note could not be saved: the editor comes back with the text, so nothing typed is lost.
    case noteNotSaved(recordID: String, text: String, reason: String)
}
