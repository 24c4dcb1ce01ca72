/// One of the nine support areas the update session of 2010 named (strengthening of legislation,
/// judicial training, …), with the indicators that read it from the base's sourced facts. An area
/// the base holds no facts for has no indicators and says why in `notRecorded`.
public struct SupportArea: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The matrix's column heading (at most six characters).
    public var short: String
    public var summary: String
    public var indicators: [Indicator]
    /// Why the base cannot read this area (nil when it has indicators).
    public var notRecorded: String?
    public var sources: [String]

    public init(id: String, title: String, short: String, summary: String, indicators: [Indicator], notRecorded: String?, sources: [String]) {
        self.id = id; self.title = title; self.short = short; self.summary = summary
        self.indicators = indicators; self.notRecorded = notRecorded; self.sources = sources
    }

    /// The indicators whose answer shows progress one way or the other (the matrix's marks).
    public var progressIndicators: [Indicator] { indicators.filter { $0.counts != .neither } }
}

/// A question the base can answer for a State at a date from its facts alone.
public struct Indicator: Sendable, Hashable {
    /// Which answer counts as progress in the area: a "yes" (Party to the Convention), a "no" (no
    /// reservation to Art. 9), or neither (context shown when a cell is explained).
    public enum Counts: String, Sendable, Hashable, CaseIterable {
        case yes, no, neither
    }

    /// The facts a question reads; a closed list, so each answer's sources are known.
    public enum Test: Sendable, Hashable {
        /// Had it ratified or acceded to the treaty by the date?
        case party(treaty: String)
        /// Had it signed the treaty (or become a Party without signing) by the date?
        case signed(treaty: String)
        /// Did it keep, on the date, a reservation or declaration on one of these articles? With
        /// `absenceKnown` false, none recorded reads "unknown" even where the base's list is complete
        /// (a designation that States often notify outside the list, such as a 24/7 contact).
        case statement(treaty: String, articles: [String], kind: Statement.Kind?, absenceKnown: Bool)
        /// Was a Council of Europe country profile of its legislation dated by the date?
        case profile
    }

    public var id: String
    /// The question, short enough for a matrix's explanation line.
    public var label: String
    /// What a "yes" means and what it does not.
    public var meaning: String
    public var test: Test
    public var counts: Counts
    /// Where a reading that rests on the base's completeness comes from (the Council of Europe's
    /// list of reservations and declarations, for a "none recorded" that means none made).
    public var sources: [String]

    public init(id: String, label: String, meaning: String, test: Test, counts: Counts, sources: [String] = []) {
        self.id = id; self.label = label; self.meaning = meaning; self.test = test; self.counts = counts; self.sources = sources
    }
}
