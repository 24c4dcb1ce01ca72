import Foundation
import Testing
@testable import OctopusKit
import TestSupport

/// Search on the bundled base: folding, AND, prefixes, typos, phrases, synonyms, addresses,
/// filters and snippets. Timing is measured by `octopus-bench`, never asserted here.
@Suite("Search")
struct SearchTests {
    /// Built once for the suite: the index is a value, safe to share.
    static let index = SearchIndex(bundled)
    var index: SearchIndex { SearchTests.index }

    func ids(_ query: String, limit: Int = 50) -> [String] { index.search(query, limit: limit).map(\.id) }

    /// Folded words of everything search reads in a record, to check hits independently of the index.
    func words(of id: String) -> Set<String> {
        guard let r = bundled.record(id) else { return [] }
        return Set(r.searchPassages(in: bundled).flatMap { Folding.words($0.text) })
    }

    // MARK: Matching outside the index (n and N on a page)

    @Test func theMatcherFindsInAnyTextWhatSearchWouldMatch() {
        let pieces = ["Mutual", " ", "legal", " ", "assistance", " through the ", "MLA", " desk; ", "legal", " aid"]
        #expect(index.matcher(for: "mla").matches(in: pieces) == [0..<5, 6..<7])  // the synonym group, as one match each
        #expect(index.matcher(for: "\"legal assistance\"").matches(in: pieces) == [2..<5])  // quotes: these words only
        #expect(index.matcher(for: "type:article").matches(in: pieces).isEmpty)
    }

    @Test func theMatcherForgivesATypoOnlyWhereTheWordItselfIsMissing() {
        #expect(index.matcher(for: "preservaton ").matches(in: ["expedited ", "preservation"]) == [1..<2])
        #expect(index.matcher(for: "preservation ").matches(in: ["reservation", " and ", "preservation"]) == [2..<3])
    }

    // MARK: Ranking

    @Test func preservationRanksArticles16And29FirstThree() {
        let top = ids("preservation", limit: 3)
        #expect(top.contains("art16"), "\(top)")
        #expect(top.contains("art29"), "\(top)")
    }

    @Test(arguments: ["cote d ivoire", "ivory coast", "Côte d’Ivoire", "Côte d'Ivoire", "COTE D'IVOIRE", "cotedivoire"])
    func ivoryCoastSpellings(query: String) {
        #expect(ids(query, limit: 1) == ["CI"], "\(query)")
    }

    @Test(arguments: [
        ("turquie", "TR"), ("turkiye", "TR"), ("Türkiye", "TR"), ("turkey", "TR"),
        ("São Tomé", "ST"), ("sao tome", "ST"), ("Sao Tome e Principe", "ST"), ("portugal", "PT"),
    ])
    func countryNamesInOtherSpellings(query: String, id: String) {
        #expect(ids(query, limit: 1) == [id], "\(query)")
    }

    @Test func mlaExpandsToMutualLegalAssistance() {
        let top = ids("mla", limit: 5)
        #expect(top.contains("art25"), "\(top)")
        #expect(top.contains("art27"), "\(top)")
        // And the other way round: the phrase finds records that only say "MLA" or "mutual assistance".
        #expect(ids("mutual legal assistance").contains("art27"))
    }

    @Test(arguments: [
        ("art 29", "art29"), ("Article 29", "art29"), ("art. 16", "art16"), ("ws3", "ws3"),
        ("workshop 6", "ws6"), ("PT", "PT"), ("p 3", "p-art3"), ("ets 185", "ets185"),
        // An address among other words still ranks first, before or after them.
        ("preservation art29", "art29"), ("art 29 preservation", "art29"), ("portugal reservations", "PT"),
    ])
    func addressRanksItsRecordFirst(query: String, id: String) {
        #expect(ids(query).first == id, "\(query)")
    }

    @Test func singularAndPluralFindEachOther() {
        #expect(ids("reservations ").contains("art42"))
        #expect(ids("parties ").contains { words(of: $0).contains("party") && !words(of: $0).contains("parties") })
        #expect(QueryPlan.otherNumber(of: "bus").isEmpty)  // too short to tell an inflection
    }

    @Test func oneTypoIsForgivenInLongerWords() {
        #expect(ids("interseption").contains("art21"))
        #expect(ids("preservaton").contains("art29"))
        // Short words get no typo tolerance: one edit makes another word.
        #expect(ids("mlx").isEmpty)
    }

