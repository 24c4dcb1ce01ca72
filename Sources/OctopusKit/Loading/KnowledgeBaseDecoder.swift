import FoundationEssentials
import Glibc

/// A reference to another record, remembered with its location until all ids are known.
struct Reference {
    var target: String
    var position: SourcePosition
    /// The field, or the list whose element `index` holds the link (kept apart so a list of links
    /// shares one path).
    var field: JSONPath
    var index: Int32 = -1
    var expected: Set<RecordKind>?  // nil: any kind
    var path: JSONPath { index < 0 ? field : field.appending(Int(index)) }
}

/// Reads a parsed knowledge base into records, reporting every problem (see `NodeReader`), then
/// checks every reference once all ids are known.
struct KnowledgeBaseDecoder {
    let sink: DiagnosticSink
    var ids: [String: (id: String, kind: RecordKind, position: SourcePosition, path: JSONPath)] = [:]
    var references: [Reference] = []
    /// Each treaty's role, for its articles (decoded after the treaties), and which treaty holds
    /// the convention's and the protocol's (one each).
    var treatyRoles: [String: TreatyRole] = [:]
    var roleHolders: [TreatyRole: (id: String, line: Int)] = [:]
    /// The articles a treaty names as governing its reservations and declarations, checked to be
    /// its own once every article is read.
    var governingArticles: [(treaty: String, reference: Reference)] = []

    init(sink: DiagnosticSink) { self.sink = sink }

    static let regions: Set<String> = [
        "Northern Europe", "Western Europe", "Southern Europe", "Eastern Europe",
        "South-Eastern Europe", "Caucasus", "North America",
        "Latin America and the Caribbean", "Africa", "Middle East", "Asia", "Oceania",
    ]

    mutating func decodeRoot(_ root: JSONNode) -> KnowledgeBase? {
        let path = JSONPath()
        guard
            let r = NodeReader(
                root, path: path, sink: sink,
                fields: [
                    "$schema", "formatVersion", "title", "asOf", "conference", "treaties", "articles", "sessions",
                    "countries", "organisations", "glossary", "synonyms", "supportAreas",
                ])
        else { return nil }
        // The version decides how the rest is read: stop early on one we do not know.
        guard let version = r.int("formatVersion", range: 0...Int.max) else { return nil }
        guard KnowledgeBase.supportedFormatVersions.contains(version) else {
            sink.report(
                r.position("formatVersion"), path.appending("formatVersion"),
                "unknown formatVersion \(version); this octopus reads version \(KnowledgeBase.supportedFormatVersions.map(String.init).joined(separator: ", ")) (a newer octopus may read this file)"
            )
            return nil
        }
        let title = r.string("title")
        let asOf = r.day("asOf")
        let conference = r.node("conference").flatMap { decodeConference($0, path.appending("conference")) }
        if !r.has("conference") { _ = r.string("conference") }
        let treaties = r.array("treaties", required: true) { decodeTreaty($0, $1) }
        let articles = r.array("articles", required: true) { decodeArticle($0, $1) }
        let sessions = r.array("sessions", required: true) { decodeSession($0, $1) }
        let countries = r.array("countries", required: true) { decodeCountry($0, $1) }
        let organisations = r.array("organisations") { decodeOrganisation($0, $1) }
        let glossary = r.array("glossary") { decodeTerm($0, $1) }
        let synonyms: [[String]] = r.array("synonyms") { n, p in
            guard case .array(let items) = n.value else {
                sink.report(n.position, p, "expected an array of words that mean the same, found \(n.typeName)")
                return nil
            }
            let words = items.compactMap { item -> String? in
                if case .string(let s) = item.value, !s.isEmpty { return Sanitizer.escaped(s) }
                sink.report(item.position, p, "expected a non-empty string, found \(item.typeName)")
                return nil
            }
            if words.count < 2 { sink.report(n.position, p, "a synonym group needs at least two entries") }
            return words
        }
        let supportAreas = decodeSupportAreas(r, articles: articles)
        checkGoverningArticles(articles)
        var seenArticle: [String: SourcePosition] = [:]
        for a in articles {
            let key = "\(a.treaty)#\(a.number)"
            if seenArticle[key] != nil {
                let info = ids[a.id.lowercased()]
                sink.report(info?.position ?? root.position, info?.path ?? path, "article \(a.number) of \(a.treaty) appears twice")
            }
            seenArticle[key] = root.position
        }
        guard let title, let asOf, let conference else { return nil }
        return KnowledgeBase(
            formatVersion: version, title: title, asOf: asOf, conference: conference,
            treaties: treaties, articles: articles, sessions: sessions, countries: countries,
            organisations: organisations, glossary: glossary, synonyms: synonyms, supportAreas: supportAreas)
    }

    // MARK: Shared pieces

