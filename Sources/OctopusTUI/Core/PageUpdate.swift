import OctopusKit

/// Keys on a record page: scrolling, links by Tab or number, matches of the last search.
extension Update {
    static func page(_ state: inout AppState, _ page: PageState, _ action: Action) {
        var p = page
        let layout = PageView.layout(state, id: p.id, width: state.layout.pageTextWidth)
        let linkCount = layout.page.links.count
        let visible = state.bodyHeight
        switch action {
        case .moveUp: p.scroll -= 1
        case .moveDown: p.scroll += 1
        case .pageUp: p.scroll -= max(1, visible - 1)
        case .pageDown: p.scroll += max(1, visible - 1)
        case .top: p.scroll = 0
        case .bottom: p.scroll = layout.lines.count
        case .nextMatch, .previousMatch:
            guard let query = state.lastQuery else { state.message = "Search first with /, then n and N move between matches on the page"; break }
            // What search itself matches for the query: synonyms, completions, typos.
            let matches = PageView.matches(layout, matcher: state.searchIndex.matcher(for: query)).lines
            guard !matches.isEmpty else { state.message = "No match for “\(query)” on this page"; p.matchLine = nil; break }
            let current = p.matchLine ?? (action == .nextMatch ? p.scroll - 1 : p.scroll + visible)
            let next = action == .nextMatch ? (matches.first { $0 > current } ?? matches[0]) : (matches.last { $0 < current } ?? matches[matches.count - 1])
            p.matchLine = next
            if next < p.scroll || next >= p.scroll + visible { p.scroll = max(0, next - visible / 3) }
            let n = (matches.firstIndex(of: next) ?? 0) + 1
            state.message = "Match \(n) of \(matches.count) for “\(query)” (n next, N previous)"
        case .digit(let d):
            p.typedNumber.type(d)
            state.message = "Link \(p.typedNumber.text)… press Enter"
        case .nextLink, .previousLink:
            guard linkCount > 0 else { state.message = "This page has no links"; break }
            let forward = action == .nextLink
            if let s = p.selectedLink {
                p.selectedLink = forward ? s % linkCount + 1 : (s + linkCount - 2) % linkCount + 1
            } else {
                p.selectedLink = forward ? (layout.firstLinkAtOrBelow(p.scroll) ?? 1) : linkCount
            }
            if let s = p.selectedLink, let line = layout.lineOfLink[s] {
                if line < p.scroll || line >= p.scroll + visible { p.scroll = max(0, line - visible / 3) }
            }
        case .open:
            var target: Int? = p.selectedLink
            if !p.typedNumber.isEmpty { target = Int(p.typedNumber.take()) }
            guard let n = target else { state.message = "Select a link with Tab, or type its number, then Enter"; break }
            guard n >= 1 && n <= linkCount else { state.message = "No link \(n) on this page (1–\(linkCount))"; state.place = .page(p); return }
            state.place = .page(p)
            open(&state, id: layout.page.links[n - 1])
            return
        default: break
        }
        if case .digit = action {} else if action != .open { p.typedNumber.clear() }
        state.place = .page(p)
    }
}
