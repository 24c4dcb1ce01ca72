/// Where a record's facts come from and when they were compiled. Every record has one.
public struct Provenance: Sendable, Hashable {
    public var sources: [String]
    public var asOf: Day
    /// Names of fields whose content is our inference rather than a sourced fact.
    public var inferred: [String]
    public init(sources: [String], asOf: Day, inferred: [String] = []) {
        self.sources = sources; self.asOf = asOf; self.inferred = inferred
    }
}

public struct Treaty: Sendable, Hashable {
    public var id: String
    /// What the treaty is to this base (the convention, its protocol, or a related treaty).
    public var role: TreatyRole
    /// The articles under which a State may make reservations and declarations to it, by id
    /// (ETS 185: art42 and art40; ETS 189: p-art12 for both); nil when the base does not say.
    public var reservationsArticle: String?
    public var declarationsArticle: String?
    public var title: String
    public var shortTitle: String
    public var aliases: [String]
    public var openedForSignature: Day?
    public var place: String?
    public var entryIntoForce: Day?
    public var entryIntoForceRule: String?
    public var summary: String
    public var keyPoints: [String]
    public var links: [String]
    /// Numbers of Parties published by a source on a day: facts the counts computed from the
    /// States' events are checked against.
    public var publishedCounts: [PublishedCount]
    public var provenance: Provenance
}

/// "N Parties on this day", as a source published it.
public struct PublishedCount: Sendable, Hashable {
    public var date: Day
    public var parties: Int
    /// States that had signed without becoming Parties, and States invited to accede, where the
    /// source gives them (the Council of Europe's "N Parties, M signatories, K invited").
    public var signatories: Int?
    public var invited: Int?
    public var sources: [String]
    /// What the source says, when more than the bare figure matters ("the 46th Party").
    public var note: String?
    /// Why this base counts fewer Parties on the day, when it is known to lack some: the figure
    /// is kept so that the page can say so, and a test checks the base never counts more.
    public var gap: String?
}

public struct Provision: Sendable, Hashable {
    public var provision: String
    public var text: String
}

/// An article's counterpart elsewhere in the treaty, and what links the two, as its page says
/// beside the link: Art. 16 and Art. 29 are a domestic power and its international co-operation
/// twin; Art. 15 sets the conditions and safeguards of every procedural power.
public struct Counterpart: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The counterpart is the power a Party has at home.
        case domesticPower = "domestic-power"
        /// The counterpart asks for that power between Parties.
        case internationalCooperation = "international-co-operation"
        /// One of the two sets the conditions and safeguards the other is subject to.
        case safeguards = "conditions-and-safeguards"

        public var label: String {
            switch self {
            case .domesticPower: "domestic power"
            case .internationalCooperation: "international co-operation"
            case .safeguards: "conditions and safeguards"
            }
        }
    }
    public var article: String
    public var kind: Kind
}

public struct Article: Sendable, Hashable {
    public var id: String
    public var treaty: String
    /// Its treaty's role, copied by the loader so that an article can name itself.
    public var treatyRole: TreatyRole
    public var number: Int
    public var title: String
    public var chapter: String
    public var section: String?
    public var titleGroup: String?
    public var summary: String
    public var keyPoints: [String]
    public var reservations: [Provision]
    public var declarations: [Provision]
    public var counterparts: [Counterpart]
    public var links: [String]
    public var provenance: Provenance

    public var counterpartIDs: [String] { counterparts.map(\.article) }
}

public struct Topic: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    public var keyPoints: [String]
    public var minutes: Int?
    public var questions: [String]
    public var links: [String]
}

public struct Session: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case workshop, plenary }
    public var id: String
    public var kind: Kind
    public var number: Int?
    public var title: String
    public var date: Day?
    public var summary: String
    public var aims: [String]
    public var topics: [Topic]
    public var questions: [String]
    public var links: [String]
    public var provenance: Provenance
    /// Planned minutes of all topics that have a plan.
    public var plannedMinutes: Int { topics.compactMap(\.minutes).reduce(0, +) }
}

public struct TreatyEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case invitation, signature, ratification, accession
        case entryIntoForce = "entry-into-force"
        public var label: String {
            switch self {
            case .invitation: "invited to accede"
            case .signature: "signed"
            case .ratification: "ratified"
            case .accession: "acceded"
            case .entryIntoForce: "entered into force"
            }
        }
        /// The deposit of the State's instrument: what makes it a Party, and what counts count.
        public var isDeposit: Bool { self == .ratification || self == .accession }
    }
    public var treaty: String
    public var kind: Kind
    /// A day, or a window, or unknown with the day by which it had happened (see `EventDate`).
    public var date: EventDate
    public var sources: [String]
    /// True when the date was not seen in a source (taken from general knowledge of the chart).
    public var unconfirmed: Bool
    public var note: String?

    /// For a date unknown, what is known instead: "a Party by 31 December 2019" (nil otherwise).
    public var knownBy: String? {
        guard case .unknown(_, by: let by) = date else { return nil }
        let standing =
            switch kind {
            case .ratification, .accession: "a Party"
            case .entryIntoForce: "in force"
            case .signature: "signed"
            case .invitation: "invited"
            }
        return "\(standing) by \(by.long)"
    }

    /// The event as a status line says it: "acceded 9 February 2024", "acceded between 9 February
    /// 2024 and 8 March 2024", "a Party by 31 December 2019".
    public var phrase: String { knownBy ?? "\(kind.label) \(date.long)" }
}

extension [TreatyEvent] {
    /// The deposit of the instrument for the treaty (its ratification or accession), if recorded.
    public func deposit(of treaty: String) -> TreatyEvent? { first { $0.treaty == treaty && $0.kind.isDeposit } }
}

public struct SourcedFact: Sendable, Hashable {
    public var text: String
    public var sources: [String]
}

public struct CountryProfile: Sendable, Hashable {
    public var date: Month
    public var sources: [String]
}

public struct Country: Sendable, Hashable {
    public var id: String
    public var name: String
    public var nameFr: String?
    public var aliases: [String]
    public var region: String
    public var coeMember2010: Bool
    public var draftingParticipant: Bool
    public var summary: String
    public var events: [TreatyEvent]
    /// Its reservations and declarations, to every treaty, in the order they were made.
    public var statements: [Statement]
    public var formerNames: [FormerName]
    public var partOf: UnionMembership?
    public var profile: CountryProfile?
    public var facts: [SourcedFact]
    public var links: [String]
    public var provenance: Provenance
}

public struct Organisation: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var kind: String
    public var summary: String
    public var keyPoints: [String]
    public var links: [String]
    public var provenance: Provenance
}

public struct GlossaryTerm: Sendable, Hashable {
    public var id: String
    public var term: String
    public var aliases: [String]
    public var definition: String
    public var links: [String]
    public var provenance: Provenance
}

/// Facts about the conference itself, shown on the home screen.
public struct Conference: Sendable, Hashable {
    public var name: String
    public var place: String
    public var startDate: Day
    public var endDate: Day
    public var summary: String
    public var sources: [String]
}
