import OctopusKit

/// Mouse clicks (with `--mouse`), a separate way in to the same moves as the keys.
extension Update {
    /// A click selects what is under it; a click on the selected row, or on a link, opens it.
    static func click(_ state: inout AppState, row: Int, column: Int) {
        switch state.place {
        case .walk: return  // the walkthrough is driven by keys and a presenter remote
        case .home(let selection):
            let index = row - state.layout.homeMenuTop
            guard index >= 0 && index < Section.allCases.count else { return }
            state.place = .home(selection: index)
            if index == selection { _ = perform(&state, .open) }
        case .list(var l):
            guard column < state.layout.listPane.width else { l.focusPreview = true; state.place = .list(l); return }
            let index = l.scroll + row - 2  // title bar, then the list's header line
            let rows = state.rows(l)
            guard index >= 0 && index < rows.count else { return }
            let again = index == l.selection
            l.selection = index
            l.focusPreview = false
            state.place = .list(l)
            if again { _ = perform(&state, .open) }
        case .page(var p):
            let layout = PageView.layout(state, id: p.id, width: state.layout.pageTextWidth)
            let index = p.scroll + row - 1
            guard index >= 0 && index < layout.lines.count else { return }
            var x = 1
            for run in layout.lines[index] {
                let w = TextWidth.columns(run.text)
                if column >= x && column < x + w, let link = run.link {
                    p.selectedLink = link
                    state.place = .page(p)
                    open(&state, id: layout.page.links[link - 1])
                    return
                }
                x += w
            }
        }
    }
}
