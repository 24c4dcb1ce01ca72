import OctopusKit

/// The built-in multi-line note editor, as a value: one `TextField` per line and the row of the
/// cursor. Moving, typing and deleting go by grapheme cluster (see `TextField`).
public struct EditorState: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable { case editing, save, discard }

    public var recordID: String
    public private(set) var lines: [TextField] = [TextField()]
    public private(set) var row = 0
    public var confirmingDiscard = false

    public init(recordID: String) { self.recordID = recordID }

    /// An editor holding `text` (a draft that could not be saved), the cursor at its end.
    public init(recordID: String, text: String) {
        self.recordID = recordID
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextField(String($0)) }
        row = lines.count - 1
    }

    /// The note as written: lines joined by newlines, every scalar as typed.
    public var text: String { lines.map(\.text).joined(separator: "\n") }
    public var isEmpty: Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    public var current: TextField { lines[row] }

    /// Applies one key. Esc on a non-empty note asks first; `y` then discards, anything else
    /// goes back to editing.
    public mutating func apply(_ key: Key) -> Outcome {
        if confirmingDiscard {
            confirmingDiscard = false
            if key == .char("y") || key == .char("Y") { return .discard }
            return .editing
        }
        switch key {
        case .ctrl("s"): return .save
        case .escape, .ctrl("c"):
            if isEmpty { return .discard }
            confirmingDiscard = true
        case .left:
            if !lines[row].moveLeft(), row > 0 { row -= 1; lines[row].moveEnd() }
        case .right:
            if !lines[row].moveRight(), row < lines.count - 1 { row += 1; lines[row].moveHome() }
        case .up: moveVertically(by: -1)
        case .down: moveVertically(by: 1)
        case .home, .ctrl("a"): lines[row].moveHome()
        case .end, .ctrl("e"): lines[row].moveEnd()
        case .enter:
            var next = TextField(lines[row].split())
            next.moveHome()
            lines.insert(next, at: row + 1)
            row += 1
        case .backspace:
            if !lines[row].deleteBackward(), row > 0 {
                let rest = lines.remove(at: row).text
                row -= 1
                lines[row].moveEnd()
                lines[row].append(rest)
            }
        case .delete, .ctrl("d"):
            if !lines[row].deleteForward(), row < lines.count - 1 {
                lines[row].append(lines.remove(at: row + 1).text)
            }
        case .tab: lines[row].insert("    ")
        case .char(let c): lines[row].insert(String(c))
        default: break
        }
        return .editing
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
