/// Recognises a query that is an address — an id, a speakable form ("art 29", "workshop 3") or a
/// record's name ("Turquie", "ivory coast") — so that record can rank first.
///
/// Ids are looked up in a table built once here and names in the resolver's own table (one table
/// of names for `:` and for search); only speakable forms (letters then digits) are handed to
/// `AddressResolver.resolve`, and only when some id ends in those digits and starts like those
/// letters ("article 29" → art29, "workshop 3" → ws3). Anything else would reach the resolver's
/// fuzzy fall-backs, which scan every name: far beyond a keystroke's budget on a large base.
struct AddressMatcher: Sendable {
    let resolver: AddressResolver
    /// Folded id without spaces ("art29", "tcy", "part3") → id.
    let ids: [String: String]
    /// Trailing digits of ids → first letters of those ids ("29" → a, p).
    let speakable: [Substring: Set<Character>]

    init(resolver: AddressResolver, ids: [String: String], speakable: [Substring: Set<Character>]) {
        self.resolver = resolver; self.ids = ids; self.speakable = speakable
    }

    init(_ kb: KnowledgeBase) {
        resolver = AddressResolver(kb)
        var ids: [String: String] = [:], speakable: [Substring: Set<Character>] = [:]
        // Names are folded by words through the tokenizer's cache: the same as `Folding.fold` of
        // the whole name, but most words skip Foundation, which matters on large bases.
        var tokenizer = Tokenizer()
        func fold(_ text: String) -> String { tokenizer.tokens(in: text).map(\.word).joined(separator: " ") }
        for r in kb.allRecords {
            let id = AddressMatcher.compact(fold(r.id))
            if ids[id] == nil { ids[id] = r.id }
            if let (letters, digits) = AddressMatcher.split(id) { speakable[digits, default: []].insert(letters.first ?? " ") }
        }
        self.speakable = speakable
        self.ids = ids
    }

    /// The id of the record the text addresses, if any.
    func record(for text: String) -> String? {
        let folded = Folding.fold(text)
        guard !folded.isEmpty else { return nil }
        let compact = AddressMatcher.compact(folded)
        if let id = ids[compact] ?? resolver.named(folded) { return id }
        guard let (letters, digits) = AddressMatcher.split(compact), let first = letters.first,
            speakable[digits]?.contains(first) == true
        else { return nil }
        switch resolver.resolve(text) {
        case .record(let id): return id
        case .topic(let session, _): return session
        case .notFound: return nil
        }
    }

    private static func compact(_ folded: String) -> String {
        String(folded.unicodeScalars.filter { $0 != " " })
    }

    /// Letters followed by digits, like "article29" or "ws3", split in two.
    private static func split(_ compact: String) -> (letters: Substring, digits: Substring)? {
        let letters = compact.prefix { $0.isLetter }
        let digits = compact.dropFirst(letters.count)
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return (letters, digits)
    }
}
