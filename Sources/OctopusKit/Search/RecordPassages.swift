extension Record {
    /// The texts search reads from this record, each with the field it counts as. Inline links are
    /// replaced by their labels and control characters removed, exactly as the pages show them.
    /// Repeated names (title and short title, a treaty's aliases) are dropped later, by their words.
    func searchPassages(in kb: KnowledgeBase) -> [(field: SearchField, text: String)] {
        var out: [(field: SearchField, text: String)] = []
        func add(_ field: SearchField, _ text: String) {
            // `plain` parses links with Foundation; most texts have none, so look for "[" first.
            let clean = Record.trimmed(text.utf8.contains(UInt8(ascii: "[")) ? kb.plain(text) : Sanitizer.clean(text))
            if !clean.isEmpty { out.append((field, clean)) }
        }
        add(.id, id)
        add(.title, title)
        add(.title, shortTitle)
        for alias in aliases { add(.alias, alias) }
        switch self {
        case .session(let s): for t in s.topics { add(.heading, t.title) }
        case .article(let a): for h in [a.chapter, a.section, a.titleGroup].compactMap({ $0 }) { add(.heading, h) }
        case .country(let c):
            add(.heading, c.region)
            // "portugal reservations" should find Portugal's page, under the block's own heading.
            if !c.statements.isEmpty { add(.heading, "Reservations and declarations") }
            for st in c.statements { add(.heading, "\(st.kind.rawValue) \(st.provision)") }
        case .treaty, .organisation, .term: break
        }
        for text in texts { add(.body, text) }
        return out
    }

    /// Text without leading and trailing spaces (Foundation's trimming is slow for this hot path).
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }
}
