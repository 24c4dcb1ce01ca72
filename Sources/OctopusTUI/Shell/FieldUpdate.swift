import OctopusKit
import OctopusNotebook

/// The text fields: `/` search, the `:` go-to prompt and the note editor. Their keys arrive as
/// `TextAction`s from their tables; editing actions change the field by grapheme cluster
/// (`TextField.apply`), the rest act on results.
extension Update {
    /// A text field's action; `key` is the key that asked (the character `.insert` types).
    static func text(_ state: inout AppState, _ action: TextAction, _ key: Key) -> [Effect] {
        switch state.overlay {
        case .goto(var prompt): return editPrompt(&state, &prompt, action, key)
        case .search(var search): editSearch(&state, &search, action, key)
        case .noteEditor(var editor): return edit(&state, &editor, action, key)
        case .jump(var field): jump(&state, &field, action, key)
        case .menu, nil: break
        }
        return []
    }

    // MARK: Jumping in a list

    /// `'` then letters: the selection goes to the first entry whose name starts with them (case
    /// and accents aside), as typing in a file manager does; up and down step among the entries
    /// that match. A list's entries, or the matrix's States.
    static func jump(_ state: inout AppState, _ field: inout TextField, _ action: TextAction, _ key: Key) {
        // Each entry's names: "PT  Portugal" is found by its text or by the name after its id.
        let names: [[String]]
        var selection: Int
        switch state.place {
        case .list(let list):
            names = state.rows(list).map { row in
                guard row.id != nil else { return [] }
                let text = row.text.hasPrefix("★ ") || row.text.hasPrefix("* ") ? String(row.text.dropFirst(2)) : row.text
                return [text] + (text.firstRange(of: "  ").map { [String(text[$0.upperBound...])] } ?? [])
            }
            selection = list.selection
        case .matrix(let m):
            names = m.matrix(state).rows.map { [$0.name, $0.country.id] }
            selection = m.row
        default:
            state.overlay = nil
            return
        }
        func matches(_ i: Int, _ prefix: String) -> Bool { !prefix.isEmpty && names[i].contains { Folding.fold($0).hasPrefix(prefix) } }
        switch action {
        case .cancel: state.overlay = nil; return
        case .submit:
            state.overlay = nil
            var screen = state.place.screen
            apply(&state, screen.update(.open, in: state, rect: state.layout.screen))
            return
        case .selectNext, .selectPrevious:
            let forward = action == .selectNext
            let order = forward ? Array((selection + 1)..<max(selection + 1, names.count)) : Array((0..<selection).reversed())
            if let next = order.first(where: { matches($0, Folding.fold(field.text)) }) { selection = next }
        default:
            guard field.apply(action, key: key) else { break }
            let typed = Folding.fold(field.text)
            if typed.isEmpty { break }
            if let first = names.indices.first(where: { matches($0, typed) }) {
                selection = first
            } else {
                state.message = "No entry starts with “\(Sanitizer.clean(field.text))”"
            }
        }
        switch state.place {
        case .list(var list): list.selection = selection; state.place = .list(list)
        case .matrix(var m): m.row = selection; state.place = .matrix(m)
        default: break
        }
        state.overlay = .jump(field)
    }

    // MARK: Search

