import BundledKnowledgeBase
import Foundation
import Testing
@testable import OctopusKit

@Suite("Loading and validation")
struct LoaderTests {
    func problems(_ json: String) -> [Diagnostic] {
        do {
            _ = try KnowledgeBaseLoader.load(json: json, file: "kb.json")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func problems(bytes: [UInt8]) -> [Diagnostic] {
        do { _ = try KnowledgeBaseLoader.load(bytes: bytes, file: "kb.json"); return [] } catch { return error.diagnostics }
    }

    @Test func validFixtureLoads() throws {
        let kb = try KnowledgeBaseLoader.load(json: Fixture.valid, file: "kb.json")
        #expect(kb.articles.count == 2)
        #expect(kb.record("pt")?.id == "PT")
        #expect(kb.backlinks(to: "art16", kind: .session) == ["ws3"])
    }

    /// Every bad input gives located diagnostics in the documented format, never a crash.
    @Test(arguments: [
        ("truncated file", String(Fixture.valid.prefix(400)), "truncated"),
        ("empty file", "", "empty"),
        ("only whitespace", "  \n  ", "empty"),
        ("not an object", "[1, 2]", "expected an object"),
        ("wrong type", Fixture.replacing(#""number": 29"#, with: #""number": "29""#), "expected a whole number"),
        ("duplicate id", Fixture.replacing(#""id": "TR""#, with: #""id": "PT""#), "duplicate id \"PT\""),
        ("duplicate id differing in case", Fixture.replacing(#""id": "ws3""#, with: #""id": "pt""#), "duplicate id \"PT\""),
        ("dangling link", Fixture.replacing(#""links": ["ws3"]"#, with: #""links": ["ws9"]"#), "link to unknown id \"ws9\""),
        ("dangling inline link", Fixture.replacing("Keeping data. See [[art16]].", with: "Keeping data. See [[art61]]."), "link to unknown id \"art61\""),
        ("impossible date", Fixture.replacing(#""date": "2010-03-24""#, with: #""date": "2010-02-30""#), "not a real date"),
        ("unknown formatVersion", Fixture.replacing(#""formatVersion": 1"#, with: #""formatVersion": 7"#), "unknown formatVersion 7"),
        ("missing required field", Fixture.replacing(#""name": "Portugal", "#, with: ""), "required field \"name\" is missing"),
        ("entry into force before ratification", Fixture.replacing(#""date": "2010-07-01""#, with: #""date": "2010-01-01""#), "is not after ratification"),
        ("misspelt field", Fixture.replacing(#""summary": "Laws.""#, with: #""sumary": "Laws.""#), "did you mean \"summary\""),
        (
            "missing sources", Fixture.replacing(#""sources": ["chart"], "asOf": "2026-11-29"},"#, with: #""sources": [], "asOf": "2026-11-29"},"#),
            "at least one"
        ),
        ("control character in string", Fixture.replacing("Signed later.", with: "Signed\u{1B}later."), "control character"),
        ("bad escape", Fixture.replacing("Signed later.", with: #"Signed \q later."#), "invalid escape"),
        ("trailing garbage", Fixture.valid + "}", "after the end"),
        (
            "unknown event kind", Fixture.replacing(#""kind": "signature", "date": "2010-11-10""#, with: #""kind": "signing", "date": "2010-11-10""#),
            "unknown event kind"
        ),
        ("link to wrong kind", Fixture.replacing(#""article": "art16""#, with: #""article": "PT""#), "expected a article"),
        ("bad country id", Fixture.replacing(#""id": "TR""#, with: #""id": "Tur""#), "ISO 3166"),
        ("deep nesting", String(repeating: "[", count: 200) + String(repeating: "]", count: 200), "nesting is deeper"),
        ("statement dated apart from its instrument", Fixture.withStatement(made: "deposit", date: "2010-03-20"), "but the deposit is recorded on 2010-03-24"),
        ("later statement with neither day nor note", Fixture.withStatement(made: "later", date: nil), "give the \"date\" it was made"),
    ])
    func badInputIsReported(name: String, json: String, expected: String) {
        let found = problems(json)
        #expect(!found.isEmpty, "\(name): no problem reported")
        #expect(found.contains { $0.message.contains(expected) }, "\(name): got \(found.map(\.description))")
        for d in found {
            // file:line:column: path: message
            #expect(d.description.range(of: #"^kb\.json:[0-9]+:[0-9]+: [^ ]+: .+"#, options: .regularExpression) != nil, "\(d)")
        }
    }

    @Test func notUTF8IsLocated() {
        var bytes = Array(Fixture.valid.utf8)
        let i = bytes.firstIndex(of: UInt8(ascii: "L"))!  // "Legislation"
        bytes[i] = 0xFF
        let found = problems(bytes: bytes)
        #expect(found.count == 1)
        #expect(found[0].message.contains("not valid UTF-8"))
        let line = Fixture.valid.prefix { $0 != "L" || false }.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(found[0].position.line == line)
    }

    @Test func hugeStringIsRejected() {
        let huge = String(repeating: "x", count: JSONParser.maxStringBytes + 10)
        let found = problems(Fixture.replacing("Signed later.", with: huge))
        #expect(found.contains { $0.message.contains("longer than") })
    }

    @Test func threeSeparateErrorsAreAllReported() {
        var json = Fixture.replacing(#""date": "2010-03-24""#, with: #""date": "2010-13-24""#)
        json = json.replacingOccurrences(of: #""links": ["ws3"]"#, with: #""links": ["nowhere"]"#)
        json = json.replacingOccurrences(of: #""id": "TR""#, with: #""id": "PT""#)
        let found = problems(json)
        #expect(found.count == 3, "\(found.map(\.description))")
        let lines = Set(found.map(\.position.line))
        #expect(lines.count == 3)
    }

    @Test func positionPointsAtTheBadValue() throws {
        let json = Fixture.replacing(#""number": 29"#, with: #""number": "29""#)
        let d = try #require(problems(json).first)
        let lineText = json.split(separator: "\n", omittingEmptySubsequences: false)[d.position.line - 1]
        let column = lineText.index(lineText.startIndex, offsetBy: d.position.column - 1)
        #expect(lineText[column...].hasPrefix("\"29\""))
        #expect(d.path.description == "articles[1].number")
    }

    @Test func missingFileIsReported() {
        #expect(throws: KnowledgeBaseError.self) { try KnowledgeBaseLoader.load(path: "/nonexistent/kb.json") }
    }

    @Test func realDatesOnly() {
        #expect(Day("2012-02-29") != nil)
        #expect(Day("2010-02-29") == nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
        #expect(Day("2010-3-25") == nil)
        #expect(Day("2010-04-31") == nil)
    }

    /// A minified file is one long line: it must load (positions are computed incrementally; they
    /// once made such a file take minutes), and columns must still point at the bad value.
    @Test func minifiedFileLoadsAndColumnsStayExact() throws {
        let object = try JSONSerialization.jsonObject(with: Data(BundledKnowledgeBase.json.utf8))
        let minified = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let kb = try KnowledgeBaseLoader.load(bytes: Array(minified), file: "min.json")
        #expect(kb.articles.count == 64)

        let oneLine = Fixture.replacing(#""number": 29"#, with: #""number": "29""#).replacingOccurrences(of: "\n", with: " ")
        let d = try #require(problems(oneLine).first)
        #expect(d.position.line == 1)
        let column = oneLine.index(oneLine.startIndex, offsetBy: d.position.column - 1)
        #expect(oneLine[column...].hasPrefix("\"29\""))
    }
}
