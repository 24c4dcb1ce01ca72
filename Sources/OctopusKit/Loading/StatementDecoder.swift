/// The parts of a country record about what it said and what it was called: its reservations and
/// declarations, its former names, and the union it was part of.
extension KnowledgeBaseDecoder {
    /// `events` are the State's treaty events: a statement made with the instrument takes the
    /// deposit's date from them unless it gives its own, which must then agree.
    mutating func decodeStatements(_ r: NodeReader, _ p: JSONPath, events: [TreatyEvent]) -> [Statement] {
        let list: [Statement] = r.array("statements") { sn, sp in
            guard
                let s = NodeReader(
                    sn, path: sp, sink: sink,
                    fields: [
                        "treaty", "kind", "provision", "articles", "made", "date", "withdrawn", "summary", "sources", "note",
                    ])
            else { return nil }
            let treaty = treatyLink(s, sp)
            let kind = choice(s, "kind", Statement.Kind.self, sp)
            let made = choice(s, "made", Statement.Occasion.self, sp)
            let provision = s.string("provision")
            let articles = readLinks(s, "articles", expected: [.article])
            if s.has("articles"), articles.isEmpty { sink.report(s.position("articles"), sp.appending("articles"), "list the articles the statement concerns") }
            let date = s.has("date") ? s.day("date") : nil
            let withdrawn = s.has("withdrawn") ? s.day("withdrawn") : nil
            let summary = text(s, "summary"), note = s.string("note", required: false)
            let sources = s.sources()
            let instrument = made == .deposit ? treaty.flatMap(events.deposit(of:)) : nil
            if !s.has("date"), note == nil, instrument == nil {
                sink.report(
                    sn.position, sp.appending("date"),
                    "give the \"date\" it was made, or a \"note\" saying what is known of it (one made with the instrument takes the deposit's date once the State's ratification or accession is recorded)"
                )
            }
            if let date, let day = instrument?.date.day, day != date {
                sink.report(
                    s.position("date"), sp.appending("date"),
                    "made with the instrument on \(date), but the deposit is recorded on \(day); leave \"date\" out to take the deposit's")
            }
            if let date, let withdrawn, withdrawn < date {
                sink.report(s.position("withdrawn"), sp.appending("withdrawn"), "withdrawn on \(withdrawn), before it was made on \(date)")
            }
            guard let treaty, let kind, let made, let provision, !articles.isEmpty, let summary, !sources.isEmpty else { return nil }
            return Statement(
                treaty: treaty, kind: kind, provision: provision, articles: articles, made: made, date: date,
                withdrawn: withdrawn, summary: summary, sources: sources, note: note)
        }
        // In the order they were made, those made with the instrument at its deposit's first day;
        // undated ones last ("9999" sorts after every ISO day).
        func key(_ s: Statement) -> (String, String) {
            (s.treaty, (s.date ?? (s.made == .deposit ? events.deposit(of: s.treaty)?.date.sortKey : nil))?.description ?? "9999")
        }
        return list.sorted { key($0) < key($1) }
    }

    mutating func decodeFormerNames(_ r: NodeReader) -> [FormerName] {
        r.array("formerNames") { fn, fp in
            guard let f = NodeReader(fn, path: fp, sink: sink, fields: ["name", "before", "sources"]) else { return nil }
            let name = f.string("name"), before = f.day("before"), sources = f.sources()
            guard let name, let before, !sources.isEmpty else { return nil }
            return FormerName(name: name, before: before, sources: sources)
        }
    }

    mutating func decodePartOf(_ r: NodeReader, _ p: JSONPath) -> UnionMembership? {
        guard let n = r.node("partOf"), let u = NodeReader(n, path: p.appending("partOf"), sink: sink, fields: ["state", "name", "before", "sources"]) else {
            return nil
        }
        let state = u.string("state"), name = u.string("name"), before = u.day("before")
        let sources = u.sources()
        if let state {
            references.append(Reference(target: state, position: u.position("state"), field: p.appending("partOf").appending("state"), expected: [.country]))
        }
        guard let state, let name, let before, !sources.isEmpty else { return nil }
        return UnionMembership(state: state, name: name, before: before, sources: sources)
    }

    mutating func decodePublishedCounts(_ r: NodeReader) -> [PublishedCount] {
        r.array("publishedCounts") { cn, cp in
            guard let c = NodeReader(cn, path: cp, sink: sink, fields: ["date", "parties", "signatories", "invited", "sources", "note", "gap"]) else {
                return nil
            }
            let date = c.day("date"), parties = c.int("parties", range: 0...1_000)
            let signatories = c.has("signatories") ? c.int("signatories", range: 0...1_000) : nil
            let invited = c.has("invited") ? c.int("invited", range: 0...1_000) : nil
            let sources = c.sources()
            let note = c.string("note", required: false), gap = c.string("gap", required: false)
            guard let date, let parties, !sources.isEmpty else { return nil }
            return PublishedCount(date: date, parties: parties, signatories: signatories, invited: invited, sources: sources, note: note, gap: gap)
        }
    }

    /// A string field that must be one of an enum's raw values; says which when it is not.
    func choice<E: RawRepresentable & CaseIterable>(_ r: NodeReader, _ key: String, _: E.Type, _ p: JSONPath) -> E? where E.RawValue == String {
        guard let text = r.string(key) else { return nil }
        guard let value = E(rawValue: text) else {
            sink.report(r.position(key), p.appending(key), "unknown \(key) \"\(text)\"; use one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}
