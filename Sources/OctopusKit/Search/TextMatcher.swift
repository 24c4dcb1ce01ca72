/// Search's notion of a match, for text outside the index: a record's page as it is laid out on
/// screen. The query is compiled as search compiles it (synonym groups, the word being typed
/// completed, a typo forgiven) and the text scanned by the same `Highlighter`, so `n` on a page
/// stops at the words search matched, and nothing else is a second idea of what matches.
public struct TextMatcher: Sendable {
    private let plan: QueryPlan
    private let dictionary: TermDictionary

    init(query: String, index: SearchIndex) {
        plan = QueryPlan(Query.parse(query), index: index)
        dictionary = index.dictionary
    }

    /// Matches in a text given in pieces in reading order (the runs of a laid-out page), each as
    /// the range of pieces it covers: a phrase or a synonym such as "mutual legal assistance" spans
    /// the pieces of its words, and may go on across a line break.
    public func matches(in pieces: [String]) -> [Range<Int>] {
        var tokenizer = Tokenizer()
        var store = PassageStore()
        var pieceOfToken: [Int] = []
        // A word the base never uses has no term id: it gets the one past the last, which no
        // query word accepts (the highlighter is sized for it).
        let unknown = Int32(dictionary.count)
        for (i, piece) in pieces.enumerated() {
            for token in tokenizer.tokens(in: piece) {
                if !token.parts.isEmpty {
                    store.parts[Int32(store.terms.count)] = token.parts.map { dictionary.id($0) ?? unknown }
                }
                store.terms.append(dictionary.id(token.word) ?? unknown)
                store.starts.append(token.start)
                store.ends.append(token.end)
                store.hasParts.append(!token.parts.isEmpty)
                pieceOfToken.append(i)
            }
        }
        store.texts.append("")
        store.fields.append(.body)
        store.tokenStart.append(Int32(store.terms.count))
        let highlighter = Highlighter(plan, termCount: dictionary.count + 1)
        let found = highlighter.recordMatches(in: [0], store: store, plan: plan, termCount: dictionary.count + 1)[0]
        return found.map { pieceOfToken[$0.first]..<pieceOfToken[$0.first + $0.count - 1] + 1 }
    }
}

extension SearchIndex {
    /// The matcher for `query`, to find in any text what this index's search matches.
    public func matcher(for query: String) -> TextMatcher { TextMatcher(query: query, index: self) }
}
