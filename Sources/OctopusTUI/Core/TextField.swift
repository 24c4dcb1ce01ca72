/// One line of editable text with a cursor, as a value: the `:` prompt, the search field and each
/// line of the note editor.
///
/// The cursor is an offset in Unicode scalars, not in `Character`s, because a terminal delivers a
/// flag, `👍🏽` or a decomposed `é` one scalar at a time: the scalars typed so far may merge with the
/// next one into a single grapheme cluster, so a count of Characters taken before an insertion is
/// wrong after it. Scalars never merge, so the offset stays valid; every move and deletion then
/// goes by whole extended grapheme clusters, and the cursor is kept on a cluster boundary.
public struct TextField: Sendable, Hashable {
    public private(set) var text: String
    /// Scalars before the cursor; always on a grapheme-cluster boundary.
    public private(set) var cursor: Int
    /// Longest text accepted, in scalars (nil: no limit); what is typed past it is refused, not cut.
    public var limit: Int?

    public init(_ text: String = "", limit: Int? = nil) {
        self.text = text
        self.cursor = text.unicodeScalars.count
        self.limit = limit
    }

    public var isEmpty: Bool { text.isEmpty }
    public var scalarCount: Int { text.unicodeScalars.count }

    /// The text before and after the cursor.
    public var beforeCursor: String { String(text.unicodeScalars[..<index(cursor)]) }
    public var afterCursor: String { String(text.unicodeScalars[index(cursor)...]) }

    /// The cluster under the cursor, if any.
    public var clusterAtCursor: Character? {
        let i = index(cursor)
        return i < text.endIndex ? text[i...].first : nil
    }

    /// Whether a typed character is text. Controls (NUL, ESC, C1) are keys, never text.
    public static func isText(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// Inserts text at the cursor and moves the cursor after it. Returns false (and changes
    /// nothing) for control characters or past the limit.
    @discardableResult
    public mutating func insert(_ s: String) -> Bool {
        guard !s.isEmpty, s.allSatisfy(Self.isText) else { return false }
        let added = s.unicodeScalars.count
        if let limit, scalarCount + added > limit { return false }
        var scalars = text.unicodeScalars
        scalars.insert(contentsOf: s.unicodeScalars, at: scalars.index(scalars.startIndex, offsetBy: cursor))
        text = String(scalars)
        // The inserted scalars may have joined the cluster that follows: stay on a boundary.
        cursor = boundary(atOrAfter: cursor + added)
        return true
    }

    public mutating func moveLeft() -> Bool {
        guard cursor > 0 else { return false }
        cursor = boundary(before: cursor); return true
    }

    public mutating func moveRight() -> Bool {
        guard cursor < scalarCount else { return false }
        cursor = boundary(atOrAfter: cursor + 1); return true
    }

    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = scalarCount }

    /// Moves to a scalar offset, snapped to the cluster boundary at or after it.
    public mutating func move(to offset: Int) { cursor = boundary(atOrAfter: min(max(0, offset), scalarCount)) }

    /// Removes the whole cluster before the cursor.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        let start = boundary(before: cursor)
        remove(start..<cursor)
        cursor = boundary(atOrBefore: start)  // what was on either side may now be one cluster
        return true
    }

    /// Removes the whole cluster after the cursor.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard cursor < scalarCount else { return false }
        remove(cursor..<boundary(atOrAfter: cursor + 1))
        cursor = boundary(atOrBefore: cursor)
        return true
    }

    /// Splits at the cursor: this field keeps what is before it, the rest is returned.
    public mutating func split() -> String {
        let rest = afterCursor
        text = String(text.unicodeScalars[..<index(cursor)])
        return rest
    }

    /// Appends text without moving the cursor (joining two lines of the editor).
    public mutating func append(_ s: String) {
        text = String(text.unicodeScalars + s.unicodeScalars)
        cursor = boundary(atOrBefore: cursor)
    }

    public mutating func clear() { text = ""; cursor = 0 }

    /// Ctrl-W: the spaces before the cursor, then the word before them. Returns false at the start.
    @discardableResult
    public mutating func deleteWordBackward() -> Bool {
        guard cursor > 0 else { return false }
        let before = Array(beforeCursor)
        var n = before.count
        while n > 0, before[n - 1].isWhitespace { n -= 1 }
        while n > 0, !before[n - 1].isWhitespace { n -= 1 }
        let start = String(before[..<n]).unicodeScalars.count
        remove(start..<cursor)
        cursor = boundary(atOrBefore: start)
        return true
    }

    /// Ctrl-U in the editor: everything before the cursor on this line.
    public mutating func deleteToStart() {
        remove(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: everything after the cursor on this line.
    public mutating func deleteToEnd() { _ = split() }

    /// The editing actions every one-line field shares (the prompt and the search field), bound
    /// in `KeyTable.lineEditing`; `key` is the key that asked, whose character `.insert` types.
    /// Returns false for any other action.
    public mutating func apply(_ action: TextAction, key: Key) -> Bool {
        switch action {
        case .moveLeft: _ = moveLeft()
        case .moveRight: _ = moveRight()
        case .lineStart: moveHome()
        case .lineEnd: moveEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .clearLine: clear()
        case .deleteWordBackward: deleteWordBackward()
        case .deleteToLineStart: deleteToStart()
        case .deleteToLineEnd: deleteToEnd()
        case .insert:
            guard case .char(let c) = key else { return false }
            insert(String(c))
        default: return false
        }
        return true
    }

    // MARK: Boundaries

    private func index(_ offset: Int) -> String.Index {
        text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: min(max(0, offset), scalarCount))
    }

    // A scalar position is a cluster boundary when it is also a position in the String's
    // Character view; the standard library decides that locally, so a long line costs no more
    // per key than walking to the offset.
    private func isBoundary(_ i: String.UnicodeScalarView.Index) -> Bool { i.samePosition(in: text) != nil }

    private func boundary(atOrAfter offset: Int) -> Int {
        let scalars = text.unicodeScalars
        var i = index(offset), o = min(max(0, offset), scalarCount)
        while i < scalars.endIndex && !isBoundary(i) { i = scalars.index(after: i); o += 1 }
        return o
    }

    private func boundary(atOrBefore offset: Int) -> Int {
        offset <= 0 || offset >= scalarCount || isBoundary(index(offset)) ? min(max(0, offset), scalarCount) : boundary(before: offset)
    }

    private func boundary(before offset: Int) -> Int {
        let scalars = text.unicodeScalars
        var i = index(offset), o = min(max(0, offset), scalarCount)
        repeat { i = scalars.index(before: i); o -= 1 } while o > 0 && !isBoundary(i)
        return o
    }

    private mutating func remove(_ range: Range<Int>) {
        var scalars = text.unicodeScalars
        scalars.removeSubrange(index(range.lowerBound)..<index(range.upperBound))
        text = String(scalars)
    }
}
