import OctopusKit

/// Plain-text layout of a `Page` for the command line: wrapped to a width, links shown as
/// `label[n]` with a numbered list of targets at the end.
public enum TextLayout {
    public static func render(_ page: Page, width: Int = 80, title: (String) -> String? = { _ in nil }) -> String {
        let width = max(20, width)
        var out: [String] = [page.title, String(repeating: "=", count: min(width, TextWidth.columns(page.title)))]
        out += wrap(page.subtitle, width: width)
        out.append("")
        // Paragraphs and bullets after a numbered item belong to it (as in Markdown) until a
        // blank line or heading, so they are indented under it.
        var nest = ""
        for block in page.blocks {
            switch block {
            case .heading(let s):
                nest = ""
                out.append(s); out.append(String(repeating: "-", count: min(width, TextWidth.columns(s))))
            case .paragraph(let spans): out += wrap(text(spans), width: width, first: nest, rest: nest)
            case .bullet(let spans): out += wrap(text(spans), width: width, first: nest + "  - ", rest: nest + "    ")
            case .numbered(let n, let spans):
                out += wrap(text(spans), width: width, first: "  \(n). ", rest: "     ")
                nest = "     "
            case .field(let label, let spans): out += wrap(label + ": " + text(spans), width: width, first: nest, rest: nest + "  ")
            case .table(let t): out += TableLayout.text(t, width: width)
            case .blank:
                nest = ""
                if out.last != "" { out.append("") }
            }
        }
        if !page.links.isEmpty {
            out.append("")
            out.append("Links")
            out.append("-----")
            for (i, id) in page.links.enumerated() {
                out += wrap("[\(i + 1)] \(id)" + (title(id).map { "  \($0)" } ?? ""), width: width, first: "  ", rest: "      ")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func text(_ spans: [Page.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let s), .strong(let s): s
            case .link(let label, let n): "\(label)[\(n)]"
            }
        }.joined()
    }

    /// Word wrap by terminal columns, as the browser measures them (a wide letter is two).
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        TextWidth.wrap(text, width: width, first: first, rest: rest)
    }
}
