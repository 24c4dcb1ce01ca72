import OctopusKit

/// Numbers a page's links in order of first appearance ("Article 29[1]") and turns knowledge-base
/// text into spans with those numbers. Record pages and walkthrough steps share it, so a link
/// reads and numbers the same everywhere.
public struct LinkNumbering: Sendable {
    public let kb: KnowledgeBase
    /// Link `n` is `ids[n - 1]`.
    public private(set) var ids: [String] = []
    /// Each id's number, so a page of thousands of links numbers them in linear time.
    private var numbers: [String: Int] = [:]

    public init(kb: KnowledgeBase) { self.kb = kb }

    public mutating func number(_ id: String) -> Int {
        if let n = numbers[id] { return n }
        ids.append(id)
        numbers[id] = ids.count
        return ids.count
    }

    /// Text with `[[id]]` links turned into numbered link spans, control characters removed.
    public mutating func spans(_ text: String) -> [Page.Span] {
        InlineText.parse(text).map { span in
            switch span {
            case .text(let s): return .text(s)
            case .link(let target, let label):
                guard let r = kb.label(of: target) else { return .text((label ?? target)) }
                return .link(label: (label ?? r.inlineLabel), number: number(r.id))
            }
        }
    }
}
