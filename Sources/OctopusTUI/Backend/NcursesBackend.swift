import CNcurses
import CTerminal
import FoundationEssentials
import Glibc

/// The only code that talks to ncurses: start and stop the terminal, read keys, copy a
/// `CellGrid` to the screen (only the cells that changed).
@MainActor
final class NcursesBackend {
    private var screen: OpaquePointer?
    private var previous: CellGrid?
    private let theme: Theme
    private let color: Bool
    private let colors: Int
    /// The colour pair of each colour a theme uses, made once.
    private var pairs: [Int16: Int16] = [:]

    init?(theme: Theme, mouse: Bool) {
        setlocale(LC_ALL, "")
        octopus_terminal_save(STDIN_FILENO)
        octopus_install_crash_handlers()
        // newterm (not initscr, which exits on an unknown TERM) so we can fall back cleanly.
        guard let s = newterm(nil, octopus_stdout(), octopus_stdin()) else { return nil }
        screen = s
        set_term(s)
        raw()  // Ctrl-C arrives as a key; signals from kill are watched separately.
        noecho()
        nonl()
        keypad(octopus_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        wtimeout(octopus_stdscr(), 100)
        var useColor = theme != .mono && octopus_has_colors()
        if useColor {
            useColor = start_color() == OK
            if useColor { use_default_colors() }
        }
        self.theme = theme
        self.color = useColor
        self.colors = useColor ? Int(octopus_colors()) : 0
        if useColor {
            // One pair per colour the theme uses, over the terminal's own background.
            let all = Style.Role.allCases.flatMap { role in [false, true].map { Style(role, bold: $0) } }
            for color in Set(all.compactMap { theme.look($0, colors: colors).color }).sorted() {
                let pair = Int16(pairs.count + 1)
                init_pair(pair, color, -1)
                pairs[color] = pair
            }
        }
        if mouse { mousemask(mmask_t(octopus_all_mouse_events()), nil) }
    }

    var size: Size { Size(width: Int(octopus_cols()), height: Int(octopus_lines())) }

    /// Reads one key, or nil after the ~100 ms timeout (`wait: false`: at once, for keys already typed).
    func readKey(wait: Bool = true) -> KeyEvent? {
        wtimeout(octopus_stdscr(), wait ? 100 : 0)
        var ch: wint_t = 0
        let r = wget_wch(octopus_stdscr(), &ch)
        if r == octopus_err() { return nil }
        if r == octopus_key_code_yes() {
            let code = Int32(ch)
            if code == octopus_key_resize() { return .resize }
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                let state = UInt(event.bstate)
                if state & UInt(octopus_button4_pressed()) != 0 { return .key(.wheelUp) }
                if state & UInt(octopus_button5_pressed()) != 0 { return .key(.wheelDown) }
                if state & UInt(octopus_button1_clicked()) != 0 { return .key(.click(row: Int(event.y), column: Int(event.x))) }
                return nil
            default:
                if code >= KEY_F0 + 1 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
                return nil
            }
        }
        switch ch {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 127, 8: return .key(.backspace)
        case 0: return .key(.ctrl("@"))  // Ctrl-Space: a key, never a NUL in the text
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(ch) + 96))))
        case 31: return .key(.ctrl("_"))  // Ctrl-_ (Ctrl-/ on most terminals): undo, as in readline and emacs
        case 28...30: return nil  // Ctrl-\ ] ^: nothing uses them
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    enum KeyEvent { case key(Key), resize }

    /// Copies the grid to the terminal, redrawing only what changed since the last frame.
    func present(_ grid: CellGrid) {
        if previous?.size != grid.size {
            previous = nil
            werase(octopus_stdscr())
        }
        for row in 0..<grid.size.height {
            for col in 0..<grid.size.width {
                let cell = grid[row, col]
                if let previous, previous[row, col] == cell { continue }
                if cell.text.isEmpty { continue }  // right half of a wide character
                let look = theme.look(cell.style, colors: colors)
                let attrs = attributes(look)
                let pair = color ? look.color.flatMap { pairs[$0] } ?? 0 : 0
                // ncurses reports ERR after drawing the bottom-right cell (the cursor cannot move on).
                let lastCell = col == grid.size.width - 1 && row == grid.size.height - 1
                let wideCell = col + 1 < grid.size.width && grid[row, col + 1].text.isEmpty
                var wide = Array(cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }) + [0]
                // Where the C library sizes a character otherwise than the grid (or not at all: a
                // newer Unicode than its tables), draw a replacement of the grid's width instead, so
                // nothing beside it goes stale or shifts.
                let agreed = cell.text.utf8.count == 1 || octopus_wcwidth(wide[0]) == (wideCell ? 2 : 1)
                if !agreed || (octopus_put_cell(Int32(row), Int32(col), &wide, attrs, pair) != OK && !lastCell) {
                    var replacement: [wchar_t] = (wideCell ? [0x3F, 0x3F] : [0x3F]).map { wchar_t($0) } + [0]
                    _ = octopus_put_text(Int32(row), Int32(col), &replacement, attrs, pair)
                }
            }
        }
        wnoutrefresh(octopus_stdscr())
        doupdate()
        previous = grid
    }

    private func attributes(_ look: Theme.Look) -> attr_t {
        var a = octopus_a_normal()
        if look.bold { a |= octopus_a_bold() }
        if look.underline { a |= octopus_a_underline() }
        if look.reverse { a |= octopus_a_reverse() }
        if look.dim { a |= octopus_a_dim() }
        return a
    }

    /// Gives the terminal to another program (the user's editor) and takes it back after.
    func suspend(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        previous = nil  // the other program drew over everything
        clearok(octopus_stdscr(), true)
        refresh()
    }

    /// Restores the terminal. Safe to call twice.
    func shutdown() {
        guard let s = screen else { return }
        endwin()
        delscreen(s)
        screen = nil
    }
}
