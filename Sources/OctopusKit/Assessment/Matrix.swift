/// One support area read for one State at one date: each indicator's answer, and the cell the
/// matrix shows for them.
public struct AreaReading: Sendable, Hashable {
    public var area: SupportArea
    public var readings: [IndicatorReading]

    /// The base holds no facts that show progress in this area.
    public var isRecorded: Bool { !area.progressIndicators.isEmpty }

    public var progressReadings: [IndicatorReading] { readings.filter { $0.indicator.counts != .neither } }
    public var met: Int { progressReadings.count { $0.progress == true } }
    public var unknown: Int { progressReadings.count { $0.progress == nil } }
    public var total: Int { progressReadings.count }

    /// One mark per progress indicator, in order: ● shows progress, ○ does not, ? the facts cannot
    /// say; "–" for an area the base does not record. Readable without colour.
    public var marks: String {
        guard isRecorded else { return "–" }
        return String(progressReadings.map { r -> Character in r.progress.map { $0 ? "●" : "○" } ?? "?" })
    }

    /// "2 of 3", "1 of 3, 1 unknown", "unknown", "not recorded".
    public var summary: String {
        guard isRecorded else { return "not recorded" }
        if unknown == total { return "unknown" }
        return "\(met) of \(total)" + (unknown > 0 ? ", \(unknown) unknown" : "")
    }

    /// For sorting a column: more shown progress first, then fewer unknowns.
    public var rank: Int { isRecorded ? met * 100 - unknown : -1000 }
}

extension KnowledgeBase {
    public func read(_ area: SupportArea, for country: Country, at date: Day) -> AreaReading {
        AreaReading(area: area, readings: area.indicators.map { read($0, for: country, at: date) })
    }

    public func supportArea(_ id: String) -> SupportArea? {
        supportAreas.first { $0.id == id.lowercased() } ?? supportAreas.first { $0.title.lowercased() == id.lowercased() }
    }
}

/// The States of the base × the support areas at a date: what `octopus matrix` prints and the
/// matrix screen shows. A pure value, computed from the base; the filter decides which States.
public struct Matrix: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var country: Country
        /// Its name on the date ("Turkey" in 2010).
        public var name: String
        public var cells: [AreaReading]
    }

    /// Which States a matrix lists.
    public struct Filter: Sendable, Hashable {
        public var region: String?
        /// Council of Europe members in 2010 only (true), non-members only (false), or all (nil).
        public var coeMember2010: Bool?
        /// Standing with the base's convention on the date.
        public var standing: TreatyStatus.Standing?
        public init(region: String? = nil, coeMember2010: Bool? = nil, standing: TreatyStatus.Standing? = nil) {
            self.region = region; self.coeMember2010 = coeMember2010; self.standing = standing
        }
        public var isEmpty: Bool { region == nil && coeMember2010 == nil && standing == nil }
    }

    public var date: Day
    public var areas: [SupportArea]
    public var rows: [Row]

    public init(_ kb: KnowledgeBase, at date: Day, filter: Filter = Filter()) {
        self.date = date
        areas = kb.supportAreas
        let convention = kb.conventionID
        rows = kb.countries.filter { c in
            !c.isPartOfAnother(on: date)
                && (filter.region.map { $0 == c.region } ?? true)
                && (filter.coeMember2010.map { $0 == c.coeMember2010 } ?? true)
                && (filter.standing.map { $0 == c.status(convention, at: date).standing } ?? true)
        }.map { c in Row(country: c, name: c.name(at: date), cells: kb.supportAreas.map { kb.read($0, for: c, at: date) }) }
    }

    /// Rows ordered by a column: nil for the State's name, else an area's index (most progress
    /// first, the name breaking ties).
    public mutating func sort(by column: Int?) {
        rows.sort { a, b in
            if let i = column, a.cells[i].rank != b.cells[i].rank { return a.cells[i].rank > b.cells[i].rank }
            return Folding.fold(a.name) < Folding.fold(b.name)
        }
    }
}
