/// The whole knowledge base: records by kind, and an index by id with the backlinks.
/// Built by `KnowledgeBaseLoader`, which guarantees ids are unique and every link resolves, or
/// opened from a compiled image (`KnowledgeBaseImage`), whose records are read as they are needed.
public struct KnowledgeBase: Sendable {
    public static let supportedFormatVersions = [1]

    public var formatVersion: Int
    public var title: String
    public var asOf: Day
    public var conference: Conference
    // Changing a list of records indexes the base again (tests and benchmarks make variants).
    public var treaties: [Treaty] { didSet { reindex() } }
    public var articles: RecordList<Article> { didSet { reindex() } }
    public var sessions: RecordList<Session> { didSet { reindex() } }
    public var countries: RecordList<Country> { didSet { reindex() } }
    public var organisations: RecordList<Organisation> { didSet { reindex() } }
    public var glossary: RecordList<GlossaryTerm> { didSet { reindex() } }
    /// Groups of words that mean the same thing to a searcher ("mla", "mutual legal assistance").
    public var synonyms: [[String]]
    /// The nine support areas of the 2010 update session and the indicators that read them.
    public var supportAreas: [SupportArea]

    private(set) var index: RecordIndex
    /// Where the search index compiled with this base is (nil: built when first searched).
    public var compiledSearch: CompiledSearch?

    /// A base from its records (the loader's result, or a test's or benchmark's own); builds the
    /// index by id and the backlinks.
    public init(
        formatVersion: Int, title: String, asOf: Day, conference: Conference, treaties: [Treaty],
        articles: some Sequence<Article>, sessions: some Sequence<Session>, countries: some Sequence<Country>,
        organisations: some Sequence<Organisation>, glossary: some Sequence<GlossaryTerm>, synonyms: [[String]],
        supportAreas: [SupportArea] = []
    ) {
        self.formatVersion = formatVersion; self.title = title; self.asOf = asOf
        self.conference = conference; self.treaties = treaties; self.articles = RecordList(Array(articles))
        self.sessions = RecordList(Array(sessions)); self.countries = RecordList(Array(countries))
        self.organisations = RecordList(Array(organisations)); self.glossary = RecordList(Array(glossary)); self.synonyms = synonyms
        self.supportAreas = supportAreas
        index = .built(BuiltIndex())
        reindex()
    }

    /// A base opened from a compiled image, its index read in place.
    init(
        formatVersion: Int, title: String, asOf: Day, conference: Conference, treaties: [Treaty], articles: RecordList<Article>,
        sessions: RecordList<Session>, countries: RecordList<Country>, organisations: RecordList<Organisation>,
        glossary: RecordList<GlossaryTerm>, synonyms: [[String]], supportAreas: [SupportArea], index: ImageIndex
    ) {
        self.formatVersion = formatVersion; self.title = title; self.asOf = asOf
        self.conference = conference; self.treaties = treaties; self.articles = articles
        self.sessions = sessions; self.countries = countries; self.organisations = organisations
        self.glossary = glossary; self.synonyms = synonyms; self.supportAreas = supportAreas
        self.index = .image(index)
    }

    private mutating func reindex() {
        var built = BuiltIndex()
        for kind in RecordKind.allCases {
            for (i, r) in records(of: kind).enumerated() { built.byID[r.id.lowercased()] = RecordPlace(kind: kind, index: i) }
        }
        for r in allRecords {
            var targets = Set<String>()
            for t in r.links + r.texts.flatMap(InlineText.targets(in:)) {
                guard let target = record(in: built, t)?.id, target != r.id, targets.insert(target).inserted else { continue }
                built.backlinks[target, default: []].append(r.id)
            }
        }
        built.treaties = TreatyIndex(countries: countries, articles: articles)
        index = .built(built)
        compiledSearch = nil
    }

    private func record(in built: BuiltIndex, _ id: String) -> Record? { built.byID[id.lowercased()].map(record(at:)) }

    func record(at place: RecordPlace) -> Record {
        switch place.kind {
        case .session: .session(sessions[place.index])
        case .treaty: .treaty(treaties[place.index])
        case .article: .article(articles[place.index])
        case .country: .country(countries[place.index])
        case .organisation: .organisation(organisations[place.index])
        case .term: .term(glossary[place.index])
        }
    }

    /// The records of one kind, in base order.
    public func records(of kind: RecordKind) -> [Record] {
        switch kind {
        case .session: sessions.map(Record.session)
        case .treaty: treaties.map(Record.treaty)
        case .article: articles.map(Record.article)
        case .country: countries.map(Record.country)
        case .organisation: organisations.map(Record.organisation)
        case .term: glossary.map(Record.term)
        }
    }

