import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit

/// JSON output for scripts (`list`, `show` and `search` with `--json`), written through these
/// `Encodable` types so that each object's keys are spelled once. Keys are stable; every string
/// from the knowledge base is cleaned of control characters here. An absent optional is left out,
/// except `nameFr` and a topic's `minutes`, which have always been written as null.
enum JSONOutput {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "null\n" }
        return text + "\n"
    }

    static func list(_ records: [Record], kb: KnowledgeBase, at date: Day) -> String {
        encode(records.map { RecordJSON.summary($0, kb: kb, at: date) })
    }

    static func show(_ r: Record, kb: KnowledgeBase, at date: Day) -> String {
        encode(RecordJSON.page(r, kb: kb, at: date))
    }

    static func search(_ hits: [SearchHit]) -> String { encode(hits.map(SearchHitJSON.init)) }
}

/// Two values' keys in one JSON object: output objects are flat, but their keys come from parts
/// (what every record has, then what its kind adds).
struct Flat<A: Encodable, B: Encodable>: Encodable {
    var a: A, b: B
    init(_ a: A, _ b: B) { self.a = a; self.b = b }
    func encode(to encoder: any Encoder) throws {
        try a.encode(to: encoder)
        try b.encode(to: encoder)
    }
}

/// A value that is written as null when absent, where the key has always been present.
struct Nullable<T: Encodable>: Encodable {
    var value: T?
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
}

// MARK: Records

/// A record as `list --json` gives it (`summary`), or with its content as `show --json` does (`page`).
enum RecordJSON {
    typealias Summary = Flat<RecordHead, KindFields>
    typealias Page = Flat<Summary, Flat<RecordBody, KindFields>>

    static func summary(_ r: Record, kb: KnowledgeBase, at date: Day) -> Summary {
        Flat(RecordHead(r), KindFields.head(r, kb: kb, at: date))
    }

    static func page(_ r: Record, kb: KnowledgeBase, at date: Day) -> Page {
        Flat(summary(r, kb: kb, at: date), Flat(RecordBody(r, kb: kb), KindFields.body(r, kb: kb, at: date)))
    }
}

struct RecordHead: Encodable {
    var id: String, type: String, title: String
    init(_ r: Record) {
        id = r.id; type = r.kind.rawValue
        // An article's own title ("Expedited preservation…"), not "Article 29 – …".
        if case .article(let a) = r { title = a.title } else { title = r.title }
    }
}

/// What a record's kind adds to its summary or its page: one kind's fields, written inline (none
/// for the kinds that add nothing).
struct KindFields: Encodable {
    let fields: (any Encodable)?
    func encode(to encoder: any Encoder) throws { try fields?.encode(to: encoder) }
}

extension KindFields {
    /// The summary's fields.
    static func head(_ r: Record, kb: KnowledgeBase, at date: Day) -> KindFields {
        switch r {
        case .article(let a): KindFields(fields: ArticleHead(a))
        case .country(let c): KindFields(fields: CountryHead(c, kb: kb, at: date))
        case .session(let s): KindFields(fields: SessionHead(s))
        default: KindFields(fields: nil)
        }
    }

    /// The page's fields.
    static func body(_ r: Record, kb: KnowledgeBase, at date: Day) -> KindFields {
        switch r {
        case .article(let a): KindFields(fields: ArticleBody(a, kb: kb, at: date))
        case .country(let c): KindFields(fields: CountryBody(c, kb: kb, at: date))
        case .session(let s): KindFields(fields: SessionBody(s, kb: kb))
        default: KindFields(fields: nil)
        }
    }
}

struct ArticleHead: Encodable {
    var treaty: String, number: Int, chapter: String, section: String?, titleGroup: String?
    init(_ a: Article) {
        treaty = a.treaty; number = a.number; chapter = a.chapter
        section = a.section; titleGroup = a.titleGroup
    }
}

