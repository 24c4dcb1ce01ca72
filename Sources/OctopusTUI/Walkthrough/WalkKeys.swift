/// The walkthrough's keys as data, like `KeyTable`: one list per view (a step, the agenda
/// overview), from which the help overlay and the hint bar are generated. PgDn/PgUp move between
/// steps because that is what presentation remotes send.
public typealias WalkBinding = KeyBinding<WalkAction>

public enum WalkKeys {
    static let common: [WalkBinding] = [
        WalkBinding([.char(" "), .right, .pageDown, .char("n")], .next, "next step (a presenter remote's PgDn too)", hint: "Space next"),
        WalkBinding([.left, .pageUp], .previous, "previous step", hint: "← back"),
        WalkBinding([.char("o")], .toggleOverview, "agenda overview: where you are, jump to a step", hint: "o agenda"),
        WalkBinding([.char("P")], .togglePause, "pause or resume the clock", hint: "P pause"),
        WalkBinding([.char("p")], .toggleNotes, "presenter notes (on the projector: for this step only)", hint: "p notes"),
        WalkBinding([.function(5)], .toggleProjector, "projector layout: large, high contrast, no notes", hint: "F5 projector"),
        WalkBinding([.char("?")], .help, "help: all keys", hint: "? help"),
        WalkBinding([.char("q"), .ctrl("c")], .quit, "quit", hint: "q quit"),
    ]

    public static func bindings(overview: Bool) -> [WalkBinding] {
        if overview {
            return [
                WalkBinding([.up, .char("k"), .wheelUp], .scrollUp, "highlight the step above"),
                WalkBinding([.down, .char("j"), .wheelDown], .scrollDown, "highlight the step below"),
                WalkBinding([.enter], .enter, "go to the step typed, or the one highlighted", hint: "Enter go"),
                WalkBinding([.escape, .backspace], .cancel, "clear the number typed, or close the agenda"),
            ] + digits("type a step number, then Enter") + common
        }
        return [
            WalkBinding([.down, .char("j"), .wheelDown], .scrollDown, "scroll the step down"),
            WalkBinding([.up, .char("k"), .wheelUp], .scrollUp, "scroll the step up"),
            WalkBinding([.home, .char("g")], .first, "first step"),
            WalkBinding([.end, .char("G")], .last, "last step"),
            WalkBinding([.enter], .enter, "open the link whose number was typed (Esc there comes back here)", hint: "1-9 Enter link"),
            WalkBinding([.escape, .backspace], .cancel, "clear the number typed, or leave the walkthrough"),
        ] + digits("type a link number, then Enter") + common
    }

    private static func digits(_ help: String) -> [WalkBinding] {
        (0...9).map { WalkBinding([.char(Character(String($0)))], .digit($0), help) }
    }

    public static func action(for key: Key, in state: WalkState) -> WalkAction? {
        bindings(overview: state.overview).first { $0.keys.contains(key) }?.action
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
        KeyHelp.hintLine(bindings(overview: overview).compactMap(\.hint), width: width)
    }
}
