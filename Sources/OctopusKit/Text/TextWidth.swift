import FoundationEssentials
import Glibc

/// Column width of text by grapheme cluster, computed from Unicode ranges rather than the C
/// library's `wcwidth`, so it does not depend on the process locale and tests see what users see.
///
/// Terminals disagree about clusters of several scalars (a flag, `👍🏽`, a ZWJ family, `❤️`): one
/// draws two columns, another four, tmux counts each scalar. So the grid never hands those to the
/// terminal whole. Each cluster is drawn as *glyphs* every terminal sizes alike: its first scalar
/// with its combining marks (after composing to NFC, so a decomposed `é` is one letter), or, for
/// a flag, the two letters of its region code. The text itself is never changed, only its picture.
public enum TextWidth {
    /// One cell's worth of drawing: the text given to the terminal and the columns it takes.
    public struct Glyph: Hashable, Sendable {
        public var text: String
        public var width: Int
    }

    /// The glyphs a cluster is drawn as; empty for controls, format characters and lone marks.
    public static func glyphs(_ c: Character) -> [Glyph] {
        if let a = c.asciiValue { return a < 0x20 || a == 0x7F ? [] : [Glyph(text: String(c), width: 1)] }
        var scalars = Array(c.unicodeScalars)
        if scalars.count > 1 {
            // Composed (NFC) by the standard library's own normaliser, the one String comparison uses.
            scalars = Array(String(decoding: String(c)._nfcCodeUnits, as: UTF8.self).unicodeScalars)
        }
        let first = scalars[0]
        if isRegionalIndicator(first) {
            // A flag, or a lone regional indicator: its letters (🇵🇹 is drawn "PT").
            return scalars.prefix(2).filter(isRegionalIndicator).map { r in
                Glyph(text: String(Character(Unicode.Scalar(r.value - 0x1F1E6 + 0x41)!)), width: 1)
            }
        }
        let width = columns(first)
        guard width > 0 else { return [] }
        // ncurses takes a spacing character and at most four combining marks (CCHARW_MAX is 5).
        var text = String.UnicodeScalarView([first])
        for s in scalars.dropFirst() where isMark(s) && text.count < 5 { text.append(s) }
        return [Glyph(text: String(text), width: width)]
    }

    /// Columns a cluster takes: the sum of its glyphs' widths.
    public static func columns(_ c: Character) -> Int {
        if let a = c.asciiValue { return a < 0x20 || a == 0x7F ? 0 : 1 }
        return glyphs(c).reduce(0) { $0 + $1.width }
    }

