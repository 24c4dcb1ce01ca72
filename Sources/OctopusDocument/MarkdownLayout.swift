import FoundationEssentials
import Glibc
import OctopusKit

/// Markdown layout of a `Page`, for handouts and exports: the third renderer of the one layout
/// (beside `TextLayout` and the terminal browser).
///
/// Links become `[label](#anchor)` when their target is in the same document (the caller says
/// which through `anchor`), else the label alone: a handout reads as a document, not as a list of ids.
/// Every piece of knowledge-base text is escaped, so a `*` or `[` in a summary stays a character
/// and cannot change the document's structure. Lines are not wrapped: a wrapped line that starts
/// with "1." or "-" would turn into a list.
public enum MarkdownLayout {
    /// - Parameters:
    ///   - level: heading level of the page title (1 = `#`); the page's own headings are one deeper.
    ///   - anchor: the in-document anchor for a record id, or nil when it is not in the document.
    ///   - anchorTitle: put `<a id="…"></a>` in the title heading, so other parts can link here.
    public static func render(
        _ page: Page, level: Int = 1, anchor: (String) -> String? = { _ in nil },
        anchorTitle: Bool = false
    ) -> String {
        let level = min(max(level, 1), 5)
        // The anchor goes inside the heading: on a line of its own it renders as an empty paragraph.
        let target = anchorTitle ? "<a id=\"\(anchorName(page.id))\"></a>" : ""
        var out = [String(repeating: "#", count: level) + " " + target + escape(page.title)]
        if !page.subtitle.isEmpty { out += ["", "*" + escape(page.subtitle) + "*"] }
        // The writer only lives during this call, so the closure does not really escape.
        return withoutActuallyEscaping(anchor) { anchor in
            var writer = BlockWriter(lines: out, page: page, anchor: anchor, headingPrefix: String(repeating: "#", count: level + 1))
            for block in page.blocks { writer.add(block) }
            return writer.lines.joined(separator: "\n") + "\n"
        }
    }

    /// The texts listed under the page's "Sources" heading, in order.
    public static func sources(of page: Page) -> [String] {
        guard let start = page.blocks.firstIndex(of: .heading("Sources")) else { return [] }
        var out: [String] = []
        for block in page.blocks[(start + 1)...] {
            guard case .numbered(_, let spans) = block else { break }
            out.append(Page.plain(spans))
        }
        return out
    }

