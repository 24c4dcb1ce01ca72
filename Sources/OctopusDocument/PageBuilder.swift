import FoundationEssentials
import Glibc
import OctopusKit

/// Builds the `Page` for any record: its text with links resolved and numbered, what connects to
/// it, its status at the chosen date, and its sources and as-of date at the foot.
public struct PageBuilder {
    public let kb: KnowledgeBase
    public let date: Day

    var blocks: [Page.Block] = []
    var numbering: LinkNumbering
    /// The Sources list, numbered in order: the record's own, then each one an item cites.
    var cited: [String] = []

    public init(kb: KnowledgeBase, date: Day = .conference) { self.kb = kb; self.date = date; numbering = LinkNumbering(kb: kb) }

    public static func page(for record: Record, in kb: KnowledgeBase, at date: Day = .conference) -> Page {
        var b = PageBuilder(kb: kb, date: date)
        return b.build(record)
    }

    mutating func build(_ record: Record) -> Page {
        blocks = []; numbering = LinkNumbering(kb: kb); cited = []
        for source in record.provenance.sources { _ = sourceNumber(source) }
        let subtitle: String
        switch record {
        case .article(let a): subtitle = articleBody(a)
        case .country(let c): subtitle = countryBody(c)
        case .session(let s): subtitle = sessionBody(s)
        case .treaty(let t): subtitle = treatyBody(t)
        case .organisation(let o): subtitle = organisationBody(o)
        case .term(let t): subtitle = termBody(t)
        }
        footer(record)
        // A State is called what it was called on the date, with today's name beside it.
        let title = if case .country(let c) = record { c.displayName(at: date) } else { record.title }
        return Page(
            id: record.id, kind: record.kind, title: title, subtitle: subtitle,
            blocks: blocks, links: numbering.ids)
    }

    // MARK: Building blocks

    mutating func number(_ target: String) -> Int { numbering.number(target) }

    mutating func sourceNumber(_ source: String) -> Int {
        if let i = cited.firstIndex(of: source) { return i + 1 }
        cited.append(source)
        return cited.count
    }

    /// " (source 3)", " (sources 3, 5)": which entries of the Sources list an item rests on.
    mutating func cite(_ sources: [String]) -> Page.Span {
        var numbers: [Int] = []
        for source in sources { numbers.append(sourceNumber(source)) }
        guard !numbers.isEmpty else { return .text("") }
        return .text(" (source\(numbers.count == 1 ? "" : "s") " + numbers.map(String.init).joined(separator: ", ") + ")")
    }

    /// A State's name on the page's date, as a link to its page.
    mutating func stateLink(_ c: Country) -> Page.Span {
        .link(label: c.displayName(at: date), number: number(c.id))
    }

