import OctopusKit

/// A record laid out as a document, independent of any screen: the CLI prints it as text and the
/// terminal browser draws it with numbered, selectable links. One layout, two renderers.
public struct Page: Sendable, Hashable {
    public enum Span: Sendable, Hashable {
        case text(String)
        case strong(String)
        /// `number` is the 1-based index into `Page.links`.
        case link(label: String, number: Int)
    }

    public enum Block: Sendable, Hashable {
        case heading(String)
        case paragraph([Span])
        case bullet([Span])
        case numbered(Int, [Span])
        case field(String, [Span])
        case table(Table)
        case blank
    }

    /// Rows of the same facts for several subjects (States compared): a label, then one cell per
    /// column. Laid out by `TableLayout`, side by side where the width allows.
    public struct Table: Sendable, Hashable {
        public struct Row: Sendable, Hashable {
            public var label: String
            /// The cells differ, and the row says so.
            public var marked: Bool
            public var cells: [String]
            public init(label: String, marked: Bool, cells: [String]) { self.label = label; self.marked = marked; self.cells = cells }
        }
        /// Each column's heading ("Portugal (PT)"), and its short form ("PT") for narrow layouts.
        public var columns: [String]
        public var keys: [String]
        public var rows: [Row]
        public init(columns: [String], keys: [String], rows: [Row]) { self.columns = columns; self.keys = keys; self.rows = rows }
    }

    public var id: String
    public var kind: RecordKind
    public var title: String
    public var subtitle: String
    public var blocks: [Block]
    /// Link targets in order of first appearance: link `n` is `links[n - 1]`.
    public var links: [String]

    public init(id: String, kind: RecordKind, title: String, subtitle: String, blocks: [Block], links: [String]) {
        self.id = id; self.kind = kind; self.title = title; self.subtitle = subtitle; self.blocks = blocks; self.links = links
    }

    /// All the page's text as plain lines (no wrapping), for searching within a page.
    public var plainBlocks: [String] {
        blocks.map { block in
            switch block {
            case .heading(let s): s
            case .paragraph(let spans), .bullet(let spans): Page.plain(spans)
            case .numbered(let n, let spans): "\(n). " + Page.plain(spans)
            case .field(let label, let spans): label + ": " + Page.plain(spans)
            case .table(let t): t.rows.map { ([$0.label] + $0.cells).joined(separator: " ") }.joined(separator: " ")
            case .blank: ""
            }
        }
    }

    public static func plain(_ spans: [Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let s), .strong(let s): s
            case .link(let label, _): label
            }
        }.joined()
    }
}
