import Testing
@testable import OctopusKit

@Suite("Treaty status at a date")
struct StatusTests {
    let kb = try! KnowledgeBaseLoader.load(json: Fixture.valid, file: "kb.json")

    @Test func portugalAcrossTheConference() throws {
        let pt = try #require(kb.countries.first { $0.id == "PT" })
        #expect(pt.status("ets185", at: day("2010-03-23")).standing == .signed)
        let during = pt.status("ets185")  // default: 25 March 2010
        #expect(during.date == Day.conference)
        #expect(during.standing == .ratified)
        #expect(during.decidingEvent?.date == .exact(day("2010-03-24")))
        #expect(pt.status("ets185", at: day("2010-07-01")).standing == .inForce)
        #expect(pt.status("ets185", at: day("2001-11-22")).standing == .none)
        #expect(pt.status("ets189").standing == .none)
    }

    @Test func countsAtADate() {
        #expect(kb.signatories(of: "ets185", at: day("2010-03-01")).count == 1)
        #expect(kb.signatories(of: "ets185", at: day("2011-01-01")).count == 2)
        #expect(kb.parties(of: "ets185", at: day("2010-03-24")).map(\.id) == ["PT"])
        #expect(kb.parties(of: "ets185", at: day("2010-03-23")).isEmpty)
    }
}
