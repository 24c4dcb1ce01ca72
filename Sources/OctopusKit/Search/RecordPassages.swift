import Foundation

extension Record {
    /// The texts search reads from this record, each with the field it counts as. Inline links are
    /// replaced by their labels and control characters removed, exactly as the pages show them.
    func searchPassages(in kb: KnowledgeBase) -> [(field: SearchField, text: String)] {
        var out: [(SearchField, String)] = []
        // The same name often appears twice (title and short title, a treaty's aliases) and would
        // count twice; names are compared folded, prose as written (folding prose is slow).
        var names = Set<String>(), prose = Set<String>()
        func add(_ field: SearchField, _ text: String) {
            let clean = kb.plain(text).trimmingCharacters(in: .whitespaces)
            guard !clean.isEmpty else { return }
            let fresh = field == .body ? prose.insert(clean).inserted : names.insert(Folding.fold(clean)).inserted
            if fresh { out.append((field, clean)) }
        }
        add(.id, id)
        add(.title, title)
        add(.title, shortTitle)
        for alias in aliases { add(.alias, alias) }
        switch self {
        case .session(let s): for t in s.topics { add(.heading, t.title) }
        case .article(let a): for h in [a.chapter, a.section, a.titleGroup].compactMap({ $0 }) { add(.heading, h) }
        case .country(let c): add(.heading, c.region)
        case .treaty, .organisation, .term: break
        }
        for text in texts { add(.body, text) }
        return out
    }
}
