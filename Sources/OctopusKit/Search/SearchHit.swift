/// One search result: which record, how well it matched, and the passage that shows why.
public struct SearchHit: Sendable, Hashable {
    public var id: String
    public var kind: RecordKind
    public var title: String
    /// BM25F relevance; only comparable between hits of the same query.
    public var score: Double
    public var snippet: Snippet

    public init(id: String, kind: RecordKind, title: String, score: Double, snippet: Snippet) {
        self.id = id; self.kind = kind; self.title = title; self.score = score; self.snippet = snippet
    }
}
