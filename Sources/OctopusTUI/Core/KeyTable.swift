import OctopusKit

/// Keys are data: one table per screen of key → action → help text. The help overlay and the
/// hint bar are generated from it, and a test rejects two actions on one key. The browser's
/// tables bind `Action`s, the walkthrough's `WalkAction`s (see `WalkKeys`).
public struct KeyBinding<A: Sendable & Hashable>: Sendable, Hashable {
    public var keys: [Key]
    public var action: A
    public var help: String
    /// Text for the one-line hint bar (only the most useful few have one).
    public var hint: String?
    public init(_ keys: [Key], _ action: A, _ help: String, hint: String? = nil) {
        self.keys = keys; self.action = action; self.help = help; self.hint = hint
    }
}

public typealias Binding = KeyBinding<Action>

/// Help overlay and hint bar text, generated the same way from any key table.
enum KeyHelp {
    /// "keys  text", one line per binding; the ten digit bindings collapse into one "0-9" line.
    static func lines<A>(_ bindings: [KeyBinding<A>], isDigit: (A) -> Bool) -> [(keys: String, help: String)] {
        var out: [(String, String)] = []
        var digitsShown = false
        for b in bindings {
            if isDigit(b.action) {
                if !digitsShown { out.append(("0-9", b.help)); digitsShown = true }
                continue
            }
            out.append((b.keys.map(\.description).joined(separator: " "), b.help))
        }
        return out
    }

    /// As many hints as fit the width, in table order, but "? help" and "q quit" always stay, so a
    /// narrow terminal still says how to get out.
    static func hintLine(_ all: [String], width: Int = .max) -> String {
        let kept = all.filter { $0.hasPrefix("? ") || $0.hasPrefix("q ") }
        var chosen: [String] = []
        var used = kept.reduce(0) { $0 + TextWidth.columns($1) + 2 }
        for h in all where !kept.contains(h) {
            let w = TextWidth.columns(h) + 2
            if used + w > width { break }
            chosen.append(h); used += w
        }
        return (chosen + kept).joined(separator: "  ")
    }
}

public enum ScreenKind: String, Sendable, Hashable, CaseIterable {
    case home, list, page, gotoPrompt, help, editor, search
    /// The walkthrough has its own table, `WalkKeys`.
    case walk
}

public enum KeyTable {
    static let movement: [Binding] = [
        Binding([.up, .char("k")], .moveUp, "move up"),
        Binding([.down, .char("j")], .moveDown, "move down"),
        Binding([.pageUp, .ctrl("b")], .pageUp, "page up"),
        Binding([.pageDown, .ctrl("f"), .char(" ")], .pageDown, "page down"),
        Binding([.home, .char("g")], .top, "go to top"),
        Binding([.end, .char("G")], .bottom, "go to bottom"),
        Binding([.wheelUp], .moveUp, "scroll up (with --mouse)"),
        Binding([.wheelDown], .moveDown, "scroll down (with --mouse)"),
    ]
    /// What every text field does with these keys (`TextField.edit`): by whole character as seen.
    static let textEditing: [Binding] = [
        Binding([.left, .right], .edit, "move by one character"),
        Binding([.home, .end, .ctrl("a"), .ctrl("e")], .edit, "start or end of the line"),
        Binding([.backspace, .delete, .ctrl("d")], .edit, "delete the character before or under the cursor"),
        Binding([.ctrl("u")], .edit, "clear the line"),
    ]
    /// The notebook's keys, on every screen that shows records.
    static let notebook: [Binding] = [
        Binding([.char("b")], .toggleBookmark, "bookmark or unbookmark this record"),
        Binding([.char("a")], .writeNote, "write a note on this record ($VISUAL/$EDITOR if set)"),
        Binding([.char("e")], .addToHandout, "add this record to the handout tray"),
        Binding([.char("E")], .writeHandout, "write the handout tray as a Markdown briefing pack"),
        Binding([.char("B")], .openBookmarks, "your bookmarks"),
    ]
    static let global: [Binding] = [
        Binding([.char("/")], .search, "search everything (results as you type)", hint: "search"),
        Binding([.char(":")], .goTo, "go to an address: art 29, PT, ws 3, portugal", hint: "go to"),
        Binding([.char("t")], .toggleDate, "status date: conference ⇄ latest"),
        Binding([.char("?")], .help, "help: all keys", hint: "help"),
        Binding([.char("q"), .ctrl("c")], .quit, "quit", hint: "quit"),
        Binding(suspendKeys, .suspend, "suspend to the shell (fg comes back)"),
    ]
    /// Ctrl-Z works on every screen, text fields and the walkthrough included, as in less and vim.
    static let suspendKeys: [Key] = [.ctrl("z")]