    /// Registers an id; reports duplicates (ids are unique across all kinds, ignoring case, since
    /// people type `:pt` as readily as `:PT`).
    mutating func register(_ r: NodeReader, kind: RecordKind, pattern: (String) -> String?) -> String? {
        guard let id = r.string("id") else { return nil }
        if let problem = pattern(id) {
            sink.report(r.position("id"), r.path.appending("id"), problem)
            return nil
        }
        let key = id.lowercased()
        if let first = ids[key] {
            sink.report(
                r.position("id"), r.path.appending("id"),
                "duplicate id \"\(id)\": already used at line \(first.position.line) (\(first.path))")
            return nil
        }
        ids[key] = (id, kind, r.position("id"), r.path.appending("id"))
        return id
    }

    mutating func provenance(_ r: NodeReader) -> Provenance? {
        let sources = r.sources()
        let asOf = r.day("asOf")
        let inferred = r.strings("inferred")
        guard let asOf, !sources.isEmpty else { return nil }
        return Provenance(sources: sources, asOf: asOf, inferred: inferred)
    }

    /// Reads a text field and remembers its inline links for checking.
    mutating func text(_ r: NodeReader, _ key: String, required: Bool = true) -> String? {
        guard let s = r.string(key, required: required) else { return nil }
        noteInlineLinks(s, r.position(key), r.path.appending(key))
        return s
    }

    mutating func texts(_ r: NodeReader, _ key: String, required: Bool = false, nonEmpty: Bool = false) -> [String] {
        let located = r.locatedStrings(key, required: required, nonEmpty: nonEmpty)
        for item in located.items { noteInlineLinks(item.text, item.position, located.path, index: item.index) }
        return located.items.map(\.text)
    }

    mutating func noteInlineLinks(_ s: String, _ position: SourcePosition, _ path: JSONPath, index: Int = -1) {
        for target in InlineText.targets(in: s) {
            references.append(Reference(target: target, position: position, field: path, index: Int32(clamping: index), expected: nil))
        }
    }

    /// The record's `treaty` field, remembered to be checked as a link to a treaty once all ids are known.
    mutating func treatyLink(_ r: NodeReader, _ p: JSONPath) -> String? {
        guard let treaty = r.string("treaty") else { return nil }
        references.append(Reference(target: treaty, position: r.position("treaty"), field: p.appending("treaty"), expected: [.treaty]))
        return treaty
    }

    mutating func readLinks(_ r: NodeReader, _ key: String = "links", expected: Set<RecordKind>? = nil) -> [String] {
        var out: [String] = []
        let located = r.locatedStrings(key)
        out.reserveCapacity(located.items.count)
        for item in located.items {
            references.append(
                Reference(
                    target: item.text, position: item.position, field: located.path,
                    index: Int32(clamping: item.index), expected: expected))
            out.append(item.text)
        }
        return out
    }

    mutating func provisions(_ r: NodeReader, _ key: String) -> [Provision] {
        r.array(key) { n, p in
            guard let pr = NodeReader(n, path: p, sink: sink, fields: ["provision", "text"]) else { return nil }
            guard let provision = pr.string("provision"), let text = text(pr, "text") else { return nil }
            return Provision(provision: provision, text: text)
        }
    }

