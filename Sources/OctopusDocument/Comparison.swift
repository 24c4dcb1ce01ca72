import OctopusKit

/// States side by side at a date (`octopus compare PT ES`, the browser's comparison screen): the
/// same facts for each, row by row — treaty steps, reservations and declarations, the matrix's
/// areas, the sessions that mention them — each row marked when the States differ on it, each
/// value with the sources it rests on. A pure value, written out as text, Markdown, CSV or JSON.
public struct Comparison: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// What the row is ("Budapest Convention (ETS 185) on 25 March 2010").
        public var field: String
        /// One value per State, in the order asked.
        public var values: [String]
        /// The sources each value rests on, one list per State.
        public var sources: [[String]]
        public var differs: Bool { Set(values).count > 1 }
    }

    public var date: Day
    public var ids: [String]
    public var names: [String]
    public var rows: [Row]

    /// Every source cited, each once, in the order rows first cite them: what `[n]` numbers into.
    public var sources: [String] {
        var seen = Set<String>()
        return rows.flatMap { $0.sources.flatMap { $0 } }.filter { seen.insert($0).inserted }
    }

    public static func build(_ countries: [Country], kb: KnowledgeBase, at date: Day) -> Comparison {
        var rows: [Row] = []
        func row(_ field: String, _ value: (Country) -> (String, [String])) {
            let cells = countries.map(value)
            rows.append(Row(field: field, values: cells.map(\.0), sources: cells.map(\.1)))
        }
        let none = "—"
        row("Region") { ($0.region, []) }
        row("Council of Europe member in 2010") { ($0.coeMember2010 ? "yes" : "no", []) }
        for treaty in kb.treaties {
            let name = "\(treaty.shortTitle) (\(treaty.aliases.first ?? treaty.id))"
            guard kb.trackedTreaties.contains(treaty.id) else {
                row(name) { _ in ("not tracked in this base", []) }
                continue
            }
            row("\(name) on \(date.long)") { c in
                let status = c.status(treaty.id, at: date)
                return (status.label, status.decidingEvent?.sources ?? [])
            }
            // Each step's day, as recorded; a step after the date is shown too, marked so.
            for (title, kinds) in [
                ("signed", [TreatyEvent.Kind.signature]), ("ratified or acceded", [.ratification, .accession]),
                ("in force", [.entryIntoForce]),
            ] as [(String, [TreatyEvent.Kind])] {
                row("\(treaty.aliases.first ?? treaty.id): \(title)") { c in
                    guard let e = c.events.first(where: { $0.treaty == treaty.id && kinds.contains($0.kind) }) else { return (none, []) }
                    let after = e.date.earliest.map { $0 > date } ?? false
                    let said = e.knownBy ?? e.date.long
                    return (said + (after ? " (after \(date.long))" : "") + (e.unconfirmed ? ", unconfirmed" : ""), e.sources)
                }
            }
        }
        row("Reservations and declarations in effect on \(date.long)") { c in
            let made = c.statements.filter { c.inEffect($0, on: date) ?? false }
            guard !made.isEmpty else { return (c.statements.isEmpty ? "none recorded in this base" : "none in effect on this date", []) }
            let text = made.map { st in
                let treaty = kb.treaties.first { $0.id == st.treaty }?.aliases.first ?? st.treaty
                return "\(treaty) \(st.provision) \(st.kind.rawValue)"
            }.joined(separator: "; ")
            return (text, unique(made.flatMap(\.sources)))
        }
        // The matrix's row for each State: the marks and count each area shows on the date.
        for area in kb.supportAreas {
            row("Matrix: \(area.title)") { c in
                let cell = kb.read(area, for: c, at: date)
                return (cell.isRecorded ? "\(cell.marks) \(cell.summary)" : cell.summary, unique(cell.readings.flatMap(\.sources)))
            }
        }
        row("Sessions that mention it") { c in
            let sessions = kb.backlinks(to: c.id, kind: .session)
            return (sessions.isEmpty ? none : sessions.joined(separator: ", "), [])
        }
        return Comparison(date: date, ids: countries.map(\.id), names: countries.map { $0.displayName(at: date) }, rows: rows)
    }

    private static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }

    /// The rows as a table block, each value with its source numbers.
    public var table: Page.Table {
        let number = Dictionary(sources.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        // Each value with its sources as numbers into `sources`: "ratified [3, 4]".
        func cited(_ row: Row) -> [String] {
            zip(row.values, row.sources).map { value, cites in
                cites.isEmpty ? value : value + " [" + cites.compactMap { number[$0] }.sorted().map(String.init).joined(separator: ", ") + "]"
            }
        }
        return Page.Table(
            columns: zip(ids, names).map { "\($1) (\($0))" }, keys: ids,
            rows: rows.map { Page.Table.Row(label: $0.field, marked: $0.differs, cells: cited($0)) })
    }

    /// The comparison as a page: the States as links, the rows as a table (side by side where the
    /// width allows, one State under another where not), the sources at the foot. The browser's
    /// comparison screen and `octopus compare` in a terminal show this one page.
    public func page(kb: KnowledgeBase) -> Page {
        var b = PageBuilder(kb: kb, date: date)
        var states: [Page.Span] = []
        for (i, id) in ids.enumerated() {
            if i > 0 { states.append(.text(", ")) }
            states.append(kb.country(id).map { b.stateLink($0) } ?? .text(id))
        }
        b.blocks.append(.field("States", states))
        b.blocks.append(.field("Marks", [.text("≠ the States differ on the row · [n] the sources listed at the foot")]))
        b.blocks.append(.blank)
        b.blocks.append(.table(table))
        b.blocks.append(.blank)
        b.heading("Sources")
        if sources.isEmpty { b.paragraph("No sourced fact is compared.") }
        for (i, s) in sources.enumerated() { b.blocks.append(.numbered(i + 1, [.text(s)])) }
        return Page(
            id: ids.joined(separator: " "), kind: .country, title: "Compared: " + names.joined(separator: ", "),
            subtitle: "At \(date.long), read from the base's sourced facts", blocks: b.blocks, links: b.numbering.ids)
    }

    /// A briefing table with its sources; the rows where the States differ are marked ≠.
    public func markdown() -> String {
        var out = "## Compared at \(date.long)\n\n" + MarkdownLayout.table(table).joined(separator: "\n") + "\n"
        out += "\n≠ marks the rows where the States differ; [n] is a source below.\n"
        if !sources.isEmpty {
            out += "\n### Sources\n\n"
            for (i, s) in sources.enumerated() { out += "\(i + 1). \(MarkdownLayout.textOrURL(s))\n" }
        }
        return out
    }

    /// RFC 4180: a header row, every field quoted, CRLF line ends, UTF-8; each State's sources in
    /// a column of its own, so the values stay clean for sorting.
    public func csv() -> String {
        func field(_ s: String) -> String { "\"" + s.replacingEvery("\"", with: "\"\"") + "\"" }
        var lines = [(["field"] + ids + ["differs"] + ids.map { "sources \($0)" }).map(field).joined(separator: ",")]
        for r in rows {
            lines.append(([r.field] + r.values + [r.differs ? "yes" : "no"] + r.sources.map { $0.joined(separator: "; ") }).map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
