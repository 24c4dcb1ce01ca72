/// One record as search sees it.
struct SearchDocument: Sendable {
    var id: String
    var kind: RecordKind
    var title: String
    /// Its passages in the store, contiguous.
    var passages: Range<Int32>
}

/// Every passage of every record with its words already folded to term ids, kept as flat arrays
/// (one entry per word) so phrases can be checked and snippets cut without folding text again.
struct PassageStore: Sendable {
    // Per passage.
    var texts = PassageTexts()
    var fields: [SearchField] = []
    /// Passage `p` owns tokens `tokenStart[p]..<tokenStart[p + 1]`.
    var tokenStart: [Int32] = [0]

    // Per token.
    var terms: [Int32] = []
    /// UTF-8 offsets of the token in its passage text.
    var starts: [Int32] = []
    var ends: [Int32] = []
    /// True where the token is a word joined by an apostrophe; its pieces are in `parts`.
    var hasParts: [Bool] = []
    var parts: [Int32: [Int32]] = [:]

    var passageCount: Int { texts.count }

    func tokens(of passage: Int) -> Range<Int> { Int(tokenStart[passage])..<Int(tokenStart[passage + 1]) }

    /// Number of tokens matched by `pattern` starting at token `t`, or nil. A word joined by an
    /// apostrophe matches either as itself or through its pieces, so "cote d ivoire" and
    /// "côte d'ivoire" both match "Côte d'Ivoire".
    func match(_ pattern: [WordMatcher], at t: Int, end: Int) -> Int? {
        var j = 0, k = t
        while j < pattern.count {
            guard k < end else { return nil }
            if pattern[j].accepts(terms[k]) { j += 1; k += 1; continue }
            guard hasParts[k], let pieces = parts[Int32(k)] else { return nil }
            // Pieces may start mid-word only at the start of the pattern, and stop early only at its end.
            var advanced = false
            for first in 0..<(j == 0 ? pieces.count : 1) {
                var a = first, jj = j
                while a < pieces.count, jj < pattern.count, pattern[jj].accepts(pieces[a]) { a += 1; jj += 1 }
                if a > first, a == pieces.count || jj == pattern.count {
                    j = jj; k += 1; advanced = true
                    break
                }
            }
            if !advanced { return nil }
        }
        return k - t
    }
}

/// The set of terms one query word accepts, as a few ranges of term ids: an exact word or a typo
/// neighbour is a range of one, a word being typed is the range of its completions.
struct WordMatcher: Sendable, Hashable {
    var ranges: [Range<Int32>]

    func accepts(_ term: Int32) -> Bool {
        for r in ranges where r.contains(term) { return true }
        return false
    }
}

/// The text of each passage, for snippets: an array while an index is built, or the passages'
/// numbers in a compiled index's string table, each read when a hit shows it.
struct PassageTexts: Sendable {
    private enum Storage: Sendable {
        case array([String])
        case image(ImageBytes, [Int32])
    }
    private var storage = Storage.array([])

    init() {}
    init(image: ImageBytes, strings: [Int32]) { storage = .image(image, strings) }

    var count: Int {
        switch storage {
        case .array(let a): a.count
        case .image(_, let s): s.count
        }
    }

    subscript(i: Int) -> String {
        switch storage {
        case .array(let a): return a[i]
        case .image(let image, let s):
            do throws(ImageError) { return try image.string(Int(s[i])) } catch { ImageDamage.report(error, file: image.file) }
        }
    }

    mutating func append(_ text: String) {
        guard case .array(var a) = storage else { preconditionFailure("a compiled index is not added to") }
        storage = .array([])
        a.append(text)
        storage = .array(a)
    }

    /// Every text, for writing an index out.
    var all: [String] { (0..<count).map { self[$0] } }
}
