import FoundationEssentials
import Glibc

/// Builds the search structures from a knowledge base, once: folds every passage, numbers the
/// words, and precomputes BM25F scores for each word and synonym group in each record.
struct IndexBuilder {
    private(set) var documents: [SearchDocument] = []
    private(set) var store = PassageStore()
    private var tokenizer = Tokenizer()
    /// Words in order of first appearance while reading; renumbered in sorted order afterwards.
    private var words: [String] = []
    private var wordIDs: [String: Int32] = [:]
    /// Words per field per document (primary words only), `fieldLengths[doc * fields + field]`.
    private var fieldLengths: [Float] = []

    private static let fieldCount = SearchField.allCases.count

    struct Result {
        var documents: [SearchDocument]
        var store: PassageStore
        var dictionary: TermDictionary
        var termPostings: PostingLists
        var groupPostings: PostingLists
    }

    static func build(_ kb: KnowledgeBase, synonyms: SynonymGroups) -> Result {
        var b = IndexBuilder()
        for record in kb.allRecords { b.read(record, kb: kb) }
        let (dictionary, newIDs) = TermDictionary.sorting(b.words)
        b.renumber(newIDs)
        let bm25 = b.scorer()
        return Result(
            documents: b.documents, store: b.store, dictionary: dictionary,
            termPostings: b.termPostings(termCount: dictionary.count, bm25: bm25),
            groupPostings: b.groupPostings(synonyms, dictionary: dictionary, bm25: bm25))
    }

    /// Static prior from the link graph: a record many others link to is central to the base
    /// (Article 16 is cited more than Article 17), and wins a near tie on text alone. Logarithmic
    /// and small, so it only reorders records whose text scores are close.
    static func prior(linkedFrom count: Int) -> Float {
        1 + 0.1 * log(1 + Float(count))
    }

    // MARK: Reading

    private mutating func id(_ word: String) -> Int32 {
        if let id = wordIDs[word] { return id }
        let id = Int32(words.count)
        words.append(word)
        wordIDs[word] = id
        return id
    }

    private mutating func read(_ record: Record, kb: KnowledgeBase) {
        let doc = documents.count
        let firstPassage = Int32(store.passageCount)
        fieldLengths.append(contentsOf: repeatElement(0, count: IndexBuilder.fieldCount))
        // A name given twice (title and short title, "Turkiye" and "Türkiye", an id that is also
        // the title) counts once, in the first and strongest field it appears in.
        var names = Set<[String]>(), prose = Set<String>()
        for (field, text) in record.searchPassages(in: kb) {
            let tokens = tokenizer.tokens(in: text)
            let fresh = field == .body ? prose.insert(text).inserted : names.insert(tokens.map(\.word)).inserted
            guard fresh else { continue }
            for token in tokens {
                if !token.parts.isEmpty {
                    store.parts[Int32(store.terms.count)] = token.parts.map { id($0) }
                }
                store.terms.append(id(token.word))
                store.starts.append(token.start)
                store.ends.append(token.end)
                store.hasParts.append(!token.parts.isEmpty)
                fieldLengths[doc * IndexBuilder.fieldCount + Int(field.rawValue)] += 1
            }
            store.texts.append(text)
            store.fields.append(field)
            store.tokenStart.append(Int32(store.terms.count))
        }
        documents.append(
            SearchDocument(
                id: record.id, kind: record.kind, title: Sanitizer.clean(record.title),
                passages: firstPassage..<Int32(store.passageCount)))
    }

    private mutating func renumber(_ newIDs: [Int32]) {
        for i in store.terms.indices { store.terms[i] = newIDs[Int(store.terms[i])] }
        store.parts = store.parts.mapValues { $0.map { newIDs[Int($0)] } }
    }

    private func scorer() -> BM25F {
        let n = IndexBuilder.fieldCount
        var average = [Float](repeating: 0, count: n)
        for f in 0..<n {
            var total: Float = 0, having: Float = 0
            for d in documents.indices where fieldLengths[d * n + f] > 0 {
                total += fieldLengths[d * n + f]; having += 1
            }
            average[f] = having > 0 ? total / having : 1
        }
        return BM25F(averageLength: average, documentCount: documents.count)
    }

    private func lengths(_ doc: Int) -> ArraySlice<Float> {
        fieldLengths[doc * IndexBuilder.fieldCount..<(doc + 1) * IndexBuilder.fieldCount]
    }

