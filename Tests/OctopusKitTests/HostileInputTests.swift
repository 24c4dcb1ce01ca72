import BundledKnowledgeBase
import Foundation
import Testing
@testable import OctopusKit

/// What a file, a note or an argument can put in front of the terminal: only visible text.
@Suite("Hostile input: escapes, sizes, ids")
struct HostileInputTests {
    func problems(_ json: String) -> [String] {
        do { _ = try KnowledgeBaseLoader.load(json: json, file: "kb.json"); return [] } catch { return error.diagnostics.map(\.description) }
    }

    @Test func aKeyCarryingEscapesOrALineBreakIsShownEscapedOnOneLine() {
        let escape = problems(#"{"formatVersion":1,"\u001b]0;pwned\u0007\u001b[2J":0}"#)
        let line = escape.first { $0.contains("unknown field") }
        #expect(line == #"kb.json:1:20: \u001B]0;pwned\u0007\u001B[2J: unknown field "\u001B]0;pwned\u0007\u001B[2J""#)
        let newline = problems(#"{"formatVersion":1,"x\ny":0}"#)
        #expect(newline.contains(#"kb.json:1:20: x\u000Ay: unknown field "x\u000Ay""#))
        #expect((escape + newline).allSatisfy { !$0.unicodeScalars.contains(where: Sanitizer.isUnsafe) })
    }

    /// ICU's `$` matches before a final line terminator; ids are matched whole.
    @Test(arguments: ["\\r", "\\n", "\\u0085", "\\u2028"])
    func anIdWithATrailingLineBreakIsRefused(terminator: String) {
        let json = BundledKnowledgeBase.json.replacingOccurrences(of: #""cets201""#, with: "\"cets201\(terminator)\"")
            .replacingOccurrences(of: "[[cets201", with: "[[cets201\(terminator)")
        let found = problems(json)
        #expect(found.contains { $0.contains("treaty id") && $0.contains("must look like ets185") }, "\(found.prefix(3))")
    }

    @Test func textWithEscapesLoadsVisibleNeverRaw() throws {
        let json = BundledKnowledgeBase.json.replacingOccurrences(
            of: #""shortTitle": "Budapest Convention""#,
            with: #""shortTitle": "Budapest\u001b]0;pwned\u0007 Convention\u009b""#)
        #expect(json != BundledKnowledgeBase.json)
        let kb = try KnowledgeBaseLoader.load(json: json, file: "kb.json")
        #expect(kb.treaty("ets185")?.shortTitle == #"Budapest\u001B]0;pwned\u0007 Convention\u009B"#)
    }

    /// A date no source shows stands without a citation, marked unconfirmed, and says why it is given;
    /// a confirmed date still needs its source.
    @Test func anUnconfirmedDateNeedsANoteNotABorrowedSource() {
        let unsourced = #"{"treaty": "ets185", "kind": "signature", "date": "2010-11-10", "sources": ["chart"], "unconfirmed": true}"#
        let withNote = Fixture.replacing(
            unsourced, with: #"{"treaty": "ets185", "kind": "signature", "date": "2010-11-10", "unconfirmed": true, "note": "Given from general knowledge."}"#)
        #expect(problems(withNote).isEmpty)
        let bare = Fixture.replacing(unsourced, with: #"{"treaty": "ets185", "kind": "signature", "date": "2010-11-10", "unconfirmed": true}"#)
        #expect(problems(bare).contains { $0.contains("needs a note saying why it is given") })
        let confirmed = Fixture.replacing(unsourced, with: #"{"treaty": "ets185", "kind": "signature", "date": "2010-11-10"}"#)
        #expect(problems(confirmed).contains { $0.contains(#"required field "sources" is missing"#) })
    }

    /// A source listed twice, in any list of sources (a record's, an event's, a fact's, a published
    /// count's), is kept once: the file still loads, and no page cites a source twice.
    @Test func aSourceListedTwiceIsKeptOnce() throws {
        let doubled = Fixture.valid
            .replacingOccurrences(of: #""sources": ["chart"]"#, with: #""sources": ["chart", "chart"]"#)
            .replacingOccurrences(of: #""sources": ["test"]"#, with: #""sources": ["test", "other", "test"]"#)
        try #require(doubled.components(separatedBy: #""sources": ["#).count - 1 > 10)
        let kb = try KnowledgeBaseLoader.load(json: doubled, file: "kb.json")
        let pt = try #require(kb.countries.first { $0.id == "PT" })
        #expect(pt.provenance.sources == ["chart"] && pt.events.allSatisfy { $0.sources == ["chart"] })
        #expect(kb.treaty("ets185")?.provenance.sources == ["test", "other"])
        #expect(kb.conference.sources == ["test", "other"])
    }

    @Test func millionsOfProblemsAreCountedNotListed() {
        let json = ##"{"formatVersion":1,"synonyms":[["## + String(repeating: "1,", count: 50_000) + "1]]}"
        do {
            _ = try KnowledgeBaseLoader.load(json: json, file: "syn.json")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.count == 1_000)
            #expect(error.list.total > 50_000)
            #expect(error.description.hasSuffix("only the first 1000 are listed)"))
        }
    }

    @Test func aFileOfTooManyValuesStopsAtTheCap() {
        let bytes = Array(("[" + String(repeating: "1,", count: JSONParser.maxValues + 10) + "1]").utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(bytes) }
        do { _ = try JSONParser.parse(bytes) } catch {
            #expect(error.message.hasPrefix("more than 2000000 values"))
        }
    }

    /// The byte-level fast path agrees with the scalar rule for every scalar it could meet.
    @Test func theByteScanFindsExactlyTheUnsafeScalars() {
        let samples = (0..<0x3000).compactMap(Unicode.Scalar.init) + [0xFEFF, 0x1F1F5, 0x1F44D, 0xE0067].compactMap(Unicode.Scalar.init)
        for s in samples {
            let text = "a" + String(s) + "b"
            let expected = Sanitizer.isUnsafe(s) && s != "\t" && s != "\n" && s != "\r"
            #expect(Sanitizer.needsEscaping(text.utf8) == expected, "U+\(String(s.value, radix: 16))")
            #expect(!Sanitizer.escaped(text).unicodeScalars.contains { Sanitizer.isUnsafe($0) && !"\t\n\r".unicodeScalars.contains($0) })
        }
        #expect(Sanitizer.escaped("a\u{1B}b\u{9B}\u{202E}") == #"a\u001Bb\u009B\u202E"#)
        #expect(Sanitizer.escaped("one\ntwo", keep: .nothing) == #"one\u000Atwo"#)
        #expect(Sanitizer.escaped("over\rwrite\n", keep: .lines) == #"over\u000Dwrite"# + "\n")
        for keep in [Sanitizer.Keep.layout, .lines, .nothing] {
            for b in UInt8(0)..<0x80 {
                let s = Unicode.Scalar(b)
                #expect(Sanitizer.needsEscaping([b], keep: keep) == (Sanitizer.isUnsafe(s) && !keep.keeps(s)), "\(keep) \(b)")
            }
        }
    }

    @Test func aThousandWordQueryIsCappedAndSaysSo() {
        let index = SearchIndex(bundled)
        let words = (0..<1_000).map { "w\($0)" }.joined(separator: " ")
        #expect(SearchIndex.ignoredWords(in: words) == 1_000 - SearchIndex.maxWords)
        #expect(SearchIndex.ignoredWords(in: "preservation of data") == 0)
        #expect(index.search("preservation " + words).isEmpty)  // the searched words still must all match
        #expect(!index.search("preservation data " + String(repeating: "data ", count: 500)).isEmpty)
    }
}
