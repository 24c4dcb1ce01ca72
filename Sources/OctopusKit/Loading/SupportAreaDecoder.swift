/// The support areas and their indicators: read and checked like every record, so a misspelt test,
/// a treaty that does not exist or an article of another treaty fails validation with its place.
extension KnowledgeBaseDecoder {
    private enum TestKind: String, CaseIterable { case party, signed, statement, profile }

    mutating func decodeSupportAreas(_ r: NodeReader, articles: [Article]) -> [SupportArea] {
        var seen: [String: Int] = [:]
        let treatyOfArticle = Dictionary(articles.map { ($0.id, $0.treaty) }, uniquingKeysWith: { a, _ in a })
        return r.array("supportAreas") { n, p in
            guard
                let a = NodeReader(
                    n, path: p, sink: sink, fields: ["id", "title", "short", "summary", "indicators", "notRecorded", "sources"])
            else { return nil }
            let id = a.string("id")
            if let id, let problem = Self.slug(3)(id) { sink.report(a.position("id"), p.appending("id"), problem) }
            if let id, let line = seen[id] { sink.report(a.position("id"), p.appending("id"), "support area \"\(id)\" is already defined at line \(line)") }
            if let id { seen[id] = seen[id] ?? a.position("id").line }
            let title = a.string("title"), short = a.string("short"), summary = text(a, "summary")
            if let short, short.count > 6 {
                sink.report(a.position("short"), p.appending("short"), "a column heading of at most 6 characters, found \(short.count)")
            }
            var indicatorIDs = Set<String>()
            let indicators: [Indicator] = a.array("indicators") { n, p in
                decodeIndicator(n, p, ids: &indicatorIDs, treatyOfArticle: treatyOfArticle)
            }
            let notRecorded = a.string("notRecorded", required: false)
            let counting = indicators.contains { $0.counts != .neither }
            if !counting, notRecorded == nil {
                sink.report(
                    n.position, p.appending("notRecorded"), "an area with no indicator that counts must say in \"notRecorded\" why the base cannot read it")
            }
            if counting, notRecorded != nil {
                sink.report(a.position("notRecorded"), p.appending("notRecorded"), "an area with indicators that count is recorded; drop \"notRecorded\"")
            }
            let sources = a.sources()
            guard let id, Self.slug(3)(id) == nil, let title, let short, short.count <= 6, let summary, !sources.isEmpty else { return nil }
            return SupportArea(id: id, title: title, short: short, summary: summary, indicators: indicators, notRecorded: notRecorded, sources: sources)
        }
    }

    private mutating func decodeIndicator(_ n: JSONNode, _ p: JSONPath, ids: inout Set<String>, treatyOfArticle: [String: String]) -> Indicator? {
        guard let i = NodeReader(n, path: p, sink: sink, fields: ["id", "label", "meaning", "test", "counts", "sources"]) else { return nil }
        let id = i.string("id")
        if let id, !ids.insert(id).inserted { sink.report(i.position("id"), p.appending("id"), "indicator \"\(id)\" appears twice in this area") }
        let label = i.string("label"), meaning = text(i, "meaning")
        let counts = choice(i, "counts", Indicator.Counts.self, p)
        let sources = i.sources(required: false)
        var test: Indicator.Test?
        if let tn = i.node("test"),
            let t = NodeReader(tn, path: p.appending("test"), sink: sink, fields: ["kind", "treaty", "articles", "statementKind", "absenceKnown"])
        {
            let tp = p.appending("test")
            let kind = choice(t, "kind", TestKind.self, tp)
            let needsTreaty = kind != nil && kind != .profile
            let treaty = needsTreaty ? treatyLink(t, tp) : nil
            if kind == .profile, t.has("treaty") { sink.report(t.position("treaty"), tp.appending("treaty"), "a profile test reads no treaty") }
            if kind != .statement, kind != nil, t.has("articles") || t.has("statementKind") || t.has("absenceKnown") {
                sink.report(tn.position, tp, "\"articles\", \"statementKind\" and \"absenceKnown\" belong to a statement test")
            }
            switch kind {
            case .party?: test = treaty.map { .party(treaty: $0) }
            case .signed?: test = treaty.map { .signed(treaty: $0) }
            case .profile?: test = .profile
            case .statement?:
                let articles = readLinks(t, "articles", expected: [.article])
                if articles.isEmpty { sink.report(tn.position, tp.appending("articles"), "list the articles whose reservations or declarations it reads") }
                for a in articles {
                    if let other = treatyOfArticle[a], let treaty, other != treaty {
                        sink.report(t.position("articles"), tp.appending("articles"), "\"\(a)\" is an article of \(other), not of \(treaty)")
                    }
                }
                let statementKind = t.has("statementKind") ? choice(t, "statementKind", Statement.Kind.self, tp) : nil
                let absenceKnown = t.bool("absenceKnown", default: true)
                if let treaty, !articles.isEmpty { test = .statement(treaty: treaty, articles: articles, kind: statementKind, absenceKnown: absenceKnown) }
            case nil: break
            }
        } else if !i.has("test") {
            sink.report(n.position, p.appending("test"), "required field \"test\" is missing")
        }
        guard let id, let label, let meaning, let counts, let test else { return nil }
        return Indicator(id: id, label: label, meaning: meaning, test: test, counts: counts, sources: sources)
    }
}
