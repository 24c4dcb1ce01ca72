/// The search index compiled beside a base's image, so that a search opens it instead of folding
/// and scoring every passage of the base again: its numbers as columns copied back whole, its
/// words and names as strings, the passages' texts read only for the hits shown. It names the
/// JSON it was made from, and is used only with the base compiled from that same JSON.
///
/// Layout: the frame (`ImageFrame`, magic "OCTOIX1\n"), where the string table starts, the index's
/// parts in order, the string table.
public enum SearchIndexImage {
    /// Raised whenever the index's parts or their layout change.
    public static let formatVersion: UInt32 = 2
    static let frame = ImageFrame(magic: Array("OCTOIX1\n".utf8), version: formatVersion)

    public static func encode(_ index: SearchIndex, sourceHash: UInt64) -> [UInt8] {
        var w = ImageWriter()
        w.append([UInt8](repeating: 0, count: ImageFrame.headerSize))
        let tableAt = w.bytes.count
        w.u32(0)

        let kinds = RecordKind.allCases
        w.array(index.documents) { w, d in
            w.string(d.id); w.int(kinds.firstIndex(of: d.kind)!); w.string(d.title); w.int(Int(d.passages.lowerBound)); w.int(Int(d.passages.upperBound))
        }
        let store = index.store
        let texts = store.texts.all.map { Int32(w.intern($0)) }
        w.column(texts)
        w.column(store.fields.map(\.rawValue))
        w.column(store.tokenStart); w.column(store.terms); w.column(store.starts); w.column(store.ends)
        w.column(store.hasParts.map { UInt8($0 ? 1 : 0) })
        let parts = store.parts.sorted { $0.key < $1.key }
        w.column(parts.map(\.key)); w.column(parts.map { Int32($0.value.count) }); w.column(parts.flatMap(\.value))

        w.strings(index.dictionary.terms)
        for postings in [index.termPostings, index.groupPostings] {
            w.column(postings.starts); w.column(postings.docs); w.column(postings.scores)
        }
        w.column(index.typos.keys); w.column(index.typos.terms)
        w.column(index.prior)

        let resolver = index.addresses.resolver
        w.array(resolver.ids.sorted { $0.key < $1.key }) { w, p in
            w.string(p.key); w.string(p.value)
        }
        w.array(resolver.names.sorted { $0.key < $1.key }) { w, p in
            w.string(p.key); w.string(p.value)
        }
        w.array(resolver.nameList) { w, p in
            w.string(p.folded); w.string(p.id)
        }
        w.strings(resolver.topics.sorted())
        w.array(index.addresses.ids.sorted { $0.key < $1.key }) { w, p in
            w.string(p.key); w.string(p.value)
        }
        w.array(index.addresses.speakable.sorted { $0.key < $1.key }) { w, p in
            w.string(String(p.key)); w.strings(p.value.sorted().map(String.init))
        }

        w.patch32(at: tableAt, w.bytes.count)
        w.append(w.stringTable())
        return frame.seal(w.bytes, sourceHash: sourceHash)
    }

    /// The hash of the JSON an index was made from (nil: not an index of this format).
    public static func sourceHash(of bytes: [UInt8]) -> UInt64? { bytes.withUnsafeBytes { frame.sourceHash(of: $0) } }

    /// Opens a compiled index for `kb`, which must come from the JSON it names. Synonyms are the
    /// base's own (a few groups).
    static func decode(_ bytes: [UInt8], for kb: KnowledgeBase, sourceHash: UInt64, file: String?) throws(ImageError) -> SearchIndex {
        try decode(ImageStorage(copying: bytes), for: kb, sourceHash: sourceHash, file: file)
    }

