import OctopusKit

/// States side by side at a date (`octopus compare PT ES`): the same facts for each, row by row,
/// each row marked when the States differ on it. A pure value, written out as text, Markdown, CSV
/// or JSON by the command.
public struct Comparison: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// What the row is ("Budapest Convention (ETS 185) on 25 March 2010").
        public var field: String
        /// One value per State, in the order asked.
        public var values: [String]
        public var differs: Bool { Set(values).count > 1 }
    }

    public var date: Day
    public var ids: [String]
    public var names: [String]
    public var rows: [Row]

    public static func build(_ countries: [Country], kb: KnowledgeBase, at date: Day) -> Comparison {
        var rows: [Row] = []
        func row(_ field: String, _ value: (Country) -> String) { rows.append(Row(field: field, values: countries.map(value))) }
        let none = "—"
        row("Region") { $0.region }
        row("Council of Europe member in 2010") { $0.coeMember2010 ? "yes" : "no" }
        for treaty in kb.treaties {
            let name = "\(treaty.shortTitle) (\(treaty.aliases.first ?? treaty.id))"
            row("\(name) on \(date.long)") { $0.status(treaty.id, at: date).label }
            // Each step's day, as recorded; a step after the date is shown too, marked so.
            for (title, kinds) in [
                ("signed", [TreatyEvent.Kind.signature]), ("ratified or acceded", [.ratification, .accession]),
                ("in force", [.entryIntoForce]),
            ] as [(String, [TreatyEvent.Kind])] {
                row("\(name): \(title)") { c in
                    guard let e = c.events.first(where: { $0.treaty == treaty.id && kinds.contains($0.kind) }) else { return none }
                    let after = e.date.earliest.map { $0 > date } ?? false
                    return e.date.long + (after ? " (after \(date.long))" : "")
                }
            }
        }
        row("Reservations and declarations in effect on \(date.long)") { c in
            let made = c.statements.filter { $0.inEffect(on: date) ?? false }
            guard !made.isEmpty else { return c.statements.isEmpty ? "none recorded in this base" : "none in effect on this date" }
            return made.map { st in
                let treaty = kb.treaties.first { $0.id == st.treaty }?.aliases.first ?? st.treaty
                return "\(treaty) \(st.provision) \(st.kind.rawValue)"
            }.joined(separator: "; ")
        }
        row("Sessions that mention it") { c in
            let sessions = kb.backlinks(to: c.id, kind: .session)
            return sessions.isEmpty ? none : sessions.joined(separator: ", ")
        }
        return Comparison(date: date, ids: countries.map(\.id), names: countries.map { $0.displayName(at: date) }, rows: rows)
    }

    /// For a terminal: each row as a heading, then each State's value on its own line, "≠" on the
    /// rows where they differ; no table to break at narrow widths.
    public func text(width: Int) -> String {
        var out = "Compared at \(date.long): " + zip(ids, names).map { "\($0) \($1)" }.joined(separator: ", ") + "\n"
        let pad = (ids.map(\.count).max() ?? 2) + 2
        for r in rows {
            out += "\n" + r.field + (r.differs ? "  ≠" : "") + "\n"
            for (id, v) in zip(ids, r.values) {
                let lead = "  " + id + String(repeating: " ", count: max(1, pad - id.count))
                let lines = TextLayout.wrap(v, width: max(20, width), first: lead, rest: String(repeating: " ", count: lead.count))
                out += lines.joined(separator: "\n") + "\n"
            }
        }
        return out
    }

    /// A briefing table; the rows where the States differ are marked ≠.
    public func markdown() -> String {
        func cell(_ s: String) -> String { MarkdownLayout.escape(s).replacingOccurrences(of: "|", with: "\\|") }
        var out = "## Compared at \(date.long)\n\n"
        out += "| | " + zip(ids, names).map { cell("\($1) (\($0))") }.joined(separator: " | ") + " |\n"
        out += "|---|" + ids.map { _ in "---|" }.joined() + "\n"
        for r in rows { out += "| " + cell(r.field) + (r.differs ? " ≠" : "") + " | " + r.values.map(cell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180: a header row, every field quoted, CRLF line ends, UTF-8.
    public func csv() -> String {
        func field(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = [(["field"] + ids + ["differs"]).map(field).joined(separator: ",")]
        for r in rows { lines.append(([r.field] + r.values + [r.differs ? "yes" : "no"]).map(field).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
