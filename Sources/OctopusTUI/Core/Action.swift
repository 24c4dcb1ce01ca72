import FoundationEssentials
import Glibc
import OctopusNotebook

/// Everything a key can ask for. The key table maps keys to these; `update` gives them meaning.
public enum Action: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom
    case open, back, forward
    /// H and `:home`: the home screen from anywhere; Back returns.
    case goHome
    case nextLink, previousLink
    case focus
    case toggleFold
    case goTo
    case toggleDate
    /// `T`: type any status date (the go-to prompt, started with `date `).
    case setDate
    case cycleRegion, cycleStatusFilter, toggleSort
    case help
    case quit
    case digit(Int)
    case toggleBookmark, writeNote, addToHandout, writeHandout, openBookmarks
    /// The notes list: delete the selected note (after a yes), open the record it is on.
    case deleteNote, openRecord
    /// `:notes`: the list of every note.
    case openNotes
    /// The handout tray: include the user's notes or not; move the selected record up or down.
    case trayNotes, trayEarlier, trayLater
    /// A record page: scroll to the user's notes on it.
    case jumpToNotes
    case search, nextMatch, previousMatch
    case walk
    /// `f`: back to the walk this browser follows, where the presenter is now.
    case follow
    /// `M` and `:matrix`: the assessment matrix (States × support areas).
    case openMatrix
    /// The matrix: the cell to the left or right; rate the selected cell; filter by 2010 membership.
    case moveLeft, moveRight, rateCell, cycleMembership
    /// The country list: mark or unmark the selected State for comparing; compare those marked
    /// (also `:compare PT ES`).
    case markToCompare, compare
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    case suspend
    /// A menu's letter or digit: the choice it names, at once.
    case menuKey
    /// `'` on a list: jump to the entry whose name starts with the letters typed next.
    case jump
    /// A key of a text field: the go-to prompt, the search field, the note editor.
    case text(TextAction)
    /// A key of the walkthrough's own (steps, agenda, clock, projector).
    case walkthrough(WalkAction)

    /// A digit of a number typed before Enter, which help shows as one "0-9" line.
    var isDigit: Bool {
        switch self {
        case .digit, .walkthrough(.digit): true
        default: false
        }
    }
}

/// What a key asks of a text field. One-line fields and the note editor share the editing
/// actions (by grapheme cluster, see `TextField`); the rest belong to one field or another.
public enum TextAction: Hashable, Sendable {
    /// The printable character typed (the table's `KeyClass.text` binding).
    case insert
    case moveLeft, moveRight, lineStart, lineEnd
    case deleteBackward, deleteForward, clearLine
    /// Ctrl-W, Ctrl-U and Ctrl-K as in readline: the word before the cursor, the line before it,
    /// the line after it. (One-line fields keep Ctrl-U clearing the whole field.)
    case deleteWordBackward, deleteToLineStart, deleteToLineEnd
    /// The note editor: take back the last change.
    case undo
    /// The note editor's own: lines.
    case newLine, indent, lineUp, lineDown
    /// Enter and Esc: go, open or save; close the field.
    case submit, cancel, save
    /// Tab: the completion of an address, or the recent search selected.
    case complete
    /// Search: move through the results (or the recent searches).
    case selectPrevious, selectNext, selectPageUp, selectPageDown
    /// The question before a note is thrown away.
    case discard, keepEditing

    public var help: String {
        switch self {
        case .insert: "type it"
        case .moveLeft: "one character left"
        case .moveRight: "one character right"
        case .lineStart: "start of the line"
        case .lineEnd: "end of the line"
        case .deleteBackward: "delete the character before the cursor"
        case .deleteForward: "delete the character under the cursor"
        case .clearLine: "clear the line"
        case .deleteWordBackward: "delete the word before the cursor"
        case .deleteToLineStart: "delete to the start of the line"
        case .deleteToLineEnd: "delete to the end of the line"
        case .undo: "undo the last change"
        case .newLine: "new line"
        case .indent: "four spaces"
        case .lineUp: "move to the line above"
        case .lineDown: "move to the line below"
        case .submit: "go"
        case .cancel: "cancel"
        case .save: "save the note"
        case .complete: "complete"
        case .selectPrevious: "select the result above"
        case .selectNext: "select the result below"
        case .selectPageUp: "select a page of results up"
        case .selectPageDown: "select a page of results down"
        case .discard: "discard the note"
        case .keepEditing: "go back to the note"
        }
    }
}

