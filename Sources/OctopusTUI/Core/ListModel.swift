import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// A row of a list screen: a record, or a heading of the Convention tree.
public struct ListRow: Sendable, Hashable {
    public var id: String?  // nil for headings
    public var key: String  // fold key for headings, id for records
    public var level: Int
    public var text: String
    public var marker: String  // status glyph for countries
    public var folded: Bool
}

/// Builds the rows a list screen shows, from the state's filters, folds and sort order.
public enum ListModel {
    public static func rows(
        _ list: ListState, kb: KnowledgeBase, date: Day, ascii: Bool,
        notebook: NotebookState = NotebookState()
    ) -> [ListRow] {
        let star = ascii ? "*" : "★"
        let tick = ascii ? "+" : "✓"
        func marked(_ row: ListRow) -> ListRow {
            guard let id = row.id else { return row }
            var r = row
            if notebook.isBookmarked(id) { r.text = star + " " + r.text }
            // A State marked to compare says so, and its place in the comparison.
            if list.section == .countries, let n = list.marked.firstIndex(of: id) { r.text += "  \(tick) compare \(n + 1)" }
            return r
        }
        return rows(list, kb: kb, date: date, ascii: ascii, notebook: notebook, star: star).map(marked)
    }

    static func rows(_ list: ListState, kb: KnowledgeBase, date: Day, ascii: Bool, notebook: NotebookState, star: String) -> [ListRow] {
        switch list.section {
        case .bookmarks:
            return notebook.bookmarks.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map { key, at in
                let record = kb.record(key)
                let title = record.map { $0.shortTitle } ?? "\(key) (no longer in this knowledge base)"
                return ListRow(
                    id: record?.id ?? key, key: "bookmark:" + key, level: 0,
                    text: title + "  · " + NotebookState.display(at), marker: "", folded: false)
            }
        case .notes:
            return notebook.notes.sorted { $0.updatedAt > $1.updatedAt }.map { note in
                let record = kb.record(note.recordID)
                let title = record.map { $0.shortTitle } ?? "\(note.recordID) (orphaned: no longer in this knowledge base)"
                return ListRow(
                    id: record?.id ?? note.recordID, key: note.id.uuidString, level: 0,
                    // The note first: it is what the user is looking for; its record after.
                    text: Sanitizer.clean(note.firstLine) + "  — " + title + " · " + NotebookState.display(note.updatedAt),
                    marker: "", folded: false)
            }
        case .tray:
            // In the order they were added: the order of the pack.
            return notebook.tray.enumerated().map { i, id in
                ListRow(
                    id: id, key: "tray:" + id, level: 0, text: "\(i + 1). " + (kb.record(id)?.shortTitle ?? Sanitizer.clean(id)),
                    marker: "", folded: false)
            }
        case .sessions:
            return kb.sessions.map { s in
                ListRow(
                    id: s.id, key: s.id, level: 0,
                    text: Record.session(s).shortTitle
                        + (s.provenance.inferred.contains("title") ? " *" : ""), marker: "", folded: false)
            }
        case .convention, .protocol_:
            return tree(kb.articles(of: list.section == .convention ? .convention : .protocol), folded: list.folded, ascii: ascii)
        case .countries:
            var countries = Array(kb.countries)
            if let region = list.regionFilter { countries = countries.filter { $0.region == region } }
            if let st = list.statusFilter { countries = countries.filter { $0.status(kb.conventionID, at: date).standing == st } }
            countries.sort { Folding.fold($0.name) < Folding.fold($1.name) }  // "Côte d'Ivoire" among the C's
            if list.sortByDate {
                // A deposit within a window or of unknown date sorts at the day it is counted from.
                func key(_ c: Country) -> Day {
                    let consent = c.events.deposit(of: kb.conventionID)
                    let inForce = c.events.first { $0.treaty == kb.conventionID && $0.kind == .entryIntoForce }
                    return (consent ?? inForce)?.date.latest ?? Day(year: 9999, month: 12, day: 31)!
                }
                countries.sort { (key($0), $0.name) < (key($1), $1.name) }
            }
            return countries.map { c in
                // A State is listed under its name of the day; one then part of another says so.
                let part = c.isPartOfAnother(on: date) ? c.partOf.map { " — part of \($0.name) then" } ?? "" : ""
                return ListRow(
                    id: c.id, key: c.id, level: 0, text: "\(c.id)  \(c.displayName(at: date))" + part,
                    marker: glyph(part.isEmpty ? c.status(kb.conventionID, at: date).standing : .none, ascii: ascii), folded: false)
            }
        case .organisations:
            // Alphabetical, as a reader looks a name up ("ECTEG" among the E's, "Ü" as "U").
            return kb.organisations.map { ListRow(id: $0.id, key: $0.id, level: 0, text: Record.organisation($0).title, marker: "", folded: false) }
                .sorted { (Folding.fold($0.text), $0.text) < (Folding.fold($1.text), $1.text) }
        case .glossary:
            return kb.glossary.map { ListRow(id: $0.id, key: $0.id, level: 0, text: $0.term, marker: "", folded: false) }
                .sorted { (Folding.fold($0.text), $0.text) < (Folding.fold($1.text), $1.text) }
        }
    }

    /// Status glyphs for ETS 185, with a letter so the meaning does not rest on shape or colour.
    public static func glyph(_ standing: TreatyStatus.Standing, ascii: Bool) -> String {
        switch standing {
        case .inForce: ascii ? "[F]" : "● F"
        case .ratified: ascii ? "[R]" : "◐ R"
        case .signed: ascii ? "[S]" : "○ S"
        case .none: ascii ? "[ ]" : "· -"
        case .unknown: ascii ? "[?]" : "◌ ?"
        }
    }

    static func tree(_ articles: [Article], folded: Set<String>, ascii: Bool) -> [ListRow] {
        var rows: [ListRow] = []
        var current: [String?] = [nil, nil, nil]
        var hiddenUnder: String?
        for a in articles {
            let path = [a.chapter, a.section, a.titleGroup]
            for level in 0..<3 {
                guard let heading = path[level], heading != current[level] else { continue }
                current[level] = heading
                for deeper in (level + 1)..<3 { current[deeper] = nil }
                let key = path[0...level].compactMap { $0 }.joined(separator: "›")
                if let h = hiddenUnder, key.hasPrefix(h + "›") { continue }
                hiddenUnder = nil
                let isFolded = folded.contains(key)
                rows.append(
                    ListRow(
                        id: nil, key: key, level: level, text: (isFolded ? (ascii ? "+ " : "▸ ") : (ascii ? "- " : "▾ ")) + heading,
                        marker: "", folded: isFolded))
                if isFolded { hiddenUnder = key }
            }
            let key = path.compactMap { $0 }.joined(separator: "›")
            if let h = hiddenUnder, key == h || key.hasPrefix(h + "›") { continue }
            let depth = path.compactMap { $0 }.count
            rows.append(ListRow(id: a.id, key: a.id, level: depth, text: "\(a.number). \(a.title)", marker: "", folded: false))
        }
        return rows
    }
}
