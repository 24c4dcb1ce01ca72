import FoundationEssentials
import Glibc

/// Turns what a delegate types or says — `art 29`, `Article 29`, `:PT`, `ws 3`, `Turquie`,
/// `ws3/topic-2` — into a record id, and suggests the nearest ids when nothing matches.
public struct AddressResolver: Sendable {
    public enum Resolution: Sendable, Hashable {
        case record(String)
        case topic(session: String, topic: String)
        case notFound(suggestions: [String])
    }

    let ids: [String: String]  // folded id → id
    let names: [String: String]  // folded name/alias → id (also without spaces)
    let nameList: [(folded: String, id: String)]
    let topics: Set<String>  // "ws3/topic-2"

    /// The tables as a compiled index keeps them.
    init(ids: [String: String], names: [String: String], nameList: [(folded: String, id: String)], topics: Set<String>) {
        self.ids = ids; self.names = names; self.nameList = nameList; self.topics = topics
    }

    public init(_ kb: KnowledgeBase) {
        var ids: [String: String] = [:], names: [String: String] = [:], list: [(String, String)] = []
        for r in kb.allRecords {
            ids[r.id.lowercased()] = r.id
            for n in [r.title, r.shortTitle] + r.aliases {
                let f = Folding.fold(n)
                guard !f.isEmpty else { continue }
                if names[f] == nil { names[f] = r.id }
                // "cote d ivoire" and "Côte d'Ivoire" differ only in spacing once folded.
                let joined = f.withoutSpaces
                if names[joined] == nil { names[joined] = r.id }
                list.append((f, r.id))
            }
        }
        self.ids = ids; self.names = names; self.nameList = list
        self.topics = Set(kb.sessions.flatMap { s in s.topics.map { "\(s.id)/\($0.id)" } })
    }

    public func resolve(_ input: String) -> Resolution {
        var text = input.trimmed(newlines: false)
        if text.hasPrefix(":") { text.removeFirst() }
        // "Article 29(4)" is Article 29: the page then shows where paragraph 4 is discussed.
        if let cited = Self.paragraph(of: text), case .record(let id) = resolve(cited.base) { return .record(id) }
        let lower = text.lowercased()
        if let slash = lower.firstIndex(of: "/") {
            let prefix = String(lower[..<slash])
            let session = canonical(prefix) ?? prefix
            var topic = String(lower[lower.index(after: slash)...]).withoutSpaces
            if Int(topic) != nil { topic = "topic-" + topic }
            if topics.contains("\(session)/\(topic)") { return .topic(session: session, topic: topic) }
            // A slash is a topic's only when a session comes before it; "24/7" is a name.
            if topics.contains(where: { $0.hasPrefix(session + "/") }) {
                return .notFound(suggestions: Suggestions.nearest(to: lower, in: Array(topics), limit: 3))
            }
        }
        if let id = canonical(lower) { return .record(id) }
        let folded = Folding.fold(text)
        if let id = named(folded) { return .record(id) }
        // A unique prefix of a name ("portu" → Portugal) also counts.
        let prefixed = Set(nameList.filter { $0.folded.hasPrefix(folded) }.map(\.id))
        if !folded.isEmpty, prefixed.count == 1, let id = prefixed.first { return .record(id) }
        return .notFound(suggestions: suggestions(for: text))
    }

    /// "Article 29(4)", "art 29 (4)(b)", "29(1)(a)": the address before the paragraph, and the
    /// paragraph as cited ("(4)", "(4)(b)"); nil when the text does not end in one.
    public static func paragraph(of text: String) -> (base: String, paragraph: String)? {
        let t = text.trimmed(newlines: false)
        guard t.hasSuffix(")"), let open = t.firstIndex(of: "(") else { return nil }
        let base = t[..<open].trimmed(newlines: false)
        let cited = String(t[open...]).withoutSpaces
        // Only "(digits)" then "(letters or digits)" groups: "24/7 (network)" is no paragraph.
        let groups: [Substring?] = cited.split(separator: ")").map { $0.hasPrefix("(") ? $0.dropFirst() : nil }
        guard let first = groups.first ?? nil, !first.isEmpty, first.allSatisfy({ $0.isNumber }),
            groups.allSatisfy({ g in g.map { !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0.isLetter } } ?? false }),
            base.last?.isNumber == true
        else { return nil }
        return (base, cited)
    }

    /// The record whose name or alias this is, once folded, with or without its spaces.
    func named(_ folded: String) -> String? {
        names[folded] ?? names[folded.withoutSpaces]
    }

    /// Speakable forms: "art 29", "article 29", "art. 29", "a29" → art29; "p 3", "protocol 3",
    /// "p-art 3" → p-art3; "ws 3", "workshop 3" → ws3.
    private func canonical(_ lower: String) -> String? {
        if let id = ids[lower] { return id }
        let compact = Folding.fold(lower).withoutSpaces
        if let id = ids[compact] { return id }
        let patterns: [(prefixes: [String], make: (String) -> String)] = [
            (["article", "art", "a"], { "art" + $0 }),
            (["protocolarticle", "protocolart", "protocol", "part", "p"], { "p-art" + $0 }),
            (["workshop", "ws", "w"], { "ws" + $0 }),
        ]
        for (prefixes, make) in patterns {
            for p in prefixes where compact.hasPrefix(p) {
                let digits = compact.dropFirst(p.count)
                if !digits.isEmpty, digits.allSatisfy(\.isNumber), let id = ids[make(String(digits))] { return id }
            }
        }
        return nil
    }

    public func suggestions(for input: String, limit: Int = 3) -> [String] {
        let folded = Folding.fold(input)
        var seen = Set<String>(), out: [String] = []
        let byID = Suggestions.nearest(to: input.lowercased(), in: Array(ids.keys), limit: limit).compactMap { ids[$0] }
        let byName = Suggestions.nearest(to: folded, in: nameList.map(\.folded), limit: limit * 2).compactMap { names[$0] }
        let containing = nameList.filter { !folded.isEmpty && $0.folded.contains(folded) }.map(\.id)
        for id in byID + byName + containing where seen.insert(id).inserted { out.append(id) }
        return Array(out.prefix(limit))
    }

    /// Ids, names and aliases that start with the typed text, for `:` completion.
    public func completions(for input: String, limit: Int = 8) -> [String] {
        let folded = Folding.fold(input)
        guard !folded.isEmpty else { return [] }
        var seen = Set<String>(), out: [String] = []
        for id in ids.values.sorted() where id.lowercased().hasPrefix(input.lowercased()) && seen.insert(id).inserted { out.append(id) }
        for (name, id) in nameList where name.hasPrefix(folded) && seen.insert(id).inserted { out.append(id) }
        return Array(out.prefix(limit))
    }
}

extension String {
    /// The text with its spaces taken out ("cote d ivoire" → "cotedivoire").
    var withoutSpaces: String { String(unicodeScalars.filter { $0 != " " }) }
}