    /// Issue 14: "preservation" and "reservation" are both words of the base, so neither is taken
    /// for a typo of the other, in any record, with or without an address beside it.
    @Test(arguments: [("reservation ", "reservation"), ("preservation ", "preservation"), ("preservation", "preservation")])
    func aWordOfTheBaseIsNeverATypo(query: String, word: String) {
        let hits = ids(query, limit: 500)
        #expect(hits.count >= 3, "\(hits)")
        for id in hits {
            let w = words(of: id)
            #expect(
                w.contains(word) || w.contains(word + "s") || w.contains("freeze") || w.contains("preserve"),
                "\(id) matched \(query) only by a neighbour")
        }
        #expect(index.matcher(for: "reservation ").matches(in: ["preservation"]).isEmpty)
    }

    @Test(arguments: ["xyzzyqq", "qwrtzp fhqwhgads", "preservation xyzzyqq", "\"preservation xyzzyqq\""])
    func nonsenseFindsNothing(query: String) {
        #expect(index.search(query).isEmpty)
    }

    @Test func allWordsMustMatch() {
        let hits = ids("preservation traffic")
        #expect(!hits.isEmpty)
        for id in hits {
            let w = words(of: id)
            // "traffic" is being typed (a prefix); "preservation" may come as its synonym or with one typo.
            let preservation =
                w.contains("preservation") || w.contains("freeze")
                || w.contains { Suggestions.distance(Array($0), Array("preservation"), limit: 1) <= 1 }
            #expect(w.contains { $0.hasPrefix("traffic") } && preservation, "\(id)")
        }
        #expect(!hits.contains("PT"))
    }

    @Test func emptyQueryFindsNothing() {
        #expect(index.search("").isEmpty)
        #expect(index.search("   ").isEmpty)
        #expect(index.search("preservation", limit: 0).isEmpty)
        #expect(index.search("a", limit: 3).count == 3)
    }

    // MARK: Filters and phrases

    @Test func typeFilter() {
        let countries = index.search("data type:country")
        #expect(!countries.isEmpty)
        #expect(countries.allSatisfy { $0.kind == .country })
        let articles = index.search("type:article preservation")
        #expect(articles.allSatisfy { $0.kind == .article })
        #expect(articles.map(\.id).contains("art16"))
        // An address of another kind is filtered out too.
        #expect(!ids("art 29 type:country").contains("art29"))
        #expect(ids("type:org police").allSatisfy { bundled.record($0)?.kind == .organisation })
        #expect(index.search("preservation type:nonsense").isEmpty)
        // A filter alone lists that kind in knowledge-base order.
        #expect(ids("type:term", limit: 3) == Array(bundled.glossary.prefix(3).map(\.id)))
    }

    @Test func phraseRequiresAdjacentWords() {
        let hits = ids("\"expedited preservation\"")
        #expect(hits.contains("art16") && hits.contains("art29"))
        for id in hits {
            let texts = bundled.record(id).map { $0.searchPassages(in: bundled).map { Folding.fold($0.text) } } ?? []
            #expect(texts.contains { $0.contains("expedited preservation") }, "\(id)")
        }
        // Loose words find more than the phrase: records with both words apart.
        #expect(Set(ids("expedited preservation")).isSuperset(of: hits))
        #expect(!ids("\"preservation expedited\"").contains("art16"))
    }

    // MARK: Typing

    @Test func prefixWhileTyping() {
        let pres = ids("pres")
        #expect(pres.contains("preservation") && pres.contains("art29") && pres.contains("art16"), "\(pres)")
        // Every keystroke from "pre" on keeps Article 29 among the hits.
        let word = Array("preservation")
        for n in 3...word.count { #expect(ids(String(word[..<n])).contains("art29"), "\(String(word[..<n]))") }
        // The word as typed ranks before longer words that start with it: "europe" → Council of Europe.
        #expect(ids("europe", limit: 1) == ["coe"])
    }

    @Test func queryParsing() {
        let q = Query.parse("Art 29 \"Expedited Preservation\" type:article")
        #expect(q.parts == [.word("art"), .word("29"), .phrase(["expedited", "preservation"], open: false)])
        #expect(q.kinds == [.article])
        #expect(!q.lastIsPrefix)
        #expect(q.addressText == "Art 29")
        #expect(Query.parse("pres").lastIsPrefix)
        #expect(!Query.parse("pres ").lastIsPrefix)
        #expect(Query.parse("\"expedited pres").parts == [.phrase(["expedited", "pres"], open: true)])
        #expect(Query.parse("x type:art").kinds == [.article])
        #expect(Query.parse("x type:bogus").unknownKind)
    }

    // MARK: Snippets

    @Test(arguments: ["preservation", "cote d ivoire", "mla", "interseption", "expedited preservation", "pres"])
    func highlightsPointAtMatchedWords(query: String) throws {
        let queryWords = Folding.words(query)
        let synonyms = Set(bundled.synonyms.flatMap { $0.flatMap(Folding.words) })
        let hits = index.search(query, limit: 10)
        #expect(!hits.isEmpty)
        for hit in hits {
            let s = hit.snippet, chars = Array(s.text)
            #expect(s.text.count <= SearchIndex.snippetLength + 2, "\(s.text)")
            var previousEnd = 0
            for r in s.highlights {
                try #require(r.lowerBound >= previousEnd && r.upperBound <= chars.count && !r.isEmpty, "\(r) in \(s.text)")
                previousEnd = r.upperBound
                // A highlight starts and ends at word boundaries…
                #expect(r.lowerBound == 0 || !chars[r.lowerBound - 1].isLetter, "\(s.bracketed())")
                #expect(r.upperBound == chars.count || !chars[r.upperBound].isLetter, "\(s.bracketed())")
                // …and holds a query word, a completion of the last one, a synonym, or a typo neighbour.
                for w in Folding.words(String(chars[r])) {
                    let ok =
                        queryWords.contains(w) || synonyms.contains(w)
                        || (queryWords.last.map { w.hasPrefix($0) } ?? false)
                        || queryWords.contains { Suggestions.distance(Array($0), Array(w), limit: 1) <= 1 }
                        || queryWords.joined() == w  // "d ivoire" typed apart
                        || queryWords.contains { w.hasSuffix($0) || w.hasPrefix($0) }
                    #expect(ok, "\(w) in \(s.bracketed()) for \(query)")
                }
            }
        }
    }

    @Test func snippetMarksTheMatchInContext() throws {
        let hit = try #require(index.search("interception", limit: 5).first { $0.id == "art21" })
        #expect(hit.snippet.bracketed().contains("[interception]"), "\(hit.snippet.bracketed())")
        #expect(hit.title == "Article 21 – Interception of content data")
        #expect(hit.kind == .article)
        // An address hit whose words are only in the title still gets some text.
        let art29 = try #require(index.search("art 29").first)
        #expect(!art29.snippet.text.isEmpty)
    }

    @Test func bracketedMarksRangesByCharacter() {
        #expect(Snippet(text: "the preservation of data", highlights: [4..<16]).bracketed() == "the [preservation] of data")
        #expect(Snippet(text: "Côte d'Ivoire", highlights: [0..<4, 5..<13]).bracketed() == "[Côte] [d'Ivoire]")
        // Out-of-range or overlapping values from elsewhere are tolerated.
        #expect(Snippet(text: "abc", highlights: [1..<9, 0..<2]).bracketed() == "[abc]")
        #expect(Snippet(text: "", highlights: [0..<1]).bracketed() == "")
    }

    @Test func suggestionsCorrectUnknownWords() {
        #expect(index.suggestions(for: "interseptoin").contains("interception"))
        #expect(index.suggestions(for: "preservation").isEmpty)
    }

    // MARK: Other bases

    @Test func worksOnASmallHandMadeBase() throws {
        let small = SearchIndex(try KnowledgeBaseLoader.load(json: Fixture.valid, file: "kb.json"))
        #expect(small.search("quick freeze").first?.id == "preservation")
        #expect(small.search("turquie").first?.id == "TR")
        #expect(small.search("mutual legal assistance").isEmpty)  // a synonym with nothing behind it
        #expect(small.search("art 29").first?.id == "art29")
    }

    @Test func syntheticBaseScalesTheBundledOne() {
        let big = KnowledgeBase.synthetic(from: bundled, scale: 3)
        #expect(big.allRecords.count == bundled.allRecords.count * 3)
        #expect(Set(big.allRecords.map(\.id)).count == big.allRecords.count)
        let bigIndex = SearchIndex(big)
        #expect(bigIndex.vocabularySize > index.vocabularySize)
        #expect(bigIndex.search("art 29").first?.id == "art29")
        #expect(bigIndex.search("preservation", limit: 100).map(\.id).contains { $0.hasPrefix("art29-") })
    }
}
