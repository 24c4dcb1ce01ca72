import FoundationEssentials
import OctopusDocument
import OctopusKit

/// A handout: chosen records (and the user's notes on them) as one Markdown document, with a
/// table of contents at the top and every source cited, gathered at the end.
public enum BriefingPack {
    /// Anchor of the closing list of sources; no record id has a space-free "all-" prefix like it.
    static let sourcesAnchor = "all-sources"

    /// - Parameters:
    ///   - records: in the order the user chose them (duplicates are dropped).
    ///   - notes: notes by record id; pass none for a pack without personal notes.
    ///   - prepared: the time printed in the preamble.
    public static func compose(
        records: [Record], kb: KnowledgeBase, date: Day, notes: [String: [Note]] = [:],
        prepared: Date = Date()
    ) -> String {
        var seen = Set<String>()
        let records = records.filter { seen.insert($0.id.lowercased()).inserted }
        let inPack = Set(records.map { $0.id.lowercased() })
        let anchor: (String) -> String? = { id in inPack.contains(id.lowercased()) ? MarkdownLayout.anchorName(id) : nil }
        let pages = records.map { PageBuilder.page(for: $0, in: kb, at: date) }
        func notesOn(_ id: String) -> [Note] {
            notes.first { $0.key.lowercased() == id.lowercased() }?.value ?? []
        }

        let c = kb.conference
        var out = ["# Briefing pack: " + MarkdownLayout.escape(Sanitizer.clean(c.name)), ""]
        out.append(
            "*" + MarkdownLayout.escape(Sanitizer.clean(c.place)) + ", \(c.startDate.long) to \(c.endDate.long). "
                + "Treaty status as at \(date.long); knowledge base as of \(kb.asOf.long). "
                + "Prepared \(Timestamp.display(prepared)) with octopus.*")
        out += ["", "## Contents", ""]
        for (i, page) in pages.enumerated() {
            let count = notesOn(page.id).count
            let suffix = count > 0 ? " (\(count) note\(count == 1 ? "" : "s"))" : ""
            out.append("\(i + 1). [" + MarkdownLayout.escape(page.title) + "](#" + MarkdownLayout.anchorName(page.id) + ")" + suffix)
        }
        out.append("\(pages.count + 1). [Sources](#\(sourcesAnchor))")

        for page in pages {
            out += ["", "---", ""]
            var body = MarkdownLayout.render(page, level: 2, anchor: anchor, anchorTitle: true)
            if body.hasSuffix("\n") { body.removeLast() }
            out.append(body)
            let mine = notesOn(page.id)
            if !mine.isEmpty {
                out += ["", "### My notes"]
                for n in mine {
                    out += ["", MarkdownLayout.blockquote(n.text), "", "*" + Notebook.stamp(n) + "*"]
                }
            }
        }

        // Each source once, with the records that cite it, in order of first citation.
        var order: [String] = [], citedBy: [String: [String]] = [:]
        for page in pages {
            for s in MarkdownLayout.sources(of: page) {
                if citedBy[s] == nil { order.append(s) }
                if citedBy[s]?.contains(page.id) != true { citedBy[s, default: []].append(page.id) }
            }
        }
        out += ["", "---", "", "## <a id=\"\(sourcesAnchor)\"></a>Sources", ""]
        if order.isEmpty { out.append("No sources are recorded for these records.") }
        // Which parts cite each source, by their number in the contents: a document's references,
        // short however many records cite one, and no ids in the prose.
        let number = Dictionary(pages.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        for s in order {
            let who: String = (citedBy[s] ?? []).map { (id: String) -> String in
                "[\(number[id] ?? 0)](#\(MarkdownLayout.anchorName(id)))"
            }.joined(separator: ", ")
            out.append("- " + MarkdownLayout.textOrURL(s) + " — cited in " + who)
        }
        return out.joined(separator: "\n") + "\n"
    }
}
