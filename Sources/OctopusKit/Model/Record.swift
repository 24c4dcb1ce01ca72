/// The kinds of record, with their names as used in `type:` filters and JSON output.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case session, treaty, article, country, organisation = "org", term

    /// The one vocabulary for kinds, in `list`, `search --type` and `type:` alike: the JSON type
    /// names, their plurals, US spellings and a few everyday words; a unique prefix also counts
    /// ("type:art"), since a filter is typed like everything else.
    public init?(named name: String) {
        let n = Folding.fold(name)
        let names: [(String, RecordKind)] =
            RecordKind.allCases.map { ($0.rawValue, $0) } + [
                ("sessions", .session), ("workshop", .session), ("workshops", .session),
                ("treaties", .treaty), ("convention", .treaty), ("articles", .article), ("countries", .country),
                ("orgs", .organisation), ("organisation", .organisation), ("organization", .organisation),
                ("organisations", .organisation), ("organizations", .organisation),
                ("terms", .term), ("glossary", .term),
            ]
        if let exact = names.first(where: { $0.0 == n }) {
            self = exact.1
            return
        }
        let prefixed = Set(names.filter { $0.0.hasPrefix(n) }.map(\.1))
        guard prefixed.count == 1, let only = prefixed.first, !n.isEmpty else { return nil }
        self = only
    }

    public var plural: String {
        switch self {
        case .session: "sessions"
        case .treaty: "treaties"
        case .article: "articles"
        case .country: "countries"
        case .organisation: "organisations"
        case .term: "glossary terms"
        }
    }
}

/// Any record of the knowledge base, addressable by its id.
public enum Record: Sendable, Hashable {
    case treaty(Treaty)
    case article(Article)
    case session(Session)
    case country(Country)
    case organisation(Organisation)
    case term(GlossaryTerm)

    public var id: String {
        switch self {
        case .treaty(let r): r.id
        case .article(let r): r.id
        case .session(let r): r.id
        case .country(let r): r.id
        case .organisation(let r): r.id
        case .term(let r): r.id
        }
    }

    public var kind: RecordKind {
        switch self {
        case .treaty: .treaty
        case .article: .article
        case .session: .session
        case .country: .country
        case .organisation: .organisation
        case .term: .term
        }
    }

    /// The title a person would say: "Article 29 – Expedited preservation of stored computer data".
    public var title: String {
        switch self {
        case .treaty(let r): "\(r.shortTitle) (\(r.title))"
        case .article(let r): "\(r.treatyRole.articleWord) \(r.number) – \(r.title)"
        case .session(let r): r.number.map { "WS\($0): \(r.title)" } ?? r.title
        case .country(let r): r.name
        case .organisation(let r): r.aliases.first.map { $0 == r.name ? r.name : "\(r.name) (\($0))" } ?? r.name
        case .term(let r): r.term
        }
    }

    /// Short label for lists and links.
    public var shortTitle: String {
        switch self {
        case .treaty(let r): r.shortTitle
        case .article(let r): "\(r.treatyRole.articleAbbreviation) \(r.number) \(r.title)"
        case .session(let r): r.number.map { "WS\($0) \(r.title)" } ?? r.title
        case .country(let r): r.name
        case .organisation(let r): r.aliases.first ?? r.name
        case .term(let r): r.term
        }
    }

    /// How a link reads inside a sentence: "Art. 29", "WS3", "T-CY", "Portugal", and a glossary
    /// term in lower case ("mutual legal assistance") unless it is an acronym ("CERT / CSIRT").
    public var inlineLabel: String {
        switch self {
        case .article(let a): return "\(a.treatyRole.articleAbbreviation) \(a.number)"
        // Plenaries are called by their speakable id in running text: "the update session".
        case .session(let s): return s.number.map { "WS\($0)" } ?? s.id
        case .term(let t):
            guard let first = t.term.split(separator: " ").first, first.first?.isUppercase == true,
                first.dropFirst().allSatisfy({ !$0.isUppercase })
            else { return t.term }
            return t.term.prefix(1).lowercased() + t.term.dropFirst()
        default: return shortTitle
        }
    }

    public var aliases: [String] {
        switch self {
        case .treaty(let r): r.aliases + [r.shortTitle, r.title]
        case .article: []
        case .session: []
        case .country(let r): [r.name] + (r.nameFr.map { [$0] } ?? []) + r.aliases
        case .organisation(let r): [r.name] + r.aliases
        case .term(let r): [r.term] + r.aliases
        }
    }

    /// The main text of the record.
    public var summary: String {
        switch self {
        case .treaty(let r): r.summary
        case .article(let r): r.summary
        case .session(let r): r.summary
        case .country(let r): r.summary
        case .organisation(let r): r.summary
        case .term(let r): r.definition
        }
    }

    public var keyPoints: [String] {
        switch self {
        case .treaty(let r): r.keyPoints
        case .article(let r): r.keyPoints
        case .session(let r): r.aims
        case .organisation(let r): r.keyPoints
        case .country(let r): r.facts.map(\.text)
        case .term: []
        }
    }

    /// Explicit links (the record's `links`, plus typed links such as counterparts).
    public var links: [String] {
        switch self {
        case .treaty(let r): return r.links
        case .article(let r): return r.counterpartIDs + r.links.filter { !r.counterpartIDs.contains($0) }
        case .session(let r):
            var seen = Set<String>(), out: [String] = []
            for id in r.links + r.topics.flatMap(\.links) where seen.insert(id).inserted { out.append(id) }
            return out
        case .country(let r): return r.links
        case .organisation(let r): return r.links
        case .term(let r): return r.links
        }
    }

    public var provenance: Provenance {
        switch self {
        case .treaty(let r): r.provenance
        case .article(let r): r.provenance
        case .session(let r): r.provenance
        case .country(let r): r.provenance
        case .organisation(let r): r.provenance
        case .term(let r): r.provenance
        }
    }

    /// Every piece of text in the record, for inline-link extraction and search.
    public var texts: [String] {
        switch self {
        case .treaty(let r): [r.summary, r.entryIntoForceRule ?? ""] + r.keyPoints
        case .article(let r): [r.summary] + r.keyPoints + (r.reservations + r.declarations).map(\.text)
        case .session(let r):
            [r.summary] + r.aims + r.questions
                + r.topics.flatMap { [$0.summary] + $0.keyPoints + $0.questions }
        case .country(let r): [r.summary] + r.facts.map(\.text) + r.events.compactMap(\.note)
        case .organisation(let r): [r.summary] + r.keyPoints
        case .term(let r): [r.definition]
        }
    }
}
