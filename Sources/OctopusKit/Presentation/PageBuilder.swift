/// Builds the `Page` for any record: its text with links resolved and numbered, what connects to
/// it, its status at the chosen date, and its sources and as-of date at the foot.
public struct PageBuilder {
    public let kb: KnowledgeBase
    public let date: Day

    private var blocks: [Page.Block] = []
    private var numbering: LinkNumbering
    private var extraSources: [String] = []

    public init(kb: KnowledgeBase, date: Day = .conference) { self.kb = kb; self.date = date; numbering = LinkNumbering(kb: kb) }

    public static func page(for record: Record, in kb: KnowledgeBase, at date: Day = .conference) -> Page {
        var b = PageBuilder(kb: kb, date: date)
        return b.build(record)
    }

    mutating func build(_ record: Record) -> Page {
        blocks = []; numbering = LinkNumbering(kb: kb); extraSources = []
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
        return Page(id: record.id, kind: record.kind, title: Sanitizer.clean(record.title), subtitle: Sanitizer.clean(subtitle),
                    blocks: blocks, links: numbering.ids)
    }

    // MARK: Building blocks

    private mutating func number(_ target: String) -> Int { numbering.number(target) }

    private mutating func spans(_ text: String) -> [Page.Span] { numbering.spans(text) }

    private mutating func linkSpans(_ id: String, detail: String? = nil) -> [Page.Span] {
        guard let r = kb.record(id) else { return [.text(id)] }
        var s: [Page.Span] = [.link(label: Sanitizer.clean(r.shortTitle), number: number(r.id))]
        if let detail { s.append(.text(" — " + Sanitizer.clean(detail))) }
        return s
    }

    private mutating func paragraph(_ text: String) { blocks.append(.paragraph(spans(text))) }
    private mutating func heading(_ text: String) {
        if let last = blocks.last, last != .blank { blocks.append(.blank) }
        blocks.append(.heading(text))
    }
    private mutating func bullets(_ items: [String]) { for i in items { blocks.append(.bullet(spans(i))) } }
    private mutating func linkList(_ heading: String, _ ids: [String]) {
        guard !ids.isEmpty else { return }
        self.heading(heading)
        for id in ids { blocks.append(.bullet(linkSpans(id))) }
    }

    private func treatyName(_ id: String) -> String {
        guard let t = kb.treaty(id) else { return id }
        return "\(t.shortTitle) (\(t.aliases.first ?? id))"
    }

    private mutating func footer(_ record: Record) {
        let p = record.provenance
        heading("Sources")
        var seen = Set<String>()
        for s in p.sources + extraSources where seen.insert(s).inserted { blocks.append(.bullet([.text(Sanitizer.clean(s))])) }
        blocks.append(.blank)
        var asOf: [Page.Span] = [.text(p.asOf.long)]
        if !p.inferred.isEmpty { asOf.append(.text(" · inferred, not confirmed by a source: " + Sanitizer.clean(p.inferred.joined(separator: ", ")))) }
        blocks.append(.field("As of", asOf))
    }

    private func others(_ id: String, excluding kinds: Set<RecordKind>, except: [String]) -> [String] {
        (kb.backlinks[id] ?? []).filter { b in
            guard let r = kb.record(b) else { return false }
            return !kinds.contains(r.kind) && !except.contains(b)
        }
    }

    // MARK: Kinds

