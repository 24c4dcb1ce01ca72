import Foundation
import Testing

@testable import OctopusKit

/// The assessment matrix read from the bundled base: every answer traced to sourced facts, an
/// answer the facts cannot give never read as "no", and indicator definitions validated.
@Suite("Assessment matrix")
struct MatrixTests {
    let conference = Day.conference

    func reading(_ state: String, _ area: String, _ indicator: String, at date: Day) throws -> IndicatorReading {
        let c = try #require(bundled.countries.first { $0.id == state })
        let a = try #require(bundled.supportArea(area))
        let i = try #require(a.indicators.first { $0.id == indicator })
        return bundled.read(i, for: c, at: date)
    }

    @Test func theNineAreasOfTheUpdateSessionAreDefined() {
        // The slide's "Support" list, in its order.
        #expect(
            bundled.supportAreas.map(\.title) == [
                "Strengthening of legislation", "Judicial training", "LEA training", "High-tech crime units", "LEA–ISP cooperation",
                "International cooperation", "Protection of children", "Rule of law and human rights", "Political commitment",
            ])
        // What the base cannot show is said, not left blank.
        for id in ["judicial-training", "lea-training", "htc-units", "political-commitment"] {
            let a = bundled.supportArea(id)
            #expect(a?.progressIndicators.isEmpty == true && a?.notRecorded?.isEmpty == false, "\(id)")
        }
    }

    @Test func everyAnswerThatIsNotUnknownRestsOnASource() {
        for date in [day("2004-07-01"), conference, day("2015-06-01"), bundled.asOf] {
            let m = Matrix(bundled, at: date)
            #expect(m.rows.count == bundled.countries.filter { !$0.isPartOfAnother(on: date) }.count)
            for row in m.rows {
                #expect(row.cells.count == 9)
                for cell in row.cells {
                    for r in cell.readings where r.answer != .unknown {
                        #expect(!r.sources.isEmpty, "\(row.country.id) \(cell.area.id) \(r.indicator.id) at \(date): \(r.answer) with no source")
                    }
                }
            }
        }
    }

    @Test func portugalBecomesAPartyOnTheDayItDeposited() throws {
        #expect(try reading("PT", "legislation", "party-ets185", at: day("2010-03-23")).answer == .no)
        let on = try reading("PT", "legislation", "party-ets185", at: day("2010-03-24"))
        #expect(on.answer == .yes)
        #expect(on.evidence.contains { $0.text.contains("24 March 2010") })
    }

    @Test func whatTheFactsCannotSayIsUnknownNeverNo() throws {
        // The Lanzarote Convention has no dates in this base.
        let m = Matrix(bundled, at: conference)
        let lanzarote = m.rows.map { try? reading($0.country.id, "children", "party-cets201", at: conference).answer }
        #expect(Set(lanzarote) == [.unknown])
        // A State whose deposit may or may not have happened by the day is unknown, for every such case.
        for date in [day("2012-01-01"), day("2016-01-01"), day("2020-01-01"), bundled.asOf] {
            for c in bundled.countries where c.mayHaveConsented("ets185", by: date) {
                #expect(try reading(c.id, "legislation", "party-ets185", at: date).answer == .unknown, "\(c.id) at \(date)")
            }
        }
        // A later Party's reservations are recorded only where found: none on record is not "no".
        #expect(try reading("CZ", "international-cooperation", "preservation-reservation", at: day("2020-01-01")).answer == .unknown)
        // A designation often notified outside the list reads unknown when none is on record.
        #expect(try reading("IT", "international-cooperation", "contact-247", at: conference).answer == .unknown)
    }

    @Test func aReservationInEffectIsReadAndCountsAgainstProgress() throws {
        let kept = try reading("CZ", "international-cooperation", "preservation-reservation", at: day("2015-01-01"))
        #expect(kept.answer == .yes && kept.progress == false)
        #expect(kept.evidence.contains { $0.text.contains("Art. 29(4)") })
        // Withdrawn on 5 July 2019: no longer kept.
        #expect(try reading("CZ", "international-cooperation", "preservation-reservation", at: day("2019-08-01")).answer != .yes)
        // A 2010 Party with none on record kept none: the base holds all of theirs.
        let none = try reading("PT", "children", "child-pornography-reservation", at: conference)
        #expect(none.answer == .no && none.progress == true)
        // Not a Party: having no reservation is no progress.
        #expect(try reading("AD", "children", "child-pornography-reservation", at: conference).progress == false)
    }

    @Test func aStateNotBoundByTheConventionIsNotAPartyToItsProtocol() throws {
        // ETS 189's published counts show gaps, so absence alone would be unknown; the Protocol's
        // own rule (Art. 9) decides it for a State not a Party to the Convention.
        let r = try reading("AD", "legislation", "party-ets189", at: conference)
        #expect(r.answer == .no)
        #expect(r.evidence.contains { $0.text.contains("Protocol Art. 9") })
    }

    @Test func cellsCountTheirIndicatorsAndSortByProgress() throws {
        var m = Matrix(bundled, at: conference, filter: .init(region: "Southern Europe"))
        #expect(!m.rows.isEmpty && m.rows.allSatisfy { $0.country.region == "Southern Europe" })
        let pt = try #require(m.rows.first { $0.country.id == "PT" })
        #expect(pt.cells[0].summary == "4 of 4" && pt.cells[0].marks == "●●●●")
        #expect(pt.cells[1].summary == "not recorded" && pt.cells[1].marks == "–")
        m.sort(by: 0)
        let ranks = m.rows.map { $0.cells[0].rank }
        #expect(ranks == ranks.sorted(by: >))
        let members = Matrix(bundled, at: conference, filter: .init(coeMember2010: false))
        #expect(members.rows.allSatisfy { !$0.country.coeMember2010 })
        let parties = Matrix(bundled, at: conference, filter: .init(standing: .inForce))
        #expect(parties.rows.allSatisfy { $0.country.status("ets185", at: conference).standing == .inForce })
    }

    @Test func supportAreasSurviveTheCompiledImage() throws {
        let kb = try KnowledgeBaseImage.decode(KnowledgeBaseImage.encode(bundled, sourceHash: 7))
        #expect(kb.supportAreas == bundled.supportAreas)
    }

    func problems(_ areas: String) -> [String] {
        let json = Fixture.replacing(#""formatVersion": 1,"#, with: #""formatVersion": 1, "supportAreas": "# + areas + ",")
        do { _ = try KnowledgeBaseLoader.load(json: json, file: "kb.json"); return [] } catch { return error.diagnostics.map(\.description) }
    }

    static let area = #"{"id": "legislation", "title": "Legislation", "short": "Legis", "summary": "Laws.", "sources": ["slides"], "indicators": [INDICATOR]}"#
    static let indicator = #"{"id": "party", "label": "Party", "meaning": "Bound.", "counts": "yes", "test": TEST}"#

    func problems(test: String) -> [String] {
        problems("[" + Self.area.replacingOccurrences(of: "INDICATOR", with: Self.indicator.replacingOccurrences(of: "TEST", with: test)) + "]")
    }

    @Test func validIndicatorsLoad() {
        #expect(problems(test: #"{"kind": "party", "treaty": "ets185"}"#) == [])
        #expect(problems(test: #"{"kind": "statement", "treaty": "ets185", "articles": ["art29"], "statementKind": "reservation"}"#) == [])
    }

    @Test(arguments: [
        (#"{"kind": "partie", "treaty": "ets185"}"#, "unknown kind \"partie\""),
        (#"{"kind": "party", "treaty": "ets999"}"#, "unknown id \"ets999\""),
        (#"{"kind": "party"}"#, "required field \"treaty\""),
        (#"{"kind": "statement", "treaty": "ets185", "articles": []}"#, "list the articles"),
        (#"{"kind": "statement", "treaty": "ets185", "articles": ["PT"]}"#, "expected a article"),
        (#"{"kind": "profile", "treaty": "ets185"}"#, "reads no treaty"),
        (#"{"kind": "party", "treaty": "ets185", "articles": ["art29"]}"#, "belong to a statement test"),
    ])
    func badIndicatorTestsAreLocated(test: String, expected: String) {
        let found = problems(test: test)
        #expect(found.contains { $0.contains(expected) }, "got \(found)")
        #expect(found.allSatisfy { $0.range(of: #"^kb\.json:[0-9]+:[0-9]+: supportAreas\[0\]"#, options: .regularExpression) != nil }, "\(found)")
    }

    @Test func badAreasAreLocated() {
        let noIndicators = #"[{"id": "training", "title": "Training", "short": "Train", "summary": "S.", "sources": ["s"], "indicators": []}]"#
        #expect(problems(noIndicators).contains { $0.contains("must say in \"notRecorded\"") })
        let long = Self.area.replacingOccurrences(of: #""Legis""#, with: #""Legislation""#).replacingOccurrences(of: "INDICATOR", with: "")
        #expect(problems("[\(long)]").contains { $0.contains("at most 6 characters") })
        let twice = Self.area.replacingOccurrences(of: "INDICATOR", with: "")
        let found = problems("[\(twice), \(twice)]")
        #expect(found.contains { $0.contains("already defined at line") })
    }
}