    public static func bindings(for screen: ScreenKind) -> [Binding] {
        switch screen {
        case .home:
            return movement + [
                Binding([.enter, .right, .char("l")], .open, "open section", hint: "open"),
                Binding([.char("]"), .ctrl("o")], .forward, "forward in history"),
                Binding([.char("B")], .openBookmarks, "your bookmarks"),
                Binding([.char("E")], .writeHandout, "write the handout tray as a Markdown briefing pack"),
            ] + global
        case .list:
            return movement + [
                Binding([.enter, .right, .char("l")], .open, "open", hint: "open"),
                Binding([.escape, .left, .backspace, .char("h")], .back, "back", hint: "back"),
                Binding([.char("]"), .ctrl("o")], .forward, "forward in history"),
                Binding([.tab], .focus, "move focus to the preview (wide terminals)"),
                Binding([.char("z")], .toggleFold, "fold or unfold a chapter"),
                Binding([.char("r")], .cycleRegion, "countries: filter by region"),
                Binding([.char("f")], .cycleStatusFilter, "countries: filter by status"),
                Binding([.char("s")], .toggleSort, "countries: sort by name or date"),
                Binding([.char("w")], .walk, "sessions: walk a room through the selected session"),
            ] + notebook + global
        case .page:
            return movement + [
                Binding([.tab], .nextLink, "select next link", hint: "link"),
                Binding([.backTab], .previousLink, "select previous link"),
                Binding([.enter, .right, .char("l")], .open, "follow the selected link (or the number typed)", hint: "follow"),
                Binding([.escape, .left, .backspace, .char("h")], .back, "back", hint: "back"),
                Binding([.char("]"), .ctrl("o")], .forward, "forward in history"),
                Binding([.char("n")], .nextMatch, "next match of the last search on this page"),
                Binding([.char("N")], .previousMatch, "previous match of the last search on this page"),
                Binding([.char("w")], .walk, "walk a room through this session (facilitator mode)"),
            ] + (0...9).map { Binding([.char(Character(String($0)))], .digit($0), "type a link number, then Enter") } + notebook + global
        case .gotoPrompt:
            return [
                Binding([.enter], .edit, "go"),
                Binding([.escape], .edit, "cancel"),
                Binding([.tab], .edit, "complete"),
            ] + textEditing
        case .editor:
            return [
                Binding([.ctrl("s")], .edit, "save the note", hint: "save"),
                Binding([.escape], .edit, "cancel (asks before discarding what you wrote)", hint: "cancel"),
                Binding([.up, .down], .edit, "move to the line above or below"),
                Binding([.enter], .edit, "new line"),
                Binding([.tab], .edit, "four spaces"),
            ] + textEditing.filter { !$0.keys.contains(.ctrl("u")) }   // no one-key loss of a line of a note
        case .search:
            return [
                Binding([.enter], .edit, "open the selected result", hint: "open"),
                Binding([.escape], .edit, "close search, back where you were", hint: "back"),
                Binding([.up, .down, .pageUp, .pageDown], .edit, "select a result"),
                Binding([.tab], .edit, "use the selected recent search"),
            ] + textEditing
        case .walk:
            return []   // see WalkKeys
        case .help:
            return [
                Binding([.escape, .char("?"), .char("q"), .enter], .back, "close help"),
                Binding([.up, .char("k")], .moveUp, "scroll up"),
                Binding([.down, .char("j")], .moveDown, "scroll down"),
            ]
        }
    }

    public static func action(for key: Key, on screen: ScreenKind) -> Action? {
        bindings(for: screen).first { $0.keys.contains(key) }?.action
    }

    /// Help lines "keys  text", one per binding (digits collapsed into one line).
    public static func helpLines(for screen: ScreenKind) -> [(keys: String, help: String)] {
        KeyHelp.lines(bindings(for: screen)) { if case .digit = $0 { true } else { false } }
    }

    public static func hintLine(for screen: ScreenKind, width: Int = .max) -> String {
        KeyHelp.hintLine(hints(for: screen), width: width)
    }

    static func hints(for screen: ScreenKind) -> [String] {
        bindings(for: screen).compactMap { b in b.hint.map { "\(b.keys[0]) \($0)" } }
    }
}
