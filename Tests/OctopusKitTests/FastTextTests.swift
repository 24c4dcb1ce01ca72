import Foundation
import Testing
import TestSupport

@testable import OctopusKit

/// The start-up text paths work on bytes, not Foundation: each must give what the general one
/// gives, over every kind of text the base holds and random text around the cases that matter.
@Suite("Text without Foundation")
struct FastTextTests {
    /// Random ASCII with many of the characters that change a fold or a link: capitals, digits,
    /// apostrophes, spaces, brackets, bars and punctuation.
    static func randomText(_ rng: inout SplitMix64, length: Int) -> String {
        let alphabet = Array("aZ09 '`-.,[[]]||\t:/()x Y[]")
        return String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    }

    @Test func theASCIIFoldIsTheUnicodeFold() {
        var rng = SplitMix64(seed: 2010)
        for _ in 0..<5_000 {
            let text = Self.randomText(&rng, length: Int(rng.next() % 40))
            #expect(Folding.foldASCII(text) == Folding.foldUnicode(text), "\(text)")
        }
        for text in bundled.allRecords.flatMap({ [$0.title, $0.shortTitle] + $0.aliases }) where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(Folding.foldASCII(text) == Folding.foldUnicode(text), "\(text)")
        }
        #expect(Folding.fold("Côte d’Ivoire") == "cote divoire")
    }

    /// The link scanner against the one it replaced (Foundation's `range(of:)` on characters).
    @Test func linksAreFoundAsBefore() {
        var rng = SplitMix64(seed: 185)
        var texts = (0..<5_000).map { _ in Self.randomText(&rng, length: Int(rng.next() % 50)) }
        texts += ["[[art29]]", "see [[ art 29 |Article 29]] and [[PT]].", "[[unclosed", "a ]] b [[c]]", "[[é|ü]]x", "[[[x]]]", "日本[[art2]]語"]
        for text in texts { #expect(InlineText.parse(text) == Self.reference(text), "\(text)") }
    }

    static func reference(_ text: String) -> [InlineText.Span] {
        guard text.contains("[") else { return text.isEmpty ? [] : [.text(text)] }
        var spans: [InlineText.Span] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            guard let close = rest[open.upperBound...].range(of: "]]") else { break }
            if open.lowerBound > rest.startIndex { spans.append(.text(String(rest[..<open.lowerBound]))) }
            let inner = rest[open.upperBound..<close.lowerBound]
            if let bar = inner.firstIndex(of: "|") {
                spans.append(.link(target: String(inner[..<bar]).trimmingCharacters(in: .whitespaces), label: String(inner[inner.index(after: bar)...])))
            } else {
                spans.append(.link(target: String(inner).trimmingCharacters(in: .whitespaces), label: nil))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { spans.append(.text(String(rest))) }
        return spans
    }
}
