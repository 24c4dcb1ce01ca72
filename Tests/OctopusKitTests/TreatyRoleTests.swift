import BundledKnowledgeBase
import Foundation
import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// What a treaty is to the base (its role), the articles its reservations and declarations are
/// made under, and what links two counterpart articles are written in the base; pages, titles and
/// article ids follow from them, not from treaty ids or article numbers.
@Suite("Treaty roles")
struct TreatyRoleTests {
    func problems(_ json: String) -> [String] {
        do { _ = try KnowledgeBaseLoader.load(json: json, file: "kb.json"); return [] } catch { return error.diagnostics.map(\.description) }
    }

    func text(_ id: String, in json: String) throws -> String {
        let kb = try KnowledgeBaseLoader.load(json: json, file: "kb.json")
        return PageBuilder.page(for: try #require(kb.record(id)), in: kb).plainBlocks.joined(separator: "\n")
    }

    @Test func everyRoleProblemIsLocatedWithTheValuesAllowed() {
        var json = Fixture.replacing(
            #""treaties": ["#,
            with: #"""
                "treaties": [
                    {"id": "ets189", "role": "convention", "reservationsArticle": "art29", "title": "Protocol", "shortTitle": "Protocol",
                     "summary": "A protocol.", "sources": ["test"], "asOf": "2026-11-29"},
                    {"id": "cets201", "title": "Lanzarote Convention", "shortTitle": "Lanzarote", "summary": "Children.", "sources": ["test"], "asOf": "2026-11-29"},
                    {"id": "cets108", "role": "treaty", "title": "Convention 108", "shortTitle": "108", "summary": "Data.", "sources": ["test"], "asOf": "2026-11-29"},
                """#)
        json = json.replacingOccurrences(of: #""kind": "domestic-power""#, with: #""kind": "domestic""#)
        #expect(
            problems(json) == [
                #"kb.json:8:67: treaties[0].reservationsArticle: "art29" is an article of ets185, not of ets189"#,
                #"kb.json:10:5: treaties[1].role: required field "role" is missing; use one of convention, protocol, related"#,
                #"kb.json:11:31: treaties[2].role: unknown role "treaty"; use one of convention, protocol, related"#,
                #"kb.json:12:30: treaties[3].role: ets189 (line 8) is already the convention; a base has one: make this one "related""#,
                #"kb.json:21:128: articles[1].counterparts[0].kind: unknown kind "domestic"; use one of domestic-power, international-co-operation, conditions-and-safeguards"#,
            ])
    }

    @Test func anArticleIDFollowsItsTreatysRole() {
        let json = Fixture.replacing(#""role": "convention""#, with: #""role": "protocol""#)
        #expect(problems(json).contains(#"kb.json:13:12: articles[0].id: article 16 of ets185 (the protocol) must have id "p-art16""#))
    }

    @Test func aCounterpartIsLabelledAsTheBaseSays() throws {
        #expect(try text("art16", in: Fixture.valid).contains("Art. 29 Expedited preservation of stored computer data — international co-operation"))
        let relabelled = Fixture.replacing(#""kind": "international-co-operation""#, with: #""kind": "conditions-and-safeguards""#)
        #expect(try text("art16", in: relabelled).contains("Art. 29 Expedited preservation of stored computer data — conditions and safeguards"))
    }

    @Test func reservationsNameTheArticleTheTreatyGivesForThem() throws {
        // The fixture's treaty names none: the heading names none either.
        #expect(try text("art29", in: Fixture.valid).contains("Reservations it admits\n"))
        let named = Fixture.replacing(#""role": "convention""#, with: #""role": "convention", "reservationsArticle": "art16""#)
        #expect(try text("art29", in: named).contains("Reservations it admits (Art. 16)\n"))
        let elsewhere = Fixture.replacing(#""role": "convention""#, with: #""role": "convention", "reservationsArticle": "ws3""#)
        #expect(problems(elsewhere).contains { $0.hasSuffix(#"treaties[0].reservationsArticle: "ws3" is a session, expected a article"#) })
    }

    @Test func theBundledBaseHasItsConventionAndProtocol() throws {
        #expect(bundled.convention?.id == "ets185")
        #expect(bundled.treaties.map(\.role) == [.convention, .protocol, .related])
        #expect(bundled.record("p-art3")?.title.hasPrefix("Protocol Article 3 – ") == true)
        #expect(bundled.record("art29")?.title.hasPrefix("Article 29 – ") == true)
        let art29 = try text("art29", in: BundledKnowledgeBase.json), pArt5 = try text("p-art5", in: BundledKnowledgeBase.json)
        #expect(art29.contains("Reservations it admits (Art. 42)"))
        #expect(pArt5.contains("Reservations it admits (Protocol Art. 12)") && pArt5.contains("Declarations it admits (Protocol Art. 12)"))
        #expect(art29.contains("Art. 16 Expedited preservation of stored computer data — domestic power"))
    }
}