extension Action: KeyAction {
    /// The help text wherever the action is bound; a binding overrides it only where its screen
    /// gives the action a narrower sense.
    public var help: String {
        switch self {
        case .moveUp: "move up"
        case .moveDown: "move down"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .halfPageUp: "half a page up"
        case .halfPageDown: "half a page down"
        case .goHome: "the home screen (also :home)"
        case .top: "go to top"
        case .bottom: "go to bottom"
        case .open: "open"
        case .back: "back"
        case .forward: "forward in history"
        case .nextLink: "select next link"
        case .previousLink: "select previous link"
        case .focus: "move focus to the preview (wide terminals)"
        case .toggleFold: "fold or unfold a chapter"
        case .goTo: "go to an address (art 29, PT, ws 3, portugal), or :home, :bookmarks, :notes, :help, :q"
        case .toggleDate: "status date: conference ⇄ latest"
        case .setDate: "status date: any day (also :date 2004-07-01)"
        case .cycleRegion: "countries: filter by region"
        case .cycleStatusFilter: "countries: filter by status"
        case .toggleSort: "countries: sort by name or date"
        case .help: "help: the keys of this screen"
        case .quit: "quit"
        case .digit: "type a link number, then Enter"
        case .toggleBookmark: "bookmark or unbookmark this record"
        case .writeNote: "write a note on this record, or edit one of yours ($VISUAL/$EDITOR if set)"
        case .addToHandout: "add this record to the handout tray"
        case .writeHandout: "the handout tray: see it, then E again writes it as a Markdown briefing pack"
        case .openBookmarks: "your bookmarks"
        case .openNotes: "your notes"
        case .trayNotes: "handout tray: include my notes, or leave them out (the default)"
        case .trayEarlier: "handout tray: move the record up"
        case .trayLater: "handout tray: move the record down"
        case .deleteNote: "notes: delete the selected note (asks first)"
        case .openRecord: "notes: open the record the note is on"
        case .jumpToNotes: "go to your notes on this record"
        case .search: "search everything (results as you type)"
        case .nextMatch: "next match of the last search on this page"
        case .previousMatch: "previous match of the last search on this page"
        case .walk: "walk a room through this session (facilitator mode)"
        case .follow: "follow the presenter again (back to the walk, where it is now)"
        case .openMatrix: "the assessment matrix: States × the nine support areas (also :matrix)"
        case .moveLeft: "the cell to the left"
        case .moveRight: "the cell to the right"
        case .rateCell: "rate this cell yourself (kept in your notebook, beside the reading)"
        case .cycleMembership: "filter by Council of Europe membership in 2010"
        case .markToCompare: "countries: mark the State to compare, or unmark it"
        case .compare: "compare the marked States side by side (also :compare PT ES FR)"
        case .suspend: "suspend to the shell (fg comes back)"
        case .menuKey: "the choice's letter or digit chooses it"
        case .jump: "jump: type the first letters of an entry (as ' jumps to a mark in vim)"
        case .text(let action): action.help
        case .walkthrough(let action): action.help
        }
    }
}

/// The headings the help screen groups keys under, in the order it shows them.
public enum HelpGroup: String, Sendable, CaseIterable {
    /// First: how to get help and how to get out is what a newcomer looks for first.
    case program = "The program"
    case moving = "Moving"
    /// The walkthrough's own keys, on its screen only.
    case walkthrough = "Walking a room through a session"
    case following = "Opening and going back"
    case editing = "Editing"
    case finding = "Finding"
    case notebook = "Your notebook"
    case view = "This screen"
}

extension Action {
    /// Where help lists the action: decided by what it does, once, for every table.
    var group: HelpGroup {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom: .moving
        case .open, .back, .forward, .goHome, .nextLink, .previousLink, .digit, .menuKey, .follow: .following
        case .moveLeft, .moveRight: .moving
        case .focus, .toggleFold, .toggleDate, .setDate, .cycleRegion, .cycleStatusFilter, .toggleSort, .walk, .openMatrix, .cycleMembership, .markToCompare,
            .compare:
            .view
        case .rateCell: .notebook
        case .goTo, .search, .nextMatch, .previousMatch, .jump: .finding
        case .toggleBookmark, .writeNote, .addToHandout, .writeHandout, .openBookmarks, .deleteNote, .openRecord, .jumpToNotes, .openNotes, .trayNotes,
            .trayEarlier, .trayLater:
            .notebook
        case .walkthrough: .walkthrough
        case .help, .quit, .suspend: .program
        case .text(let t):
            switch t {
            case .selectPrevious, .selectNext, .selectPageUp, .selectPageDown: .moving
            case .submit, .cancel, .save, .discard, .keepEditing: .following
            default: .editing
            }
        }
    }
}

/// What the event loop feeds `update`.
public enum Message: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// The clock moved on (the walkthrough's timer redraws).
    case tick(Date)
    /// The notebook as it is now on disk (after opening, or after a write); `writesOff` says why
    /// it is read-only, when it is; `version` is its change counter when it was read.
    case notebookLoaded(bookmarks: [String: Date], notes: [Note], writesOff: String? = nil, version: Int64? = nil, ratings: [Rating] = [])
    /// The result of an effect, to show in the status line.
    case notice(String)
    /// The handout tray was written to this file (the tray is emptied).
    case handoutWritten(path: String, records: Int)
    /// A note could not be saved: the editor comes back with the text, so nothing typed is lost.
    case noteNotSaved(recordID: String, noteID: UUID?, text: String, reason: String)
    /// The presenter of the walk followed here said something (a tour, a cue, a goodbye).
    case room(RoomEvent)
    /// Who follows the walk presented here, as the presenter's view says it.
    case audience(String?)
}