    // MARK: Postings

    /// Field frequencies are counted per document in one dense array (term × field), cleared
    /// through the list of terms touched, so each document costs only its own length.
    private func termPostings(termCount: Int, bm25: BM25F) -> PostingLists {
        let n = IndexBuilder.fieldCount
        var tf = [Float](repeating: 0, count: termCount * n)
        var lastDoc = [Int32](repeating: -1, count: termCount)
        var touched: [Int32] = []
        var lists = [[(doc: Int32, tf: Float)]](repeating: [], count: termCount)
        for (doc, document) in documents.enumerated() {
            func count(_ term: Int32, _ field: Int) {
                if lastDoc[Int(term)] != Int32(doc) { lastDoc[Int(term)] = Int32(doc); touched.append(term) }
                tf[Int(term) * n + field] += 1
            }
            for p in document.passages {
                let field = Int(store.fields[Int(p)].rawValue)
                for t in store.tokens(of: Int(p)) {
                    count(store.terms[t], field)
                    if store.hasParts[t] { for part in store.parts[Int32(t)] ?? [] { count(part, field) } }
                }
            }
            for term in touched {
                let slot = Int(term) * n
                lists[Int(term)].append((Int32(doc), bm25.pseudoFrequency(tf[slot..<slot + n], lengths: lengths(doc))))
                for f in 0..<n { tf[slot + f] = 0 }
            }
            touched.removeAll(keepingCapacity: true)
        }
        var postings = PostingLists()
        for list in lists {
            postings.append(list.map { ($0.doc, bm25.score(pseudoFrequency: $0.tf, documentFrequency: list.count)) })
        }
        return postings
    }

    /// One posting list per synonym group: occurrences of all its members counted together, so a
    /// record that says "mutual assistance" in its title and "MLA" in its text is scored as a
    /// record that talks about one thing, not two.
    private func groupPostings(_ synonyms: SynonymGroups, dictionary: TermDictionary, bm25: BM25F) -> PostingLists {
        let n = IndexBuilder.fieldCount
        // Member patterns filed under their first word's term id (dense: one probe per token).
        var patterns: [[(group: Int, pattern: [WordMatcher])]] = []
        var byFirstWord = [Int32](repeating: -1, count: dictionary.count)
        for (g, members) in synonyms.members.enumerated() {
            for words in members {
                let ids = words.compactMap(dictionary.id)
                guard ids.count == words.count, let first = ids.first else { continue }
                if byFirstWord[Int(first)] < 0 { byFirstWord[Int(first)] = Int32(patterns.count); patterns.append([]) }
                patterns[Int(byFirstWord[Int(first)])].append((g, ids.map { WordMatcher(ranges: [$0..<$0 + 1]) }))
            }
        }
        var lists = [[(doc: Int32, tf: Float)]](repeating: [], count: synonyms.members.count)
        var tf = [Float](repeating: 0, count: synonyms.members.count * n)
        var touched = Set<Int>()
        for (doc, document) in documents.enumerated() {
            for p in document.passages {
                let field = Int(store.fields[Int(p)].rawValue)
                let tokens = store.tokens(of: Int(p))
                for t in tokens {
                    var counted: [Int] = []  // one count per group per position
                    func members(startingWith first: Int32) {
                        let list = byFirstWord[Int(first)]
                        guard list >= 0 else { return }
                        for (g, pattern) in patterns[Int(list)] where !counted.contains(g) {
                            guard store.match(pattern, at: t, end: tokens.upperBound) != nil else { continue }
                            counted.append(g); touched.insert(g)
                            tf[g * n + field] += 1
                        }
                    }
                    members(startingWith: store.terms[t])
                    if store.hasParts[t], let first = store.parts[Int32(t)]?.first { members(startingWith: first) }
                }
            }
            for g in touched.sorted() {
                lists[g].append((Int32(doc), bm25.pseudoFrequency(tf[g * n..<(g + 1) * n], lengths: lengths(doc))))
                for f in 0..<n { tf[g * n + f] = 0 }
            }
            touched.removeAll(keepingCapacity: true)
        }
        var postings = PostingLists()
        for list in lists {
            postings.append(list.map { ($0.doc, bm25.score(pseudoFrequency: $0.tf, documentFrequency: list.count)) })
        }
        return postings
    }
}
