import FoundationEssentials
import Glibc
import OctopusNotebook

/// What the browser knows of the user's notebook: a copy refreshed after every write, so views
/// can draw markers and notes without touching the database.
public struct NotebookState: Sendable, Hashable {
    /// False when the notebook could not be opened; `problem` says why.
    public var available = false
    public var problem: String?
    /// Set when the notebook could only be opened for reading: why writes are off. Notes and
    /// bookmarks are shown; b and a are refused with this reason.
    public var writesOff: String?
    /// Lower-cased record id → when it was bookmarked.
    public var bookmarks: [String: Date] = [:]
    public var notes: [Note] = []
    /// Your ratings of matrix cells, by `NotebookState.cell(state, area)`.
    public var ratings: [String: Rating] = [:]
    /// `Notebook.changeCounter()` when these were read: the idle browser reloads only when it moves.
    public var version: Int64?
    /// Records chosen for the next handout, in the order they were added.
    public var tray: [String] = []
    /// Whether the handout carries the user's notes: off until asked for, since a pack is most
    /// often written to hand to others.
    public var trayIncludesNotes = false

    public init() {}

    public func isBookmarked(_ id: String) -> Bool { bookmarks[id.lowercased()] != nil }
    /// "2010-03-24 09:30" in local time.
    static func display(_ date: Date) -> String { Notebook.displayTime(date) }

    public func notes(for id: String) -> [Note] { notes.filter { $0.recordID.lowercased() == id.lowercased() } }
    public func note(_ id: UUID) -> Note? { notes.first { $0.id == id } }
    static func cell(_ state: String, _ area: String) -> String { state.lowercased() + "/" + area }
    public func rating(_ state: String, _ area: String) -> Rating? { ratings[Self.cell(state, area)] }
}

/// Work for the event loop to do outside the pure update: every write goes through here, and
/// the screen says "saved" only when the result comes back.
public enum Effect: Sendable, Hashable {
    case toggleBookmark(String)
    /// Save a note: a new one, or the one `noteID` names with this text instead.
    case saveNote(recordID: String, noteID: UUID?, text: String)
    case externalEditor(recordID: String, noteID: UUID?)
    case deleteNote(UUID)
    /// Rate a matrix cell (replacing your earlier rating of it), or clear your rating.
    case rate(stateID: String, area: String, level: Rating.Level, note: String)
    case clearRating(stateID: String, area: String)
    case writeHandout([String], includeNotes: Bool)
    /// Stop the process as Ctrl-Z does in a shell; the screen is redrawn after `fg`.
    case suspend
}
