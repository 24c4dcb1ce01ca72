/// Keys are data: one table per screen of key → action, text fields included, and the help
/// overlay and the hint bar generated from it (see `KeyBinding`); a test rejects two actions on
/// one key, and another that a key outside a screen's table changes anything. The browser's
/// walkthrough's table is built the same way in `WalkKeys`.
public typealias Binding = KeyBinding<Action>

public enum ScreenKind: String, Sendable, Hashable, CaseIterable {
    case home, list, page, gotoPrompt, help, noteEditor, search
    /// The note editor asking "Discard this note?".
    case discardNote
    /// The walkthrough on a step (its agenda has its own table too: `WalkKeys`).
    case walk
    /// A small menu over the screen (`Menu`).
    case menu
    /// `'` on a list: typing the first letters of an entry.
    case jumpPrompt
    /// The assessment matrix.
    case matrix
    /// Someone else's walk, followed.
    case follow
    /// A matrix cell explained: a page, on which R rates the cell.
    case cellPage
}

public enum KeyTable {
    static let movement: [Binding] = [
        Binding([.up, .char("k")], .moveUp),
        Binding([.down, .char("j")], .moveDown),
        // Space and b page as in less and man, Ctrl-D and Ctrl-U by half pages as in vim.
        Binding([.pageDown, .char(" "), .ctrl("f")], .pageDown),
        Binding([.pageUp, .char("b"), .ctrl("b")], .pageUp),
        Binding([.ctrl("d")], .halfPageDown),
        Binding([.ctrl("u")], .halfPageUp),
        Binding([.home, .char("g")], .top),
        Binding([.end, .char("G")], .bottom),
        Binding([.wheelUp], .moveUp, "scroll up (with --mouse)"),
        Binding([.wheelDown], .moveDown, "scroll down (with --mouse)"),
    ]
    /// What every one-line field does with these keys (`TextField.apply`), by whole character as
    /// seen; the note editor shares them but for Ctrl-U.
    static let lineEditing: [Binding] = [
        Binding(.text, .text(.insert)),
        Binding([.left], .text(.moveLeft)),
        Binding([.right], .text(.moveRight)),
        Binding([.home, .ctrl("a")], .text(.lineStart)),
        Binding([.end, .ctrl("e")], .text(.lineEnd)),
        Binding([.backspace], .text(.deleteBackward)),
        Binding([.delete, .ctrl("d")], .text(.deleteForward)),
        Binding([.ctrl("w")], .text(.deleteWordBackward)),
        Binding([.ctrl("k")], .text(.deleteToLineEnd)),
        Binding([.ctrl("u")], .text(.clearLine)),
    ]
    /// Back and forward through what was opened, as in vim's jump list: Ctrl-O back, `]` forward.
    /// Vim's Ctrl-I is the Tab key to a terminal, which a page keeps for its links.
    static let history: [Binding] = [
        Binding([.ctrl("o"), .char("[")], .back, "back in history"),
        Binding([.char("]")], .forward),
    ]
    /// F1 opens help in a text field, as in most programs; ? too where it cannot be wanted as
    /// text (search ignores punctuation, no address has one), but not in the note editor.
    static let fieldHelp = Binding([.function(1)], .help, "help: the keys of this field", hint: "help")
    static let promptHelp = Binding([.function(1), .char("?")], .help, "help: the keys of this field", hint: "help", hintKeys: "?")
    /// The notebook's keys, on every screen that shows records.
    static let notebook: [Binding] = [
        // m, a mark as in vim: b pages back, as in less.
        Binding([.char("m")], .toggleBookmark),
        Binding([.char("a")], .writeNote),
        Binding([.char("e")], .addToHandout),
        Binding([.char("E")], .writeHandout),
        Binding([.char("B")], .openBookmarks),
    ]
    static let global: [Binding] = [
        Binding([.char("/")], .search, hint: "search"),
        Binding([.char(":")], .goTo, hint: "go to"),
        Binding([.char("H")], .goHome),
        Binding([.char("t")], .toggleDate),
        Binding([.char("T")], .setDate),
        Binding([.char("M")], .openMatrix),
        Binding([.char("?"), .function(1)], .help, hint: "help", pinned: true),
        Binding([.char("q"), .ctrl("c")], .quit, hint: "quit", pinned: true),
    ]
    /// `:date 2015-06-01` (what `T` starts typing): the status date, any day.
    static let dateCommand = "date"
    /// `f`, while a walk is followed and another screen is up: back to where the presenter is.
    static let followAgain = Binding([.char("f")], .follow, hint: "follow")
    /// `:rate in-place a short note` (what `R` on the matrix leads to): your rating of the selected cell.
    static let rateCommand = "rate"
    /// `:compare PT ES FR`: States side by side.
    static let compareCommand = "compare"
    /// Words the go-to prompt takes besides addresses, as vim's `:` does (no record is called so).
    static let promptCommands: [(word: String, action: Action)] = [
        ("home", .goHome), ("bookmarks", .openBookmarks), ("notes", .openNotes), ("matrix", .openMatrix), ("help", .help), ("q", .quit), ("quit", .quit),
    ]
    /// The shell's keys come before any screen's, on every screen, text fields and the walkthrough
    /// included: Ctrl-Z suspends, as in less and vim.
    static let shell: [Binding] = [
        Binding([.ctrl("z")], .suspend)
    ]
    /// Below the smallest size the screen says "press q to quit", and means it on every screen
    /// but the note editor, where a q is text that must not be lost.
    static let tooSmall: [Binding] = [
        Binding([.char("q"), .ctrl("c")], .quit)
    ]