    /// Typing never searches here: the screen runs the query when it is drawn, and the event
    /// loop draws once per batch of keys, so a paste costs one search, not one per character.
    static func editSearch(_ state: inout AppState, _ search: inout SearchState, _ action: TextAction, _ key: Key) {
        let page = state.layout.searchHitsVisible
        switch action {
        case .cancel:
            remember(&state, search.query)
            state.overlay = nil
            return
        case .submit:
            if search.query.isEmpty, search.selection < state.recentSearches.count {
                search.field = TextField(state.recentSearches[search.selection], limit: search.field.limit)
                search.selection = 0
            } else if case let hits = state.searchResults(for: search.query), search.selection < hits.count {
                remember(&state, search.query)
                state.overlay = nil
                switch hits[search.selection] {
                case .record(let hit): open(&state, id: hit.id)
                case .note(let hit):
                    // The note's record, at the notes.
                    open(&state, id: hit.note.recordID)
                    if case .page(var page) = state.place {
                        _ = page.update(.jumpToNotes, in: state, rect: state.layout.screen)
                        state.place = .page(page)
                    }
                }
                return
            } else if !search.query.isEmpty {
                state.message = "Nothing matches “\(search.query)”"
            }
        case .complete:
            if search.query.isEmpty, search.selection < state.recentSearches.count {
                search.field = TextField(state.recentSearches[search.selection], limit: search.field.limit)
                search.selection = 0
            }
        case .selectPrevious, .selectNext, .selectPageUp, .selectPageDown:
            let delta = action == .selectPrevious ? -1 : action == .selectNext ? 1 : action == .selectPageUp ? -page : page
            let count = search.query.isEmpty ? state.recentSearches.count : state.searchResults(for: search.query).count
            search.selection += delta
            Viewport.fit(selection: &search.selection, scroll: &search.scroll, count: count, height: page)
        default:
            let before = search.query
            guard search.field.apply(action, key: key) else { break }
            if search.query != before { search.selection = 0; search.scroll = 0 }
            if action == .insert, search.query == before { state.message = "The search field is full (\(search.field.limit ?? 0) characters)" }
        }
        state.overlay = .search(search)
    }

    /// Keeps a query for this session's recent list and for n/N on pages.
    static func remember(_ state: inout AppState, _ query: String) {
        let q = query.trimmed(newlines: false)
        guard !q.isEmpty else { return }
        state.lastQuery = q
        state.recentSearches.removeAll { $0 == q }
        state.recentSearches.insert(q, at: 0)
        if state.recentSearches.count > 20 { state.recentSearches.removeLast() }
    }

    // MARK: Go-to prompt

    /// After `:Article 29(4)`: the page scrolled to the first line that cites the paragraph, or
    /// a word that the base summarises the article as a whole.
    static func showParagraph(_ state: inout AppState, _ paragraph: String) {
        guard case .page(var page) = state.place, case .article(let article)? = state.kb.record(page.id) else { return }
        let cited = "\(article.number)\(paragraph)"
        let layout = PageLayout.cached(state, id: page.id, width: state.layout.pageTextWidth)
        let text = layout.lines.map { $0.map(\.text).joined() }
        guard let line = text.firstIndex(where: { $0.contains(cited) }) else {
            state.message = "No line cites \(article.treatyRole.articleAbbreviation) \(cited): this base summarises the article as a whole"
            return
        }
        page.scroll = Viewport.reveal(line: line, scroll: 0, height: state.layout.screen.height, total: text.count)
        page.matchLine = line
        state.place = .page(page)
        state.message = "\(article.treatyRole.articleAbbreviation) \(cited) is first cited here"
    }

    /// `:rate LEVEL [note]`: your rating of the matrix cell selected (or explained), saved through
    /// an effect; the prompt stays open with a reason when the line cannot be one.
    static func ratePrompt(_ state: inout AppState, _ prompt: inout GotoPrompt) -> [Effect] {
        let cell: MatrixCell?
        switch state.place {
        case .matrix(let m): cell = m.cell(state).map { MatrixCell(stateID: $0.0.country.id, area: $0.1.area.id) }
        case .page(let p): cell = p.cell
        default: cell = nil
        }
        guard let cell else {
            prompt.error = ":rate works on a cell of the matrix: open it with M (or :matrix) and select one"
            state.overlay = .goto(prompt)
            return []
        }
        let rest = prompt.text.trimmed(newlines: false).dropFirst(KeyTable.rateCommand.count).drop { $0 == " " }
        let word = rest.prefix { $0 != " " }.lowercased()
        guard let level = Rating.Level(rawValue: word) else {
            prompt.error = "Write :rate none|started|in-place|dont-know, then a short note if you like"
            state.overlay = .goto(prompt)
            return []
        }
        if let reason = state.notebook.writesOff { state.overlay = nil; state.message = "Writes are off, no rating saved: " + reason; return [] }
        let note = rest.dropFirst(word.count).trimmed(newlines: false)
        state.overlay = nil
        state.message = "Saving…"
        return [.rate(stateID: cell.stateID, area: cell.area, level: level, note: note)]
    }

