import OctopusKit

/// Something a key can ask for, with its help text written once, on the action (as tig writes
/// each request once with its help). A binding says it differently only where a screen gives the
/// action a narrower sense ("open section" on the home screen).
public protocol KeyAction: Sendable, Hashable {
    var help: String { get }
}

/// Keys a binding takes besides those it lists.
public enum KeyClass: Sendable, Hashable {
    /// Any printable character (`TextField.isText`): what a text field inserts.
    case text
    /// Any key no other binding of the table takes: a yes/no question, where all but yes is no.
    case anyOther

    public func contains(_ key: Key) -> Bool {
        switch self {
        case .text: if case .char(let c) = key { TextField.isText(c) } else { false }
        case .anyOther: true
        }
    }

    /// How the class is written in help text.
    var description: String { self == .text ? "text" : "other keys" }
}

/// One line of a key table: keys → action, and how help and the hint bar show it.
public struct KeyBinding<A: KeyAction>: Sendable, Hashable {
    public var keys: [Key]
    public var keyClass: KeyClass?
    public var action: A
    /// This binding's own help text, where the action's does not say enough here.
    public var helpOverride: String?
    /// Short label for the hint bar (only the most useful few have one), after the first key.
    public var hint: String?
    /// Kept in the hint bar however narrow the terminal, so it still says how to get out.
    public var pinned: Bool
    /// What the hint bar writes for the keys instead of the first one ("1-9 Enter").
    public var hintKeys: String?

    public init(_ keys: [Key], _ action: A, _ help: String? = nil, hint: String? = nil, pinned: Bool = false, hintKeys: String? = nil) {
        self.keys = keys; self.action = action; self.helpOverride = help
        self.hint = hint; self.pinned = pinned; self.hintKeys = hintKeys
    }

    public init(_ keyClass: KeyClass, _ action: A, _ help: String? = nil) {
        self.init([], action, help)
        self.keyClass = keyClass
    }

    public var help: String { helpOverride ?? action.help }

    /// "Esc cancel", as the hint bar shows it, if the binding has a hint.
    var hintText: String? { hint.map { "\(hintKeys ?? keys.first?.description ?? keyClass?.description ?? "") \($0)" } }
}

/// One line of the help screen: the keys, what they do, and the heading it sits under.
public struct HelpLine: Sendable, Hashable {
    public var group: HelpGroup
    public var keys: String
    public var help: String
}

/// Lookup, help and hints, done the same way for every table (the browser's and the walkthrough's).
enum KeyHelp {
    /// The action a key asks for: a binding that lists the key wins over one that takes its class,
    /// and "any other key" comes last, so Space in a text field types a space.
    static func action<A>(for key: Key, in bindings: [KeyBinding<A>]) -> A? {
        bindings.first { $0.keys.contains(key) }?.action
            ?? bindings.first { $0.keyClass == .text && KeyClass.text.contains(key) }?.action
            ?? bindings.first { $0.keyClass == .anyOther }?.action
    }

    /// "keys  text", one line per binding, by group and then in table order; the ten digit
    /// bindings collapse into one "0-9" line.
    static func lines<A>(_ bindings: [KeyBinding<A>], isDigit: (A) -> Bool, group: (A) -> HelpGroup) -> [HelpLine] {
        var out: [HelpLine] = []
        var digitsShown = false
        for b in bindings {
            if isDigit(b.action) {
                if !digitsShown { out.append(HelpLine(group: group(b.action), keys: "0-9", help: b.help)); digitsShown = true }
                continue
            }
            let keys = (b.keys.map(\.description) + [b.keyClass?.description].compactMap { $0 }).joined(separator: " ")
            out.append(HelpLine(group: group(b.action), keys: keys, help: b.help))
        }
        let order = HelpGroup.allCases
        return out.enumerated().sorted { (order.firstIndex(of: $0.element.group)!, $0.offset) < (order.firstIndex(of: $1.element.group)!, $1.offset) }
            .map(\.element)
    }

    /// As many hints as fit the width, in table order, then the pinned ones, which always stay.
    static func hintLine<A>(_ bindings: [KeyBinding<A>], width: Int = .max) -> String {
        let kept = bindings.filter(\.pinned).compactMap(\.hintText)
        var chosen: [String] = []
        var used = kept.reduce(0) { $0 + TextWidth.columns($1) + 2 }
        for h in bindings.filter({ !$0.pinned }).compactMap(\.hintText) {
            let w = TextWidth.columns(h) + 2
            if used + w > width { break }
            chosen.append(h); used += w
        }
        return (chosen + kept).joined(separator: "  ")
    }
}
