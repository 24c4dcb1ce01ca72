import OctopusKit
import OctopusNotebook

/// The small menus over a screen (`Menu`): their keys, and what each choice does — a note to
/// edit or delete, a region or status to filter by, a level to rate a matrix cell.
extension Update {
    /// Changes the open list's (or the matrix's) filters, from the top of what they leave.
    static func filter(_ state: inout AppState, region: String?? = nil, status: TreatyStatus.Standing?? = nil) {
        switch state.place {
        case .list(var list):
            if let region { list.regionFilter = region }
            if let status { list.statusFilter = status }
            list.selection = 0
            state.place = .list(list)
        case .matrix(var matrix):
            if let region { matrix.filter.region = region }
            if let status { matrix.filter.standing = status }
            matrix.row = 0
            state.place = .matrix(matrix)
        default: return
        }
        clampAll(&state)
    }

    /// After a level is chosen for a cell: the prompt, to add a short note (or keep the one there).
    static func rate(_ state: inout AppState, _ cell: MatrixCell, _ level: Rating.Level) {
        if let reason = state.notebook.writesOff { state.message = "Writes are off, no rating saved: " + reason; return }
        let note = state.notebook.rating(cell.stateID, cell.area)?.note ?? ""
        state.overlay = .goto(GotoPrompt(text: "\(KeyTable.rateCommand) \(level.rawValue) " + Sanitizer.clean(note)))
        state.message = "A short note if you like, then Enter saves your rating · Esc saves nothing"
    }

    /// A menu's keys: move, choose (Enter or the choice's own key), or close.
    static func choose(_ state: inout AppState, _ menu: Menu, _ action: Action, _ key: Key) -> [Effect] {
        var menu = menu
        var chosen: Menu.Item?
        switch action {
        case .moveUp: menu.selection = max(0, menu.selection - 1)
        case .moveDown: menu.selection = min(menu.items.count - 1, menu.selection + 1)
        case .open: chosen = menu.items.indices.contains(menu.selection) ? menu.items[menu.selection] : nil
        case .back:
            state.overlay = nil
            return []
        case .menuKey:
            guard case .char(let c) = key, let item = menu.item(for: c) else {
                state.message = "\(Sanitizer.clean(key.description)) is not one of the choices · Esc closes"
                return []
            }
            chosen = item
        default: break
        }
        guard let chosen else { state.overlay = .menu(menu); return [] }
        state.overlay = nil
        switch chosen.choice {
        case .keep:
            state.message = "Kept"
            return []
        case .newNote(let recordID): return writeNote(&state, recordID: recordID, noteID: nil)
        case .editNote(let id):
            guard let note = state.notebook.note(id) else { state.message = "That note is gone (deleted in another window?)"; return [] }
            return writeNote(&state, recordID: note.recordID, noteID: id)
        case .region(let region):
            filter(&state, region: .some(region))
            return []
        case .status(let status):
            filter(&state, status: .some(status))
            return []
        case .rate(let cell, let level):
            rate(&state, cell, level)
            return []
        case .clearRating(let cell):
            if let reason = state.notebook.writesOff { state.message = "Writes are off, nothing cleared: " + reason; return [] }
            return [.clearRating(stateID: cell.stateID, area: cell.area)]
        case .startWalk(let tour):
            startWalk(&state, tour)
            return []
        case .resumeWalk:
            resumeWalk(&state)
            return []
        case .deleteNote(let id):
            if let reason = state.notebook.writesOff { state.message = "Writes are off, nothing deleted: " + reason; return [] }
            state.message = "Deleting…"
            return [.deleteNote(id)]
        }
    }
}
