/// Every distinct folded word of the base, sorted by UTF-8 bytes, so that all words starting with
/// what is being typed form one contiguous run of ids found by two binary searches.
struct TermDictionary: Sendable {
    /// Sorted; a term's id is its index.
    let terms: [String]
    /// UTF-8 length of each term, for weighting prefix completions by how much is still missing.
    let lengths: [UInt16]
    private let ids: [String: Int32]

    /// Sorts `words` (which must be unique) into a dictionary, and returns for each input position
    /// the id the word received, so ids handed out while reading can be renumbered.
    static func sorting(_ words: [String]) -> (dictionary: TermDictionary, newIDs: [Int32]) {
        let order = words.indices.sorted { words[$0].utf8.lexicographicallyPrecedes(words[$1].utf8) }
        var newIDs = [Int32](repeating: 0, count: words.count)
        for (newID, old) in order.enumerated() { newIDs[old] = Int32(newID) }
        return (TermDictionary(sorted: order.map { words[$0] }), newIDs)
    }

    init(sorted terms: [String]) {
        self.terms = terms
        lengths = terms.map { UInt16(clamping: $0.utf8.count) }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { ids[t] = Int32(i) }
        self.ids = ids
    }

    var count: Int { terms.count }

    func id(_ term: String) -> Int32? { ids[term] }

    /// Ids of all terms that start with `prefix` (the prefix itself included).
    func prefixRange(_ prefix: String) -> Range<Int32> {
        guard !prefix.isEmpty else { return 0..<0 }
        // First term not below the prefix…
        var lo = 0, hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { lo = mid + 1 } else { hi = mid }
        }
        let first = lo
        // …then the end of the run of terms that start with it.
        hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid].utf8.starts(with: prefix.utf8) { lo = mid + 1 } else { hi = mid }
        }
        return Int32(first)..<Int32(lo)
    }
}
