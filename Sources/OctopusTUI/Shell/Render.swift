import OctopusKit

/// The screen as a function of state: the shell's chrome around the current screen, drawn into
/// its `Rect`, then any overlay (help, search, the note editor, the go-to prompt).
public enum Render {
    public static func render(_ state: AppState) -> CellGrid {
        var grid = CellGrid(state.size)
        if state.isTooSmall {
            Chrome.tooSmall(state, &grid)
            return grid
        }
        let screen = state.place.screen, layout = state.layout
        if screen.frame != .projector { Chrome.titleBar(state, screen, &grid) }
        screen.draw(in: state, rect: layout.screen, into: &grid)
        switch state.overlay {
        case .noteEditor(let editor): EditorView.draw(state, editor, &grid)
        case .search(let search): SearchView.draw(state, search, &grid)
        case .menu(let menu): MenuView.draw(state, menu, in: layout.screen, &grid)
        case .goto, .jump, nil: break
        }
        if let scroll = state.help { Chrome.help(state, scroll: scroll, in: layout.help, &grid) }
        Chrome.bottomRow(state, frame: screen.frame, &grid)
        return state.ascii ? grid.asciiOnly() : grid
    }
}
