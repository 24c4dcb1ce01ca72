import OctopusKit

/// The search screen: the query with its count, then each hit as a title line and a snippet
/// line with the matched words marked.
enum SearchView {
    /// Hits that fit below the query line (two rows each).

    static func draw(_ state: AppState, _ search: SearchState, _ grid: inout CellGrid) {
        let w = state.size.width, top = 1, h = state.bodyHeight
        for r in top..<(top + h) { grid.fill(row: r, style: .normal) }
        let hits = state.searchResults(for: search.query)
        let notes = hits.count { if case .note = $0 { true } else { false } }
        // The field takes what it needs, up to two thirds of the line; the count gets the rest.
        let x = FieldView.draw(
            search.field, prefix: "/", row: top, column: 1, width: max(1, (w - 2) * 2 / 3), style: .accent,
            ascii: state.ascii, &grid)
        let counted =
            search.query.isEmpty
            ? "type to search: words, names, art 29, type:country…"
            : hits.isEmpty
                ? "no match"
                : "\(hits.count - notes)\(hits.count - notes == 50 ? "+" : "") result\(hits.count - notes == 1 ? "" : "s")"
                    + (notes > 0 ? " and \(notes) of your notes" : "")
        let ignored = SearchIndex.ignoredWords(in: search.query)
        let count = counted + (ignored > 0 ? " · only the first \(SearchIndex.maxWords) words are searched" : "")
        grid.put("   " + count, row: top, column: 1 + x, style: .dim, width: max(0, w - 2 - x))

        if search.query.isEmpty {
            guard !state.recentSearches.isEmpty else { return }
            grid.put("Recent searches (Enter or Tab to run again)", row: top + 2, column: 1, style: .heading, width: w - 2)
            for (i, q) in state.recentSearches.enumerated() where top + 3 + i < top + h {
                let style: Style = i == search.selection ? .selected : .normal
                grid.put("  " + Sanitizer.clean(q), row: top + 3 + i, column: 1, style: style, width: w - 2)
            }
            return
        }
        if hits.isEmpty {
            let suggestions = state.searchCache.suggestions(for: search.query)
            if !suggestions.isEmpty {
                grid.put(
                    "Did you mean: " + suggestions.map { $0 }.joined(separator: " · "), row: top + 2, column: 1, style: .normal, width: w - 2)
            }
            return
        }
        let visible = state.layout.searchHitsVisible
        for slot in 0..<visible {
            let i = search.scroll + slot
            guard i < hits.count else { break }
            let row = top + 2 + slot * 2
            let selected = i == search.selection
            if selected { grid.fill(row: row, column: 0, width: w - 1, style: .selected) }
            let (kind, title, snippet): (String, String, Snippet) =
                switch hits[i] {
                case .note(let n): ("[your note]", "on " + n.title, n.snippet)
                case .record(let hit): ("[\(hit.kind.rawValue)]", hit.title, hit.snippet)
                }
            let used = grid.put(" " + kind + " ", row: row, column: 0, style: selected ? .selected : .dim, width: w - 1)
            grid.put(title, row: row, column: used, style: selected ? .selected : .accent, width: w - 1 - used)
            drawSnippet(snippet, row: row + 1, left: 4, width: w - 5, &grid)
        }
    }

    /// The snippet on one line, matched words in reverse video (not colour alone).
    static func drawSnippet(_ snippet: Snippet, row: Int, left: Int, width: Int, _ grid: inout CellGrid) {
        let text = Array(snippet.text)
        let marked = Set(snippet.highlights.flatMap { Array($0) })
        var x = left, i = 0
        while i < text.count && x < left + width {
            // Runs of the same marking are drawn together.
            let isMarked = marked.contains(i)
            var j = i
            while j < text.count && marked.contains(j) == isMarked { j += 1 }
            x += grid.put(String(text[i..<j]), row: row, column: x, style: isMarked ? .selected : .dim, width: left + width - x)
            i = j
        }
    }
}
