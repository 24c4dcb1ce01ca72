import OctopusKit

/// Plain-text layout of a `Page` for the command line: wrapped to a width, links shown as
/// `label[n]` with a numbered list of targets at the end.
public enum TextLayout {
    public static func render(_ page: Page, width: Int = 80, title: (String) -> String? = { _ in nil }) -> String {
        let width = max(20, width)
        var out = Lines()
        out.add(page.title)
        out.add(String(repeating: "=", count: min(width, TextWidth.columns(page.title))))
        out.add(wrap(page.subtitle, width: width))
        out.add("")
        // Paragraphs and bullets after a numbered item belong to it (as in Markdown) until a
        // blank line or heading, so they are indented under it.
        var nest = ""
        for block in page.blocks {
            switch block {
            case .heading(let s):
                nest = ""
                out.add(s); out.add(String(repeating: "-", count: min(width, TextWidth.columns(s))))
            case .paragraph(let spans): out.add(wrap(text(spans), width: width, first: nest, rest: nest))
            case .bullet(let spans): out.add(wrap(text(spans), width: width, first: nest + "  - ", rest: nest + "    "))
            case .numbered(let n, let spans):
                out.add(wrap(text(spans), width: width, first: "  \(n). ", rest: "     "))
                nest = "     "
            case .field(let label, let spans): out.add(wrap(label + ": " + text(spans), width: width, first: nest, rest: nest + "  "))
            case .table(let t): out.add(TableLayout.text(t, width: width))
            case .blank:
                nest = ""
                if !out.endsBlank { out.add("") }
            }
        }
        if !page.links.isEmpty {
            out.add("")
            out.add("Links")
            out.add("-----")
            for (i, id) in page.links.enumerated() {
                var line = "[" + String(i + 1) + "] " + id
                if let t = title(id) { line += "  " + t }
                out.add(wrap(line, width: width, first: "  ", rest: "      "))
            }
        }
        return out.text
    }

    /// The page's text as it is laid out, each line ended by a newline: bytes grown in place and
    /// made a string once, as a large base's pages run to thousands of lines.
    struct Lines {
        private var bytes: [UInt8] = []
        private(set) var endsBlank = false

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func add(_ line: String) {
            bytes.append(contentsOf: line.utf8)
            bytes.append(0x0A)
            endsBlank = line.isEmpty
        }
        mutating func add(_ lines: [String]) { for line in lines { add(line) } }
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