    private mutating func articleBody(_ a: Article) -> String {
        let placement = [a.chapter, a.section, a.titleGroup].compactMap { $0 }.joined(separator: " › ")
        paragraph(a.summary)
        if !a.keyPoints.isEmpty { heading("Key points"); bullets(a.keyPoints) }
        if !a.counterparts.isEmpty {
            heading("Counterparts")
            for c in a.counterparts {
                let detail: String? = {
                    guard let other = kb.record(c), case .article(let o) = other else { return nil }
                    if o.number == 15 || a.number == 15 { return "conditions and safeguards" }
                    return o.chapter.hasPrefix("Chapter III") ? "international co-operation" : "domestic power"
                }()
                blocks.append(.bullet(linkSpans(c, detail: detail)))
            }
        }
        let treatyLabel = a.treaty == "ets185" ? "Art. 42" : "Protocol Art. 12"
        if !a.reservations.isEmpty {
            heading("Reservations it admits (\(treatyLabel))")
            for r in a.reservations { blocks.append(.bullet([.strong(Sanitizer.clean(r.provision) + ": ")] + spans(r.text))) }
        }
        if !a.declarations.isEmpty {
            heading("Declarations it admits (\(a.treaty == "ets185" ? "Art. 40" : "Protocol Art. 12"))")
            for d in a.declarations { blocks.append(.bullet([.strong(Sanitizer.clean(d.provision) + ": ")] + spans(d.text))) }
        }
        let sessions = kb.backlinks(to: a.id, kind: .session).map(\.id)
        let explicitSessions = a.links.filter { kb.record($0)?.kind == .session }
        linkList("Discussed in", uniq(explicitSessions + sessions))
        linkList("See also", a.links.filter { kb.record($0)?.kind != .session && !a.counterparts.contains($0) })
        linkList("Mentioned by", others(a.id, excluding: [.session], except: a.links + a.counterparts))
        let parties = kb.parties(of: a.treaty, at: date)
        heading("Parties on \(date.long)")
        blocks.append(.paragraph([.text("\(parties.count) state\(parties.count == 1 ? "" : "s") had ratified or acceded to \(treatyName(a.treaty)): "
                                         + parties.map { Sanitizer.clean($0.name) }.sorted().joined(separator: ", ") + "." + undecided(a.treaty))]))
        return "\(treatyName(a.treaty)) · \(placement)"
    }

    /// The States a count leaves out because the sources cannot place their deposit before the
    /// date: " Not counted, as their deposit date is within a window or unknown: Peru, Senegal."
    private func undecided(_ treaty: String) -> String {
        let names = kb.undecidedParties(of: treaty, at: date).map { Sanitizer.clean($0.name) }.sorted()
        guard !names.isEmpty else { return "" }
        return " Not counted, as the sources do not show whether they had by this date (deposit date within a window or unknown): "
            + names.joined(separator: ", ") + "."
    }

    private mutating func countryBody(_ c: Country) -> String {
        var facts: [String] = [c.region]
        facts.append(c.coeMember2010 ? "Council of Europe member in 2010" : "not a Council of Europe member in 2010")
        if c.draftingParticipant { facts.append("took part in drafting the Convention") }
        let names = ([c.nameFr.map { "French: \($0)" }].compactMap { $0 } + (c.aliases.isEmpty ? [] : ["also: " + c.aliases.joined(separator: ", ")]))
        if !names.isEmpty { blocks.append(.field("Names", [.text(Sanitizer.clean(names.joined(separator: "; ")))])) }
        heading("Status on \(date.long)")
        for t in kb.trackedTreaties {
            let st = c.status(t, at: date)
            var line: [Page.Span] = [.strong(treatyName(t) + ": "), .text(st.label)]
            if let e = st.decidingEvent { line.append(.text(" (\(e.phrase)\(e.unconfirmed ? ", date unconfirmed" : ""))")) }
            blocks.append(.bullet(line))
        }
        blocks.append(.blank)
        paragraph(c.summary)
        heading("Treaty timeline")
        if c.events.isEmpty {
            blocks.append(.paragraph([.text("No dated treaty events are known for this state.")]))
        }
        for e in c.events {
            // A window shows its two days; an unknown date says so, and what is known instead.
            let column = switch e.date {
            case .exact(let d): d.description
            case .between(let a, let b): "\(a)…\(b)"
            case .unknown: "date unknown"
            }
            var line: [Page.Span] = [.text("\(column)  "), .strong(kb.treaty(e.treaty)?.aliases.first ?? e.treaty), .text("  \(e.kind.label)")]
            if case .between(let a, let b) = e.date { line.append(.text(" on a day between \(a.long) and \(b.long); the exact day was not seen")) }
            if let by = e.knownBy { line.append(.text(" (\(by))")) }
            switch e.date.happened(by: date) {
            case false: line.append(.text(" (after the date shown)"))
            case nil: line.append(.text(" (not known whether before the date shown)"))
            default: break
            }
            if e.unconfirmed { line.append(.text(" — unconfirmed: not seen in a source")) }
            if let note = e.note { line.append(.text(" — ")); line += spans(note) }
            blocks.append(.bullet(line))
            extraSources += e.sources
        }
        if let p = c.profile {
            heading("Council of Europe country profile")
            blocks.append(.paragraph([.text("A cybercrime legislation profile was published in \(p.date.long).")]))
            extraSources += p.sources
        }
        if !c.facts.isEmpty {
            heading("Legislation and capacity")
            for f in c.facts { blocks.append(.bullet(spans(f.text))); extraSources += f.sources }
        }
        linkList("Mentioned in sessions", uniq(c.links.filter { kb.record($0)?.kind == .session } + kb.backlinks(to: c.id, kind: .session).map(\.id)))
        linkList("Organisations", kb.backlinks(to: c.id, kind: .organisation).map(\.id))
        linkList("See also", c.links.filter { kb.record($0)?.kind != .session })
        return facts.joined(separator: " · ")
    }

