import FoundationEssentials
import Glibc
import OctopusKit

/// The built-in multi-line note editor, as a value: one `TextField` per line and the row of the
/// cursor. Moving, typing and deleting go by grapheme cluster (see `TextField`).
public struct EditorState: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable { case stillOpen, save, discard }

    public var recordID: String
    /// The note being edited, or nil for a new one.
    public var noteID: UUID?
    public private(set) var lines: [TextField] = [TextField()]
    public private(set) var row = 0
    public var confirmingDiscard = false
    /// What undo goes back to: the lines and cursor before each change, the last one last.
    private var history: [Snapshot] = []
    /// Typing a word is one change to undo, not one per letter.
    private var typingWord = false
    private struct Snapshot: Sendable, Hashable {
        var lines: [TextField]
        var row: Int
    }
    static let historyLimit = 500

    /// The text the editor opened with: Esc leaves it without asking while nothing has changed.
    public private(set) var original = ""

    public init(recordID: String) { self.recordID = recordID }

    /// An editor holding `text` (a note to edit, or a draft that could not be saved), the cursor
    /// at its end; `noteID` is the note it replaces when saved, nil for a new one; `original` is
    /// the note as saved (a draft never saved differs from it, so Esc asks before losing it).
    public init(recordID: String, noteID: UUID? = nil, text: String, original: String = "") {
        self.recordID = recordID
        self.noteID = noteID
        self.original = original
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextField(String($0)) }
        row = lines.count - 1
    }

    /// The note as written: lines joined by newlines, every scalar as typed.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
    public var isEmpty: Bool { text.trimmed().isEmpty }
    public var current: TextField { lines[row] }

    /// Applies one key through the editor's table (`KeyTable`, screen `.noteEditor`, or
    /// `.discardNote` while asking); a key that is in neither changes nothing.
    public mutating func apply(_ key: Key) -> Outcome {
        guard case .text(let action)? = KeyTable.action(for: key, on: confirmingDiscard ? .discardNote : .noteEditor) else { return .stillOpen }
        return apply(action, key: key)
    }

    /// Applies one action; `key` is the key that asked, whose character `.insert` types. Esc on a
    /// non-empty note asks first; then `.discard` (y) discards, and anything else goes back to editing.
    public mutating func apply(_ action: TextAction, key: Key) -> Outcome {
        if confirmingDiscard {
            confirmingDiscard = false
            return action == .discard ? .discard : .stillOpen
        }
        if action == .undo {
            guard let last = history.popLast() else { return .stillOpen }
            lines = last.lines
            row = last.row
            typingWord = false
            return .stillOpen
        }
        let snapshot = Snapshot(lines: lines, row: row)
        defer {
            if lines != snapshot.lines {
                let continuing = typingWord && action == .insert && !(key == .char(" "))
                if !continuing { history.append(snapshot) }
                if history.count > Self.historyLimit { history.removeFirst() }
            }
            typingWord = action == .insert && key != .char(" ")
        }
        switch action {
        case .save: return .save
        case .cancel:
            if isEmpty || (noteID != nil && text == original) { return .discard }
            confirmingDiscard = true
        case .moveLeft:
            if !lines[row].moveLeft(), row > 0 { row -= 1; lines[row].moveEnd() }
        case .moveRight:
            if !lines[row].moveRight(), row < lines.count - 1 { row += 1; lines[row].moveHome() }
        case .lineUp: moveVertically(by: -1)
        case .lineDown: moveVertically(by: 1)
        case .lineStart: lines[row].moveHome()
        case .lineEnd: lines[row].moveEnd()
        case .newLine:
            var next = TextField(lines[row].split())
            next.moveHome()
            lines.insert(next, at: row + 1)
            row += 1
        case .deleteBackward:
            if !lines[row].deleteBackward() { joinWithPreviousLine() }
        case .deleteForward:
            if !lines[row].deleteForward(), row < lines.count - 1 {
                lines[row].append(lines.remove(at: row + 1).text)
            }
        case .indent: lines[row].insert("    ")
        case .deleteWordBackward:
            if !lines[row].deleteWordBackward() { joinWithPreviousLine() }
        case .deleteToLineStart: lines[row].deleteToStart()
        case .deleteToLineEnd:
            // At the end of a line, Ctrl-K joins the next one, as in emacs.
            if lines[row].afterCursor.isEmpty, row < lines.count - 1 {
                lines[row].append(lines.remove(at: row + 1).text)
            } else {
                lines[row].deleteToEnd()
            }
        case .insert: if case .char(let c) = key { lines[row].insert(String(c)) }
        case .undo, .clearLine, .submit, .complete, .selectPrevious, .selectNext, .selectPageUp, .selectPageDown,
            .discard, .keepEditing:
            break
        }
        return .stillOpen
    }

    /// Backspace (or Ctrl-W) at the start of a line joins it to the one above, the cursor between.
    private mutating func joinWithPreviousLine() {
        guard row > 0 else { return }
        let rest = lines.remove(at: row).text
        row -= 1
        lines[row].moveEnd()
        lines[row].append(rest)
    }

    /// Up and down keep the cursor's column on screen as near as the other line allows.
    private mutating func moveVertically(by delta: Int) {
        let target = row + delta
        guard target >= 0, target < lines.count else { return }
        let column = TextWidth.columns(lines[row].beforeCursor)
        row = target
        var used = 0, offset = 0
        for c in lines[row].text {
            let w = TextWidth.columns(c)
            if used + w > column { break }
            used += w; offset += c.unicodeScalars.count
        }
        lines[row].move(to: offset)
    }
}
