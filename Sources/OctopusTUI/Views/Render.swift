import OctopusKit

/// The screen as a function of state: draws an `AppState` into a new `CellGrid`.
public enum Render {
    public static func render(_ state: AppState) -> CellGrid {
        if case .walk(let walk) = state.place, state.overlay == nil {
            return WalkView.render(walkWithMessage(walk, state), now: state.now, ascii: state.ascii)
        }
        var grid = CellGrid(state.size)
        if state.isTooSmall {
            tooSmall(state, &grid)
            return grid
        }
        titleBar(state, &grid)
        let top = 1, height = state.bodyHeight
        switch state.place {
        case .home(let selection): home(state, selection, &grid, top: top, height: height)
        case .list(let list): ListView.draw(state, list, &grid, top: top, height: height)
        case .page(let page):
            let width = state.layout.pageTextWidth
            let layout = PageView.layout(state, id: page.id, width: width)
            // The current match's words, as search matched them (`TextMatcher`).
            let marked =
                page.matchLine.flatMap { line in
                    state.lastQuery.map { PageView.matches(layout, matcher: state.searchIndex.matcher(for: $0)).runs(ofMatchOn: line) }
                } ?? []
            PageView.draw(
                layout, into: &grid, top: top, left: 1, width: width, height: height, scroll: page.scroll,
                selectedLink: page.selectedLink, matchLine: page.matchLine, marked: marked)
            scrollIndicator(&grid, top: top, height: height, scroll: page.scroll, total: layout.lines.count, ascii: state.ascii)
        case .walk(let walk):
            WalkView.render(walkWithMessage(walk, state), now: state.now, into: &grid, ascii: state.ascii)
        }
        if case .help(let scroll) = state.overlay { help(state, scroll, &grid) }
        if case .editor(let editor) = state.overlay { EditorView.draw(state, editor, &grid) }
        if case .search(let search) = state.overlay { SearchView.draw(state, search, &grid) }
        bottomBar(state, &grid)
        return state.ascii ? grid.asciiOnly() : grid
    }

    /// The walkthrough shows the browser's message too ("Bookmarked …", a start-up warning) when it
    /// has none of its own: one message row, whichever screen asked.
    static func walkWithMessage(_ walk: WalkState, _ state: AppState) -> WalkState {
        var walk = walk
        if walk.message == nil { walk.message = state.message }
        return walk
    }

    static func tooSmall(_ state: AppState, _ grid: inout CellGrid) {
        let min = AppState.minimumSize
        let lines = TextWidth.wrap(
            "Terminal too small: \(state.size.width)×\(state.size.height). octopus needs \(min.width)×\(min.height). Enlarge the window, or press q to quit.",
            width: max(1, state.size.width))
        for (i, l) in lines.prefix(state.size.height).enumerated() { grid.put(l, row: i, column: 0, style: i == 0 ? .warning : .normal) }
    }

    static func breadcrumb(_ state: AppState) -> String {
        switch state.place {
        case .home: return "Home"
        case .list(let l): return l.section.title
        case .page(let p):
            // A State is named as it was on the status date, as its page is.
            let title =
                state.kb.record(p.id).map { r in
                    if case .country(let c) = r { c.displayName(at: state.date) } else { r.shortTitle }
                } ?? p.id
            return (state.notebook.isBookmarked(p.id) ? (state.ascii ? "* " : "★ ") : "") + title
        case .walk(let w): return "Walkthrough: " + w.tour.title
        }
    }

    static func titleBar(_ state: AppState, _ grid: inout CellGrid) {
        grid.fill(row: 0, style: .bar)
        // The status date is always on screen; narrow terminals get the short form.
        // A read-only notebook is said on every screen, not only in a message the next key clears.
        let readOnly = state.notebook.writesOff == nil ? "" : state.size.width >= 60 ? " notes read-only ·" : " read-only ·"
        let right =
            readOnly
            + (state.size.width >= 60
                ? " status at \(state.date)\(state.isConferenceDate ? " (conference)" : " (latest)") "
                : " \(state.date) ")
        let rightWidth = TextWidth.columns(right)
        let left = " octopus › " + breadcrumb(state)
        grid.put(TextWidth.clip(left, to: state.size.width - rightWidth - 1), row: 0, column: 0, style: .bar)
        if rightWidth > 0 { grid.put(right, row: 0, column: state.size.width - rightWidth, style: .bar) }
    }

