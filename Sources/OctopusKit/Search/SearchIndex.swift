/// Full-text search over a knowledge base, built once and then answering each keystroke:
/// folded words (case, accents, apostrophes), all words required, the last one completed as it is
/// typed, one typo forgiven in longer words, quoted phrases, synonyms, `type:` filters, and an
/// address typed as a query ("art 29", "PT", "Turquie") ranked first.
///
/// Everything that depends only on the base — folded tokens, BM25F scores per word and record,
/// the sorted word list for completion, the typo index — is computed in `init`, so a query only
/// looks words up and adds precomputed numbers.
public struct SearchIndex: Sendable {
    let documents: [SearchDocument]
    let store: PassageStore
    let dictionary: TermDictionary
    let termPostings: PostingLists
    let groupPostings: PostingLists
    let typos: TypoIndex
    let synonyms: SynonymGroups
    let addresses: AddressMatcher
    /// Per record, a mild boost for how many other records link to it (see `IndexBuilder.prior`).
    let prior: [Float]
    private let documentByID: [String: Int32]

    /// An index from its parts (what a compiled index holds).
    init(
        documents: [SearchDocument], store: PassageStore, dictionary: TermDictionary, termPostings: PostingLists,
        groupPostings: PostingLists, typos: TypoIndex, synonyms: SynonymGroups, addresses: AddressMatcher, prior: [Float]
    ) {
        self.documents = documents; self.store = store; self.dictionary = dictionary; self.termPostings = termPostings
        self.groupPostings = groupPostings; self.typos = typos; self.synonyms = synonyms; self.addresses = addresses; self.prior = prior
        var byID: [String: Int32] = [:]
        for (i, d) in documents.enumerated() { byID[d.id] = Int32(i) }
        documentByID = byID
    }

    public init(_ kb: KnowledgeBase) {
        synonyms = SynonymGroups(kb.synonyms)
        let built = IndexBuilder.build(kb, synonyms: synonyms)
        documents = built.documents
        store = built.store
        dictionary = built.dictionary
        termPostings = built.termPostings
        groupPostings = built.groupPostings
        typos = TypoIndex(built.dictionary)
        addresses = AddressMatcher(kb)
        prior = built.documents.map { IndexBuilder.prior(linkedFrom: kb.backlinks[$0.id]?.count ?? 0) }
        var byID: [String: Int32] = [:]
        for (i, d) in built.documents.enumerated() { byID[d.id] = Int32(i) }
        documentByID = byID
    }

    /// Number of records indexed.
    public var recordCount: Int { documents.count }

    /// Number of distinct folded words indexed.
    public var vocabularySize: Int { dictionary.count }

    /// Hits for `query`, best first. An empty query, or one that matches nothing, gives none;
    /// a query of `type:` filters alone lists the records of those kinds in knowledge-base order.
    /// How many words or phrases of a query go unsearched (past the first `Query.maxParts`).
    public static let maxWords = Query.maxParts
    public static func ignoredWords(in query: String) -> Int { Query.parse(query).ignoredParts }

    public func search(_ query: String, limit: Int = 50) -> [SearchHit] {
        guard limit > 0 else { return [] }
        let q = Query.parse(query)
        guard !q.unknownKind else { return [] }
        if q.isEmpty {
            guard !q.kinds.isEmpty else { return [] }
            let plan = QueryPlan(q, index: self)
            let highlighter = Highlighter(plan, termCount: dictionary.count)
            return documents.indices.lazy.filter { q.kinds.contains(self.documents[$0].kind) }.prefix(limit).map {
                hit(RankedDocument(doc: Int32($0), score: 0, typos: 0, completions: 0, isAddress: false), plan: plan, highlighter: highlighter)
            }
        }
        let plan = QueryPlan(q, index: self)
        // A phrase in quotes asks for words, not for a record by name.
        let hasPhrase = q.parts.contains { if case .phrase = $0 { true } else { false } }
        let address = hasPhrase ? nil : addresses.record(for: q.addressText).flatMap { documentByID[$0] }
        let highlighter = Highlighter(plan, termCount: dictionary.count)
        return rank(plan, kinds: q.kinds, address: address, limit: limit).map { hit($0, plan: plan, highlighter: highlighter) }
    }

    /// Corrected queries for one that found nothing: unknown words replaced by the nearest indexed
    /// words ("interseptoin" → "interception"), keeping only corrections that find something.
    /// For "did you mean" after a failed search; it compares against every word, so not per keystroke.
    public func suggestions(for query: String, limit: Int = 3) -> [String] {
        let filters = query.split(whereSeparator: \.isWhitespace).filter { $0.lowercased().hasPrefix("type:") }
        let words = Folding.words(
            query.split(whereSeparator: \.isWhitespace).prefix(Query.maxParts * 2)
                .filter { !$0.lowercased().hasPrefix("type:") }.joined(separator: " ")
        ).prefix(Query.maxParts)
        let nearest = words.map { dictionary.id($0) == nil ? Suggestions.nearest(to: $0, in: dictionary.terms, limit: limit) : [$0] }
        guard words.contains(where: { dictionary.id($0) == nil }), !nearest.contains(where: \.isEmpty) else { return [] }
        var out: [String] = []
        for k in 0..<limit {
            let corrected = nearest.map { $0[min(k, $0.count - 1)] }.joined(separator: " ")
            guard !out.contains(corrected), corrected != words.joined(separator: " ") else { continue }
            if !search(([corrected] + filters.map(String.init)).joined(separator: " ") + " ", limit: 1).isEmpty { out.append(corrected) }
        }
        return out
    }

    private func hit(_ r: RankedDocument, plan: QueryPlan, highlighter: Highlighter) -> SearchHit {
        let d = documents[Int(r.doc)]
        return SearchHit(
            id: d.id, kind: d.kind, title: d.title, score: Double(r.score),
            snippet: snippet(for: r.doc, plan: plan, highlighter: highlighter))
    }
}
