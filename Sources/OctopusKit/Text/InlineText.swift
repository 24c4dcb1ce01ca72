import Foundation

/// The one inline-link syntax inside knowledge-base text: `[[id]]` or `[[id|label]]`.
/// `[[art29]]` shows the target's short title; `[[art29|Article 29]]` shows "Article 29".
public enum InlineText {
    public enum Span: Sendable, Hashable {
        case text(String)
        case link(target: String, label: String?)
    }

    /// Splits text into plain runs and links. An unclosed `[[` is kept as plain text.
    public static func parse(_ text: String) -> [Span] {
        // Most text has no link: skip the search (this runs for every text at load time).
        guard text.utf8.contains(UInt8(ascii: "[")) else { return text.isEmpty ? [] : [.text(text)] }
        var spans: [Span] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            guard let close = rest[open.upperBound...].range(of: "]]") else { break }
            if open.lowerBound > rest.startIndex { spans.append(.text(String(rest[..<open.lowerBound]))) }
            let inner = rest[open.upperBound..<close.lowerBound]
            if let bar = inner.firstIndex(of: "|") {
                spans.append(
                    .link(
                        target: String(inner[..<bar]).trimmingCharacters(in: .whitespaces),
                        label: String(inner[inner.index(after: bar)...])))
            } else {
                spans.append(.link(target: String(inner).trimmingCharacters(in: .whitespaces), label: nil))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { spans.append(.text(String(rest))) }
        return spans
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
