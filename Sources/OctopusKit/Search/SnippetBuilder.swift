/// Picks the passage of a record that best explains a hit and cuts a window of it around the
/// matches, working on the token offsets stored at build time (no folding at query time).
extension SearchIndex {
    /// Longest snippet, in UTF-8 bytes (so never more characters), ellipses included.
    static let snippetLength = 160

    /// The passage that best explains why the record matched, cut around its matches.
    func snippet(for doc: Int32, plan: QueryPlan, highlighter: Highlighter) -> Snippet {
        let passages = documents[Int(doc)].passages.map(Int.init).filter { store.fields[$0].snippetRank != nil }
        let found = highlighter.recordMatches(in: passages, store: store, plan: plan, termCount: dictionary.count)

        var chosen: Int?
        var chosenKey = (slots: 0, rank: Int.max, matches: 0)
        for (i, p) in passages.enumerated() where !found[i].isEmpty {
            let rank = store.fields[p].snippetRank ?? .max
            let key = (slots: found[i].reduce(UInt64(0)) { $0 | $1.slots }.nonzeroBitCount, rank: rank, matches: found[i].count)
            // Most distinct query parts first, then prose over names, then most matches.
            if chosen == nil || key.slots > chosenKey.slots
                || (key.slots == chosenKey.slots && (key.rank < chosenKey.rank || (key.rank == chosenKey.rank && key.matches > chosenKey.matches)))
            {
                chosen = i; chosenKey = key
            }
        }
        if let chosen { return cut(passages[chosen], around: found[chosen]) }
        // Found by address or by its title alone: show the start of its text, unmarked.
        if let p = passages.first(where: { store.fields[$0] == .body }) ?? passages.first {
            return cut(p, around: [])
        }
        return Snippet(text: "")
    }

    /// The window of the passage holding the most matches, with a little context before the first.
    private func cut(_ passage: Int, around matches: [PatternMatch]) -> Snippet {
        let text = store.texts[passage]
        let tokens = store.tokens(of: passage)
        let bytes = text.utf8.count
        var startByte = 0, endByte = bytes
        if bytes > SearchIndex.snippetLength, !tokens.isEmpty {
            let budget = SearchIndex.snippetLength - 4  // room for "… " and " …"
            // Anchor on the match after which the most matches fit in the budget.
            var anchor = matches.first, bestCount = 0
            for (i, m) in matches.enumerated() {
                let from = Int(store.starts[m.first])
                let fitting = matches[i...].prefix { Int(store.ends[$0.first + $0.count - 1]) - from <= budget }.count
                if fitting > bestCount { anchor = m; bestCount = fitting }
            }
            var s = anchor?.first ?? tokens.lowerBound
            let anchorStart = Int(store.starts[s])
            let lastEnd =
                anchor.map { a in
                    matches.filter { $0.first >= a.first && Int(store.ends[$0.first + $0.count - 1]) - anchorStart <= budget }
                        .map { Int(store.ends[$0.first + $0.count - 1]) }.max() ?? Int(store.ends[a.first])
                } ?? Int(store.ends[s])
            // A few words of context before the first match, if the matches still fit.
            while s > tokens.lowerBound, anchorStart - Int(store.starts[s - 1]) <= 40,
                lastEnd - Int(store.starts[s - 1]) <= budget
            { s -= 1 }
            var e = s
            while e + 1 < tokens.upperBound, Int(store.ends[e + 1]) - Int(store.starts[s]) <= budget { e += 1 }
            startByte = s == tokens.lowerBound ? 0 : Int(store.starts[s])
            endByte = e == tokens.upperBound - 1 && bytes - startByte <= budget ? bytes : Int(store.ends[e])
        }
        // Assemble plain and marked pieces, counting characters as we go.
        var out = startByte > 0 ? "… " : ""
        var offset = out.count
        var highlights: [Range<Int>] = []
        var cursor = startByte
        func piece(_ from: Int, _ to: Int) -> Substring {
            let u = text.utf8
            return text[u.index(u.startIndex, offsetBy: from)..<u.index(u.startIndex, offsetBy: to)]
        }
        for m in matches {
            let from = Int(store.starts[m.first]), to = Int(store.ends[m.first + m.count - 1])
            guard from >= cursor, to <= endByte else { continue }
            let before = piece(cursor, from), marked = piece(from, to)
            out += before; offset += before.count
            out += marked
            highlights.append(offset..<offset + marked.count)
            offset += marked.count
            cursor = to
        }
        out += piece(cursor, endByte)
        if endByte < bytes { out += " …" }
        return Snippet(text: out, highlights: highlights)
    }
}
