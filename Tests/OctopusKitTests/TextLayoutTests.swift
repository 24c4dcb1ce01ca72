import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// The command line wraps by terminal columns, as the browser does: a wide letter takes two.
@Suite("Plain-text layout")
struct TextLayoutTests {
    @Test func wrapsByColumnsNotCharacters() {
        let text = Array(repeating: "東京都", count: 8).joined(separator: " ")  // 3 wide letters: 6 columns each
        let lines = TextLayout.wrap(text, width: 20, first: "  - ", rest: "    ")
        try? #require(lines.count > 1)
        for line in lines { #expect(TextWidth.columns(line) <= 20, "\(line)") }
        #expect(lines[0] == "  - 東京都 東京都")  // 4 + 6 + 1 + 6 = 17; a third would need 24
    }

    @Test func aWordWiderThanTheLineStaysWhole() {
        let url = "https://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/185/declarations"
        let lines = TextLayout.wrap("see \(url) now", width: 30)
        #expect(lines == ["see", url, "now"])
    }

    /// Words are found on UTF-8 for speed; they must be the words a split by character finds,
    /// whatever the text: spaces doubled and at the ends, accents, wide letters, emoji, a
    /// combining mark or a joiner straight after a space (which makes one character with it).
    @Test func wordsAreThoseASplitByCharacterFinds() {
        let pieces = ["a", "é", "e\u{301}", " ", "  ", "\u{301}", "\u{200D}", "東", "👍🏽", "\t", "-", "\u{0308}x", "Ω"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            #expect(TextWidth.words(text).map(String.init) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    /// A line that fits is returned as it is, without being split into words; that shortcut must
    /// give what wrapping word by word gives, for any text and width (spaces doubled or at the
    /// ends, a combining mark after a space, wide letters).
    @Test func aLineThatFitsIsWhatWrappingWordByWordGives() {
        let pieces = ["a", "bc", "é", " ", "  ", " \u{301}", "\u{200D}", "\t", "東京", "👍🏽", "-", "Ω", "word"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let width = Int.random(in: 4...30, using: &rng)
            let first = ["", "  - ", "     "].randomElement(using: &rng)!, rest = "    "
            var expected: [String] = [], line = first, lineWidth = TextWidth.columns(first), hasWord = false
            for word in text.split(separator: " ") {
                let w = TextWidth.columns(word)
                if hasWord && lineWidth + 1 + w > width {
                    expected.append(line); line = rest + word; lineWidth = TextWidth.columns(rest) + w
                } else {
                    line += (hasWord ? " " : "") + word; lineWidth += (hasWord ? 1 : 0) + w
                }
                hasWord = true
            }
            if hasWord || expected.isEmpty { expected.append(line) }
            #expect(TextWidth.wrap(text, width: width, first: first, rest: rest) == expected, "\(Array(text.unicodeScalars)) at \(width)")
        }
    }

    /// A text is measured letter by letter while its letters are ASCII, Latin or punctuation,
    /// then by character; the sum must be the characters' own, whatever joins what (a mark
    /// after an ASCII or accented letter or a dash, a joiner, a prefix sign, Hangul jamo, flags,
    /// joined emoji, CR LF, C1 and bidi controls, wide letters).
    @Test func aTextIsAsWideAsItsCharacters() {
        let pieces = [
            "a", "b ", "e\u{301}", "\u{301}", "\r\n", "\r", "東", "👍🏽", "👩\u{200D}💻", "🇵🇹", "🇫", "–", "\u{200B}", "x\u{FE0F}", "\t",
            "é", "\u{A0}", "\u{85}", "…", "“", "ʼ", "‼", "\u{FE0F}", "\u{200D}", "\u{2028}", "\u{202E}", "\u{2060}", "\u{600}", "\u{1100}", "\u{1161}",
            "\u{205E}", "\u{205F}", "\u{2010}", "\u{300}",
        ]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = text.reduce(0) { $0 + TextWidth.columns($1) }
            #expect(TextWidth.columns(text) == expected, "\(Array(text.unicodeScalars))")
            #expect(TextWidth.columns(text.dropFirst()) == text.dropFirst().reduce(0) { $0 + TextWidth.columns($1) })
        }
    }
}
