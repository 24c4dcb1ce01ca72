import FoundationEssentials
import Glibc

/// One word of a passage: its folded form (as `Folding.words` would give it) and where it sits in
/// the original text, so a snippet can mark the original spelling without folding it again.
struct TextToken: Sendable, Hashable {
    var word: String
    /// For a word joined by an apostrophe ("d'Ivoire" → "divoire"): its pieces, "d" and "ivoire",
    /// so that "cote d ivoire" typed with a space finds it too. Empty otherwise.
    var parts: [String]
    /// UTF-8 offsets of the word in the passage text.
    var start: Int32
    var end: Int32
}

/// Splits passages into folded words. Folding runs once per distinct spelling (cached), not once
/// per occurrence, because folding is the slow part of building the index.
struct Tokenizer {
    private struct Folded { var words: [String]; var parts: [String] }
    private var cache: [String: Folded] = [:]

    static let apostrophes = Folding.apostrophes

    /// Letters, marks and digits make words; everything else separates them (as in `Folding`).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return Folding.isAlphanumeric(s)
        }
    }

    mutating func tokens(in text: String) -> [TextToken] {
        var out: [TextToken] = []
        let scalars = text.unicodeScalars
        var offset = 0
        var wordStart: (index: String.UnicodeScalarView.Index, offset: Int)?
        var wordEnd = (index: scalars.startIndex, offset: 0)
        // An apostrophe joins two words only when a letter follows it ("d'Ivoire"); a quote mark
        // before a space or at the end of a word does not belong to the word.
        var afterApostrophe = false
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            let width = UTF8.width(s)
            let next = scalars.index(after: i)
            if Tokenizer.isWordScalar(s) {
                if wordStart == nil { wordStart = (i, offset) }
                wordEnd = (next, offset + width)
                afterApostrophe = false
            } else if wordStart != nil, !afterApostrophe, Tokenizer.apostrophes.contains(s) {
                afterApostrophe = true
            } else if let start = wordStart {
                emit(text, from: start, to: wordEnd, into: &out)
                wordStart = nil
                afterApostrophe = false
            }
            offset += width
            i = next
        }
        if let start = wordStart { emit(text, from: start, to: wordEnd, into: &out) }
        return out
    }

    private mutating func emit(
        _ text: String, from start: (index: String.UnicodeScalarView.Index, offset: Int),
        to end: (index: String.UnicodeScalarView.Index, offset: Int), into out: inout [TextToken]
    ) {
        let raw = String(text.unicodeScalars[start.index..<end.index])
        let folded = fold(raw)
        for word in folded.words {
            out.append(
                TextToken(
                    word: word, parts: folded.words.count == 1 ? folded.parts : [],
                    start: Int32(start.offset), end: Int32(end.offset)))
        }
    }

    private mutating func fold(_ raw: String) -> Folded {
        // Plain ASCII letters and digits fold to their lower case; no need for the table.
        if raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) {
            return Folded(words: [raw.lowercased()], parts: [])
        }
        if let hit = cache[raw] { return hit }
        let words = Folding.words(raw)
        var parts: [String] = []
        if raw.unicodeScalars.contains(where: Tokenizer.apostrophes.contains) {
            parts = raw.unicodeScalars.split(whereSeparator: Tokenizer.apostrophes.contains)
                .flatMap { Folding.words(String(String.UnicodeScalarView($0))) }
            if parts.count < 2 { parts = [] }
        }
        let folded = Folded(words: words, parts: parts)
        cache[raw] = folded
        return folded
    }
}
