import Foundation

/// Builds the `Page` for any record: its text with links resolved and numbered, what connects to
/// it, its status at the chosen date, and its sources and as-of date at the foot.
public struct PageBuilder {
    public let kb: KnowledgeBase
    public let date: Day

    private var blocks: [Page.Block] = []
    private var numbering: LinkNumbering
    /// The Sources list, numbered in order: the record's own, then each one an item cites.
    private var cited: [String] = []

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
        return Page(id: record.id, kind: record.kind, title: Sanitizer.clean(title), subtitle: Sanitizer.clean(subtitle),
                    blocks: blocks, links: numbering.ids)
    }

    // MARK: Building blocks

    private mutating func number(_ target: String) -> Int { numbering.number(target) }

    private mutating func sourceNumber(_ source: String) -> Int {
        if let i = cited.firstIndex(of: source) { return i + 1 }
        cited.append(source)
        return cited.count
    }

    /// " (source 3)", " (sources 3, 5)": which entries of the Sources list an item rests on.
    private mutating func cite(_ sources: [String]) -> Page.Span {
        var numbers: [Int] = []
        for source in sources { numbers.append(sourceNumber(source)) }
        guard !numbers.isEmpty else { return .text("") }
        return .text(" (source\(numbers.count == 1 ? "" : "s") " + numbers.map(String.init).joined(separator: ", ") + ")")
    }

    /// A State's name on the page's date, as a link to its page.
    private mutating func stateLink(_ c: Country) -> Page.Span {
        .link(label: Sanitizer.clean(c.displayName(at: date)), number: number(c.id))
    }

    /// "Albania, the former Yugoslav Republic of Macedonia (today North Macedonia), …"
    private func names(_ states: [Country]) -> String {
        states.map { Sanitizer.clean($0.displayName(at: date)) }.sorted { Folding.fold($0) < Folding.fold($1) }.joined(separator: ", ")
    }

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
        for (i, s) in cited.enumerated() { blocks.append(.numbered(i + 1, [.text(Sanitizer.clean(s))])) }
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
            for c in a.counterparts { blocks.append(.bullet(linkSpans(c.article, detail: c.kind.label))) }
        }
        let treaty = kb.treaty(a.treaty)
        if !a.reservations.isEmpty {
            heading("Reservations it admits" + governedBy(treaty?.reservationsArticle))
            for r in a.reservations { blocks.append(.bullet([.strong(Sanitizer.clean(r.provision) + ": ")] + spans(r.text))) }
        }
        if !a.declarations.isEmpty {
            heading("Declarations it admits" + governedBy(treaty?.declarationsArticle))
            for d in a.declarations { blocks.append(.bullet([.strong(Sanitizer.clean(d.provision) + ": ")] + spans(d.text))) }
        }
        let sessions = kb.backlinks(to: a.id, kind: .session).map(\.id)
        let explicitSessions = a.links.filter { kb.record($0)?.kind == .session }
        madeBy(a)
        linkList("Discussed in", uniq(explicitSessions + sessions))
        linkList("See also", a.links.filter { kb.record($0)?.kind != .session && !a.counterpartIDs.contains($0) })
        linkList("Mentioned by", others(a.id, excluding: [.session], except: a.links + a.counterpartIDs))
        let parties = kb.parties(of: a.treaty, at: date)
        heading("Parties on \(date.long)")
        blocks.append(.paragraph([.text("\(parties.count) state\(parties.count == 1 ? "" : "s") had ratified or acceded to \(treatyName(a.treaty)): "
                                         + names(parties) + "." + undecided(a.treaty))]))
        return "\(treatyName(a.treaty)) · \(placement)"
    }

    /// " (Art. 42)", " (Protocol Art. 12)": the article a treaty's reservations or declarations are
    /// made under, cited as the statements cite it; "" when the treaty's record does not name one.
    private func governedBy(_ article: String?) -> String {
        guard let article, case .article(let g)? = kb.record(article) else { return "" }
        return " (\(g.treatyRole.provisionPrefix) \(g.number))"
    }

    /// The States a count leaves out because the sources cannot place their deposit before the
    /// date: " Not counted, as their deposit date is within a window or unknown: Peru, Senegal."
    private func undecided(_ treaty: String) -> String {
        let states = kb.undecidedParties(of: treaty, at: date)
        guard !states.isEmpty else { return "" }
        return " Not counted, as the sources do not show whether they had by this date (deposit date within a window or unknown): "
            + names(states) + "."
    }

    /// The States that had made a reservation or declaration on the article and kept it on the
    /// page's date, each with when it was made and its source.
    private mutating func madeBy(_ a: Article) -> Void {
        let (inEffect, undated) = kb.statements(on: a.id, at: date)
        guard !a.reservations.isEmpty || !a.declarations.isEmpty || !inEffect.isEmpty || !undated.isEmpty else { return }
        heading("Made by, on \(date.long)")
        if inEffect.isEmpty, undated.isEmpty {
            blocks.append(.paragraph([.text("No State's reservation or declaration on this article is recorded in this base for this date.")]))
        }
        for (c, st) in inEffect.sorted(by: { Folding.fold($0.0.name(at: date)) < Folding.fold($1.0.name(at: date)) }) {
            blocks.append(.bullet([stateLink(c), .text(" — \(st.kind.rawValue) under \(Sanitizer.clean(st.provision)), \(st.when): ")] + spans(st.summary) + [cite(st.sources)]))
        }
        for (c, st) in undated {
            blocks.append(.bullet([stateLink(c), .text(" — \(st.kind.rawValue) under \(Sanitizer.clean(st.provision)), date not recorded (not known whether made by this date): ")]
                                  + spans(st.summary) + [cite(st.sources)]))
        }
    }

    /// A State's reservations and declarations, treaty by treaty; "none recorded in this base" for
    /// a treaty it took part in without any, so that silence is never read as "none made".
    private mutating func statements(_ c: Country) {
        heading("Reservations and declarations")
        let treaties = kb.trackedTreaties.filter { !c.events(for: $0).isEmpty || !c.statements(for: $0).isEmpty }
        if treaties.isEmpty { blocks.append(.paragraph([.text("None recorded in this base.")])) }
        for t in treaties {
            let list = c.statements(for: t)
            if list.isEmpty { blocks.append(.bullet([.strong(treatyName(t) + ": "), .text("none recorded in this base")])); continue }
            for st in list {
                var line: [Page.Span] = [.strong("\(kb.treaty(t)?.aliases.first ?? t) \(Sanitizer.clean(st.provision)), \(st.kind.rawValue): ")] + spans(st.summary)
                line.append(.text(" — \(st.when)"))
                switch st.inEffect(on: date) {
                case false: line.append(.text(st.withdrawn.map { $0 <= date } == true ? " (withdrawn by the date shown)" : " (after the date shown)"))
                case nil: line.append(.text(" (not known whether made by the date shown)"))
                default: break
                }
                if let note = st.note { line.append(.text(" — ")); line += spans(note) }
                line.append(cite(st.sources))
                blocks.append(.bullet(line))
            }
        }
    }

    private mutating func countryBody(_ c: Country) -> String {
        var facts: [String] = [c.region]
        facts.append(c.coeMember2010 ? "Council of Europe member in 2010" : "not a Council of Europe member in 2010")
        if c.draftingParticipant { facts.append("took part in drafting the Convention") }
        let names = ([c.nameFr.map { "French: \($0)" }].compactMap { $0 } + (c.aliases.isEmpty ? [] : ["also: " + c.aliases.joined(separator: ", ")]))
        if !names.isEmpty { blocks.append(.field("Names", [.text(Sanitizer.clean(names.joined(separator: "; ")))])) }
        heading("Status on \(date.long)")
        if let u = c.partOf, c.isPartOfAnother(on: date) {
            blocks.append(.paragraph([.text("On this date \(Sanitizer.clean(c.name)) was part of \(Sanitizer.clean(u.name)), counted once, as ")]
                                     + (kb.record(u.state).map { _ in [linkSpans(u.state)[0]] } ?? [.text(u.state)]) + [.text("; it is not counted on its own before \(u.before.long)."), cite(u.sources)]))
        }
        for t in kb.trackedTreaties {
            let st = c.status(t, at: date)
            var line: [Page.Span] = [.strong(treatyName(t) + ": "), .text(st.label)]
            if let e = st.decidingEvent { line.append(.text(" (\(e.phrase)\(e.unconfirmed ? ", date unconfirmed" : ""))")) }
            blocks.append(.bullet(line))
        }
        for t in kb.treaties.map(\.id) where !kb.trackedTreaties.contains(t) {
            blocks.append(.bullet([.strong(treatyName(t) + ": "), .text("not tracked in this base: no signature, ratification or entry-into-force dates are recorded for it")]))
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
            line.append(cite(e.sources))
            blocks.append(.bullet(line))
        }
        statements(c)
        if let p = c.profile {
            heading("Council of Europe country profile")
            blocks.append(.paragraph([.text("A cybercrime legislation profile was published in \(p.date.long)."), cite(p.sources)]))
        }
        if !c.facts.isEmpty {
            heading("Legislation and capacity")
            for f in c.facts { blocks.append(.bullet(spans(f.text) + [cite(f.sources)])) }
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
                                             + names(parties) + "." + undecided(t.id))]))
            let invited = kb.invited(to: t.id, at: date)
            if !invited.isEmpty {
                blocks.append(.paragraph([.text("\(invited.count) more invited to accede, not yet signatories or Parties: " + names(invited) + ".")]))
            }
        }
        publishedCounts(t)
        linkList("See also", t.links)
        linkList("Mentioned by", others(t.id, excluding: [.article, .country], except: t.links))
        return Sanitizer.clean(([t.aliases.first].compactMap { $0 } + facts).joined(separator: " · "))
    }

    /// Each figure a source published beside what this base counts on that day, so a reader sees
    /// where the base agrees with the record and where it is known to fall short.
    private mutating func publishedCounts(_ t: Treaty) {
        guard !t.publishedCounts.isEmpty else { return }
        heading("Published numbers of Parties")
        for c in t.publishedCounts {
            let counted = kb.parties(of: t.id, at: c.date).count, undecided = kb.undecidedParties(of: t.id, at: c.date).count
            let said = c.note.map { " (" + Sanitizer.clean($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) + ")" } ?? ""
            var line: [Page.Span] = [.strong("\(c.date.long): \(c.parties) published"), .text(said)]
            let base = counted == c.parties && undecided == 0 ? "this base counts the same"
                : "this base counts \(counted)" + (undecided > 0 ? " and \(undecided) whose deposit date is not known exactly" : "")
            line.append(.text("; \(base)."))
            if let n = c.signatories {
                let mine = kb.signedOnly(t.id, at: c.date).count
                line.append(.text(" Signatories not yet Parties: \(n) published, \(mine == n ? "the same here" : "\(mine) here")."))
            }
            if let n = c.invited {
                let mine = kb.invited(to: t.id, at: c.date).count
                line.append(.text(" Invited to accede: \(n) published, \(mine == n ? "the same here" : "\(mine) recorded here")."))
            }
            if let gap = c.gap { line.append(.text(" ")); line += spans(gap) }
            line.append(cite(c.sources))
            blocks.append(.bullet(line))
        }
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
