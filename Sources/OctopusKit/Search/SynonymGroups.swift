/// The knowledge base's groups of equivalent words and phrases ("mla", "mutual legal assistance",
/// "mutual assistance", "mlat"), folded. A query word or phrase that is a member stands for its
/// whole group, scored as one concept (see `IndexBuilder.groupPostings`).
struct SynonymGroups: Sendable {
    /// Each group's members as folded word lists.
    let members: [[[String]]]
    /// Folded member, words joined by one space → the groups it belongs to.
    let groupsByMember: [String: [Int]]
    /// The most words in any member, to bound the search for multi-word members in a query.
    let longestMember: Int

    init(_ synonyms: [[String]]) {
        var members: [[[String]]] = [], byMember: [String: [Int]] = [:]
        for group in synonyms {
            var words: [[String]] = []
            for member in group {
                let w = Folding.words(member)
                guard !w.isEmpty, !words.contains(w) else { continue }
                words.append(w)
            }
            guard words.count > 1 else { continue }
            for w in words { byMember[w.joined(separator: " "), default: []].append(members.count) }
            members.append(words)
        }
        self.members = members
        self.groupsByMember = byMember
        self.longestMember = members.joined().map(\.count).max() ?? 0
    }
}