    /// A stable anchor for a record id: lower case, letters, digits and hyphens ("PT" → "pt").
    public static func anchorName(_ id: String) -> String {
        let name = String(id.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        return name.isEmpty ? "record" : name
    }

    /// Escapes inline Markdown syntax (and HTML) so the text renders as written.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|", "#": out.append("\\"); out.append(c)
            case "&": out.append("&amp;")
            default: out.append(c)
            }
        }
        return out
    }

    /// Escapes a text that starts a line, where "-", "+", "=" or "12." would start a list or a
    /// heading underline.
    /// A table block as a GitHub table; a marked row's label ends in ≠, a cell's line breaks fold.
    public static func table(_ t: Page.Table) -> [String] {
        func cell(_ s: String) -> String { escape(Sanitizer.clean(s)).replacingEvery("|", with: "\\|") }
        var out = ["| | " + t.columns.map(cell).joined(separator: " | ") + " |", "|---|" + t.columns.map { _ in "---|" }.joined()]
        for r in t.rows { out.append("| " + cell(r.label) + (r.marked ? " ≠" : "") + " | " + r.cells.map(cell).joined(separator: " | ") + " |") }
        return out
    }

    public static func escapeLineStart(_ text: String) -> String { guardLineStart(escape(text)) }

    /// The same for text that is already escaped.
    static func guardLineStart(_ escaped: String) -> String {
        guard let first = escaped.first else { return escaped }
        if "-+=".contains(first) { return "\\" + escaped }
        let digits = escaped.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = escaped.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + escaped.dropFirst(digits.count)
        }
        return escaped
    }

    /// A person's own text (a note) as a block quote, every line prefixed with "> ". The note's
    /// Markdown is kept, since people write lists and emphasis in notes, but control characters
    /// are removed and raw HTML is shown as text.
    public static func blockquote(_ text: String) -> String {
        let clean = Sanitizer.clean(text.replacingEvery("\r\n", with: "\n"), keepNewlines: true)
        var lines = clean.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = line.replacingEvery("<", with: "&lt;")
            // A "# title" or a "---" underline in a note would add a heading to the outline of
            // the whole document; the note's other Markdown (lists, emphasis) is kept.
            let body = text.drop { $0 == " " }
            let indent = text.prefix(text.count - body.count)
            if body.hasPrefix("#") || (!body.isEmpty && body.allSatisfy { "-=".contains($0) || $0 == " " }) {
                return indent + "\\" + body
            }
            return text
        }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        // A line break the user typed is kept: CommonMark joins consecutive lines into one
        // paragraph unless a line ends with a backslash (a hard break). Blank lines stay paragraph breaks.
        return lines.indices.map { i in
            let line = lines[i]
            if line.isEmpty { return ">" }
            let breaks = i + 1 < lines.count && !lines[i + 1].isEmpty && !line.hasSuffix("\\")
            return "> " + line + (breaks ? "\\" : "")
        }.joined(separator: "\n")
    }

    /// `<https://…>` for a bare web address, so it renders as a link; anything else escaped.
    public static func textOrURL(_ text: String) -> String {
        let t = text.trimmed(newlines: false)
        if (t.hasPrefix("https://") || t.hasPrefix("http://")), !t.contains(" "), !t.contains(">"), !t.contains("<") {
            return "<" + t + ">"
        }
        return escape(text)
    }

    static func inline(_ spans: [Page.Span], page: Page, anchor: (String) -> String?) -> String {
        if spans.count == 1, case .text(let s) = spans[0] { return textOrURL(s) }
        return spans.map { span in
            switch span {
            case .text(let s):
                return escape(s)
            case .strong(let s):
                // "**a: **" does not render as bold: the spaces go outside the markers.
                let core = s.trimmed(newlines: false)
                guard !core.isEmpty else { return s }
                let lead = s.prefix { $0 == " " }, trail = String(s.reversed().prefix { $0 == " " })
                return lead + "**" + escape(core) + "**" + trail
            case .link(let label, let number):
                guard number >= 1, number <= page.links.count else { return escape(label) }
                let id = page.links[number - 1]
                if let a = anchor(id) { return "[" + escape(label) + "](#" + a + ")" }
                // A record outside the document is named, as a document names things: its label
                // is a name `octopus show` resolves, and an id in parentheses would read as noise.
                return escape(label)
            }
        }.joined()
    }
}

/// Joins blocks with the blank lines Markdown needs: consecutive list items stay together, every
/// other block is its own paragraph, and what follows a numbered item (its summary, key points)
/// is indented under it until the next blank block or heading.
private struct BlockWriter {
    var lines: [String]
    let page: Page
    let anchor: (String) -> String?
    let headingPrefix: String

    private enum Last { case other, bullet, numbered }
    private var last: Last = .other
    private var indent = ""

    init(lines: [String], page: Page, anchor: @escaping (String) -> String?, headingPrefix: String) {
        self.lines = lines; self.page = page; self.anchor = anchor; self.headingPrefix = headingPrefix
    }

    private mutating func paragraphBreak() {
        if let l = lines.last, !l.isEmpty { lines.append("") }
    }

    private func text(_ spans: [Page.Span]) -> String { MarkdownLayout.inline(spans, page: page, anchor: anchor) }

    mutating func add(_ block: Page.Block) {
        switch block {
        case .heading(let s):
            indent = ""
            paragraphBreak()
            lines.append(headingPrefix + " " + MarkdownLayout.escape(s))
            last = .other
        case .paragraph(let spans):
            paragraphBreak()
            lines.append(indent + lineStart(spans))
            last = .other
        case .bullet(let spans):
            if last != .bullet { paragraphBreak() }
            lines.append(indent + "- " + text(spans))
            last = .bullet
        case .numbered(let n, let spans):
            indent = ""
            if last != .numbered { paragraphBreak() }
            lines.append("\(n). " + text(spans))
            indent = String(repeating: " ", count: "\(n). ".count)
            last = .numbered
        case .field(let label, let spans):
            paragraphBreak()
            lines.append(indent + "**" + MarkdownLayout.escape(label) + ":** " + text(spans))
            last = .other
        case .table(let t):
            paragraphBreak()
            lines += MarkdownLayout.table(t)
            last = .other
        case .blank:
            indent = ""
            paragraphBreak()
            last = .other
        }
    }

    private func lineStart(_ spans: [Page.Span]) -> String {
        // Only a leading plain text can look like a list marker; links and bold start with [ or *.
        guard case .text? = spans.first else { return text(spans) }
        return MarkdownLayout.guardLineStart(text(spans))
    }
}