    /// `:compare PT ES FR`: each word a State's code or name (a name of several words in quotes is
    /// not needed: codes and one-word names cover the base, and the country list's x marks any).
    static func comparePrompt(_ state: inout AppState, _ prompt: inout GotoPrompt) {
        let words = prompt.text.trimmed(newlines: false).dropFirst(KeyTable.compareCommand.count).split(separator: " ").map(String.init)
        var ids: [String] = []
        for word in words {
            guard case .record(let id) = state.resolver.resolve(word), state.kb.country(id) != nil else {
                prompt.error = "“\(Sanitizer.clean(word))” is not a State of this base: write :compare PT ES FR (codes or names)"
                state.overlay = .goto(prompt)
                return
            }
            if !ids.contains(id) { ids.append(id) }
        }
        guard ids.count >= 2 else {
            prompt.error = "Name two or more States: :compare PT ES FR (or mark them with x in Countries, then C)"
            state.overlay = .goto(prompt)
            return
        }
        state.overlay = nil
        navigate(&state, to: .page(PageState(comparing: ids)))
    }

    static func editPrompt(_ state: inout AppState, _ prompt: inout GotoPrompt, _ action: TextAction, _ key: Key) -> [Effect] {
        switch action {
        case .cancel: state.overlay = nil; return []
        case .submit:
            if prompt.notFound == prompt.text {
                // The second Enter on an address that found nothing searches for the same words.
                state.overlay = .search(SearchState(query: prompt.text))
                return []
            }
            let word = prompt.text.trimmed(newlines: false).lowercased()
            if word == KeyTable.dateCommand || word.hasPrefix(KeyTable.dateCommand + " ") {
                guard let said = state.setDate(String(word.dropFirst(KeyTable.dateCommand.count))) else {
                    prompt.error = "Not a date: write :date YYYY-MM-DD (e.g. 2004-07-01), :date conference or :date latest"
                    state.overlay = .goto(prompt)
                    return []
                }
                state.overlay = nil
                state.message = said
                return []
            }
            if word == KeyTable.rateCommand || word.hasPrefix(KeyTable.rateCommand + " ") { return ratePrompt(&state, &prompt) }
            if word == KeyTable.compareCommand || word.hasPrefix(KeyTable.compareCommand + " ") { comparePrompt(&state, &prompt); return [] }
            if let command = KeyTable.promptCommands.first(where: { $0.word == word }) {
                state.overlay = nil
                return perform(&state, command.action)
            }
            switch state.resolver.resolve(prompt.text) {
            case .record(let id):
                state.overlay = nil
                open(&state, id: id)
                if let cited = AddressResolver.paragraph(of: prompt.text) { showParagraph(&state, cited.paragraph) }
            case .topic(let session, _):
                state.overlay = nil
                open(&state, id: session)
            case .notFound(let suggestions):
                prompt.error =
                    "No record “\(prompt.text)”" + (suggestions.isEmpty ? "" : "; try " + suggestions.joined(separator: ", "))
                    + " · Enter searches for it"
                prompt.notFound = prompt.text
                state.overlay = .goto(prompt)
            }
            return []
        case .complete:
            let typed = prompt.completing
            let options = state.resolver.completions(for: typed, limit: Chrome.completionsShown)
            guard !options.isEmpty else { state.message = "Nothing to complete “\(typed)” with"; return [] }
            let index = prompt.cycle.map { ($0.index + 1) % options.count } ?? 0
            prompt.field = TextField(options[index], limit: prompt.field.limit)
            prompt.error = nil
            prompt.notFound = nil
            prompt.cycle = (typed, index)
            state.overlay = .goto(prompt)
            return []
        default:
            _ = prompt.field.apply(action, key: key)
        }
        prompt.error = nil
        prompt.notFound = nil
        prompt.cycle = nil
        state.overlay = .goto(prompt)
        return []
    }
}
