/// A run of tokens in a passage that matched part of the query.
struct PatternMatch: Sendable {
    var first: Int
    var count: Int
    /// Bit `min(slot, 63)` for each slot matched here.
    var slots: UInt64
}

/// The query's word patterns prepared once per search for scanning passages: a dense bitmask per
/// term id of the slots whose patterns can start with that term, so scanning a passage costs one
/// array load per word and the patterns themselves are only consulted where something matches.
struct Highlighter {
    private let patterns: [[[WordMatcher]]]  // per slot
    private let firstWord: [UInt32]  // per term id: bit min(slot, 31)

    /// `typosFor`: slots whose typo neighbours count too (records that lack the word as typed).
    init(_ plan: QueryPlan, termCount: Int, typosFor: Set<Int> = []) {
        var patterns = plan.slots.map(\.patterns)
        for s in typosFor where s < patterns.count { patterns[s] += plan.slots[s].typoPatterns }
        var mask = [UInt32](repeating: 0, count: termCount)
        for (s, slotPatterns) in patterns.enumerated() {
            let bit = UInt32(1) << UInt32(min(s, 31))
            for pattern in slotPatterns {
                for range in pattern.first?.ranges ?? [] {
                    for term in range.clamped(to: 0..<Int32(termCount)) { mask[Int(term)] |= bit }
                }
            }
        }
        self.patterns = patterns
        self.firstWord = mask
    }

    /// Matches in a passage, left to right, the longest at each word.
    func matches(in passage: Int, store: PassageStore) -> [PatternMatch] {
        let tokens = store.tokens(of: passage)
        var out: [PatternMatch] = []
        var t = tokens.lowerBound
        while t < tokens.upperBound {
            var candidates = firstWord[Int(store.terms[t])]
            if store.hasParts[t] { for part in store.parts[Int32(t)] ?? [] { candidates |= firstWord[Int(part)] } }
            guard candidates != 0 else { t += 1; continue }
            var length = 0, slots: UInt64 = 0
            for s in patterns.indices where candidates & (UInt32(1) << UInt32(min(s, 31))) != 0 {
                for pattern in patterns[s] {
                    guard let n = store.match(pattern, at: t, end: tokens.upperBound) else { continue }
                    slots |= UInt64(1) << UInt64(min(s, 63))
                    length = max(length, n)
                }
            }
            if length > 0 {
                out.append(PatternMatch(first: t, count: length, slots: slots))
                t += length
            } else {
                t += 1
            }
        }
        return out
    }

    /// Matches in each passage of one record, with search's rule for typos: words one edit from
    /// what was typed are marked only for the parts of the query the record lacks as typed, so
    /// "preservation" does not also mark "reservation". `self` is the highlighter without typos.
    func recordMatches(in passages: [Int], store: PassageStore, plan: QueryPlan, termCount: Int) -> [[PatternMatch]] {
        let found = passages.map { matches(in: $0, store: store) }
        let matchedSlots = found.joined().reduce(UInt64(0)) { $0 | $1.slots }
        let lacking = Set(
            plan.slots.indices.filter {
                matchedSlots & (UInt64(1) << UInt64(min($0, 63))) == 0 && !plan.slots[$0].typoPatterns.isEmpty
            })
        guard !lacking.isEmpty else { return found }
        // Rare: scan again with the typo neighbours of the parts that found nothing.
        let withTypos = Highlighter(plan, termCount: termCount, typosFor: lacking)
        return passages.map { withTypos.matches(in: $0, store: store) }
    }
}