    /// Columns of one scalar drawn alone, as `wcwidth` in a UTF-8 locale gives it.
    public static func columns(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        // Format characters (bidi controls, zero-width joiners) are never drawn: the grid skips
        // zero-width glyphs, which is the last guard against text steering the terminal.
        case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) || (0xE0000...0xE0FFF).contains(v) { return 0 }
        return isWide(v) || s.properties.isEmojiPresentation ? 2 : 1
    }

    /// Combining marks drawn with their base; variation selectors are marks too, but they ask
    /// for emoji or text presentation, which terminals size differently, so they are left out.
    public static func isMark(_ s: Unicode.Scalar) -> Bool {
        if (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value) { return false }
        return s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .enclosingMark
    }

    public static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    public static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Printable ASCII, nearly all of the base's text, is one column a byte: counted on UTF-8
    /// without breaking it into characters (pages of thousands of lines are wrapped at start).
    /// So are the letters and punctuation a European text mixes in (`simpleScalarLength`).
    /// (Concrete, not generic over StringProtocol: a caller in another module would otherwise
    /// reach it through the standard library's unspecialised collection code.)
    public static func columns(_ s: String) -> Int { columns(s[...]) }

    public static func columns(_ s: Substring) -> Int {
        var n = 0
        var i = s.utf8.startIndex, previous = i
        while i != s.utf8.endIndex {
            let b = s.utf8[i]
            let length = b >= 0x20 && b < 0x7F ? 1 : simpleScalarLength(s.utf8, at: i)
            guard length > 0 else {
                // From the last one-column letter on (a mark after it joins it), by character;
                // the letters before it are one column each, whatever follows.
                guard n > 0 else { return s.reduce(0) { $0 + columns($1) } }
                return n - 1 + s[previous...].reduce(0) { $0 + columns($1) }
            }
            n += 1
            previous = i
            i = s.utf8.index(i, offsetBy: length)
        }
        return n
    }

    /// The UTF-8 length of the scalar at `i` if it is one of U+00A0–U+02FF (Latin letters with
    /// their accents precomposed, Latin-1 signs) or U+2010–U+205E (dashes, quotes, the ellipsis,
    /// per mille), else 0. Each of those takes one column, and none joins what comes before or
    /// after it into one character (none is a mark, a joiner, a prefix, a control, a regional
    /// indicator or a Hangul jamo), so between printable ASCII and one another they are one
    /// character a scalar; what a scalar outside them follows is measured by character.
    static func simpleScalarLength(_ utf8: Substring.UTF8View, at i: Substring.UTF8View.Index) -> Int {
        let lead = utf8[i]
        guard lead == 0xC2 || lead == 0xE2 || (0xC3...0xCB).contains(lead) else { return 0 }
        let j = utf8.index(after: i)
        guard j != utf8.endIndex else { return 0 }
        let second = utf8[j]
        if lead != 0xE2 { return lead == 0xC2 && second < 0xA0 ? 0 : 2 }
        // U+2010–U+205E is E2 80 90 … E2 81 9E; U+2028–U+202F (line and bidi controls) are out.
        guard second == 0x80 || second == 0x81 else { return 0 }
        let k = utf8.index(after: j)
        guard k != utf8.endIndex else { return 0 }
        let third = utf8[k]
        switch second {
        case 0x80: return (0x90...0xA7).contains(third) || (0xB0...0xBF).contains(third) ? 3 : 0
        default: return third <= 0x9E ? 3 : 0
        }
    }

    /// The longest prefix that fits in `width` columns, with "…" when cut (if `ellipsis`).
    public static func clip(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if columns(s) <= width { return s }
        let room = width - columns(ellipsis)
        var out = "", used = 0
        for c in s {
            let w = columns(c)
            if used + w > room { break }
            out.append(c); used += w
        }
        return room >= 0 ? out + ellipsis : out
    }

    public static func pad(_ s: String, to width: Int) -> String {
        let clipped = clip(s, to: width)
        return clipped + String(repeating: " ", count: max(0, width - columns(clipped)))
    }

    /// The words of a text, split at spaces as `split(separator: " ")` would split it by character,
    /// but found on UTF-8 (breaking a whole page into characters was most of its layout time). A
    /// space that a combining mark joins is part of its character, not a break, as by character.
    static func words(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex, i = start
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == 0x20, next == utf8.endIndex || utf8[next] < 0x80 || !joinsSpace(text.unicodeScalars[next]) {
                if start != i { out.append(text[start..<i]) }
                start = next
            }
            i = next
        }
        if start != utf8.endIndex { out.append(text[start..<utf8.endIndex]) }
        return out
    }

    /// Whether a scalar after a space makes one character with it (a combining mark, a joiner).
    static func joinsSpace(_ scalar: Unicode.Scalar) -> Bool {
        var pair = String.UnicodeScalarView()
        pair.append(" "); pair.append(scalar)
        return String(pair).count == 1
    }

    /// Word wrap by columns after a first-line and a continuation prefix (a bullet, an indent).
    /// A word wider than the line stays whole on a line of its own: plain output keeps a web
    /// address in one piece to be copied.
    public static func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
        let firstWidth = columns(first)
        // Most lines of a page (a link, a short bullet) fit as they are: splitting them into
        // words and joining them again with single spaces would give the same line.
        // (A text never takes more columns than it has UTF-8 bytes, so most need no measuring;
        // one far longer than the line will not fit.)
        let bytes = text.utf8.count
        if !text.isEmpty, firstWidth + bytes <= width || (bytes <= 4 * width && firstWidth + columns(text) <= width), isJoinedBySingleSpaces(text) {
            return [first + text]
        }
        return wrapBytes(text, width: width, first: first, firstWidth: firstWidth, rest: rest, restWidth: columns(rest))
    }

    /// Greedy wrap on the text's bytes: words are found at each space (one that a combining mark
    /// after it joins is part of its word, as `words` has it) and measured where they lie (a word
    /// of printable ASCII is as wide as it is long), so a page's thousands of bullets wrap without
    /// a Substring per word.
    static func wrapBytes(_ text: String, width: Int, first: String, firstWidth: Int, rest: String, restWidth: Int) -> [String] {
        var copy = text
        return copy.withUTF8 { bytes in
            func isBreak(_ i: Int) -> Bool {
                guard bytes[i] == 0x20 else { return false }
                guard i + 1 < bytes.count, bytes[i + 1] >= 0x80 else { return true }
                let next = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<min(i + 5, bytes.count)]), as: UTF8.self)
                return !(next.unicodeScalars.first.map(joinsSpace) ?? false)
            }
            var lines: [String] = []
            var line = Array(first.utf8), lineWidth = firstWidth, lineHasWord = false
            var i = 0
            while i < bytes.count {
                if isBreak(i) { i += 1; continue }
                var end = i, ascii = true
                while end < bytes.count && !isBreak(end) {
                    ascii = ascii && bytes[end] >= 0x20 && bytes[end] < 0x7F
                    end += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[i..<end])
                let w = ascii ? end - i : columns(String(decoding: word, as: UTF8.self))
                if lineHasWord && lineWidth + 1 + w > width {
                    lines.append(String(decoding: line, as: UTF8.self))
                    line = Array(rest.utf8); lineWidth = restWidth
                } else if lineHasWord {
                    line.append(0x20); lineWidth += 1
                }
                line.append(contentsOf: word); lineWidth += w
                lineHasWord = true
                i = end
            }
            if lineHasWord || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
            return lines
        }
    }

    /// No space at either end and no two together: the words of the text, joined by one space
    /// each, are the text itself.
    static func isJoinedBySingleSpaces(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for b in text.utf8 {
            if b == 0x20 && previous == 0x20 { return false }
            previous = b
        }
        return previous != 0x20
    }

    /// Word wrap by columns. Words longer than the width are broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", lineWidth = 0
        for word in words(text) {
            var w = String(word)
            var ww = columns(w)
            if lineWidth > 0 && lineWidth + 1 + ww <= width {
                line += " " + w; lineWidth += 1 + ww; continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while ww > width {
                let head = clip(w, to: width, ellipsis: "")
                lines.append(head)
                w = String(w.dropFirst(head.count)); ww = columns(w)
            }
            line = w; lineWidth = ww
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
