/// The whole knowledge base: records by kind, an id index and computed backlinks.
/// Built only by `KnowledgeBaseLoader`, which guarantees ids are unique and every link resolves.
public struct KnowledgeBase: Sendable {
    public static let supportedFormatVersions = [1]

    public var formatVersion: Int
    public var title: String
    public var asOf: Day
    public var conference: Conference
    public var treaties: [Treaty]
    public var articles: [Article]
    public var sessions: [Session]
    public var countries: [Country]
    public var organisations: [Organisation]
    public var glossary: [GlossaryTerm]
    /// Groups of words that mean the same thing to a searcher ("mla", "mutual legal assistance").
    public var synonyms: [[String]]

    /// Lower-cased id → record.
    public private(set) var recordsByID: [String: Record] = [:]
    /// Id → ids of records that link to it (explicitly or inline), in knowledge-base order.
    public private(set) var backlinks: [String: [String]] = [:]
    /// Every record in a stable order: sessions, treaties, articles, countries, organisations, terms.
    public private(set) var allRecords: [Record] = []

    /// A base from its records (the loader's result, or a test's or benchmark's own); builds the
    /// indexes by id and the backlinks.
    public init(
        formatVersion: Int, title: String, asOf: Day, conference: Conference, treaties: [Treaty],
        articles: [Article], sessions: [Session], countries: [Country], organisations: [Organisation],
        glossary: [GlossaryTerm], synonyms: [[String]]
    ) {
        self.init(
            formatVersion: formatVersion, title: title, asOf: asOf, conference: conference, treaties: treaties, articles: articles,
            sessions: sessions, countries: countries, organisations: organisations, glossary: glossary, synonyms: synonyms, backlinks: nil)
    }

    /// The same, with the backlinks already computed (the compiled image keeps them: finding
    /// them means scanning every text of the base, most of a large base's start-up).
    init(
        formatVersion: Int, title: String, asOf: Day, conference: Conference, treaties: [Treaty],
        articles: [Article], sessions: [Session], countries: [Country], organisations: [Organisation],
        glossary: [GlossaryTerm], synonyms: [[String]], backlinks precomputed: [String: [String]]?
    ) {
        self.formatVersion = formatVersion; self.title = title; self.asOf = asOf
        self.conference = conference; self.treaties = treaties; self.articles = articles
        self.sessions = sessions; self.countries = countries; self.organisations = organisations
        self.glossary = glossary; self.synonyms = synonyms
        allRecords =
            sessions.map(Record.session) + treaties.map(Record.treaty) + articles.map(Record.article)
            + countries.map(Record.country) + organisations.map(Record.organisation) + glossary.map(Record.term)
        for r in allRecords { recordsByID[r.id.lowercased()] = r }
        if let precomputed { backlinks = precomputed; return }
        var back: [String: [String]] = [:]
        for r in allRecords {
            var targets = Set<String>()
            for t in r.links + r.texts.flatMap(InlineText.targets(in:)) {
                guard let target = recordsByID[t.lowercased()]?.id, target != r.id, targets.insert(target).inserted else { continue }
                back[target, default: []].append(r.id)
            }
        }
        backlinks = back
    }

    public func record(_ id: String) -> Record? { recordsByID[id.lowercased()] }

    public func articles(of treaty: String) -> [Article] { articles.filter { $0.treaty == treaty } }

    public func treaty(_ id: String) -> Treaty? { treaties.first { $0.id == id } }

    /// The treaty the base is about (role "convention"); the loader allows at most one. A small
    /// base may have none.
    public var convention: Treaty? { treaties.first { $0.role == .convention } }

    /// The convention's id, for its counts and statuses; "" in a base without one, so that those
    /// are empty, as for any treaty without events.
    public var conventionID: String { convention?.id ?? "" }

    /// The articles of the treaty with this role (the loader allows one convention and one protocol).
    public func articles(of role: TreatyRole) -> [Article] { articles.filter { $0.treatyRole == role } }

    /// Records of one kind that link here, e.g. the sessions that discuss an article.
    public func backlinks(to id: String, kind: RecordKind) -> [Record] {
        (backlinks[id] ?? []).compactMap(record).filter { $0.kind == kind }
    }

    /// The date of the latest dated treaty event in the base (the "now" of the data). An event of
    /// unknown date does not count: its "by" day is where a source stops, not when anything happened.
    public var latestEventDate: Day {
        countries.flatMap(\.events).compactMap { e -> Day? in
            if case .unknown = e.date { return nil }
            return e.date.latest
        }.max() ?? asOf
    }

    /// Count of records in each section shown on the home screen.
    public func count(_ kind: RecordKind) -> Int {
        switch kind {
        case .session: sessions.count
        case .treaty: treaties.count
        case .article: articles.count
        case .country: countries.count
        case .organisation: organisations.count
        case .term: glossary.count
        }
    }

    /// Short title of a record by id, for rendering inline links.
    public func linkTitle(_ id: String) -> String? { record(id)?.shortTitle }

    /// Text with inline links replaced by labels, and control characters removed.
    public func plain(_ text: String) -> String {
        Sanitizer.clean(InlineText.plain(text) { record($0)?.inlineLabel })
    }
}
