/// Finds the terms one edit away from a word (Damerau: insertion, deletion, substitution or
/// transposition) without comparing against every term: each term is filed under hashes of itself
/// and of each one-letter deletion of it; two words one edit apart always share such a key.
/// Candidates are then confirmed with `Suggestions.distance`, so hash collisions do no harm.
struct TypoIndex: Sendable {
    /// Words shorter than this get no typo tolerance: in short words one edit changes the word.
    static let minimumWordLength = 5

    let keys: [UInt64]  // sorted
    let terms: [Int32]  // parallel to keys

    init(keys: [UInt64], terms: [Int32]) { self.keys = keys; self.terms = terms }

    init(_ dictionary: TermDictionary) {
        var pairs: [(UInt64, Int32)] = []
        // A term one edit from a word of 5+ letters has at least 4.
        let shortest = TypoIndex.minimumWordLength - 1
        for (i, term) in dictionary.terms.enumerated() {
            let scalars = Array(term.unicodeScalars)
            guard scalars.count >= shortest else { continue }
            for key in TypoIndex.keys(scalars) { pairs.append((key, Int32(i))) }
        }
        pairs.sort { $0.0 < $1.0 }
        keys = pairs.map(\.0)
        terms = pairs.map(\.1)
    }

    /// Ids of terms exactly one edit away from `word` (not `word` itself).
    func neighbours(of word: String, in dictionary: TermDictionary) -> [Int32] {
        guard word.count >= TypoIndex.minimumWordLength else { return [] }
        let scalars = Array(word.unicodeScalars)
        var candidates = Set<Int32>()
        for key in TypoIndex.keys(scalars) {
            var i = lowerBound(key)
            while i < keys.count, keys[i] == key { candidates.insert(terms[i]); i += 1 }
        }
        let chars = Array(word)
        return candidates.filter {
            Suggestions.distance(chars, Array(dictionary.terms[Int($0)]), limit: 1) == 1
        }.sorted()
    }

    private func lowerBound(_ key: UInt64) -> Int {
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Hash of the word and of each of its one-letter deletions (FNV-1a over scalar values).
    private static func keys(_ s: [Unicode.Scalar]) -> [UInt64] {
        var out = [hash(s, skipping: -1)]
        var previous: Unicode.Scalar?
        for i in s.indices {
            // Deleting either letter of a double letter gives the same word: hash it once.
            if s[i] != previous { out.append(hash(s, skipping: i)) }
            previous = s[i]
        }
        return out
    }

    private static func hash(_ s: [Unicode.Scalar], skipping skip: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in s.indices where i != skip {
            h ^= UInt64(s[i].value)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }
}
