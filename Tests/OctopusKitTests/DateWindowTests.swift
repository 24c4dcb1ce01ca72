import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// A deposit known only within a window, or not at all except that the State was a Party by a
/// day: what the loader accepts, and what a reader sees before, inside and after.
@Suite("Treaty dates within a window or unknown")
struct DateWindowTests {
    /// The fixture with Türkiye's signature event replaced by `event` (a JSON object's members).
    static func withTurkishEvent(_ event: String) -> String {
        Fixture.replacing(
            #"{"treaty": "ets185", "kind": "signature", "date": "2010-11-10", "sources": ["chart"], "unconfirmed": true}"#,
            with: "{\(event)}")
    }

    func problems(_ json: String) -> [String] {
        do { _ = try KnowledgeBaseLoader.load(json: json, file: "kb.json"); return [] } catch { return error.diagnostics.map { "\($0.path): \($0.message)" } }
    }

    /// Tunisia's case: acceded on a day between 9 February and 8 March 2024.
    let windowed = try! KnowledgeBaseLoader.load(
        json: withTurkishEvent(
            #""treaty": "ets185", "kind": "accession", "between": ["2024-02-09", "2024-03-08"], "sources": ["news"]"#), file: "kb.json")
    /// Senegal's case: a Party by the end of 2017, deposit date unknown.
    let unknown = try! KnowledgeBaseLoader.load(
        json: withTurkishEvent(
            #""treaty": "ets185", "kind": "accession", "dateUnknown": true, "by": "2017-12-31", "sources": ["count"]"#), file: "kb.json")

    @Test(arguments: [
        (
            #""treaty": "ets185", "kind": "accession", "sources": ["s"]"#,
            #"countries[1].events[0].date: an event needs "date", a window "between": [first, last], or "dateUnknown": true with "by""#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "date": "2024-02-09", "between": ["2024-02-09", "2024-03-08"], "sources": ["s"]"#,
            #"countries[1].events[0].between: give one of "date", "between" or "dateUnknown", not "date" and "between""#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "between": ["2024-03-08", "2024-02-09"], "sources": ["s"]"#,
            #"countries[1].events[0].between: the window ends on 2024-02-09, before it starts on 2024-03-08; write ["2024-02-09", "2024-03-08"]"#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "between": ["2024-02-09", "2024-02-09"], "sources": ["s"]"#,
            #"countries[1].events[0].between: a window of one day is a date: write "date": "2024-02-09""#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "between": ["2024-02-09"], "sources": ["s"]"#,
            #"countries[1].events[0].between: a window is two dates, ["YYYY-MM-DD", "YYYY-MM-DD"]: the first and the last day it can be"#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "between": ["2024-02-09", "2024-02-30"], "sources": ["s"]"#,
            #"countries[1].events[0].between[1]: "2024-02-30" is not a real date; write YYYY-MM-DD"#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "dateUnknown": true, "sources": ["s"]"#,
            #"countries[1].events[0].by: a date unknown needs "by": the latest day a source shows the event had happened"#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "date": "2024-02-09", "by": "2024-03-08", "sources": ["s"]"#,
            #"countries[1].events[0].by: "by" goes with "dateUnknown": true; an exact date needs no "by""#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "date": "2024-02-09", "dateUnknown": true, "by": "2024-03-08", "sources": ["s"]"#,
            #"countries[1].events[0].dateUnknown: give one of "date", "between" or "dateUnknown", not "date" and "dateUnknown""#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "dateUnknown": true, "after": "2024-03-08", "by": "2024-03-08", "sources": ["s"]"#,
            #"countries[1].events[0].after: "after" 2024-03-08 is not before "by" 2024-03-08"#
        ),
        (
            #""treaty": "ets185", "kind": "accession", "date": "2024-02-09", "after": "2024-01-01", "sources": ["s"]"#,
            #"countries[1].events[0].after: "after" goes with "dateUnknown": true"#
        ),
    ])
    func badDatesAreLocated(event: String, expected: String) {
        #expect(problems(Self.withTurkishEvent(event)) == [expected])
    }

    /// Order rules hold for every day a window allows, and only an impossible order is refused.
    @Test func orderIsCheckedAgainstTheWholeWindow() {
        let base = Fixture.replacing(
            #"{"treaty": "ets185", "kind": "entry-into-force", "date": "2010-07-01", "sources": ["chart"]}"#,
            with: #"{"treaty": "ets185", "kind": "entry-into-force", "between": ["2010-03-01", "2010-03-24"], "sources": ["chart"]}"#)
        #expect(
            problems(base) == [
                "countries[0].events[2]: entry into force between 2010-03-01 and 2010-03-24 is not after ratification on 2010-03-24"
            ])
        let possible = Fixture.replacing(
            #"{"treaty": "ets185", "kind": "entry-into-force", "date": "2010-07-01", "sources": ["chart"]}"#,
            with: #"{"treaty": "ets185", "kind": "entry-into-force", "between": ["2010-03-01", "2010-07-01"], "sources": ["chart"]}"#)
        #expect(problems(possible) == [])
        let unknownConsent = Fixture.replacing(
            #"{"treaty": "ets185", "kind": "ratification", "date": "2010-03-24", "sources": ["chart"]}"#,
            with: #"{"treaty": "ets185", "kind": "ratification", "dateUnknown": true, "by": "2010-07-01", "sources": ["chart"]}"#)
        #expect(problems(unknownConsent) == [])
    }

    @Test func beforeInsideAndAfterAWindow() throws {
        let tr = try #require(windowed.countries.first { $0.id == "TR" })
        #expect(tr.status("ets185", at: day("2024-02-08")).standing == .none)
        let inside = tr.status("ets185", at: day("2024-02-20"))
        #expect(inside.standing == .unknown)
        #expect(inside.label == "not decided on this date: acceded between 9 February 2024 and 8 March 2024")
        #expect(tr.status("ets185", at: day("2024-02-09")).standing == .unknown)
        let after = tr.status("ets185", at: day("2024-03-08"))
        #expect(after.standing == .ratified)
        #expect(after.label == "acceded, not yet in force")
        #expect(after.decidingEvent?.phrase == "acceded between 9 February 2024 and 8 March 2024")
    }

    @Test func anUnknownDepositDateIsUnknownUntilItsByDay() throws {
        let tr = try #require(unknown.countries.first { $0.id == "TR" })
        let before = tr.status("ets185", at: day("2010-03-25"))
        #expect(before.standing == .unknown)
        #expect(before.label == "a Party by 31 December 2017; deposit date unknown")
        let by = tr.status("ets185", at: day("2017-12-31"))
        #expect(by.standing == .ratified)
        #expect(by.label == "a Party; deposit date unknown")
        #expect(by.decidingEvent?.phrase == "a Party by 31 December 2017")
    }

    /// Counts take a State from the last day its deposit can be, and say apart who is undecided.
    @Test func countsLeaveTheUndecidedApart() {
        #expect(windowed.parties(of: "ets185", at: day("2024-02-20")).map(\.id) == ["PT"])
        #expect(windowed.undecidedParties(of: "ets185", at: day("2024-02-20")).map(\.id) == ["TR"])
        #expect(windowed.parties(of: "ets185", at: day("2024-03-08")).map(\.id) == ["PT", "TR"])
        #expect(windowed.undecidedParties(of: "ets185", at: day("2024-03-08")).isEmpty)
        #expect(windowed.undecidedParties(of: "ets185", at: day("2024-02-08")).isEmpty)
        #expect(unknown.undecidedParties(of: "ets185", at: day("2010-03-25")).map(\.id) == ["TR"])
        #expect(unknown.parties(of: "ets185", at: day("2010-03-25")).map(\.id) == ["PT"])
    }

    @Test func theCountryPageSaysWhatIsKnown() throws {
        func text(_ kb: KnowledgeBase, at date: String) throws -> String {
            PageBuilder.page(for: try #require(kb.record("TR")), in: kb, at: day(date)).plainBlocks.joined(separator: "\n")
        }
        let inside = try text(windowed, at: "2024-02-20")
        #expect(inside.contains("Budapest Convention (ETS 185): not decided on this date: acceded between 9 February 2024 and 8 March 2024"))
        #expect(
            inside.contains(
                "2024-02-09…2024-03-08  ETS 185  acceded on a day between 9 February 2024 and 8 March 2024; the exact day is not recorded (not known whether before the date shown)"
            ))
        let unknownPage = try text(unknown, at: "2025-12-01")
        #expect(unknownPage.contains("Budapest Convention (ETS 185): a Party; deposit date unknown (a Party by 31 December 2017)"))
        #expect(unknownPage.contains("date unknown  ETS 185  acceded (a Party by 31 December 2017)"))
        let treaty = PageBuilder.page(for: try #require(windowed.record("ets185")), in: windowed, at: day("2024-02-20"))
            .plainBlocks.joined(separator: "\n")
        #expect(
            treaty.contains(
                "1 had ratified or acceded: Portugal. Not counted, as the sources do not show whether they had by this date (deposit date within a window or unknown): Türkiye."
            ))
    }

    // MARK: The bundled base

    /// Up to 2012 every deposit but Paraguay's (known only to fall after the conference and by the
    /// end of 2019) is known at least to its month: on the first of each month from the
    /// Convention's opening, the only other States left undecided are those whose deposit window is
    /// the month starting that day (Iceland, Italy, North Macedonia and Norway, each known to the
    /// month from its entry into force), so the counts of 2010 are decided.
    @Test func countsUpTo2012AreDecidedOutsideTheMonthsOfFourDeposits() throws {
        var inWindow: Set<String> = [], unknown: Set<String> = []
        for year in 2001...2012 {
            for month in 1...12 {
                let d = try #require(Day(year: year, month: month, day: 1))
                for c in bundled.undecidedParties(of: "ets185", at: d) {
                    let deposit = try #require(c.events.deposit(of: "ets185"))
                    if case .unknown = deposit.date {
                        unknown.insert(c.id)
                        continue
                    }
                    #expect(
                        deposit.date.earliest == d && deposit.date.latest.month == d.month && deposit.date.latest.year == d.year,
                        "\(c.id) undecided on \(d)")
                    inWindow.insert(c.id)
                }
            }
        }
        #expect(inWindow == ["IS", "IT", "MK", "NO"])
        #expect(unknown == ["PY"])
        #expect(bundled.parties(of: "ets185", at: day("2010-03-01")).count == 26)
        #expect(bundled.parties(of: "ets185").count == 29)
        #expect(bundled.signatories(of: "ets185").count == 46)
    }

    /// The States the audit found without a day, as far as the sources now go: Tunisia and
    /// Morocco with their day, Peru inside the month its entry into force gives, Senegal inside
    /// the month the Council of Europe's country wiki gives, Paraguay known only as a Party by a
    /// year's end.
    @Test func thePartiesTheAuditFoundWithoutADay() throws {
        func standing(_ id: String, _ date: String) throws -> TreatyStatus.Standing {
            try #require(bundled.countries.first { $0.id == id }).status("ets185", at: day(date)).standing
        }
        #expect(try standing("TN", "2024-03-07") == .none)
        #expect(try standing("TN", "2024-03-08") == .ratified)
        // Not Parties at the conference (29 Parties, all other States), so 2010 reads as it always did.
        for id in ["PE", "SN", "PY", "MA"] { #expect(try standing(id, "2010-03-25") == .none, "\(id)") }
        #expect(try standing("PY", "2016-01-01") == .unknown)
        #expect(try standing("SN", "2016-11-30") == .none)
        #expect(try standing("SN", "2016-12-15") == .unknown)  // acceded in December 2016, day not recorded
        #expect(try standing("SN", "2017-01-01") == .ratified)
        #expect(try standing("PE", "2019-07-31") == .none)
        #expect(try standing("PE", "2019-08-15") == .unknown)  // deposited in August 2019, day not recorded
        #expect(try standing("PE", "2019-09-01") == .ratified)
        #expect(try standing("PE", "2019-12-01") == .inForce)
        #expect(try standing("SN", "2018-01-01") == .inForce)
        #expect(try standing("PY", "2020-01-01") == .ratified)
        #expect(try standing("MA", "2018-06-28") == .none)
        #expect(try standing("MA", "2018-06-29") == .ratified)
        #expect(try standing("BR", "2022-11-30") == .ratified)
        #expect(Set(bundled.undecidedParties(of: "ets185", at: day("2019-08-15")).map(\.id)) == ["PE", "PY"])
    }
}
