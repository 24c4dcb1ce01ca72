import OctopusNotebook

/// The built-in multi-line note editor, as a value: lines, a cursor, and the usual keys.
public struct EditorState: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable { case editing, save, discard }

    public var recordID: String
    public var lines: [String] = [""]
    public var row = 0
    public var column = 0          // in Characters
    public var confirmingDiscard = false

    public init(recordID: String) { self.recordID = recordID }

    public var text: String { lines.joined(separator: "\n") }
    public var isEmpty: Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Applies one key. Esc on a non-empty note asks first; `y` then discards, anything else
    /// goes back to editing.
    public mutating func apply(_ key: Key) -> Outcome {
        if confirmingDiscard {
            confirmingDiscard = false
            if key == .char("y") || key == .char("Y") { return .discard }
            return .editing
        }
        var line = Array(lines[row])
        switch key {
        case .ctrl("s"): return .save
        case .escape, .ctrl("c"):
            if isEmpty { return .discard }
            confirmingDiscard = true
        case .left:
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right:
            if column < line.count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .up: if row > 0 { row -= 1; column = min(column, lines[row].count) }
        case .down: if row < lines.count - 1 { row += 1; column = min(column, lines[row].count) }
        case .home, .ctrl("a"): column = 0
        case .end, .ctrl("e"): column = line.count
        case .enter:
            lines[row] = String(line[..<column])
            lines.insert(String(line[column...]), at: row + 1)
            row += 1; column = 0
        case .backspace:
            if column > 0 {
                line.remove(at: column - 1); lines[row] = String(line); column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row); row -= 1
            }
        case .delete:
            if column < line.count { line.remove(at: column); lines[row] = String(line) }
            else if row < lines.count - 1 { lines[row] += lines[row + 1]; lines.remove(at: row + 1) }
        case .tab: insert("    ")
        // Ctrl-Space and friends arrive as control characters; a note may not hold them (`NoteText`).
        case .char(let c) where NoteText.allows(c): insert(String(c))
        default: break
        }
        return .editing
    }

    private mutating func insert(_ s: String) {
        var line = Array(lines[row])
        line.insert(contentsOf: Array(s), at: column)
        lines[row] = String(line)
        column += s.count
    }
}