struct CountryHead: Encodable {
    struct PartOf: Encodable { var state: String, name: String, until: Day }
    var name: String
    /// The name delegates used on the status date, where it differs from today's.
    var nameAtDate: String?
    var partOf: PartOf?
    var region: String, coeMember2010: Bool
    /// Treaty id → standing on `statusDate`.
    var status: [String: String]
    var statusDate: Day

    init(_ c: Country, kb: KnowledgeBase, at date: Day) {
        name = c.name
        nameAtDate = c.name(at: date) != c.name ? c.name(at: date) : nil
        if c.isPartOfAnother(on: date), let u = c.partOf { partOf = PartOf(state: u.state, name: u.name, until: u.before) }
        region = c.region; coeMember2010 = c.coeMember2010
        status = Dictionary(uniqueKeysWithValues: kb.trackedTreaties.map { ($0, c.status($0, at: date).standing.rawValue) })
        statusDate = date
    }
}

struct SessionHead: Encodable {
    var kind: String, number: Int?, date: Day?, plannedMinutes: Int, titleInferred: Bool
    init(_ s: Session) {
        kind = s.kind.rawValue; number = s.number; date = s.date
        plannedMinutes = s.plannedMinutes; titleInferred = s.provenance.inferred.contains("title")
    }
}

/// What every record's page adds to its summary: its text, links and provenance.
struct RecordBody: Encodable {
    var summary: String, keyPoints: [String], links: [String], backlinks: [String], sources: [String], asOf: Day
    var inferred: [String]?
    init(_ r: Record, kb: KnowledgeBase) {
        summary = kb.plain(r.summary); keyPoints = r.keyPoints.map(kb.plain)
        links = r.links; backlinks = kb.backlinks[r.id] ?? []
        sources = r.provenance.sources; asOf = r.provenance.asOf
        inferred = r.provenance.inferred.isEmpty ? nil : r.provenance.inferred
    }
}

struct ArticleBody: Encodable {
    struct Provision: Encodable { var provision: String, text: String }
    struct State: Encodable { var state: String }
    typealias MadeBy = Flat<StatementJSON, State>
    var counterparts: [String], reservations: [Provision], declarations: [Provision]
    /// Who had made a statement on the article and kept it at the status date; and who made one
    /// whose date is not recorded.
    var madeBy: [MadeBy], madeByUndated: [MadeBy]

    init(_ a: Article, kb: KnowledgeBase, at date: Day) {
        counterparts = a.counterpartIDs
        reservations = a.reservations.map { Provision(provision: $0.provision, text: kb.plain($0.text)) }
        declarations = a.declarations.map { Provision(provision: $0.provision, text: kb.plain($0.text)) }
        let (inEffect, undated) = kb.statements(on: a.id, at: date)
        madeBy = inEffect.map { c, st in Flat(StatementJSON(st, kb: kb), State(state: c.id)) }
        madeByUndated = undated.map { c, st in Flat(StatementJSON(st, kb: kb), State(state: c.id)) }
    }
}

struct CountryBody: Encodable {
    struct Event: Encodable {
        var treaty: String, kind: String, sources: [String], unconfirmed: Bool, note: String?
    }
    struct Kind: Encodable { var kind: String }
    struct Status: Encodable {
        var treaty: String, status: String, label: String
        var event: Flat<Kind, EventDateJSON>?, undecidedEvent: Flat<Kind, EventDateJSON>?
    }
    struct Profile: Encodable { var date: String, sources: [String] }
    struct FormerName: Encodable { var name: String, before: Day }

    var nameFr: Nullable<String>, aliases: [String]
    var events: [Flat<Event, EventDateJSON>], statusDetail: [Status]
    var profile: Profile?
    var statements: [StatementJSON]
    var formerNames: [FormerName]?

