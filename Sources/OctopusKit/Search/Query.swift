/// What a person typed, taken apart: loose words, quoted phrases and `type:` filters.
struct Query: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case word(String)
        /// `open`: the closing quote has not been typed yet.
        case phrase([String], open: Bool)
    }

    /// Folded words and phrases in the order typed.
    var parts: [Part] = []
    /// Kinds the hits must have; empty means any.
    var kinds: Set<RecordKind> = []
    /// A `type:` filter named no kind: nothing can match.
    var unknownKind = false
    /// The last word is still being typed (no space after it), so it also matches as a prefix.
    var lastIsPrefix = false
    /// The loose text, filters and phrases removed: what is tried as an address ("art 29", "PT").
    var addressText = ""

    var isEmpty: Bool { parts.isEmpty }

    /// Words and phrases past this many are not searched: no one types more, and each one costs
    /// a posting-list intersection, a typo lookup and a suggestion search, so a pasted page of
    /// text would otherwise take seconds a keystroke.
    static let maxParts = 32
    /// Words and phrases typed beyond `maxParts` (reported, not silently dropped).
    var ignoredParts = 0

    static func parse(_ input: String) -> Query {
        var q = Query()
        var loose: [String] = []
        var rest = Substring(input)
        while let quote = rest.firstIndex(of: "\"") {
            q.readLoose(rest[..<quote], into: &loose)
            let afterQuote = rest[rest.index(after: quote)...]
            let close = afterQuote.firstIndex(of: "\"")
            let words = Folding.words(String(afterQuote[..<(close ?? afterQuote.endIndex)]))
            if !words.isEmpty { q.add(.phrase(Array(words.prefix(maxParts)), open: close == nil)) }
            rest = close.map { afterQuote[afterQuote.index(after: $0)...] } ?? ""
        }
        q.readLoose(rest, into: &loose)
        q.addressText = loose.joined(separator: " ")
        let typing = !(input.last?.isWhitespace ?? true)
        if typing, let last = q.parts.last {
            switch last {
            case .word: q.lastIsPrefix = true
            case .phrase(_, let open): q.lastIsPrefix = open
            }
        }
        return q
    }

    private mutating func readLoose(_ text: Substring, into loose: inout [String]) {
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            if chunk.lowercased().hasPrefix("type:") {
                let value = chunk.dropFirst(5)
                // "type:" alone is a filter still being typed: no restriction yet.
                guard !value.isEmpty else { continue }
                if let kind = RecordKind(named: String(value)) { kinds.insert(kind) } else { unknownKind = true }
                continue
            }
            guard parts.count < Query.maxParts else { ignoredParts += 1; continue }
            if loose.count < Query.maxParts { loose.append(String(chunk)) }
            for word in Folding.words(String(chunk)) { add(.word(word)) }
        }
    }

    private mutating func add(_ part: Part) {
        if parts.count < Query.maxParts { parts.append(part) } else { ignoredParts += 1 }
    }

}
