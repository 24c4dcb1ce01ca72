/// Recognises a query that is an address — an id, a speakable form ("art 29", "workshop 3") or a
/// record's name ("Turquie", "ivory coast") — so that record can rank first.
///
/// Ids and names are looked up in tables built once here; only speakable forms (letters then
/// digits) are handed to `AddressResolver`, whose fuzzy fall-backs scan every name and would cost
/// far more than a keystroke's budget on a large base.
struct AddressMatcher: Sendable {
    private let resolver: AddressResolver
    /// Folded id without spaces ("art29", "tcy", "part3") → id.
    private let ids: [String: String]
    /// Folded name or alias, with and without spaces → id.
    private let names: [String: String]

    init(_ kb: KnowledgeBase) {
        resolver = AddressResolver(kb)
        var ids: [String: String] = [:], names: [String: String] = [:]
        for r in kb.allRecords {
            let id = AddressMatcher.compact(Folding.fold(r.id))
            if ids[id] == nil { ids[id] = r.id }
        }
        // Same order and first-wins rule as AddressResolver, so both agree on shared names.
        for r in kb.allRecords {
            for name in [r.title, r.shortTitle] + r.aliases {
                let folded = Folding.fold(name)
                guard !folded.isEmpty else { continue }
                if names[folded] == nil { names[folded] = r.id }
                let joined = AddressMatcher.compact(folded)
                if names[joined] == nil { names[joined] = r.id }
            }
        }
        self.ids = ids
        self.names = names
    }

    /// The id of the record the text addresses, if any.
    func record(for text: String) -> String? {
        let folded = Folding.fold(text)
        guard !folded.isEmpty else { return nil }
        let compact = AddressMatcher.compact(folded)
        if let id = ids[compact] ?? names[folded] ?? names[compact] { return id }
        guard AddressMatcher.isSpeakable(compact) else { return nil }
        switch resolver.resolve(text) {
        case .record(let id): return id
        case .topic(let session, _): return session
        case .notFound: return nil
        }
    }

    private static func compact(_ folded: String) -> String {
        folded.replacingOccurrences(of: " ", with: "")
    }

    /// Letters followed by digits, like "article29" or "ws3".
    private static func isSpeakable(_ compact: String) -> Bool {
        let letters = compact.prefix { $0.isLetter }
        let digits = compact.dropFirst(letters.count)
        return !letters.isEmpty && !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