    private mutating func sessionBody(_ s: Session) -> String {
        var sub = s.kind == .workshop ? "Workshop \(s.number ?? 0)" : "Plenary session"
        sub += " · " + (s.date.map { $0.long } ?? "day not known")
        if s.provenance.inferred.contains("title") { sub += " · title inferred" }
        paragraph(s.summary)
        if !s.aims.isEmpty { heading("Aims"); bullets(s.aims) }
        if !s.topics.isEmpty {
            let planned = s.plannedMinutes
            heading("Topics" + (planned > 0 ? " (\(planned) minutes planned)" : ""))
            for (i, t) in s.topics.enumerated() {
                blocks.append(.numbered(i + 1, [.strong(Sanitizer.clean(t.title))] + (t.minutes.map { [.text(" · \($0) min")] } ?? [])))
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
        linkList("Linked articles", linked.filter { kb.record($0)?.kind == .article })
        linkList("See also", linked.filter { kb.record($0)?.kind != .article })
        linkList("Mentioned by", others(s.id, excluding: [], except: linked))
        return sub
    }

    private mutating func treatyBody(_ t: Treaty) -> String {
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
            blocks.append(.paragraph([.text("\(signatories.count) signatory states; \(parties.count) had ratified or acceded: "
                                             + parties.map { Sanitizer.clean($0.name) }.sorted().joined(separator: ", ") + "." + undecided(t.id))]))
        }
        linkList("See also", t.links)
        linkList("Mentioned by", others(t.id, excluding: [.article, .country], except: t.links))
        return Sanitizer.clean(([t.aliases.first].compactMap { $0 } + facts).joined(separator: " · "))
    }

    private mutating func organisationBody(_ o: Organisation) -> String {
        if o.aliases.count > 1 { blocks.append(.field("Also", [.text(Sanitizer.clean(o.aliases.joined(separator: ", ")))])) }
        paragraph(o.summary)
        if !o.keyPoints.isEmpty { heading("Key points"); bullets(o.keyPoints) }
        linkList("Discussed in", uniq(o.links.filter { kb.record($0)?.kind == .session } + kb.backlinks(to: o.id, kind: .session).map(\.id)))
        linkList("See also", o.links.filter { kb.record($0)?.kind != .session })
        linkList("Mentioned by", others(o.id, excluding: [.session], except: o.links))
        return o.kind.prefix(1).uppercased() + o.kind.dropFirst()
    }

    private mutating func termBody(_ t: GlossaryTerm) -> String {
        if !t.aliases.isEmpty { blocks.append(.field("Also", [.text(Sanitizer.clean(t.aliases.joined(separator: ", ")))])) }
        paragraph(t.definition)
        linkList("See also", t.links)
        linkList("Used in", others(t.id, excluding: [], except: t.links))
        return "Glossary term"
    }

    private func uniq(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