    static func decode(_ storage: ImageStorage, for kb: KnowledgeBase, sourceHash: UInt64, file: String?) throws(ImageError) -> SearchIndex {
        try frame.check(storage)
        guard frame.sourceHash(of: storage.raw) == sourceHash else { throw ImageError(description: "made from another knowledge base") }
        let tableAt = ImageBytes.u32(storage.raw, ImageFrame.headerSize)
        let image = try ImageBytes(storage, stringTableAt: tableAt, file: file)
        var r = try ImageReader(image, from: ImageFrame.headerSize + 4, to: tableAt)

        let kinds = RecordKind.allCases
        let documents = try r.array { r throws(ImageError) in
            let id = try r.string(), kind = try r.int(), title = try r.string(), low = try r.int(), high = try r.int()
            guard kinds.indices.contains(kind), 0 <= low, low <= high else { throw ImageError(description: "a search document out of shape") }
            return SearchDocument(id: id, kind: kinds[kind], title: title, passages: Int32(low)..<Int32(high))
        }
        var store = PassageStore()
        store.texts = PassageTexts(image: image, strings: try r.column(Int32.self))
        store.fields = try r.column(UInt8.self).map { v throws(ImageError) in
            guard let f = SearchField(rawValue: v) else { throw ImageError(description: "no search field \(v)") }
            return f
        }
        store.tokenStart = try r.column(Int32.self); store.terms = try r.column(Int32.self)
        store.starts = try r.column(Int32.self); store.ends = try r.column(Int32.self)
        store.hasParts = try r.column(UInt8.self).map { $0 != 0 }
        let partKeys = try r.column(Int32.self), partCounts = try r.column(Int32.self), partValues = try r.column(Int32.self)
        guard partKeys.count == partCounts.count, partCounts.reduce(0, { $0 + Int($1) }) == partValues.count, partCounts.allSatisfy({ $0 >= 0 })
        else { throw ImageError(description: "word parts out of shape") }
        var at = 0
        for (key, count) in zip(partKeys, partCounts) {
            store.parts[key] = Array(partValues[at..<(at + Int(count))])
            at += Int(count)
        }

        let dictionary = TermDictionary(sorted: try r.strings())
        func postings(_ r: inout ImageReader) throws(ImageError) -> PostingLists {
            PostingLists(starts: try r.column(Int32.self), docs: try r.column(Int32.self), scores: try r.column(Float.self))
        }
        let termPostings = try postings(&r), groupPostings = try postings(&r)
        let typos = TypoIndex(keys: try r.column(UInt64.self), terms: try r.column(Int32.self))
        let prior = try r.column(Float.self)

        func pairs(_ r: inout ImageReader) throws(ImageError) -> [(String, String)] {
            try r.array { r throws(ImageError) in (try r.string(), try r.string()) }
        }
        let ids = Dictionary(try pairs(&r), uniquingKeysWith: { a, _ in a })
        let names = Dictionary(try pairs(&r), uniquingKeysWith: { a, _ in a })
        let nameList = try pairs(&r).map { (folded: $0.0, id: $0.1) }
        let topics = Set(try r.strings())
        let matcherIDs = Dictionary(try pairs(&r), uniquingKeysWith: { a, _ in a })
        let speakable = try r.array { r throws(ImageError) in (Substring(try r.string()), Set(try r.strings().compactMap(\.first))) }
        guard r.isAtEnd else { throw ImageError(description: "bytes after the search index") }

        // Every number that indexes another column is checked once here, so that a search never
        // reads out of bounds whatever the file holds.
        let tokens = Int32(store.terms.count), passages = Int32(store.texts.count), terms = Int32(dictionary.count)
        guard store.fields.count == Int(passages), store.tokenStart.count == Int(passages) + 1,
            [store.starts.count, store.ends.count, store.hasParts.count].allSatisfy({ $0 == Int(tokens) }),
            store.tokenStart.first == 0, zip(store.tokenStart, store.tokenStart.dropFirst()).allSatisfy({ $0 <= $1 }), store.tokenStart.last == tokens,
            documents.allSatisfy({ $0.passages.upperBound <= passages }), store.terms.allSatisfy({ 0 <= $0 && $0 < terms }),
            partKeys.allSatisfy({ 0 <= $0 && $0 < tokens }), partValues.allSatisfy({ 0 <= $0 && $0 < terms }),
            typos.keys.count == typos.terms.count, typos.terms.allSatisfy({ 0 <= $0 && $0 < terms }), prior.count == documents.count,
            valid(termPostings, lists: Int(terms), documents: documents.count),
            valid(groupPostings, lists: kb.synonyms.count, documents: documents.count)
        else { throw ImageError(description: "a search index out of shape") }

        return SearchIndex(
            documents: documents, store: store, dictionary: dictionary, termPostings: termPostings, groupPostings: groupPostings,
            typos: typos, synonyms: SynonymGroups(kb.synonyms),
            addresses: AddressMatcher(
                resolver: AddressResolver(ids: ids, names: names, nameList: nameList, topics: topics), ids: matcherIDs,
                speakable: Dictionary(speakable, uniquingKeysWith: { a, _ in a })),
            prior: prior)
    }

    private static func valid(_ p: PostingLists, lists: Int, documents: Int) -> Bool {
        p.starts.count == lists + 1 && p.starts.first == 0 && p.starts.last == Int32(p.docs.count) && p.docs.count == p.scores.count
            && zip(p.starts, p.starts.dropFirst()).allSatisfy { $0 <= $1 } && p.docs.allSatisfy { 0 <= $0 && Int($0) < documents }
    }
}

/// Where a base's compiled search index is kept, when it has one: read only when a search is
/// made, and written there the first time one is built for it.
public struct CompiledSearch: Sendable {
    let sourceHash: UInt64
    let file: String?
    let read: @Sendable () -> ImageStorage?
    let store: (@Sendable ([UInt8]) -> Void)?

    public init(sourceHash: UInt64, file: String?, read: @escaping @Sendable () -> ImageStorage?, store: (@Sendable ([UInt8]) -> Void)?) {
        self.sourceHash = sourceHash; self.file = file; self.read = read; self.store = store
    }
}

extension SearchIndex {
    /// The base's search index: its compiled one when it has a sound one, else built (and kept
    /// for next time where the base says where).
    public static func load(_ kb: KnowledgeBase) -> SearchIndex {
        guard let compiled = kb.compiledSearch else { return SearchIndex(kb) }
        if let bytes = compiled.read(), let index = try? SearchIndexImage.decode(bytes, for: kb, sourceHash: compiled.sourceHash, file: compiled.file) {
            return index
        }
        let index = SearchIndex(kb)
        compiled.store?(SearchIndexImage.encode(index, sourceHash: compiled.sourceHash))
        return index
    }
}

extension SearchIndex {
    /// The address tables inside the index (the same names `:` resolves).
    public var resolver: AddressResolver { addresses.resolver }
}

extension AddressResolver {
    /// The base's address tables: from its compiled search index when it has one (building them
    /// means folding every name of the base), else built.
    public static func load(_ kb: KnowledgeBase) -> AddressResolver {
        kb.compiledSearch == nil ? AddressResolver(kb) : SearchIndex.load(kb).resolver
    }
}
