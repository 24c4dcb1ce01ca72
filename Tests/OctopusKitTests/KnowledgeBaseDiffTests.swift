import Testing

@testable import OctopusKit

/// The change report between two bases, in a delegate's terms.
@Suite("Knowledge-base diff")
struct KnowledgeBaseDiffTests {
    func rebuilt(_ kb: KnowledgeBase, countries: [Country]? = nil, glossary: [GlossaryTerm]? = nil) -> KnowledgeBase {
        KnowledgeBase(
            formatVersion: kb.formatVersion, title: kb.title, asOf: kb.asOf, conference: kb.conference, treaties: kb.treaties,
            articles: kb.articles, sessions: kb.sessions, countries: countries ?? Array(kb.countries), organisations: kb.organisations,
            glossary: glossary ?? Array(kb.glossary), synonyms: kb.synonyms)
    }

    @Test func theSameBaseHasNoChange() {
        let diff = KnowledgeBaseDiff(old: bundled, new: bundled)
        #expect(diff.isEmpty)
        #expect(diff.report() == ["No record changed."])
    }

    @Test func correctionsStatementsAndRemovalsAreNamed() throws {
        var countries = Array(bundled.countries)
        let mt = try #require(countries.firstIndex { $0.id == "MT" })
        let ratification = try #require(countries[mt].events.firstIndex { $0.treaty == "ets185" && $0.kind == .ratification })
        countries[mt].events[ratification].date = .exact(try #require(Day("2012-04-13")))
        let us = try #require(countries.firstIndex { $0.id == "US" })
        var extra = try #require(countries[us].statements.first)
        extra.provision = "Art. 99(9)"
        countries[us].statements.append(extra)
        let removedTerm = try #require(bundled.glossary.first)
        let new = rebuilt(bundled, countries: countries, glossary: Array(bundled.glossary.dropFirst()))
        let diff = KnowledgeBaseDiff(old: bundled, new: new)
        #expect(diff.correctedSteps.map(\.country) == ["MT"])
        #expect(diff.newStatements.map(\.provision) == ["Art. 99(9)"])
        #expect(diff.removed.map(\.id) == [removedTerm.id])
        #expect(diff.reworded.isEmpty, "a treaty step or a statement is not a rewording: \(diff.reworded)")
        let report = diff.report { $0 == removedTerm.id ? 1 : 0 }
        #expect(report.contains { $0.hasPrefix("1 treaty date corrected (Malta, Budapest Convention ratified 13 April 2012)") }, "\(report)")
        #expect(report.contains { $0.hasPrefix("1 new reservation or declaration (United States") }, "\(report)")
        #expect(report.contains { $0.contains("your note on \(removedTerm.term) is kept and listed as orphaned") }, "\(report)")
    }
}