    /// Every record in a stable order: sessions, treaties, articles, countries, organisations, terms.
    public var allRecords: [Record] { RecordKind.allCases.flatMap(records(of:)) }

    /// The record with this id (any case).
    public func record(_ id: String) -> Record? {
        switch index {
        case .built(let built): record(in: built, id)
        case .image(let image): image.entry(forID: id).map { record(at: image.place($0)) }
        }
    }

    /// The State with this id (any case), if the id names one.
    public func country(_ id: String) -> Country? {
        if case .country(let c) = record(id) { c } else { nil }
    }

    /// Id → ids of records that link to it (explicitly or inline), in knowledge-base order.
    public var backlinks: Backlinks { Backlinks(index: index) }

    /// Countries with an event or a statement for this treaty: the only ones its status reads.
    public func countries(concerning treaty: String) -> [Country] { treatyIndex.countriesByTreaty[treaty, default: []].map { countries[$0] } }

    /// Countries with any reservation or declaration.
    public var countriesWithStatements: [Country] { treatyIndex.countriesWithStatements.map { countries[$0] } }

    var treatyIndex: TreatyIndex {
        switch index {
        case .built(let built): built.treaties
        case .image(let image): image.treaties
        }
    }

    public func articles(of treaty: String) -> [Article] { treatyIndex.articlesByTreaty[treaty, default: []].map { articles[$0] } }

    public func treaty(_ id: String) -> Treaty? { treaties.first { $0.id == id } }

    /// The treaty the base is about (role "convention"); the loader allows at most one. A small
    /// base may have none.
    public var convention: Treaty? { treaties.first { $0.role == .convention } }

    /// The convention's id, for its counts and statuses; "" in a base without one, so that those
    /// are empty, as for any treaty without events.
    public var conventionID: String { convention?.id ?? "" }

    /// The articles of the treaty with this role (the loader allows one convention and one protocol).
    public func articles(of role: TreatyRole) -> [Article] { treaties.filter { $0.role == role }.flatMap { articles(of: $0.id) } }

    /// Ids of the records of one kind that link here, e.g. the sessions that discuss an article.
    public func backlinks(to id: String, kind: RecordKind) -> [String] { (backlinks[id] ?? []).filter { self.kind(of: $0) == kind } }

    /// The kind of the record with this id, without reading the record.
    public func kind(of id: String) -> RecordKind? {
        switch index {
        case .built(let built): built.byID[id.lowercased()]?.kind
        case .image(let image): image.entry(forID: id).map { image.place($0).kind }
        }
    }

    /// The date of the latest dated treaty event in the base (the "now" of the data). An event of
    /// unknown date does not count: its "by" day is where a source stops, not when anything happened.
    public var latestEventDate: Day {
        treaties.flatMap { countries(concerning: $0.id) }.flatMap(\.events).compactMap { e -> Day? in
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
    public func linkTitle(_ id: String) -> String? { label(of: id)?.shortTitle }

    /// How links to a record read, from the index of a compiled base without decoding the record.
    public func label(of id: String) -> RecordLabel? {
        switch index {
        case .built: record(id).map { RecordLabel(id: $0.id, shortTitle: $0.shortTitle, inlineLabel: $0.inlineLabel) }
        case .image(let image): image.entry(forID: id).map { image.label($0) }
        }
    }

    /// Text with inline links replaced by labels, and control characters removed.
    public func plain(_ text: String) -> String {
        Sanitizer.clean(InlineText.plain(text) { label(of: $0)?.inlineLabel })
    }
}

/// A record's id as written and the labels links to it show (`Record.shortTitle`, `inlineLabel`).
public struct RecordLabel: Sendable, Hashable {
    public var id: String, shortTitle: String, inlineLabel: String
}

/// What links to each record, however the base holds it.
public struct Backlinks: Sendable, Equatable {
    let index: RecordIndex

    public subscript(id: String) -> [String]? {
        switch index {
        case .built(let built): return built.backlinks[id]
        case .image(let image):
            guard let entry = image.entry(forID: id) else { return nil }
            let links = image.backlinks(entry).from
            return links.isEmpty ? nil : links
        }
    }

    /// Every record something links to, with what does.
    public var all: [String: [String]] {
        switch index {
        case .built(let built): built.backlinks
        case .image(let image): image.allBacklinks
        }
    }

    public static func == (a: Self, b: Self) -> Bool { a.all == b.all }
}