    /// The screen's own table, then the shell's.
    public static func bindings(for screen: ScreenKind) -> [Binding] {
        screenBindings(screen) + shell
    }

    static func screenBindings(_ screen: ScreenKind) -> [Binding] {
        switch screen {
        case .home:
            return movement + [
                Binding([.enter, .right, .char("l")], .open, "open section", hint: "open")
            ] + history + [
                Binding([.char("B")], .openBookmarks),
                Binding([.char("E")], .writeHandout),
                Binding([.char("w")], .walk, "resume the walkthrough you left (same step, same clock)"),
            ] + global
        case .list:
            return movement + [
                Binding([.enter, .right, .char("l")], .open, hint: "open"),
                Binding([.escape, .left, .backspace, .char("h")], .back, hint: "back"),
            ] + history + [
                Binding([.tab], .focus),
                Binding([.char("z")], .toggleFold),
                Binding([.char("r")], .cycleRegion),
                Binding([.char("f")], .cycleStatusFilter),
                Binding([.char("s")], .toggleSort),
                Binding([.char("w")], .walk, "sessions: walk a room through the selected session"),
                Binding([.char("d")], .deleteNote),
                Binding([.char("o")], .openRecord),
                Binding([.char("'")], .jump),
                Binding([.char("x")], .markToCompare),
                Binding([.char("C")], .compare),
                Binding([.char("n")], .trayNotes),
                Binding([.char("K")], .trayEarlier),
                Binding([.char("J")], .trayLater),
            ] + notebook + global
        case .page, .cellPage:
            return movement + [
                Binding([.tab], .nextLink, hint: "link"),
                Binding([.backTab], .previousLink),
                Binding([.enter, .right, .char("l")], .open, "follow the selected link (or the number typed)", hint: "follow"),
                Binding([.escape, .left, .backspace, .char("h")], .back, hint: "back"),
            ] + history + [
                Binding([.char("n")], .nextMatch),
                Binding([.char("N")], .previousMatch),
                Binding([.char("w")], .walk),
                Binding([.char("A")], .jumpToNotes),
            ] + (screen == .cellPage ? [Binding([.char("R")], .rateCell, "rate this cell yourself, beside the sourced reading", hint: "rate")] : [])
                + (0...9).map { Binding([.char(Character(String($0)))], .digit($0)) } + notebook + global
        case .gotoPrompt:
            return [
                Binding([.enter], .text(.submit), hint: "go"),
                Binding([.tab], .text(.complete), "complete the address", hint: "complete"),
                Binding([.escape, .ctrl("c")], .text(.cancel), hint: "cancel", pinned: true),
                promptHelp,
            ] + lineEditing
        case .noteEditor:
            return [
                Binding([.ctrl("s")], .text(.save), hint: "save"),
                Binding([.escape, .ctrl("c")], .text(.cancel), "cancel (asks before discarding what you wrote)", hint: "cancel", pinned: true),
                Binding([.up], .text(.lineUp)),
                Binding([.down], .text(.lineDown)),
                Binding([.enter], .text(.newLine)),
                Binding([.tab], .text(.indent)),
                // Ctrl-U deletes to the start of the line, as in readline; undo brings it back.
                Binding([.ctrl("u")], .text(.deleteToLineStart)),
                Binding([.ctrl("_")], .text(.undo), "undo the last change (Ctrl-/ on most terminals)"),
                fieldHelp,
            ] + lineEditing.filter { $0.action != .text(.clearLine) }
        case .discardNote:
            return [
                Binding([.char("y"), .char("Y")], .text(.discard), hint: "discard"),
                Binding(.anyOther, .text(.keepEditing)),
            ]
        case .search:
            return [
                Binding([.enter], .text(.submit), "open the selected result", hint: "open"),
                Binding([.escape, .ctrl("c")], .text(.cancel), "close search, back where you were", hint: "back", pinned: true),
                Binding([.up], .text(.selectPrevious)),
                Binding([.down], .text(.selectNext)),
                Binding([.pageUp], .text(.selectPageUp)),
                Binding([.pageDown], .text(.selectPageDown)),
                Binding([.tab], .text(.complete), "use the selected recent search"),
                promptHelp,
            ] + lineEditing
        case .walk:
            return WalkKeys.bindings(overview: false)
        case .follow:
            // Stepping is the presenter's; a delegate may leave, note, bookmark, look things up.
            return [Binding([.escape, .backspace], .back, "stop following and browse on your own (f follows again)", hint: "browse")] + notebook
                + global
        case .matrix:
            return [
                Binding([.up, .char("k")], .moveUp, "the State above"),
                Binding([.down, .char("j")], .moveDown, "the State below"),
                Binding([.left, .char("h")], .moveLeft),
                Binding([.right, .char("l")], .moveRight),
                Binding([.pageDown, .char(" "), .ctrl("f")], .pageDown),
                Binding([.pageUp, .char("b"), .ctrl("b")], .pageUp),
                Binding([.home, .char("g")], .top, "the first State"),
                Binding([.end, .char("G")], .bottom, "the last State"),
                Binding([.enter], .open, "explain this cell: the facts, dates and sources it rests on", hint: "explain"),
                Binding([.escape, .backspace], .back, hint: "back"),
            ] + history + [
                Binding([.char("'")], .jump, "go to a State by typing the start of its name"),
                Binding([.char("R")], .rateCell, hint: "rate"),
                Binding([.char("r")], .cycleRegion, "filter by region"),
                Binding([.char("f")], .cycleStatusFilter, "filter by status in the Convention on the date"),
                Binding([.char("c")], .cycleMembership),
                Binding([.char("s")], .toggleSort, "sort by the selected column, most progress first (again: by name)"),
            ] + notebook + global
        case .jumpPrompt:
            return [
                Binding([.enter], .text(.submit), "open the entry found", hint: "open"),
                Binding([.escape, .ctrl("c")], .text(.cancel), "stop typing, stay on the entry found", hint: "done", pinned: true),
                Binding([.up], .text(.selectPrevious), "the entry above"),
                Binding([.down], .text(.selectNext), "the entry below"),
                fieldHelp,
            ] + lineEditing
        case .menu:
            return [
                Binding([.up, .char("k")], .moveUp, "select the choice above"),
                Binding([.down, .char("j")], .moveDown, "select the choice below"),
                Binding([.enter], .open, "choose the selected one", hint: "choose"),
                Binding([.escape, .char("q"), .ctrl("c")], .back, "close, choosing nothing", hint: "close", pinned: true),
                Binding(.text, .menuKey),
            ]
        case .help:
            return [
                Binding([.escape, .char("?"), .char("q"), .enter, .function(1)], .back, "close help", hint: "close", pinned: true),
                Binding([.down, .char("j")], .moveDown, "scroll down", hint: "scroll"),
                Binding([.up, .char("k")], .moveUp, "scroll up"),
                Binding([.pageDown, .char(" "), .ctrl("f"), .ctrl("d")], .pageDown),
                Binding([.pageUp, .char("b"), .ctrl("b"), .ctrl("u")], .pageUp),
                Binding([.home, .char("g")], .top),
                Binding([.end, .char("G")], .bottom),
            ]
        }
    }

    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        KeyHelp.action(for: key, in: bindings(for: screen))
    }

    /// Help lines "keys  text", one per binding (digits collapsed into one line).
    public static func helpLines(for screen: ScreenKind) -> [HelpLine] {
        KeyHelp.lines(bindings(for: screen), isDigit: \.isDigit, group: \.group)
    }

    public static func hintLine(for screen: ScreenKind, width: Int = .max) -> String {
        KeyHelp.hintLine(bindings(for: screen), width: width)
    }
}
