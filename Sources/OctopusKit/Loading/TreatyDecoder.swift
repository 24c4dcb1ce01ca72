/// The treaty record: what the treaty is to the base (`role`) and the articles its reservations
/// and declarations are made under, besides its titles, dates and published counts.
extension KnowledgeBaseDecoder {
    mutating func decodeTreaty(_ n: JSONNode, _ p: JSONPath) -> Treaty? {
        guard
            let r = NodeReader(
                n, path: p, sink: sink,
                fields: [
                    "id", "role", "reservationsArticle", "declarationsArticle", "title", "shortTitle", "aliases",
                    "openedForSignature", "place", "entryIntoForce", "entryIntoForceRule", "summary", "keyPoints", "links",
                    "publishedCounts", "sources", "asOf", "inferred",
                ])
        else { return nil }
        let id = register(r, kind: .treaty) { id in
            // Whole-string match: ICU's `$` would also accept a trailing line break or NEL.
            id.wholeMatch(of: /(ets|cets)[0-9]{1,3}/) != nil
                ? nil
                : "treaty id \"\(id)\" must look like ets185 or cets201"
        }
        let role = decodeRole(r, id: id)
        let reservationsArticle = governingArticle(r, "reservationsArticle", of: id)
        let declarationsArticle = governingArticle(r, "declarationsArticle", of: id)
        let title = r.string("title"), short = r.string("shortTitle")
        let aliases = r.strings("aliases")
        let opened = r.day("openedForSignature", required: false), place = r.string("place", required: false)
        let eif = r.day("entryIntoForce", required: false)
        let rule = text(r, "entryIntoForceRule", required: false)
        let summary = text(r, "summary"), keyPoints = texts(r, "keyPoints")
        let links = readLinks(r), counts = decodePublishedCounts(r)
        let prov = provenance(r)
        if let opened, let eif, eif < opened {
            sink.report(r.position("entryIntoForce"), p.appending("entryIntoForce"), "entry into force \(eif) is before opening for signature \(opened)")
        }
        guard let id, let role, let title, let short, let summary, let prov else { return nil }
        return Treaty(
            id: id, role: role, reservationsArticle: reservationsArticle, declarationsArticle: declarationsArticle,
            title: title, shortTitle: short, aliases: aliases, openedForSignature: opened, place: place,
            entryIntoForce: eif, entryIntoForceRule: rule, summary: summary, keyPoints: keyPoints,
            links: links, publishedCounts: counts.sorted { $0.date < $1.date }, provenance: prov)
    }

    /// The treaty's role. A base has at most one convention and one protocol: their articles'
    /// ids (art29, p-art3) and every "the Convention" of the pages rest on it. A second one is
    /// reported but kept, so that its articles are still checked.
    private mutating func decodeRole(_ r: NodeReader, id: String?) -> TreatyRole? {
        let choices = TreatyRole.allCases.map(\.rawValue).joined(separator: ", ")
        guard r.has("role") else {
            sink.report(r.node.position, r.path.appending("role"), "required field \"role\" is missing; use one of \(choices)")
            return nil
        }
        guard let role = choice(r, "role", TreatyRole.self, r.path), let id else { return nil }
        if role != .related {
            if let holder = roleHolders[role] {
                sink.report(
                    r.position("role"), r.path.appending("role"),
                    "\(holder.id) (line \(holder.line)) is already the \(role.rawValue); a base has one: make this one \"related\"")
            } else {
                roleHolders[role] = (id, r.position("role").line)
            }
        }
        treatyRoles[id] = role
        return role
    }

    /// An article named as governing the treaty's reservations or declarations; it must exist
    /// (checked with the links) and be the treaty's own (checked once every article is read).
    private mutating func governingArticle(_ r: NodeReader, _ key: String, of treaty: String?) -> String? {
        guard r.has(key), let article = r.string(key) else { return nil }
        let reference = Reference(target: article, position: r.position(key), field: r.path.appending(key), expected: [.article])
        references.append(reference)
        if let treaty { governingArticles.append((treaty, reference)) }
        return article
    }

    func checkGoverningArticles(_ articles: [Article]) {
        let treatyOf = Dictionary(articles.map { ($0.id, $0.treaty) }, uniquingKeysWith: { first, _ in first })
        for (treaty, reference) in governingArticles {
            // An unknown id is reported with the links.
            guard let other = treatyOf[reference.target], other != treaty else { continue }
            sink.report(reference.position, reference.path, "\"\(reference.target)\" is an article of \(other), not of \(treaty)")
        }
    }
}
