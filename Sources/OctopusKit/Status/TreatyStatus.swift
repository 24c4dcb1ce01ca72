/// Where a state stands with a treaty on a given day, computed from its dated events alone.
public struct TreatyStatus: Sendable, Hashable {
    public enum Standing: String, Sendable, Hashable, CaseIterable {
        case none
        case signed
        case ratified  // ratified or acceded, not yet in force for the state
        case inForce = "in-force"
        /// The sources cannot decide it on this day: an event that would raise the standing has a
        /// window around the day, or is known only to have happened by a later day.
        case unknown

        public var label: String {
            switch self {
            case .none: "no signature on record"
            case .signed: "signed, not ratified"
            case .ratified: "ratified, not yet in force"
            case .inForce: "in force"
            case .unknown: "not decided on this date"
            }
        }
    }

    public var treaty: String
    public var date: Day
    public var standing: Standing
    /// The event that decided the standing (nil when nothing had happened by the date). When the
    /// standing is `unknown`, the last event that certainly had happened, if any.
    public var decidingEvent: TreatyEvent?
    /// When the standing is `unknown`: the event that may or may not have happened by the date.
    public var undecidedEvent: TreatyEvent?

    /// True when the decision rests on an acceded rather than ratified consent.
    public var acceded: Bool { decidingEvent?.kind == .accession }

    public var label: String {
        switch standing {
        case .unknown:
            guard let e = undecidedEvent else { return standing.label }
            if case .unknown(_, by: let by) = e.date {
                return e.kind == .entryIntoForce
                    ? "in force by \(by.long); date of entry into force unknown"
                    : e.kind == .signature
                        ? "signed by \(by.long); date of signature unknown"
                        : "a Party by \(by.long); deposit date unknown"
            }
            return "not decided on this date: \(e.kind.label) \(e.date.long)"
        case .ratified where decidingEvent != nil && decidingEvent?.date.earliest == nil:
            return "a Party; deposit date unknown"
        case .ratified where acceded: return "acceded, not yet in force"
        default: return standing.label
        }
    }
}

extension TreatyEvent.Kind {
    /// The standing this event gives once it has happened (an invitation gives none).
    var standing: TreatyStatus.Standing {
        switch self {
        case .invitation: .none
        case .signature: .signed
        case .ratification, .accession: .ratified
        case .entryIntoForce: .inForce
        }
    }

    /// Order of standings an event can give, for "would this event raise the standing?".
    var rank: Int {
        switch self {
        case .invitation: 0
        case .signature: 1
        case .ratification, .accession: 2
        case .entryIntoForce: 3
        }
    }
}

extension Country {
    /// Status for one treaty at a date (the conference's last day by default).
    ///
    /// Events that had certainly happened decide the standing as they always have. An event whose
    /// window contains the date, or whose date is unknown and whose "by" day is still to come,
    /// makes the standing `unknown` when it would raise it; otherwise it changes nothing (a State
    /// already in force is in force, whatever window its deposit has).
    public func status(_ treaty: String, at date: Day = .conference) -> TreatyStatus {
        let mine = events.filter { $0.treaty == treaty }
        let past = mine.filter { $0.date.happened(by: date) == true }
        // By rank, not by a set of kinds: a page counts hundreds of States, each asked this.
        func last(rank: Int) -> TreatyEvent? { past.last { $0.kind.rank == rank } }
        let decided: TreatyStatus
        if let e = last(rank: 3) {
            decided = TreatyStatus(treaty: treaty, date: date, standing: .inForce, decidingEvent: e)
        } else if let e = last(rank: 2) {
            decided = TreatyStatus(treaty: treaty, date: date, standing: .ratified, decidingEvent: e)
        } else if let e = last(rank: 1) {
            decided = TreatyStatus(treaty: treaty, date: date, standing: .signed, decidingEvent: e)
        } else {
            decided = TreatyStatus(treaty: treaty, date: date, standing: .none, decidingEvent: nil)
        }
        let decidedRank = decided.decidingEvent?.kind.rank ?? 0
        let open = mine.filter { $0.date.happened(by: date) == nil && $0.kind.rank > decidedRank }
        guard let undecided = open.max(by: { $0.kind.rank < $1.kind.rank }) else { return decided }
        var st = decided
        st.standing = .unknown
        st.undecidedEvent = undecided
        return st
    }

