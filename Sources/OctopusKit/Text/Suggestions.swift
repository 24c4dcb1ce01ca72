/// "Did you mean" suggestions by edit distance, used for unknown ids, fields and addresses.
public enum Suggestions {
    public static func nearest(to query: String, in candidates: [String], limit: Int) -> [String] {
        let q = Array(query.lowercased())
        guard !q.isEmpty else { return [] }
        let threshold = max(2, q.count / 3)
        var scored: [(String, Int)] = []
        for c in candidates {
            let lc = Array(c.lowercased())
            if abs(lc.count - q.count) > threshold && !c.lowercased().hasPrefix(query.lowercased()) { continue }
            let d = c.lowercased().hasPrefix(query.lowercased()) ? 0 : distance(q, lc, limit: threshold)
            if d <= threshold { scored.append((c, d)) }
        }
        return scored.sorted { ($0.1, $0.0.count, $0.0) < ($1.1, $1.0.count, $1.0) }.prefix(limit).map(\.0)
    }

    /// Damerau–Levenshtein (optimal string alignment) distance, giving up above `limit`.
    public static func distance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
