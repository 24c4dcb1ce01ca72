import FoundationEssentials
import Glibc
import OctopusKit

/// What a cell looks like. Meaning never rests on colour alone: every role also has an attribute.
public struct Style: Hashable, Sendable {
    public enum Role: Int, Hashable, Sendable, CaseIterable { case normal, heading, accent, link, dim, warning, selected, bar }
    public var role: Role
    public var bold = false
    public var underline = false
    public var reverse = false
    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role; self.bold = bold; self.underline = underline; self.reverse = reverse
    }
    public static let normal = Style()
    public static let heading = Style(.heading, bold: true)
    public static let accent = Style(.accent, bold: true)
    public static let link = Style(.link, underline: true)
    public static let dim = Style(.dim)
    public static let warning = Style(.warning, bold: true)
    public static let selected = Style(.selected, reverse: true)
    public static let bar = Style(.bar, reverse: true)
}

/// One screen cell: a grapheme cluster (or "" for the right half of a wide character).
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style
    public static let blank = Cell(text: " ", style: .normal)
}

/// The screen as a value. Views draw into it; the backend copies it to the terminal. Drawing
/// clips at the edges by column width, so nothing ever wraps or spills.
public struct CellGrid: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(_ size: Size) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: .blank, count: self.size.width * self.size.height)
    }

    static let ellipsis = TextWidth.glyphs("…")[0]

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * size.width + column]
    }

    /// Draws text at (row, column), clipped to `width` columns (default: to the right edge).
    /// Each cluster is drawn as its glyphs (see `TextWidth.glyphs`); a wide glyph that does not
    /// fit is not drawn by half. Text that is cut ends in "…", so a cut never passes for the end
    /// of the text. Returns the number of columns used.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal, width: Int? = nil) -> Int {
        guard row >= 0, row < size.height, column >= 0, column < size.width else { return 0 }
        let limit = min(size.width, column + (width ?? size.width))
        let cut = TextWidth.columns(text) > limit - column
        let room = cut ? limit - 1 : limit
        var x = column
        draw: for ch in text {
            for glyph in TextWidth.glyphs(ch) {
                if x + glyph.width > room { break draw }
                set(glyph, row: row, column: x, style: style)
                x += glyph.width
            }
        }
        if cut, x < limit {
            set(Self.ellipsis, row: row, column: x, style: style)
            x += 1
        }
        return x - column
    }

    /// Writes one glyph. A wide character is two cells, its text and an empty right half; covering
    /// either half blanks the other, so the terminal is never left with half a character.
    private mutating func set(_ glyph: TextWidth.Glyph, row: Int, column x: Int, style: Style) {
        let base = row * size.width
        unpair(row: row, from: x, to: x + glyph.width)
        cells[base + x] = Cell(text: glyph.text, style: style)
        if glyph.width == 2 { cells[base + x + 1] = Cell(text: "", style: style) }
    }

    /// Blanks the far halves of wide characters that straddle the edges of columns start..<end.
    private mutating func unpair(row: Int, from start: Int, to end: Int) {
        let base = row * size.width
        if start > 0, start < size.width, cells[base + start].text.isEmpty {
            cells[base + start - 1].text = " "
        }
        if end < size.width, end > 0, cells[base + end].text.isEmpty {
            cells[base + end].text = " "
        }
    }

    /// Fills a row segment with spaces in a style (for bars and selections).
    public mutating func fill(row: Int, column: Int = 0, width: Int? = nil, style: Style) {
        guard row >= 0, row < size.height else { return }
        let start = max(0, column), end = min(size.width, column + (width ?? size.width))
        guard start < end else { return }
        unpair(row: row, from: start, to: end)
        for x in start..<end { cells[row * size.width + x] = Cell(text: " ", style: style) }
    }

    /// A frame of box-drawing lines around `rect` (ASCII look-alikes where the locale needs them).
    public mutating func box(_ rect: Rect, style: Style = .dim) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.column + rect.width - 1, bottom = rect.row + rect.height - 1
        let line = String(repeating: "─", count: rect.width - 2)
        put("┌" + line + "┐", row: rect.row, column: rect.column, style: style)
        put("└" + line + "┘", row: bottom, column: rect.column, style: style)
        for r in (rect.row + 1)..<bottom {
            put("│", row: r, column: rect.column, style: style)
            put("│", row: r, column: right, style: style)
        }
    }

    /// The grid with every cell made ASCII, for terminals whose locale is not UTF-8: punctuation
    /// gets an ASCII look-alike, accented letters lose their accents, anything else becomes "?".
    public func asciiOnly() -> CellGrid {
        var out = self
        for i in out.cells.indices where !out.cells[i].text.allSatisfy(\.isASCII) {
            out.cells[i].text = CellGrid.ascii(out.cells[i].text)
        }
        return out
    }

    static let asciiLookAlikes: [Character: String] = [
        "›": ">", "‹": "<", "…": ".", "·": "-", "–": "-", "—": "-", "•": "*", "‘": "'", "’": "'", "“": "\"", "”": "\"",
        "│": "|", "┃": "#", "▾": "-", "▸": "+", "●": "*", "◐": "o", "○": "o", "◌": "?", "⇄": "=", "→": ">", "←": "<",
        "↑": "^", "↓": "v", "×": "x", "▏": "_", "«": "<", "»": ">",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "─": "-",
    ]

    static func ascii(_ text: String) -> String {
        guard let c = text.first else { return text }  // right half of a wide character stays empty
        if let look = asciiLookAlikes[c] { return look }
        // A letter with accents is its base letter ("é" is "e"), as folding makes it.
        if let first = c.unicodeScalars.first, let base = Folding.folded(first).first, base.isASCII, base.properties.isAlphabetic {
            return String(first.properties.isUppercase ? Character(base).uppercased() : String(base))
        }
        return "?"
    }

    /// Rows as plain text, trailing spaces removed: the text snapshot format used in tests.
    public var lines: [String] {
        (0..<size.height).map { r in
            var s = ""
            for c in 0..<size.width { s += cells[r * size.width + c].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
