/// A query compiled against the index. Each slot is one thing the query asks for (a word, a
/// quoted phrase, or a synonym such as "mutual legal assistance"); a record must satisfy every
/// slot (AND), and scores the best of the ways it satisfies each.
struct QueryPlan: Sendable {
    enum Source: Sendable {
        /// One term's postings, scaled; `typo` marks a term one edit from what was typed.
        case term(Int32, factor: Float, typo: Bool)
        /// Every completion of the word being typed (a range of term ids), weighted by how much
        /// of the word is typed, so "preservation" itself beats a longer word starting with it.
        case completions(Range<Int32>, typedLength: Int)
        /// A synonym group's postings: all its members, counted as one concept.
        case group(Int)
    }

    struct Slot: Sendable {
        /// Ways a record can satisfy the slot; it earns the best one.
        var sources: [Source] = []
        /// For a quoted phrase: each word's sources. The words must also be adjacent.
        var phraseWords: [[Source]] = []
        /// Word sequences that count as this slot inside a passage (phrase checks, highlights).
        var patterns: [[WordMatcher]] = []
        /// Words one edit from what was typed: highlighted only in records that lack the word itself,
        /// so "preservation" does not also mark "reservation".
        var typoPatterns: [[WordMatcher]] = []
    }

    /// Typo matches count for less than the word typed, and rank below every exact hit anyway.
    static let typoFactor: Float = 0.3

    var slots: [Slot] = []
    /// Some part of the query occurs nowhere in the base, so no record can match all of it.
    var unsatisfiable = false

    init(_ query: Query, index: SearchIndex) {
        var i = 0
        let parts = query.parts
        while i < parts.count {
            let isLast = i == parts.count - 1
            switch parts[i] {
            case .phrase(let words, let open):
                add(phrase: words, typingLast: open && isLast && query.lastIsPrefix, index: index)
                i += 1
            case .word(let word):
                // The longest run of loose words that is a synonym-group member stands for its group.
                var run: [String] = []
                for part in parts[i...].prefix(index.synonyms.longestMember) {
                    guard case .word(let w) = part else { break }
                    run.append(w)
                }
                var used = 0
                for length in stride(from: run.count, through: 1, by: -1) {
                    let member = run.prefix(length).joined(separator: " ")
                    guard let groups = index.synonyms.groupsByMember[member] else { continue }
                    let typing = query.lastIsPrefix && i + length == parts.count
                    add(groups: groups, word: length == 1 ? word : nil, typing: typing, index: index)
                    used = length
                    break
                }
                if used == 0 {
                    add(word: word, typing: isLast && query.lastIsPrefix, index: index)
                    used = 1
                }
                i += used
            }
        }
    }

    /// Sources and matcher for one word: the word itself, its completions if it is being typed,
    /// or, only where the base lacks it, terms one edit away if it is long enough for a typo to be
    /// told from another word.
    private static func word(_ word: String, typing: Bool, index: SearchIndex)
        -> (sources: [Source], matcher: WordMatcher, typoMatcher: WordMatcher)
    {
        var sources: [Source] = [], ranges: [Range<Int32>] = [], typoRanges: [Range<Int32>] = []
        var completions: Range<Int32> = 0..<0
        if typing {
            completions = index.dictionary.prefixRange(word)
            if !completions.isEmpty {
                sources.append(.completions(completions, typedLength: word.utf8.count))
                ranges.append(completions)
            }
        } else if let id = index.dictionary.id(word) {
            sources.append(.term(id, factor: 1, typo: false))
            ranges.append(id..<id + 1)
        }
        // Singular and plural find each other ("reservations" finds "reservation"), as the same word.
        for variant in QueryPlan.otherNumber(of: word) {
            if let id = index.dictionary.id(variant), !completions.contains(id) {
                sources.append(.term(id, factor: 1, typo: false))
                ranges.append(id..<id + 1)
            }
        }
        // A word of the base is never someone's typo: "preservation" must not also find "reservation".
        for id in sources.isEmpty ? index.typos.neighbours(of: word, in: index.dictionary) : [] {
            sources.append(.term(id, factor: typoFactor, typo: true))
            typoRanges.append(id..<id + 1)
        }
        return (sources, WordMatcher(ranges: ranges), WordMatcher(ranges: typoRanges))
    }

    /// The English singular of a plural and the plural of a singular, for words long enough that
    /// a final "s" is an inflection rather than part of a short word ("gas", "bus" are left alone).
    static func otherNumber(of word: String) -> [String] {
        guard word.utf8.count >= 5 else { return [] }
        if word.hasSuffix("ies") { return [String(word.dropLast(3)) + "y"] }
        if word.hasSuffix("ss") { return [word + "es"] }
        if word.hasSuffix("s") { return [String(word.dropLast())] }
        if word.hasSuffix("y") { return [String(word.dropLast()) + "ies", word + "s"] }
        return [word + "s"]
    }

    private mutating func add(word: String, typing: Bool, index: SearchIndex) {
        let (sources, matcher, typoMatcher) = QueryPlan.word(word, typing: typing, index: index)
        if sources.isEmpty { unsatisfiable = true }
        slots.append(Slot(sources: sources, patterns: [[matcher]], typoPatterns: [[typoMatcher]]))
    }

    private mutating func add(groups: [Int], word: String?, typing: Bool, index: SearchIndex) {
        var slot = Slot()
        for g in groups {
            slot.sources.append(.group(g))
            for member in index.synonyms.members[g] {
                let ids = member.compactMap(index.dictionary.id)
                if ids.count == member.count { slot.patterns.append(ids.map { WordMatcher(ranges: [$0..<$0 + 1]) }) }
            }
        }
        // A one-word member still being typed may be the start of a longer word ("police" → "policemen").
        if let word {
            let (sources, matcher, typoMatcher) = QueryPlan.word(word, typing: typing, index: index)
            slot.sources += sources
            slot.patterns.append([matcher])
            slot.typoPatterns.append([typoMatcher])
        }
        slots.append(slot)
    }

    private mutating func add(phrase words: [String], typingLast: Bool, index: SearchIndex) {
        var slot = Slot()
        var pattern: [WordMatcher] = []
        for (j, word) in words.enumerated() {
            var sources: [Source] = [], ranges: [Range<Int32>] = []
            // Quotes ask for these exact words: no synonyms, no typos; only the word being typed completes.
            if typingLast && j == words.count - 1 {
                let range = index.dictionary.prefixRange(word)
                if !range.isEmpty { sources.append(.completions(range, typedLength: word.utf8.count)); ranges.append(range) }
            } else if let id = index.dictionary.id(word) {
                sources.append(.term(id, factor: 1, typo: false)); ranges.append(id..<id + 1)
            }
            if sources.isEmpty { unsatisfiable = true }
            slot.phraseWords.append(sources)
            pattern.append(WordMatcher(ranges: ranges))
        }
        if words.count == 1 { slot.sources = slot.phraseWords[0]; slot.phraseWords = [] }
        slot.patterns = [pattern]
        slots.append(slot)
    }
}