    /// "Albania, the former Yugoslav Republic of Macedonia (today North Macedonia), …"
    func names(_ states: [Country]) -> String {
        // Each name folded once, not once per comparison.
        states.map { $0.displayName(at: date) }.map { (Folding.fold($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
            .joined(separator: ", ")
    }

    mutating func spans(_ text: String) -> [Page.Span] { numbering.spans(text) }

    mutating func linkSpans(_ id: String, detail: String? = nil) -> [Page.Span] {
        guard let r = kb.label(of: id) else { return [.text(id)] }
        var s: [Page.Span] = [.link(label: r.shortTitle, number: number(r.id))]
        if let detail { s.append(.text(" — " + detail)) }
        return s
    }

    mutating func paragraph(_ text: String) { blocks.append(.paragraph(spans(text))) }
    mutating func heading(_ text: String) {
        if let last = blocks.last, last != .blank { blocks.append(.blank) }
        blocks.append(.heading(text))
    }
    mutating func bullets(_ items: [String]) { for i in items { blocks.append(.bullet(spans(i))) } }
    mutating func linkList(_ heading: String, _ ids: [String]) {
        guard !ids.isEmpty else { return }
        self.heading(heading)
        for id in ids { blocks.append(.bullet(linkSpans(id))) }
    }

    func treatyName(_ id: String) -> String {
        guard let t = kb.treaty(id) else { return id }
        return "\(t.shortTitle) (\(t.aliases.first ?? id))"
    }

    mutating func footer(_ record: Record) {
        let p = record.provenance
        heading("Sources")
        for (i, s) in cited.enumerated() { blocks.append(.numbered(i + 1, [.text(s)])) }
        blocks.append(.blank)
        var asOf: [Page.Span] = [.text(p.asOf.long)]
        if !p.inferred.isEmpty { asOf.append(.text(" · inferred, not confirmed by a source: " + p.inferred.joined(separator: ", "))) }
        blocks.append(.field("As of", asOf))
    }

    func others(_ id: String, excluding kinds: Set<RecordKind>, except: [String]) -> [String] {
        let except = Set(except)
        return (kb.backlinks[id] ?? []).filter { b in
            guard let kind = kb.kind(of: b) else { return false }
            return !kinds.contains(kind) && !except.contains(b)
        }
    }

    // MARK: Kinds

    mutating func articleBody(_ a: Article) -> String {
        let placement = [a.chapter, a.section, a.titleGroup].compactMap { $0 }.joined(separator: " › ")
        paragraph(a.summary)
        if !a.keyPoints.isEmpty { heading("Key points"); bullets(a.keyPoints) }
        if !a.counterparts.isEmpty {
            heading("Counterparts")
            for c in a.counterparts { blocks.append(.bullet(linkSpans(c.article, detail: c.kind.label))) }
        }
        let treaty = kb.treaty(a.treaty)
        if !a.reservations.isEmpty {
            heading("Reservations it admits" + governedBy(treaty?.reservationsArticle))
            for r in a.reservations { blocks.append(.bullet([.strong(r.provision + ": ")] + spans(r.text))) }
        }
        if !a.declarations.isEmpty {
            heading("Declarations it admits" + governedBy(treaty?.declarationsArticle))
            for d in a.declarations { blocks.append(.bullet([.strong(d.provision + ": ")] + spans(d.text))) }
        }
        let sessions = kb.backlinks(to: a.id, kind: .session)
        let explicitSessions = a.links.filter { kb.kind(of: $0) == .session }
        madeBy(a)
        linkList("Discussed in", uniq(explicitSessions + sessions))
        linkList("See also", a.links.filter { kb.kind(of: $0) != .session && !a.counterpartIDs.contains($0) })
        linkList("Mentioned by", others(a.id, excluding: [.session], except: a.links + a.counterpartIDs))
        let parties = kb.parties(of: a.treaty, at: date)
        heading("Parties on \(date.long)")
        blocks.append(
            .paragraph([
                .text(
                    "\(parties.count) state\(parties.count == 1 ? "" : "s") had ratified or acceded to \(treatyName(a.treaty)): "
                        + names(parties) + "." + undecided(a.treaty))
            ]))
        return "\(treatyName(a.treaty)) · \(placement)"
    }

    /// " (Art. 42)", " (Protocol Art. 12)": the article a treaty's reservations or declarations are
    /// made under, cited as the statements cite it; "" when the treaty's record does not name one.
    func governedBy(_ article: String?) -> String {
        guard let article, case .article(let g)? = kb.record(article) else { return "" }
        return " (\(g.treatyRole.provisionPrefix) \(g.number))"
    }

    /// The States a count leaves out because the sources cannot place their deposit before the
    /// date: " Not counted, as their deposit date is within a window or unknown: Peru, Senegal."
    func undecided(_ treaty: String) -> String {
        let states = kb.undecidedParties(of: treaty, at: date)
        guard !states.isEmpty else { return "" }
        return " Not counted, as the sources do not show whether they had by this date (deposit date within a window or unknown): "
            + names(states) + "."
    }

    mutating func sessionBody(_ s: Session) -> String {
        var sub = s.kind == .workshop ? "Workshop \(s.number ?? 0)" : "Plenary session"
        sub += " · " + (s.date.map { $0.long } ?? "day not known")
        if s.provenance.inferred.contains("title") { sub += " · title inferred" }
        paragraph(s.summary)
        if !s.aims.isEmpty { heading("Aims"); bullets(s.aims) }
        if !s.topics.isEmpty {
            let planned = s.plannedMinutes
            heading("Topics" + (planned > 0 ? " (\(planned) minutes planned)" : ""))
            for (i, t) in s.topics.enumerated() {
                blocks.append(.numbered(i + 1, [.strong(t.title)] + (t.minutes.map { [.text(" · \($0) min")] } ?? [])))
                blocks.append(.paragraph(spans(t.summary)))
                bullets(t.keyPoints)
                if !t.links.isEmpty {
                    var line: [Page.Span] = [.text("Linked: ")]
                    for (j, id) in t.links.enumerated() {
                        if j > 0 { line.append(.text(", ")) }
                        line += linkSpans(id)
                    }
                    blocks.append(.paragraph(line))
                }
                for q in t.questions { blocks.append(.bullet([.text("Q: ")] + spans(q))) }
                blocks.append(.blank)
            }
        }
        if !s.questions.isEmpty {
            heading("Questions for the room")
            for (i, q) in s.questions.enumerated() { blocks.append(.numbered(i + 1, spans(q))) }
        }
        let linked = s.links
        linkList("Linked articles", linked.filter { kb.kind(of: $0) == .article })
        linkList("See also", linked.filter { kb.kind(of: $0) != .article })
        linkList("Mentioned by", others(s.id, excluding: [], except: linked))
        return sub
    }

    mutating func treatyBody(_ t: Treaty) -> String {
        var facts: [String] = []
        if let o = t.openedForSignature { facts.append("opened for signature \(o.long)\(t.place.map { " in \($0)" } ?? "")") }
        if let e = t.entryIntoForce { facts.append("in force \(e.long)") }
        paragraph(t.summary)
        if let rule = t.entryIntoForceRule { blocks.append(.blank); blocks.append(.field("Entry into force", spans(rule))) }
        if !t.keyPoints.isEmpty { heading("Key points"); bullets(t.keyPoints) }
        let articles = kb.articles(of: t.id)
        if !articles.isEmpty {
            heading("Articles (\(articles.count))")
            for a in articles { blocks.append(.bullet(linkSpans(a.id))) }
        }
        let parties = kb.parties(of: t.id, at: date), signatories = kb.signatories(of: t.id, at: date)
        if !parties.isEmpty || !signatories.isEmpty {
            heading("On \(date.long)")
            blocks.append(
                .paragraph([
                    .text(
                        "\(signatories.count) signatory states; \(parties.count) had ratified or acceded: "
                            + names(parties) + "." + undecided(t.id))
                ]))
            let invited = kb.invited(to: t.id, at: date)
            if !invited.isEmpty {
                blocks.append(.paragraph([.text("\(invited.count) more invited to accede, not yet signatories or Parties: " + names(invited) + ".")]))
            }
        }
        publishedCounts(t)
        linkList("See also", t.links)
        linkList("Mentioned by", others(t.id, excluding: [.article, .country], except: t.links))
        return (([t.aliases.first].compactMap { $0 } + facts).joined(separator: " · "))
    }

    mutating func organisationBody(_ o: Organisation) -> String {
        if o.aliases.count > 1 { blocks.append(.field("Also", [.text(o.aliases.joined(separator: ", "))])) }
        paragraph(o.summary)
        if !o.keyPoints.isEmpty { heading("Key points"); bullets(o.keyPoints) }
        linkList("Discussed in", uniq(o.links.filter { kb.kind(of: $0) == .session } + kb.backlinks(to: o.id, kind: .session)))
        linkList("See also", o.links.filter { kb.kind(of: $0) != .session })
        linkList("Mentioned by", others(o.id, excluding: [.session], except: o.links))
        return o.kind.prefix(1).uppercased() + o.kind.dropFirst()
    }

    mutating func termBody(_ t: GlossaryTerm) -> String {
        if !t.aliases.isEmpty { blocks.append(.field("Also", [.text(t.aliases.joined(separator: ", "))])) }
        paragraph(t.definition)
        linkList("See also", t.links)
        linkList("Used in", others(t.id, excluding: [], except: t.links))
        return "Glossary term"
    }

    func uniq(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
