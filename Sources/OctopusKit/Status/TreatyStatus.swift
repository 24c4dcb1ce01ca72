/// Where a state stands with a treaty on a given day, computed from its dated events alone.
public struct TreatyStatus: Sendable, Hashable {
    public enum Standing: String, Sendable, Hashable, CaseIterable, Comparable {
        case none
        case signed
        case ratified   // ratified or acceded, not yet in force for the state
        case inForce = "in-force"

        private var rank: Int { Standing.allCases.firstIndex(of: self)! }
        public static func < (a: Standing, b: Standing) -> Bool { a.rank < b.rank }

        public var label: String {
            switch self {
            case .none: "no signature on record"
            case .signed: "signed, not ratified"
            case .ratified: "ratified, not yet in force"
            case .inForce: "in force"
            }
        }
    }

    public var treaty: String
    public var date: Day
    public var standing: Standing
    /// The event that decided the standing (nil when nothing had happened by the date).
    public var decidingEvent: TreatyEvent?

    /// True when the decision rests on an acceded rather than ratified consent.
    public var acceded: Bool { decidingEvent?.kind == .accession }

    public var label: String {
        switch standing {
        case .ratified where acceded: "acceded, not yet in force"
        default: standing.label
        }
    }
}

extension Country {
    /// Status for one treaty at a date (the conference's last day by default).
    public func status(_ treaty: String, at date: Day = .conference) -> TreatyStatus {
        let past = events.filter { $0.treaty == treaty && $0.date <= date }
        func last(_ kinds: Set<TreatyEvent.Kind>) -> TreatyEvent? { past.last { kinds.contains($0.kind) } }
        if let e = last([.entryIntoForce]) { return TreatyStatus(treaty: treaty, date: date, standing: .inForce, decidingEvent: e) }
        if let e = last([.ratification, .accession]) { return TreatyStatus(treaty: treaty, date: date, standing: .ratified, decidingEvent: e) }
        if let e = last([.signature]) { return TreatyStatus(treaty: treaty, date: date, standing: .signed, decidingEvent: e) }
        return TreatyStatus(treaty: treaty, date: date, standing: .none, decidingEvent: nil)
    }

    /// Has it ratified or acceded by the date (looking at consent events, even once in force).
    public func hasConsented(_ treaty: String, by date: Day) -> Bool {
        events.contains { $0.treaty == treaty && ($0.kind == .ratification || $0.kind == .accession) && $0.date <= date }
            || status(treaty, at: date).standing == .inForce
    }

    public func hasSigned(_ treaty: String, by date: Day) -> Bool {
        events.contains { $0.treaty == treaty && $0.kind == .signature && $0.date <= date }
    }

    public func events(for treaty: String) -> [TreatyEvent] { events.filter { $0.treaty == treaty } }
}

extension KnowledgeBase {
    /// States that had signed the treaty by the date.
    public func signatories(of treaty: String, at date: Day = .conference) -> [Country] {
        countries.filter { $0.hasSigned(treaty, by: date) }
    }

    /// States that had ratified or acceded by the date (Parties, whether or not yet in force).
    public func parties(of treaty: String, at date: Day = .conference) -> [Country] {
        countries.filter { $0.hasConsented(treaty, by: date) }
    }

    /// The treaties that status is tracked for (those with dated events in the base), in display
    /// order. A treaty with no events at all has unknown status, not "none", so it is left out.
    public var trackedTreaties: [String] {
        let withEvents = Set(countries.flatMap { $0.events.map(\.treaty) })
        return treaties.map(\.id).filter(withEvents.contains)
    }
}
