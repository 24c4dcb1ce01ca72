import OctopusKit

/// A matrix cell explained as a `Page`: each indicator's answer, the facts and dates it rests on,
/// and their sources. `octopus matrix --explain PT legislation` prints it; the matrix screen opens
/// it on Enter, so both show the same explanation.
public enum MatrixPage {
    /// The mark of one indicator's answer: ● progress, ○ none, ? unknown, · context only.
    public static func mark(_ r: IndicatorReading) -> String {
        r.indicator.counts == .neither ? "·" : r.progress.map { $0 ? "●" : "○" } ?? "?"
    }

    /// - Parameter yourRating: the user's own rating of the cell, shown beside (never instead of)
    ///   the sourced reading.
    public static func explanation(of cell: AreaReading, for country: Country, in kb: KnowledgeBase, at date: Day, yourRating: String? = nil) -> Page {
        var b = PageBuilder(kb: kb, date: date)
        let area = cell.area
        b.blocks.append(.field("State", [b.stateLink(country)]))
        b.blocks.append(.field("Reading", [.strong(cell.summary), .text(cell.isRecorded ? "  " + cell.marks : "")]))
        if let yourRating { b.blocks.append(.field("Your rating", [.text(Sanitizer.clean(yourRating))])) }
        b.blocks.append(.blank)
        b.paragraph(area.summary)
        if let why = area.notRecorded { b.blocks.append(.blank); b.paragraph(why) }
        for r in cell.readings {
            let context = r.indicator.counts == .neither ? " (context)" : ""
            b.heading("\(mark(r)) \(r.indicator.label): \(r.answer.rawValue)\(context)")
            b.paragraph(r.indicator.meaning)
            for e in r.evidence { b.blocks.append(.bullet([.text(Sanitizer.clean(e.text)), b.cite(e.sources)])) }
        }
        for s in area.sources { _ = b.sourceNumber(s) }
        b.heading("Sources")
        for (i, s) in b.cited.enumerated() { b.blocks.append(.numbered(i + 1, [.text(s)])) }
        b.blocks.append(.blank)
        b.blocks.append(.field("Marks", [.text("● shows progress · ○ does not · ? the facts cannot say · · context, not counted")]))
        return Page(
            id: country.id, kind: .country, title: "\(country.name(at: date)) — \(area.title)",
            subtitle: "The matrix cell at \(date.long), read from the base's sourced facts", blocks: b.blocks, links: b.numbering.ids)
    }
}
