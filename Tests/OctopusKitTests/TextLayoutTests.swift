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
}
