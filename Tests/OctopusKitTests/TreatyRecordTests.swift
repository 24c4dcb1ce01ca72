import Foundation
import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// What a delegate reads about a State's treaty record: its reservations and declarations, the
/// name it had on the date shown, the union it was part of, and where each line's facts come from.
@Suite("Treaty record: statements, names of the time, sources")
struct TreatyRecordTests {
    func built(_ id: String, at date: String) throws -> Page {
        PageBuilder.page(for: try #require(bundled.record(id)), in: bundled, at: day(date))
    }

    func text(_ id: String, at date: String) throws -> String { try built(id, at: date).plainBlocks.joined(separator: "\n") }

    func country(_ id: String) throws -> Country { try #require(bundled.countries.first { $0.id == id }) }

    /// The numbers "(source 3)" / "(sources 3, 5)" at the end of a line.
    func cited(_ line: String) -> [Int] {
        guard let r = line.range(of: #"\(sources? [0-9, ]+\)$"#, options: .regularExpression) else { return [] }
        return line[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    }

    func sourcesList(_ page: Page) throws -> [String] {
        let start = try #require(page.blocks.firstIndex(of: .heading("Sources")))
        return page.blocks[(start + 1)...].compactMap { if case .numbered(_, let s) = $0 { Page.plain(s) } else { nil } }
    }

    @Test func aCountryPageListsItsStatementsWithDateAndSource() throws {
        let page = try built("US", at: "2025-12-01")
        let lines = page.plainBlocks, sources = try sourcesList(page)
        let us = try country("US")
        #expect(lines.contains("Reservations and declarations"))
        let statements = us.statements(for: "ets185")
        try #require(!statements.isEmpty)
        for st in statements {
            let line = try #require(lines.first { $0.contains("ETS 185 \(st.provision), \(st.kind.rawValue): ") }, "\(st.provision)")
            #expect(line.contains(us.when(st)))
            let numbers = cited(line)
            #expect(!numbers.isEmpty, "\(line)")
            // Every number points at one of the statement's own sources in the Sources list.
            for n in numbers { #expect(st.sources.contains(sources[n - 1]), "\(n) in \(line)") }
        }
    }

    /// A statement whose occasion the sources do not give says only when it was made, never that
    /// it came with an instrument whose day is unknown.
    @Test func aStatementOfUnrecordedOccasionSaysOnlyItsDay() throws {
        let ec = try country("EC")
        let st = try #require(ec.statements.first { $0.made == .unrecorded })
        let line = try #require(try built("EC", at: "2025-12-31").plainBlocks.first { $0.contains("ETS 185 \(st.provision), declaration: ") })
        #expect(line.contains("— made on 4 December 2025"))
        #expect(!line.contains("instrument deposited") && !line.contains("later letter") && !line.contains("after the date shown"))
    }

    /// An unconfirmed date says what its sources are for: none states it, or those cited (a law, a
    /// later date) do not state it; never "no source" beside a source number.
    @Test func anUnconfirmedDateSaysWhatItsSourcesShow() throws {
        for c in bundled.countries {
            let timeline = try built(c.id, at: "2025-12-01").plainBlocks.drop { $0 != "Timeline" }.prefix { $0 != "Reservations and declarations" }
            for e in c.events where e.unconfirmed {
                let line = try #require(
                    timeline.first { $0.contains(e.kind.label) && $0.contains(kbAlias(e.treaty)) && $0.hasPrefix(column(e.date)) }, "\(c.id) \(e.kind)")
                if e.sources.isEmpty {
                    #expect(line.contains("unconfirmed: no source states it") && cited(line).isEmpty, "\(c.id): \(line)")
                } else {
                    #expect(line.contains("unconfirmed: the sources cited do not state this date") && !cited(line).isEmpty, "\(c.id): \(line)")
                }
            }
        }
        // Both kinds are in the base.
        let unconfirmed = bundled.countries.flatMap(\.events).filter(\.unconfirmed)
        #expect(unconfirmed.contains { $0.sources.isEmpty } && unconfirmed.contains { !$0.sources.isEmpty })
    }

    /// A statement made with the instrument and given no day of its own takes the deposit's, window
    /// and all: Norway's reservations of June 2006 are neither counted nor denied inside that month.
    @Test func aStatementMadeWithTheInstrumentTakesTheDepositsDate() throws {
        let no = try country("NO")
        let r = try #require(no.statements(for: "ets185").first { $0.provision == "Art. 29(4)" })
        #expect(r.date == nil && r.made == .deposit)
        #expect(no.dateMade(r) == .between(day("2006-06-01"), day("2006-06-30")))
        #expect(no.inEffect(r, on: day("2006-05-31")) == false)
        #expect(no.inEffect(r, on: day("2006-06-15")) == nil)
        #expect(no.inEffect(r, on: day("2006-07-01")) == true)
        #expect(no.when(r) == "made with the instrument deposited between 1 June 2006 and 30 June 2006")
        // On the article's page at the conference it is among those in effect, with that window;
        // inside the window it is listed apart, as not known to be made by then.
        #expect(
            try text("art29", at: "2010-03-25").contains("Norway — reservation under Art. 29(4), made with the instrument deposited between 1 June 2006"))
        #expect(
            try text("art29", at: "2006-06-15").contains(
                "Norway — reservation under Art. 29(4), made with the instrument deposited between 1 June 2006 and 30 June 2006 (not known whether made by this date)"
            ))
    }

    @Test func aPartyWithNoStatementSaysNoneRecordedNotNothing() throws {
        let pa = try text("PA", at: "2025-12-01")
        #expect(pa.contains("Budapest Convention (ETS 185): none recorded in this base"))
        let cn = try text("CN", at: "2025-12-01")  // no treaty events at all
        #expect(cn.contains("Reservations and declarations\nNone recorded in this base."))
    }

    @Test func everyTimelineEventNamesItsSources() throws {
        for c in bundled.countries {
            let page = try built(c.id, at: "2025-12-01")
            let sources = try sourcesList(page)
            let timeline = page.plainBlocks.drop { $0 != "Timeline" }.prefix { $0 != "Reservations and declarations" }
            for e in c.events where !e.sources.isEmpty {
                let line = try #require(
                    timeline.first { $0.contains(e.kind.label) && $0.contains(kbAlias(e.treaty)) && $0.hasPrefix(column(e.date)) }, "\(c.id) \(e.kind)")
                let numbers = cited(line)
                #expect(!numbers.isEmpty, "\(c.id): \(line)")
                for n in numbers { #expect(e.sources.contains(sources[n - 1]), "\(c.id): \(line)") }
            }
        }
    }

    /// Issue 15 (part 4): one timeline per State across the tracked treaties — events, statements
    /// made and withdrawn, names — in order of time, with the date shown marked among them.
    @Test func theTimelineRunsInOrderAcrossTreatiesWithTheDateShownMarked() throws {
        func timeline(_ id: String, _ date: String) throws -> [String] {
            Array(try built(id, at: date).plainBlocks.drop { $0 != "Timeline" }.dropFirst().prefix { !$0.isEmpty })
        }
        let fr = try timeline("FR", "2010-03-25")
        let marker = try #require(fr.firstIndex { $0.contains("▸ 25 March 2010: the date shown") })
        let days = fr.enumerated().filter { $0.offset != marker }.map { ($0.offset, Day(String($0.element.prefix(10)))) }
        #expect(days.allSatisfy { $0.1 != nil }, "every other line starts with its day: \(fr)")
        let ordered = days.compactMap(\.1)
        #expect(ordered == ordered.sorted(), "in order of time")
        #expect(days.allSatisfy { ($0.0 < marker) == ($0.1! <= Day("2010-03-25")!) }, "the marker sits where the date falls")
        #expect(fr.contains { $0.contains("ETS 185 Art. 22(2) reservation") && $0.contains("made with the instrument deposited") })
        #expect(fr.contains { $0.contains("ETS 189") } && fr.contains { $0.contains("ETS 185") }, "both treaties on one timeline")

        // Türkiye: nothing before the date of the conference, its new name after.
        let tr = try timeline("TR", "2010-03-25")
        #expect(tr.first?.contains("▸ 25 March 2010") == true)
        #expect(tr.contains { $0.hasPrefix("2022-06-01") && $0.contains("Türkiye") && $0.contains("before: Turkey") })
    }

    /// The timeline's first column for a date.
    func column(_ d: EventDate) -> String {
        switch d {
        case .exact(let x): x.description
        case .between(let a, let b): "\(a)…\(b)"
        case .unknown: "date unknown"
        }
    }

    func kbAlias(_ treaty: String) -> String { bundled.treaty(treaty)?.aliases.first ?? treaty }

    @Test func anArticlePageNamesWhoMadeAStatementOnItByTheDate() throws {
        let at2010 = try text("art22", at: "2010-03-25")
        #expect(at2010.contains("Made by, on 25 March 2010"))
        #expect(at2010.contains("France — reservation under Art. 22(2), made with the instrument deposited on 10 January 2006"))
        // Latvia's reservation stands in 2010 and is gone once withdrawn on 2 December 2011.
        #expect(at2010.contains("Latvia — reservation under Art. 22(2)"))
        let at2012 = try text("art22", at: "2012-01-01")
        #expect(!at2012.contains("Latvia — reservation under Art. 22(2)"))
        // A reservation made after the date is not there yet (Belgium, 20 August 2012).
        #expect(!at2010.contains("Belgium — reservation"))
        #expect(try text("art22", at: "2013-01-01").contains("Belgium — reservation under Art. 22(2)"))
    }

    @Test func everyStatementConcernsAnArticleOfItsTreaty() throws {
        for c in bundled.countries {
            for st in c.statements {
                for a in st.articles {
                    let article = try #require(bundled.articles.first { $0.id == a }, "\(c.id) \(a)")
                    #expect(article.treaty == st.treaty, "\(c.id) \(st.provision)")
                }
                #expect(!st.sources.isEmpty)
                if c.dateMade(st) == nil { #expect(st.note != nil, "\(c.id) \(st.provision): an undated statement says what is known") }
            }
        }
    }

    /// A statement copied from two lists is one statement: two made by a State on the same day
    /// under the same provision are told apart by the parts of the article their summaries name.
    @Test func aStatementIsRecordedOnce() throws {
        func parts(_ st: Statement) -> Set<String> {
            Set(st.summary.matches(of: /Art\. [0-9]+(\([0-9a-z]+\))+/).map { String($0.output.0) }).subtracting([st.provision])
        }
        var sameDay = 0
        for c in bundled.countries {
            let groups = Dictionary(grouping: c.statements) { "\($0.treaty) \($0.kind) \($0.provision) \($0.made) \($0.date?.description ?? "?")" }
            for (key, group) in groups where group.count > 1 {
                sameDay += 1
                let named = group.map(parts)
                #expect(Set(named).count == group.count && !named.contains([]), "\(c.id) \(key): \(group.map(\.summary))")
            }
        }
        #expect(sameDay >= 2, "Denmark and Montenegro each made two reservations under Art. 9(4) on one day")
    }

    @Test func aStateIsCalledWhatItWasCalledOnTheDate() throws {
        #expect(try built("TR", at: "2010-03-25").title == "Turkey (today Türkiye)")
        #expect(try built("TR", at: "2025-12-01").title == "Türkiye")
        #expect(try built("MK", at: "2010-03-25").title == "the former Yugoslav Republic of Macedonia (today North Macedonia)")
        #expect(try built("CV", at: "2010-03-25").title == "Cape Verde (today Cabo Verde)")
        // Lists of Parties use the name of the day too.
        #expect(try text("ets185", at: "2010-03-25").contains("the former Yugoslav Republic of Macedonia (today North Macedonia)"))
        #expect(try text("ets185", at: "2025-12-01").contains("North Macedonia, Norway"))
    }

    /// Serbia and Montenegro signed once, in April 2005: before June 2006 it is one signatory, so
    /// the end of 2005 reads 42 signatories, as published, not 43.
    @Test func serbiaAndMontenegroCountsOnceBeforeJune2006() throws {
        let end2005 = day("2005-12-31")
        #expect(bundled.signatories(of: "ets185", at: end2005).count == 42)
        #expect(!bundled.signatories(of: "ets185", at: end2005).contains { $0.id == "ME" })
        #expect(try country("RS").name(at: end2005) == "Serbia and Montenegro")
        #expect(bundled.signatories(of: "ets185", at: day("2006-06-03")).contains { $0.id == "ME" })
        #expect(try text("ME", at: "2005-12-31").contains("On this date Montenegro was part of Serbia and Montenegro, counted once, as Serbia"))
    }

    @Test func anUntrackedTreatySaysSoOnEveryCountryPage() throws {
        let pt = try text("PT", at: "2010-03-25")
        #expect(pt.contains("Lanzarote Convention (CETS 201): not tracked in this base"))
    }
}
