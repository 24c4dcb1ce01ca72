/// A record that satisfied the query, before it is turned into a hit.
struct RankedDocument: Sendable {
    var doc: Int32
    var score: Float
    /// Slots this record satisfied only through a typo; such records rank after exact ones.
    var typos: Int
    /// Slots (the word being typed) this record satisfied only through a longer word, not the
    /// word as typed: "europe" lists the Council of Europe before Europol.
    var completions: Int
    /// The query is this record's address ("art 29", "PT"): it ranks first.
    var isAddress: Bool

    /// Address first, then fewer typos, then fewer completions, then higher score, then
    /// knowledge-base order (stable). Scores alone cannot order these: a rare completion or
    /// typo neighbour has a higher IDF than the common word that was actually typed.
    static func before(_ a: RankedDocument, _ b: RankedDocument) -> Bool {
        if a.isAddress != b.isAddress { return a.isAddress }
        if a.typos != b.typos { return a.typos < b.typos }
        if a.completions != b.completions { return a.completions < b.completions }
        if a.score != b.score { return a.score > b.score }
        return a.doc < b.doc
    }
}

/// How a record satisfied a slot, best first.
enum MatchQuality: UInt8, Sendable, Comparable {
    /// The word as typed, a synonym, or a quoted phrase.
    case exact
    /// Only a longer word starting with what is being typed.
    case completion
    /// Only a word one edit away.
    case typo

    static func < (a: MatchQuality, b: MatchQuality) -> Bool { a.rawValue < b.rawValue }
}

/// Records that satisfied one slot, with their score and match quality for it.
private struct SlotMatches {
    var docs: [Int32] = []
    var scores: [Float] = []
    var quality: [MatchQuality] = []
}

/// Best score per record and quality for one slot, in dense arrays indexed by record (no hashing
/// in the inner loop), emptied through the list of records touched so a slot costs what it reads.
private struct SlotAccumulator {
    /// `best[quality.rawValue][doc]`
    var best: [[Float]]
    var touched: [Int32] = []
    var seen: [Bool]

    init(documents: Int) {
        best = [[Float]](repeating: [Float](repeating: 0, count: documents), count: 3)
        seen = [Bool](repeating: false, count: documents)
    }

    mutating func read(_ lists: PostingLists, _ list: Int, factor: Float, quality: MatchQuality) {
        let q = Int(quality.rawValue)
        lists.docs.withUnsafeBufferPointer { docs in
            lists.scores.withUnsafeBufferPointer { scores in
                best[q].withUnsafeMutableBufferPointer { best in
                    for p in lists.range(list) {
                        let d = Int(docs[p])
                        if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                        best[d] = max(best[d], scores[p] * factor)
                    }
                }
            }
        }
    }

    /// A record's quality is the best way it matched, and its score the best match of that
    /// quality: the word itself decides among records that have it, whatever else they contain.
    mutating func drain() -> SlotMatches {
        var out = SlotMatches()
        out.docs = touched
        out.scores.reserveCapacity(touched.count)
        out.quality.reserveCapacity(touched.count)
        for d in touched.map(Int.init) {
            if best[0][d] > 0 {
                out.scores.append(best[0][d]); out.quality.append(.exact)
            } else if best[1][d] > 0 {
                out.scores.append(best[1][d]); out.quality.append(.completion)
            } else {
                out.scores.append(best[2][d]); out.quality.append(.typo)
            }
            best[0][d] = 0; best[1][d] = 0; best[2][d] = 0; seen[d] = false
        }
        touched.removeAll(keepingCapacity: true)
        return out
    }
}

