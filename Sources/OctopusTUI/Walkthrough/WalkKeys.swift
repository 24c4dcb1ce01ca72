/// The walkthrough's keys as data, like `KeyTable`: one list per view (a step, the agenda
/// overview), from which the help overlay and the hint bar are generated. PgDn/PgUp move between
/// steps because that is what presentation remotes send.
public typealias WalkBinding = KeyBinding<WalkAction>

public enum WalkKeys {
    static let common: [WalkBinding] = [
        WalkBinding([.char(" "), .right, .pageDown, .char("n")], .next, hint: "next"),
        WalkBinding([.left, .pageUp], .previous, hint: "back"),
        WalkBinding([.char("o")], .toggleOverview, hint: "agenda"),
        WalkBinding([.char("P")], .togglePause, hint: "pause"),
        WalkBinding([.char("p")], .toggleNotes, hint: "notes"),
        WalkBinding([.function(5)], .toggleProjector, hint: "projector"),
        WalkBinding([.char("?")], .help, hint: "help", pinned: true),
        WalkBinding([.char("q"), .ctrl("c")], .quit, hint: "quit", pinned: true),
    ]

    public static func bindings(overview: Bool) -> [WalkBinding] {
        if overview {
            return [
                WalkBinding([.up, .char("k"), .wheelUp], .scrollUp, "highlight the step above"),
                WalkBinding([.down, .char("j"), .wheelDown], .scrollDown, "highlight the step below"),
                WalkBinding([.enter], .enter, "go to the step typed, or the one highlighted", hint: "go"),
                WalkBinding([.escape, .backspace], .cancel, "clear the number typed, or close the agenda"),
            ] + digits("type a step number, then Enter") + common
        }
        return [
            WalkBinding([.down, .char("j"), .wheelDown], .scrollDown),
            WalkBinding([.up, .char("k"), .wheelUp], .scrollUp),
            WalkBinding([.home, .char("g")], .first),
            WalkBinding([.end, .char("G")], .last),
            WalkBinding([.enter], .enter, hint: "link", hintKeys: "1-9 Enter"),
            WalkBinding([.escape, .backspace], .cancel),
        ] + digits(nil) + common
    }

    private static func digits(_ help: String?) -> [WalkBinding] {
        (0...9).map { WalkBinding([.char(Character(String($0)))], .digit($0), help) }
    }

    public static func action(for key: Key, in state: WalkState) -> WalkAction? {
        KeyHelp.action(for: key, in: bindings(overview: state.overview))
    }

    /// Help lines "keys  text", one per binding, the ten digits as one line (the mouse wheel is
    /// left out: it is not what a facilitator at a projector reaches for).
    public static func helpLines(overview: Bool) -> [(keys: String, help: String)] {
        let shown = bindings(overview: overview).map { b in
            var b = b; b.keys = b.keys.filter { $0 != .wheelUp && $0 != .wheelDown }; return b
        }
        return KeyHelp.lines(shown) { if case .digit = $0 { true } else { false } }
    }

    public static func hintLine(overview: Bool, width: Int = .max) -> String {
        KeyHelp.hintLine(bindings(overview: overview), width: width)
    }
}