    init(_ c: Country, kb: KnowledgeBase, at date: Day) {
        nameFr = Nullable(value: c.nameFr)
        aliases = c.aliases
        events = c.events.map { e in
            Flat(
                Event(
                    treaty: e.treaty, kind: e.kind.rawValue, sources: e.sources,
                    unconfirmed: e.unconfirmed, note: e.note.map(kb.plain)), EventDateJSON(e.date))
        }
        statusDetail = kb.trackedTreaties.map { t in
            let st = c.status(t, at: date)
            return Status(
                treaty: t, status: st.standing.rawValue, label: st.label,
                event: st.decidingEvent.map { Flat(Kind(kind: $0.kind.rawValue), EventDateJSON($0.date)) },
                undecidedEvent: st.undecidedEvent.map { Flat(Kind(kind: $0.kind.rawValue), EventDateJSON($0.date)) })
        }
        profile = c.profile.map { Profile(date: $0.date.description, sources: $0.sources) }
        statements = c.statements.map { StatementJSON($0, kb: kb) }
        formerNames = c.formerNames.isEmpty ? nil : c.formerNames.map { FormerName(name: $0.name, before: $0.before) }
    }
}

struct SessionBody: Encodable {
    struct Topic: Encodable {
        var id: String, title: String, summary: String, keyPoints: [String], minutes: Nullable<Int>
        var questions: [String], links: [String]
    }
    var aims: [String], questions: [String], topics: [Topic]

    init(_ s: Session, kb: KnowledgeBase) {
        aims = s.aims.map(kb.plain); questions = s.questions.map(kb.plain)
        topics = s.topics.map { t in
            Topic(
                id: t.id, title: t.title, summary: kb.plain(t.summary), keyPoints: t.keyPoints.map(kb.plain),
                minutes: Nullable(value: t.minutes), questions: t.questions.map(kb.plain), links: t.links)
        }
    }
}

// MARK: Shared pieces

/// An event's date as the knowledge base writes it: `date`, `between`, or `dateUnknown` with `by`
/// (and `after` when known).
struct EventDateJSON: Encodable {
    var date: Day?, between: [Day]?, dateUnknown: Bool?, by: Day?, after: Day?
    init(_ d: EventDate) {
        switch d {
        case .exact(let day): date = day
        case .between(let a, let b): between = [a, b]
        case .unknown(let after, by: let by): dateUnknown = true; self.by = by; self.after = after
        }
    }
}

/// A reservation or declaration as the knowledge base writes it.
struct StatementJSON: Encodable {
    var treaty: String, kind: String, provision: String, articles: [String], made: String, summary: String
    var sources: [String], date: Day?, withdrawn: Day?, note: String?
    init(_ st: Statement, kb: KnowledgeBase) {
        treaty = st.treaty; kind = st.kind.rawValue; provision = st.provision
        articles = st.articles; made = st.made.rawValue; summary = kb.plain(st.summary)
        sources = st.sources; date = st.date; withdrawn = st.withdrawn; note = st.note.map(kb.plain)
    }
}

/// One hit of `search --json`.
struct SearchHitJSON: Encodable {
    struct Highlight: Encodable { var start: Int, end: Int, text: String }
    var id: String, type: String, title: String, score: Double
    /// The passage with each match in brackets, and without ("text").
    var snippet: String, text: String
    /// Character offsets into "text".
    var highlights: [Highlight]

    init(_ hit: SearchHit) {
        id = hit.id; type = hit.kind.rawValue; title = hit.title
        // Four decimals: enough to compare, without binary-float noise in the output.
        score = (hit.score * 10_000).rounded() / 10_000
        snippet = hit.snippet.bracketed(); text = hit.snippet.text
        let characters = Array(hit.snippet.text)
        highlights = hit.snippet.highlights.map { r in
            let clamped = max(0, min(r.lowerBound, characters.count))..<max(0, min(r.upperBound, characters.count))
            return Highlight(start: clamped.lowerBound, end: clamped.upperBound, text: String(characters[clamped]))
        }
    }
}
