import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// The counts computed from the States' events against the numbers of Parties sources published,
/// which the base records as facts with their sources (`publishedCounts` on each treaty).
@Suite("Published numbers of Parties")
struct PublishedCountTests {
    /// Years for which no published figure was found for the Convention. Each stays listed here,
    /// rather than filled with a guess; a year that gains a figure must leave this list.
    static let yearsWithoutAFigure: Set<Int> = [2007, 2009, 2012, 2026]

    func treaty(_ id: String) throws -> Treaty { try #require(bundled.treaty(id)) }

    @Test func everyYearFrom2004HasAFigureOrIsListedAsHavingNone() throws {
        let years = Set(try treaty("ets185").publishedCounts.map(\.date.year))
        for year in 2004...bundled.asOf.year {
            #expect(
                years.contains(year) != Self.yearsWithoutAFigure.contains(year),
                "\(year): \(years.contains(year) ? "has a figure; remove it from yearsWithoutAFigure" : "no published figure and not listed as having none")")
        }
    }

    /// The count never runs ahead of a source: each published figure lies between the States the
    /// base counts on that day and those plus the ones whose deposit date is not known exactly.
    /// A figure the base is known to fall short of says so (`gap`), and must really be above it.
    @Test(arguments: ["ets185", "ets189"])
    func theComputedCountAgreesWithEveryPublishedFigure(_ id: String) throws {
        let counts = try treaty(id).publishedCounts
        try #require(!counts.isEmpty)
        for c in counts {
            let counted = bundled.parties(of: id, at: c.date).count
            let undecided = bundled.undecidedParties(of: id, at: c.date).count
            if c.gap == nil {
                #expect(
                    counted <= c.parties && c.parties <= counted + undecided,
                    "\(id) on \(c.date): published \(c.parties), base \(counted) (+\(undecided) undecided)")
            } else {
                #expect(counted + undecided < c.parties, "\(id) on \(c.date): marked short but the base reaches \(counted) (+\(undecided))")
            }
            #expect(counted <= c.parties, "\(id) on \(c.date): the base counts more Parties than were published")
        }
    }

    /// "N Parties, M signatories, K invited": the signatories not yet Parties are exactly those
    /// published (Ireland and South Africa); invited States are never more than published, and
    /// the page says how many of them this base records.
    @Test func signatoriesAndInvitedStatesAgreeWithTheTotals() throws {
        let totals = try treaty("ets185").publishedCounts.filter { $0.signatories != nil || $0.invited != nil }
        try #require(totals.count >= 4)
        for c in totals {
            if let n = c.signatories {
                #expect(bundled.signedOnly("ets185", at: c.date).count == n, "\(c.date): signatories")
            }
            if let n = c.invited {
                let mine = bundled.invited(to: "ets185", at: c.date).count
                #expect(mine <= n, "\(c.date): \(mine) invited here, \(n) published")
            }
        }
        #expect(Set(bundled.signedOnly("ets185", at: day("2024-10-09")).map(\.id)) == ["IE", "ZA"])
    }

    /// The Convention's record reaches every published figure: none is marked short. On 5 June
    /// 2025 the base counts 79 and Ecuador undecided (its accession day is not recorded), which
    /// the published 80 allows.
    @Test func theConventionIsShortOfNoPublishedFigure() throws {
        let short = try treaty("ets185").publishedCounts.filter { $0.gap != nil }.map(\.date.description)
        #expect(short == [])
        #expect(bundled.parties(of: "ets185", at: day("2025-06-05")).count == 79)
        #expect(bundled.undecidedParties(of: "ets185", at: day("2025-06-05")).map(\.id) == ["EC"])
    }

    @Test func theTreatyPageShowsEachFigureBesideTheBaseCount() throws {
        let page = PageBuilder.page(for: try #require(bundled.record("ets185")), in: bundled).plainBlocks.joined(separator: "\n")
        #expect(page.contains("Published numbers of Parties"))
        #expect(
            page.contains(
                "20 June 2024: 75 published (75 Parties, 2 signatories and 18 States invited, after Benin, Fiji and Kiribati acceded); this base counts the same."
            ))
        #expect(page.contains("5 June 2025: 80 published"))
    }
}