    /// Has it certainly ratified or acceded by the date (looking at consent events, even once in
    /// force)? A consent inside its window, or of unknown date before its "by" day, is not counted.
    public func hasConsented(_ treaty: String, by date: Day) -> Bool {
        events.contains { $0.treaty == treaty && $0.kind.isDeposit && $0.date.happened(by: date) == true }
            || status(treaty, at: date).standing == .inForce
    }

    /// Might it have ratified or acceded by the date, without the sources deciding it?
    public func mayHaveConsented(_ treaty: String, by date: Day) -> Bool {
        !hasConsented(treaty, by: date)
            && events.contains { $0.treaty == treaty && $0.kind.rank >= 2 && $0.date.happened(by: date) == nil }
    }

    public func hasSigned(_ treaty: String, by date: Day) -> Bool {
        events.contains { $0.treaty == treaty && $0.kind == .signature && $0.date.happened(by: date) == true }
    }

    public func events(for treaty: String) -> [TreatyEvent] { events.filter { $0.treaty == treaty } }
}

extension KnowledgeBase {
    /// States that had signed the treaty by the date.
    public func signatories(of treaty: String, at date: Day = .conference) -> [Country] {
        counted(at: date, for: treaty).filter { $0.hasSigned(treaty, by: date) }
    }

    /// States that had certainly ratified or acceded by the date (Parties, whether or not yet in
    /// force). A State whose deposit has a window is counted from the window's last day, one whose
    /// deposit date is unknown from its "by" day: the count never runs ahead of a source, and the
    /// States it leaves out are given by `undecidedParties`.
    public func parties(of treaty: String, at date: Day = .conference) -> [Country] {
        counted(at: date, for: treaty).filter { $0.hasConsented(treaty, by: date) }
    }

    /// States that may or may not have been Parties on the date: not counted by `parties`, shown
    /// beside the count ("29 Parties, and 1 more whose deposit date is not known exactly").
    public func undecidedParties(of treaty: String, at date: Day = .conference) -> [Country] {
        counted(at: date, for: treaty).filter { $0.mayHaveConsented(treaty, by: date) }
    }

    /// States that had signed by the date without having become Parties (nor possibly so).
    public func signedOnly(_ treaty: String, at date: Day = .conference) -> [Country] {
        signatories(of: treaty, at: date).filter { !$0.hasConsented(treaty, by: date) && !$0.mayHaveConsented(treaty, by: date) }
    }

    /// States invited to accede by the date that had neither signed nor become Parties by then.
    public func invited(to treaty: String, at date: Day = .conference) -> [Country] {
        counted(at: date, for: treaty).filter { c in
            c.events.contains { $0.treaty == treaty && $0.kind == .invitation && $0.date.happened(by: date) == true }
                && !c.hasSigned(treaty, by: date) && !c.hasConsented(treaty, by: date) && !c.mayHaveConsented(treaty, by: date)
        }
    }

    /// The States with a record for the treaty counted on their own on the day: a State then part
    /// of another (Montenegro before June 2006) is counted as that one, under the State that
    /// continues it.
    public func counted(at date: Day, for treaty: String) -> [Country] { countries(concerning: treaty).filter { !$0.isPartOfAnother(on: date) } }

    /// The treaties that status is tracked for (those with dated events in the base), in display
    /// order. A treaty with no events at all has unknown status, not "none", so it is left out.
    public var trackedTreaties: [String] {
        treaties.map(\.id).filter { id in countries(concerning: id).contains { c in c.events.contains { $0.treaty == id } } }
    }
}
