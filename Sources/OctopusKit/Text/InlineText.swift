/// The one inline-link syntax inside knowledge-base text: `[[id]]` or `[[id|label]]`.
/// `[[art29]]` shows the target's short title; `[[art29|Article 29]]` shows "Article 29".
public enum InlineText {
    public enum Span: Sendable, Hashable {
        case text(String)
        case link(target: String, label: String?)
    }

    /// Splits text into plain runs and links. An unclosed `[[` is kept as plain text. The scan is
    /// on UTF-8 bytes (it runs for every text at load time): `[`, `]` and `|` are ASCII, so they
    /// never fall inside a multi-byte character.
    public static func parse(_ text: String) -> [Span] {
        let utf8 = text.utf8
        // Most text has no link: skip the search.
        guard utf8.contains(UInt8(ascii: "[")) else { return text.isEmpty ? [] : [.text(text)] }
        var spans: [Span] = []
        var rest = utf8.startIndex
        while let open = find(UInt8(ascii: "["), twiceIn: utf8, from: rest) {
            let innerStart = utf8.index(open, offsetBy: 2)
            guard let close = find(UInt8(ascii: "]"), twiceIn: utf8, from: innerStart) else { break }
            if open > rest { spans.append(.text(String(text[rest..<open]))) }
            let inner = text[innerStart..<close]
            if let bar = inner.utf8.firstIndex(of: UInt8(ascii: "|")) {
                spans.append(.link(target: trimmed(inner[..<bar]), label: String(inner[inner.utf8.index(after: bar)...])))
            } else {
                spans.append(.link(target: trimmed(inner), label: nil))
            }
            rest = utf8.index(close, offsetBy: 2)
        }
        if rest < utf8.endIndex { spans.append(.text(String(text[rest...]))) }
        return spans
    }

    /// The index of the first of two `byte`s in a row at or after `start`.
    static func find(_ byte: UInt8, twiceIn utf8: String.UTF8View, from start: String.Index) -> String.Index? {
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == byte {
                let next = utf8.index(after: i)
                if next < utf8.endIndex, utf8[next] == byte { return i }
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// Without leading and trailing horizontal space (a link target never holds a line break).
    static func trimmed(_ s: Substring) -> String {
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" || (c.unicodeScalars.first?.properties.generalCategory == .spaceSeparator) }
        guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(s[first...last])
    }

    /// Link targets in order of first appearance.
    public static func targets(in text: String) -> [String] {
        parse(text).compactMap { if case .link(let t, _) = $0 { t } else { nil } }
    }

    /// Plain text with links replaced by their labels (the target's short title by default).
    public static func plain(_ text: String, title: (String) -> String?) -> String {
        parse(text).map { span in
            switch span {
            case .text(let s): s
            case .link(let target, let label): label ?? title(target) ?? target
            }
        }.joined()
    }
}
