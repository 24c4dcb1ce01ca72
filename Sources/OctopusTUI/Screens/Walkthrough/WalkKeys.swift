/// The walkthrough's keys as data, in the browser's `Binding`s: one table per view (a step, the
/// agenda overview), its own keys first, then those the browser offers on every screen that shows
/// a record, so a facilitator can go to, search, bookmark and note mid-walk. PgDn/PgUp move
/// between steps because that is what presentation remotes send.
public enum WalkKeys {
    static func walk(_ keys: [Key], _ action: WalkAction, _ help: String? = nil, hint: String? = nil, hintKeys: String? = nil) -> Binding {
        Binding(keys, .walkthrough(action), help, hint: hint, hintKeys: hintKeys)
    }

    static let common: [Binding] = [
        walk([.char(" "), .right, .pageDown, .char("n")], .next, hint: "next"),
        walk([.left, .pageUp], .previous, hint: "back"),
        walk([.char("o")], .toggleOverview, hint: "agenda"),
        walk([.char("P")], .togglePause, hint: "pause"),
        walk([.char("s")], .startClock),
        walk([.char(".")], .blank),
        walk([.char("p")], .toggleNotes, hint: "notes"),
        walk([.function(5)], .toggleProjector, hint: "projector"),
    ]

    /// The browser's keys, with only help and quit kept in the hint row (the walkthrough's own
    /// hints come first there).
    static let shared: [Binding] = (KeyTable.notebook + KeyTable.global).map { b in
        var b = b
        if !b.pinned { b.hint = nil }
        return b
    }

    public static func bindings(overview: Bool) -> [Binding] {
        if overview {
            return [
                walk([.up, .char("k"), .wheelUp], .scrollUp, "highlight the step above"),
                walk([.down, .char("j"), .wheelDown], .scrollDown, "highlight the step below"),
                walk([.enter], .enter, "go to the step typed, or the one highlighted", hint: "go"),
                walk([.escape, .backspace], .cancel, "clear the number typed, or close the agenda"),
            ] + digits("type a step number, then Enter") + common + shared
        }
        return [
            walk([.down, .char("j"), .wheelDown], .scrollDown),
            walk([.up, .char("k"), .wheelUp], .scrollUp),
            walk([.home, .char("g")], .first),
            walk([.end, .char("G")], .last),
            walk([.enter], .enter, hint: "link", hintKeys: "1-9 Enter"),
            walk([.escape, .backspace], .cancel),
        ] + digits(nil) + common + shared
    }

    private static func digits(_ help: String?) -> [Binding] {
        (0...9).map { walk([.char(Character(String($0)))], .digit($0), help) }
    }
}