    static func slug(_ minLength: Int) -> (String) -> String? {
        { id in
            let ok =
                id.count >= minLength
                && id.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                } && !id.hasPrefix("-") && !id.hasSuffix("-")
            return ok ? nil : "id \"\(id)\" must be at least \(minLength) characters of a-z, 0-9 and '-'"
        }
    }

    // MARK: Records

    func decodeConference(_ n: JSONNode, _ p: JSONPath) -> Conference? {
        guard let r = NodeReader(n, path: p, sink: sink, fields: ["name", "place", "startDate", "endDate", "summary", "sources"]) else { return nil }
        let name = r.string("name"), place = r.string("place"), start = r.day("startDate"), end = r.day("endDate")
        let summary = r.string("summary"), sources = r.sources()
        if let start, let end, end < start { sink.report(r.position("endDate"), p.appending("endDate"), "ends before it starts (\(start))") }
        guard let name, let place, let start, let end, let summary else { return nil }
        return Conference(name: name, place: place, startDate: start, endDate: end, summary: summary, sources: sources)
    }

    mutating func decodeArticle(_ n: JSONNode, _ p: JSONPath) -> Article? {
        guard
            let r = NodeReader(
                n, path: p, sink: sink,
                fields: [
                    "id", "treaty", "number", "title", "chapter", "section", "titleGroup", "summary", "keyPoints",
                    "reservations", "declarations", "counterparts", "links", "sources", "asOf", "inferred",
                ])
        else { return nil }
        let treaty = treatyLink(r, p)
        let number = r.int("number", range: 1...999)
        // An unknown treaty is reported with the links; its articles' ids are then not checked.
        let role = treaty.flatMap { treatyRoles[$0] }
        let id = register(r, kind: .article) { id in
            guard let treaty, let number, let role else { return nil }
            let expected = role.articleID(number, of: treaty)
            return id == expected ? nil : "article \(number) of \(treaty) (the \(role.rawValue)) must have id \"\(expected)\""
        }
        let title = r.string("title"), chapter = r.string("chapter")
        let section = r.string("section", required: false), group = r.string("titleGroup", required: false)
        let summary = text(r, "summary"), keyPoints = texts(r, "keyPoints")
        let reservations = provisions(r, "reservations"), declarations = provisions(r, "declarations")
        let counterparts: [Counterpart] = r.array("counterparts") { cn, cp in
            guard let c = NodeReader(cn, path: cp, sink: sink, fields: ["article", "kind"]) else { return nil }
            let article = c.string("article"), kind = choice(c, "kind", Counterpart.Kind.self, cp)
            if let article {
                references.append(Reference(target: article, position: c.position("article"), field: cp.appending("article"), expected: [.article]))
            }
            guard let article, let kind else { return nil }
            return Counterpart(article: article, kind: kind)
        }
        let links = readLinks(r)
        let prov = provenance(r)
        guard let id, let treaty, let role, let number, let title, let chapter, let summary, let prov else { return nil }
        return Article(
            id: id, treaty: treaty, treatyRole: role, number: number, title: title, chapter: chapter, section: section,
            titleGroup: group, summary: summary, keyPoints: keyPoints, reservations: reservations,
            declarations: declarations, counterparts: counterparts, links: links, provenance: prov)
    }

    mutating func decodeSession(_ n: JSONNode, _ p: JSONPath) -> Session? {
        guard
            let r = NodeReader(
                n, path: p, sink: sink,
                fields: [
                    "id", "kind", "number", "title", "date", "summary", "aims", "topics", "questions", "links",
                    "sources", "asOf", "inferred",
                ])
        else { return nil }
        let id = register(r, kind: .session, pattern: Self.slug(2))
        let kindText = r.string("kind")
        let kind = kindText.flatMap(Session.Kind.init(rawValue:))
        if let kindText, kind == nil {
            sink.report(r.position("kind"), p.appending("kind"), "kind must be \"workshop\" or \"plenary\", not \"\(kindText)\"")
        }
        let number = r.int("number", required: kind == .workshop, range: 1...99)
        let title = r.string("title"), date = r.day("date", required: false)
        let summary = text(r, "summary"), aims = texts(r, "aims"), questions = texts(r, "questions")
        var topicIDs = Set<String>()
        let topics: [Topic] = r.array("topics") { (tn, tp) -> Topic? in
            guard let t = NodeReader(tn, path: tp, sink: sink, fields: ["id", "title", "summary", "keyPoints", "minutes", "questions", "links"]) else {
                return nil
            }
            let tid = t.string("id")
            if let tid {
                if tid.wholeMatch(of: /topic-[0-9]+/) == nil {
                    sink.report(t.position("id"), tp.appending("id"), "topic id \"\(tid)\" must look like topic-1")
                } else if !topicIDs.insert(tid).inserted {
                    sink.report(t.position("id"), tp.appending("id"), "duplicate topic id \"\(tid)\" in this session")
                }
            }
            let title = t.string("title"), summary = text(t, "summary"), keyPoints = texts(t, "keyPoints")
            let minutes = t.int("minutes", required: false, range: 1...600)
            let questions = texts(t, "questions"), links = readLinks(t)
            guard let tid, let title, let summary else { return nil }
            return Topic(id: tid, title: title, summary: summary, keyPoints: keyPoints, minutes: minutes, questions: questions, links: links)
        }
        let links = readLinks(r)
        let prov = provenance(r)
        guard let id, let kind, let title, let summary, let prov else { return nil }
        return Session(
            id: id, kind: kind, number: number, title: title, date: date, summary: summary, aims: aims,
            topics: topics, questions: questions, links: links, provenance: prov)
    }

    mutating func decodeCountry(_ n: JSONNode, _ p: JSONPath) -> Country? {
        guard
            let r = NodeReader(
                n, path: p, sink: sink,
                fields: [
                    "id", "name", "nameFr", "aliases", "region", "coeMember2010", "draftingParticipant", "summary",
                    "events", "statements", "formerNames", "partOf", "profile", "facts", "links", "sources", "asOf", "inferred",
                ])
        else { return nil }
        let id = register(r, kind: .country) { id in
            id.count == 2 && id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) })
                ? nil
                : "country id \"\(id)\" must be an ISO 3166 alpha-2 code in capitals, like PT"
        }
        let name = r.string("name"), nameFr = r.string("nameFr", required: false), aliases = r.strings("aliases")
        let region = r.string("region")
        if let region, !Self.regions.contains(region) {
            let hint = Suggestions.nearest(to: region, in: Array(Self.regions), limit: 1).first.map { " (did you mean \"\($0)\"?)" } ?? ""
            sink.report(r.position("region"), p.appending("region"), "unknown region \"\(region)\"\(hint)")
        }
        let member = r.bool("coeMember2010", default: false), drafting = r.bool("draftingParticipant", default: false)
        let summary = text(r, "summary")
        let events = decodeEvents(r, p)
        let statements = decodeStatements(r, p, events: events), formerNames = decodeFormerNames(r), partOf = decodePartOf(r, p)
        var profile: CountryProfile?
        if let pn = r.node("profile"), let pr = NodeReader(pn, path: p.appending("profile"), sink: sink, fields: ["date", "sources"]) {
            let text = pr.string("date"), sources = pr.sources()
            let month = text.flatMap(Month.init)
            if let text, month == nil {
                sink.report(pr.position("date"), p.appending("profile").appending("date"), "\"\(text)\" is not a month; write YYYY-MM")
            }
            if let month, !sources.isEmpty { profile = CountryProfile(date: month, sources: sources) }
        }
        let facts: [SourcedFact] = r.array("facts") { fn, fp in
            guard let f = NodeReader(fn, path: fp, sink: sink, fields: ["text", "sources"]) else { return nil }
            guard let t = text(f, "text") else { return nil }
            let sources = f.sources()
            return sources.isEmpty ? nil : SourcedFact(text: t, sources: sources)
        }
        let links = readLinks(r)
        let prov = provenance(r)
        guard let id, let name, let region, let summary, let prov else { return nil }
        return Country(
            id: id, name: name, nameFr: nameFr, aliases: aliases, region: region, coeMember2010: member,
            draftingParticipant: drafting, summary: summary, events: events.sorted { ($0.date.sortKey, $0.kind.rank) < ($1.date.sortKey, $1.kind.rank) },
            statements: statements, formerNames: formerNames, partOf: partOf, profile: profile, facts: facts, links: links, provenance: prov)
    }

    mutating func decodeOrganisation(_ n: JSONNode, _ p: JSONPath) -> Organisation? {
        guard
            let r = NodeReader(
                n, path: p, sink: sink, fields: ["id", "name", "aliases", "kind", "summary", "keyPoints", "links", "sources", "asOf", "inferred"])
        else { return nil }
        let id = register(r, kind: .organisation, pattern: Self.slug(2))
        let name = r.string("name"), aliases = r.strings("aliases"), kind = r.string("kind")
        let summary = text(r, "summary"), keyPoints = texts(r, "keyPoints"), links = readLinks(r)
        let prov = provenance(r)
        guard let id, let name, let kind, let summary, let prov else { return nil }
        return Organisation(id: id, name: name, aliases: aliases, kind: kind, summary: summary, keyPoints: keyPoints, links: links, provenance: prov)
    }

    mutating func decodeTerm(_ n: JSONNode, _ p: JSONPath) -> GlossaryTerm? {
        guard let r = NodeReader(n, path: p, sink: sink, fields: ["id", "term", "aliases", "definition", "links", "sources", "asOf", "inferred"]) else {
            return nil
        }
        let id = register(r, kind: .term, pattern: Self.slug(3))
        let term = r.string("term"), aliases = r.strings("aliases")
        let definition = text(r, "definition"), links = readLinks(r)
        let prov = provenance(r)
        guard let id, let term, let definition, let prov else { return nil }
        return GlossaryTerm(id: id, term: term, aliases: aliases, definition: definition, links: links, provenance: prov)
    }

    // MARK: References

    func validateReferences() {
        let known = ids.values.map(\.id)
        var suggested = 0
        for ref in references {
            guard let target = ids[ref.target.lowercased()] else {
                // Suggestions compare with every id: enough for the first hundred, so a file full
                // of broken links still answers quickly.
                suggested += 1
                let near = suggested <= 100 ? Suggestions.nearest(to: ref.target, in: known, limit: 3) : []
                let hint = near.isEmpty ? "" : " (did you mean \(near.map { "\"\($0)\"" }.joined(separator: ", "))?)"
                sink.report(ref.position, ref.path, "link to unknown id \"\(ref.target)\"\(hint)")
                continue
            }
            if target.id != ref.target {
                sink.report(ref.position, ref.path, "link \"\(ref.target)\" must be written \"\(target.id)\"")
            } else if let expected = ref.expected, !expected.contains(target.kind) {
                sink.report(
                    ref.position, ref.path,
                    "\"\(ref.target)\" is a \(target.kind.rawValue), expected a \(expected.map(\.rawValue).sorted().joined(separator: " or "))")
            }
        }
    }
}
