/// The passage of a record that best shows why it matched, cut to about 160 characters at word
/// boundaries ("…" where text was cut), with the matched words marked.
public struct Snippet: Sendable, Hashable {
    public var text: String
    /// Character offsets into `text` of the matched words, in order, not overlapping.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>] = []) {
        self.text = text
        self.highlights = highlights
    }

    /// The text with each highlight in brackets, for plain output: "… the [preservation] of …".
    public func bracketed(open: String = "[", close: String = "]") -> String {
        let count = text.count
        // Tolerate hand-made values: clamp, sort, and merge overlapping ranges.
        var ranges: [Range<Int>] = []
        for r in highlights.map({ max(0, min($0.lowerBound, count))..<max(0, min($0.upperBound, count)) })
            .filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound })
        {
            if let last = ranges.last, r.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
        }
        var out = "", next = 0
        for (offset, character) in text.enumerated() {
            if next < ranges.count, offset == ranges[next].lowerBound { out += open }
            out.append(character)
            if next < ranges.count, offset + 1 == ranges[next].upperBound { out += close; next += 1 }
        }
        return out
    }
}
