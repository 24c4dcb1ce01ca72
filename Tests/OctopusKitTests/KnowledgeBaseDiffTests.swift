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
        let was = countries[mt].events[ratification].date.long
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
        #expect(report.contains { $0 == "1 treaty date corrected (Malta, Budapest Convention ratified 13 April 2012, was \(was))" }, "\(report)")
        #expect(report.contains { $0.hasPrefix("1 new reservation or declaration (United States") }, "\(report)")
        #expect(report.contains { $0.contains("your note on \(removedTerm.term) is kept and listed as orphaned") }, "\(report)")
    }

    /// A date that keeps its day but gains a source is "now confirmed", not "corrected"; one whose
    /// sources or note alone change says so; and a State with two statements under one provision
    /// (Denmark's two Art. 9(4) reservations) has neither reported revised when something else
    /// of its record changes.
    @Test func aConfirmationIsNotACorrectionAndTwinStatementsStayPaired() throws {
        var countries = Array(bundled.countries)
        func index(_ id: String) throws -> Int { try #require(countries.firstIndex { $0.id == id }) }
        let (si, dk) = (try index("SI"), try index("DK"))
        let ratification = try #require(countries[si].events.firstIndex { $0.treaty == "ets185" && $0.kind == .ratification })
        try #require(countries[si].events[ratification].unconfirmed)
        countries[si].events[ratification].unconfirmed = false
        countries[si].events[ratification].sources.append("https://example.org/deposit")
        let force = try #require(countries[si].events.firstIndex { $0.treaty == "ets185" && $0.kind == .entryIntoForce })
        countries[si].events[force].note = "Another note."
        let twins = countries[dk].statements.filter { $0.provision == "Art. 9(4)" && $0.kind == .reservation }
        try #require(twins.count == 2)
        countries[dk].name += " (renamed)"
        let diff = KnowledgeBaseDiff(old: bundled, new: rebuilt(bundled, countries: countries))
        #expect(diff.correctedSteps.isEmpty, "\(diff.correctedSteps)")
        #expect(diff.confirmedSteps.map(\.country) == ["SI"] && diff.resourcedSteps.map(\.country) == ["SI"])
        #expect(diff.changedStatements.isEmpty && diff.newStatements.isEmpty && diff.removedStatements.isEmpty, "\(diff.changedStatements)")
        #expect(diff.reworded.map(\.id) == ["DK"])
        let report = diff.report()
        #expect(report.contains { $0.hasPrefix("1 treaty date now confirmed by a source (Slovenia, Budapest Convention ratified ") }, "\(report)")
        #expect(report.contains { $0.hasPrefix("1 treaty step with its sources or note revised (Slovenia, Budapest Convention entered into force ") })

        // One of the twins reworded: that one is revised, the other is not; one dropped: one is gone.
        var one = countries
        let first = try #require(one[dk].statements.firstIndex(of: twins[0]))
        one[dk].statements[first].summary += " Reworded."
        let revised = KnowledgeBaseDiff(old: bundled, new: rebuilt(bundled, countries: one))
        #expect(revised.changedStatements.count == 1 && revised.newStatements.isEmpty && revised.removedStatements.isEmpty)
        one[dk].statements.remove(at: first)
        let dropped = KnowledgeBaseDiff(old: bundled, new: rebuilt(bundled, countries: one))
        #expect(dropped.removedStatements.map(\.provision) == ["Art. 9(4)"] && dropped.changedStatements.isEmpty)
    }
}
