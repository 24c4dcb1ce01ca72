/// How styles become what the terminal shows. Meaning rests on attributes the default foreground
/// carries on any background — bold headings and labels, underlined links, reverse selections —
/// and a theme only adds a colour that reads on the background it is made for: no yellow or cyan
/// on a light terminal, no dark blue on a dark one, no colour at all in `mono`.
public enum Theme: String, Sendable, Hashable, CaseIterable {
    case dark, light, mono

    /// What one style looks like: its attributes, and a colour (a curses colour number) or nil
    /// for the terminal's own foreground.
    public struct Look: Sendable, Hashable {
        public var color: Int16?
        public var bold: Bool
        public var underline: Bool
        public var reverse: Bool
        /// Faint text (SGR 2), where no grey is available.
        public var dim: Bool
    }

    /// The look of a style on a terminal with `colors` colours (8, 16, 256).
    public func look(_ style: Style, colors: Int) -> Look {
        var look = Look(color: nil, bold: style.bold, underline: style.underline, reverse: style.reverse, dim: false)
        // Reverse video is the selection and the bars: the terminal's own two colours swapped,
        // readable on any background.
        if style.reverse { return look }
        let grey: Int16? = colors >= 16 ? 8 : nil
        switch (self, style.role) {
        case (.mono, .dim): look.dim = true
        case (.mono, _): break
        case (_, .dim):
            // Bright black is a mid grey on dark and light backgrounds alike.
            if let grey { look.color = grey } else { look.dim = true }
        case (.dark, .heading): look.color = Self.cyan
        case (.dark, .accent): look.color = Self.yellow
        case (.dark, .link): look.color = colors >= 16 ? Self.brightBlue : Self.cyan
        case (.dark, .warning): look.color = colors >= 16 ? Self.brightRed : Self.red
        case (.light, .heading): look.color = Self.blue
        case (.light, .accent): look.color = Self.magenta
        case (.light, .link): look.color = Self.blue
        case (.light, .warning): look.color = Self.red
        default: break
        }
        return look
    }

    // The ANSI colour numbers curses uses (COLOR_RED …), and the bright ones of 16-colour terminals.
    static let red: Int16 = 1, yellow: Int16 = 3, blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6
    static let brightRed: Int16 = 9, brightBlue: Int16 = 12

    /// The theme a terminal reports, from `COLORFGBG` ("15;0": white on black): its last field is
    /// the background's colour number; 7 and 9–15 are light, 0–6 and 8 dark. nil when it says nothing usable.
    public static func fromCOLORFGBG(_ value: String) -> Theme? {
        guard let last = value.split(separator: ";", omittingEmptySubsequences: false).last, let bg = Int(last), (0...255).contains(bg) else { return nil }
        if bg == 7 || (9...15).contains(bg) { return .light }
        if bg < 16 { return .dark }
        return nil
    }

    /// The theme for a background colour an OSC 11 query returned ("rgb:ffff/ffff/ffff", one to
    /// four hex digits a channel): light when its relative luminance is above one half.
    public static func fromBackgroundReply(_ reply: String) -> Theme? {
        guard let r = reply.firstRange(of: "rgb:") else { return nil }
        let channels = reply[r.upperBound...].prefix { $0.isHexDigit || $0 == "/" }.split(separator: "/")
        guard channels.count == 3 else { return nil }
        var values: [Double] = []
        for c in channels {
            guard (1...4).contains(c.count), let v = UInt32(c, radix: 16) else { return nil }
            values.append(Double(v) / Double((1 << (4 * c.count)) - 1))
        }
        let luminance = 0.2126 * values[0] + 0.7152 * values[1] + 0.0722 * values[2]
        return luminance > 0.5 ? .light : .dark
    }

    /// The theme to draw with: mono when colour is off (`--no-color`, `NO_COLOR`), else the one
    /// asked for (`--theme`, else `OCTOPUS_THEME`), else what the terminal says of its background
    /// (`COLORFGBG`, else the answer to `query`, an OSC 11 question), else dark.
    public static func choose(
        asked: Theme?, environment: [String: String], colorAllowed: Bool, query: () -> String?
    ) -> Theme {
        if !colorAllowed { return .mono }
        if let asked { return asked }
        if let named = environment["OCTOPUS_THEME"].flatMap({ Theme(rawValue: $0.lowercased()) }) { return named }
        if let t = environment["COLORFGBG"].flatMap(fromCOLORFGBG) { return t }
        if let reply = query(), let t = fromBackgroundReply(reply) { return t }
        return .dark
    }
}