    static func bottomBar(_ state: AppState, _ grid: inout CellGrid) {
        let row = state.layout.bottomRow.row
        if case .goto(let prompt) = state.overlay {
            let completions = state.resolver.completions(for: prompt.text, limit: 5)
            if let error = prompt.error {
                grid.put(TextWidth.clip(error, to: state.size.width), row: row - 1, column: 0, style: .warning)
            } else if !completions.isEmpty {
                grid.fill(row: row - 1, style: .normal)
                grid.put(TextWidth.clip("Tab: " + completions.joined(separator: "  "), to: state.size.width), row: row - 1, column: 0, style: .dim)
            }
            grid.fill(row: row, style: .normal)
            // The prompt's own keys on its right, in at most half the row; the field keeps the rest.
            let hints = TextWidth.clip(KeyTable.hintLine(for: .gotoPrompt, width: state.size.width / 2), to: state.size.width / 2)
            let hintWidth = TextWidth.columns(hints)
            FieldView.draw(
                prompt.field, prefix: ":", row: row, column: 0, width: state.size.width - hintWidth - 2, style: .accent,
                ascii: state.ascii, &grid)
            grid.put(hints, row: row, column: state.size.width - hintWidth, style: .dim)
            return
        }
        if let message = state.message {
            grid.put(TextWidth.clip(message, to: state.size.width), row: row, column: 0, style: .accent)
            return
        }
        // The keys of what has the keys: the screen, or the overlay open over it.
        grid.put(TextWidth.clip(KeyTable.hintLine(for: state.screenKind, width: state.size.width), to: state.size.width), row: row, column: 0, style: .dim)
    }

    static func scrollIndicator(_ grid: inout CellGrid, top: Int, height: Int, scroll: Int, total: Int, ascii: Bool) {
        guard total > height, height > 0 else { return }
        let x = grid.size.width - 1
        let pos = top + min(height - 1, scroll * height / max(1, total - height + 1))
        for r in top..<(top + height) { grid.put(ascii ? "|" : "│", row: r, column: x, style: .dim) }
        grid.put(ascii ? "#" : "┃", row: pos, column: x, style: .accent)
    }

    static func home(_ state: AppState, _ selection: Int, _ grid: inout CellGrid, top: Int, height: Int) {
        let kb = state.kb, w = state.size.width
        let layout = state.layout
        for (i, line) in layout.homeHeader.enumerated() { grid.put(line, row: top + i, column: 1, style: .heading) }
        grid.put(
            TextWidth.clip("Knowledge base as of \(kb.asOf) · status shown at \(state.date.long)", to: w - 2), row: layout.homeAsOfRow, column: 1, style: .dim)
        var row = layout.homeMenuTop
        let counts: [Section: String] = [
            .sessions: "\(kb.sessions.count)", .convention: "\(kb.articles(of: .convention).count)",
            .protocol_: "\(kb.articles(of: .protocol).count)", .countries: "\(kb.countries.count)",
            .organisations: "\(kb.organisations.count)", .glossary: "\(kb.glossary.count)",
            .bookmarks: "\(state.notebook.bookmarks.count)", .notes: "\(state.notebook.notes.count)",
        ]
        for (i, section) in Section.allCases.enumerated() where row < top + height {
            let selected = i == selection
            let count = (counts[section] ?? "").leftPadded(3)
            let label = " \(count)  \(section.title)"
            if selected { grid.fill(row: row, column: 1, width: w - 2, style: .selected) }
            let used = grid.put(label, row: row, column: 1, style: selected ? .selected : .accent, width: w - 2)
            if w - 2 - used > 6 {
                grid.put("  " + section.blurb, row: row, column: 1 + used, style: selected ? .selected : .dim, width: w - 2 - used)
            }
            row += 1
        }
        row += 1
        let parties = kb.parties(of: kb.conventionID, at: state.date).count, signed = kb.signatories(of: kb.conventionID, at: state.date).count
        let guide = [
            "Budapest Convention on \(state.date.long): \(signed) signatories, \(parties) Parties.",
            "Type : and an address — art 29, PT, ws 3, portugal — to jump anywhere.",
        ]
        for g in guide {
            for line in TextWidth.wrap(g, width: w - 2) where row < top + height {
                grid.put(line, row: row, column: 1, style: .normal); row += 1
            }
        }
    }

    static func help(_ state: AppState, _ scroll: Int, _ grid: inout CellGrid) {
        let screen = state.helpScreen
        let w = state.size.width, h = state.bodyHeight
        let left = 0
        var lines: [(String, Style)] = [("Keys on this screen", .heading), ("", .normal)]
        let entries = KeyTable.helpLines(for: screen)
        let keyWidth = min(22, (entries.map { TextWidth.columns($0.keys) }.max() ?? 8) + 2)
        for e in entries { lines.append((TextWidth.pad(e.keys, to: keyWidth) + e.help, .normal)) }
        lines.append(("", .normal))
        lines.append(("Esc or ? closes this help", .dim))
        for r in 0..<h {
            grid.fill(row: 1 + r, column: left, width: w, style: .normal)
            let i = scroll + r
            guard i < lines.count else { continue }
            grid.put(" " + lines[i].0, row: 1 + r, column: left, style: lines[i].1, width: w)
        }
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
