import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// `/` over the user's own notes, listed as "Your notes" above the knowledge base's hits. Notes
/// hold words the base never uses (a name, an acronym), so they are matched on their own words:
/// every word of the query must begin a word of the note, folded as search folds (case, accents).
/// There are few notes, so a scan per keystroke costs nothing.
public enum NoteSearch {
    public struct Hit: Sendable, Hashable {
        public var note: Note
        /// The record's short title, or its id when the base no longer has it.
        public var title: String
        /// The note's text on one line, matched words marked.
        public var snippet: Snippet
    }

    public static func hits(_ query: String, in notes: [Note], kb: KnowledgeBase) -> [Hit] {
        // Filters (`type:`) and quotes are the base's search syntax; a note has no type.
        let words = Folding.words(query.replacingEvery("\"", with: " ")).filter { !$0.contains(":") }
        guard !words.isEmpty, !query.contains("type:") else { return [] }
        var out: [Hit] = []
        for note in notes.sorted(by: { $0.updatedAt > $1.updatedAt }) {
            let text = Sanitizer.clean(note.text).split(whereSeparator: \.isNewline).joined(separator: " · ")
            let tokens = tokens(of: text)
            guard words.allSatisfy({ w in tokens.contains { $0.folded.hasPrefix(w) } }) else { continue }
            let marked = tokens.filter { t in words.contains { t.folded.hasPrefix($0) } }.map(\.range)
            let title = kb.record(note.recordID)?.shortTitle ?? Sanitizer.clean(note.recordID)
            out.append(Hit(note: note, title: title, snippet: Snippet(text: text, highlights: marked)))
        }
        return out
    }

    /// The words of a text with their character ranges: runs of letters and digits.
    static func tokens(of text: String) -> [(folded: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var start: Int?, current = ""
        for (i, c) in text.enumerated() {
            if c.isLetter || c.isNumber {
                if start == nil { start = i }
                current.append(c)
            } else if let s = start {
                out.append((Folding.fold(current), s..<i)); start = nil; current = ""
            }
        }
        if let s = start { out.append((Folding.fold(current), s..<text.count)) }
        return out
    }
}

/// One row of the search screen: a note of the user's, or a record of the base.
public enum SearchResult: Sendable, Hashable {
    case note(NoteSearch.Hit)
    case record(SearchHit)
}

extension AppState {
    /// What the search screen lists for a query: the user's notes first, then the base's hits.
    public func searchResults(for query: String) -> [SearchResult] {
        NoteSearch.hits(query, in: notebook.notes, kb: kb).map(SearchResult.note) + searchCache.hits(for: query).map(SearchResult.record)
    }
}