extension SearchIndex {
    /// Records that satisfy every slot of the plan, best first, at most `limit`.
    func rank(_ plan: QueryPlan, kinds: Set<RecordKind>, address: Int32?, limit: Int) -> [RankedDocument] {
        var ranked: [RankedDocument] = []
        if !plan.unsatisfiable, !plan.slots.isEmpty {
            var accumulator = SlotAccumulator(documents: documents.count)
            var total = [Float](repeating: 0, count: documents.count)
            var satisfied = [Int32](repeating: 0, count: documents.count)
            var typos = [Int32](repeating: 0, count: documents.count)
            var completions = [Int32](repeating: 0, count: documents.count)
            var survivors: [Int32] = []
            for (i, slot) in plan.slots.enumerated() {
                let matches =
                    slot.phraseWords.isEmpty
                    ? evaluate(slot.sources, &accumulator)
                    : evaluatePhrase(slot, &accumulator)
                survivors.removeAll(keepingCapacity: true)
                for (k, doc) in matches.docs.enumerated() where satisfied[Int(doc)] == Int32(i) {
                    let d = Int(doc)
                    satisfied[d] += 1
                    total[d] += matches.scores[k]
                    switch matches.quality[k] {
                    case .exact: break
                    case .completion: completions[d] += 1
                    case .typo: typos[d] += 1
                    }
                    survivors.append(doc)
                }
                if survivors.isEmpty { break }
            }
            for doc in survivors where satisfied[Int(doc)] == Int32(plan.slots.count) {
                let d = Int(doc)
                guard kinds.isEmpty || kinds.contains(documents[d].kind) else { continue }
                ranked.append(
                    RankedDocument(
                        doc: doc, score: total[d] * prior[d], typos: Int(typos[d]),
                        completions: Int(completions[d]), isAddress: doc == address))
            }
        }
        if let address, !ranked.contains(where: \.isAddress),
            kinds.isEmpty || kinds.contains(documents[Int(address)].kind)
        {
            ranked.append(RankedDocument(doc: address, score: 0, typos: 0, completions: 0, isAddress: true))
        }
        return SearchIndex.top(ranked, limit: limit)
    }

    /// The best `limit` records without sorting them all: a first keystroke can match most of a
    /// large base, and only one screenful is shown.
    static func top(_ ranked: [RankedDocument], limit: Int) -> [RankedDocument] {
        guard ranked.count / 4 > limit else { return Array(ranked.sorted(by: RankedDocument.before).prefix(limit)) }
        // Keep a sorted buffer of the best `limit` seen so far; most records fail the first comparison.
        var best: [RankedDocument] = []
        best.reserveCapacity(limit + 1)
        for r in ranked {
            if best.count == limit, let worst = best.last, !RankedDocument.before(r, worst) { continue }
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if RankedDocument.before(best[mid], r) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(r, at: lo)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    private func evaluate(_ sources: [QueryPlan.Source], _ acc: inout SlotAccumulator) -> SlotMatches {
        for source in sources {
            switch source {
            case .term(let id, let factor, let typo):
                acc.read(termPostings, Int(id), factor: factor, quality: typo ? .typo : .exact)
            case .completions(let range, let typed):
                for id in range {
                    let length = Int(dictionary.lengths[Int(id)])
                    acc.read(
                        termPostings, Int(id), factor: SearchIndex.completionFactor(typed: typed, length: length),
                        quality: typed >= length ? .exact : .completion)
                }
            case .group(let g):
                acc.read(groupPostings, g, factor: 1, quality: .exact)
            }
        }
        return acc.drain()
    }

    /// A completion counts for more the more of it has been typed; the whole word counts fully.
    static func completionFactor(typed: Int, length: Int) -> Float {
        typed >= length ? 1 : 0.6 + 0.3 * Float(typed) / Float(max(length, 1))
    }

    /// Records with every word of the phrase, then only those where the words are adjacent.
    private func evaluatePhrase(_ slot: QueryPlan.Slot, _ acc: inout SlotAccumulator) -> SlotMatches {
        // Dense per-record counts of phrase words seen, as in `rank`: no hashing per posting.
        var words = [Int32](repeating: 0, count: documents.count)
        var sum = [Float](repeating: 0, count: documents.count)
        var candidates: [Int32] = []
        for (j, sources) in slot.phraseWords.enumerated() {
            let m = evaluate(sources, &acc)
            candidates.removeAll(keepingCapacity: true)
            for (k, doc) in m.docs.enumerated() where words[Int(doc)] == Int32(j) {
                words[Int(doc)] += 1
                sum[Int(doc)] += m.scores[k]
                candidates.append(doc)
            }
            if candidates.isEmpty { break }
        }
        var out = SlotMatches()
        guard let pattern = slot.patterns.first else { return out }
        for doc in candidates.sorted() where contains(pattern, in: Int(doc)) {
            out.docs.append(doc); out.scores.append(sum[Int(doc)]); out.quality.append(.exact)
        }
        return out
    }

    private func contains(_ pattern: [WordMatcher], in doc: Int) -> Bool {
        guard let first = pattern.first else { return false }
        for p in documents[doc].passages {
            let tokens = store.tokens(of: Int(p))
            // Cheap test of the first word before the full match (which also tries apostrophe pieces).
            for t in tokens
            where (first.accepts(store.terms[t]) || store.hasParts[t])
                && store.match(pattern, at: t, end: tokens.upperBound) != nil
            { return true }
        }
        return false
    }
}
