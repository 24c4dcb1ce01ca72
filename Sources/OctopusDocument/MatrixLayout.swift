import OctopusKit

/// The matrix written out for the room: a terminal table, a Markdown briefing table with its
/// sources, and RFC 4180 CSV. `rating` gives the user's own rating of a cell (State id, area id),
/// written in columns of its own beside the sourced readings, never in their place.
public struct MatrixLayout {
    public var matrix: Matrix
    public var kb: KnowledgeBase
    public var rating: (String, String) -> String?
    var convention: Treaty? { kb.convention }

    public init(_ matrix: Matrix, kb: KnowledgeBase, rating: @escaping (String, String) -> String? = { _, _ in nil }) {
        self.matrix = matrix; self.kb = kb; self.rating = rating
    }

    public static let legend = "● shows progress · ○ does not · ? the facts cannot say · – not recorded in this base"

    var count: String { "\(matrix.rows.count) State\(matrix.rows.count == 1 ? "" : "s")" }
    var hasRatings: Bool { matrix.rows.contains { r in matrix.areas.contains { rating(r.country.id, $0.id) != nil } } }

    /// Columns of marks, the State's name cut to fit; a line per State.
    public func text() -> String {
        let nameWidth = min(24, max(5, matrix.rows.map { TextWidth.columns($0.name) }.max() ?? 5))
        let widths = matrix.areas.map { max($0.short.count, $0.progressIndicators.count) + 1 }
        func pad(_ s: String, _ w: Int) -> String { TextWidth.pad(s, to: w) }
        var out = ["Support areas × States at \(matrix.date.long) · \(count)", Self.legend, ""]
        out.append((pad("State", nameWidth + 1) + zip(matrix.areas, widths).map { pad($0.short, $1) }.joined()).trimmingTrailingSpaces)
        for row in matrix.rows {
            let name = TextWidth.clip(row.name, to: nameWidth)
            out.append((pad(name, nameWidth + 1) + zip(row.cells, widths).map { pad($0.marks, $1) }.joined()).trimmingTrailingSpaces)
        }
        out += ["", "Columns: " + matrix.areas.map { "\($0.short) \($0.title)" }.joined(separator: " · ")]
        out.append("Explain a cell: octopus matrix --explain STATE AREA (e.g. --explain PT legislation)")
        return out.joined(separator: "\n") + "\n"
    }

    /// A briefing table: each cell its count and marks, a last column naming the sources the row
    /// rests on, then what each column reads and the numbered sources.
    public func markdown() -> String {
        // A table row is one line: a rating's note may hold line breaks, which would end the row.
        func cell(_ s: String) -> String { MarkdownLayout.escape(Sanitizer.clean(s)).replacingEvery("|", with: "\\|") }
        var sources: [String] = []
        func number(_ s: String) -> Int {
            if let i = sources.firstIndex(of: s) { return i + 1 }
            sources.append(s); return sources.count
        }
        let ratings = hasRatings
        var out = ["## Support areas × States at \(matrix.date.long)", ""]
        out.append(
            "\(count). Each cell gives how many of the area's indicators show progress, then one mark per indicator (\(Self.legend)).\(ratings ? " Your own ratings follow each reading, marked “yours”." : "")"
        )
        out.append("")
        out.append("| State | " + matrix.areas.map { cell($0.title) }.joined(separator: " | ") + " | Sources |")
        out.append("|---|" + matrix.areas.map { _ in "---|" }.joined() + "---|")
        for row in matrix.rows {
            var numbers: [Int] = []
            let cells = row.cells.map { c -> String in
                for r in c.readings where r.answer != .unknown { numbers += r.sources.map(number) }
                var text = c.isRecorded ? "\(c.summary) \(c.marks)" : c.summary
                if let mine = rating(row.country.id, c.area.id) { text += " · yours: \(mine)" }
                return cell(text)
            }
            let cited = Array(Set(numbers)).sorted().map(String.init).joined(separator: ", ")
            out.append("| \(cell("\(row.name) (\(row.country.id))")) | " + cells.joined(separator: " | ") + " | \(cited) |")
        }
        out += ["", "### What each column reads", ""]
        for a in matrix.areas {
            let what =
                a.notRecorded.map { "not recorded. " + InlineText.plain($0) { kb.label(of: $0)?.shortTitle } }
                ?? a.indicators.map { $0.counts == .neither ? "\($0.label) (context, not counted)" : $0.label }.joined(separator: "; ")
            out.append("- **\(cell(a.title))**: \(cell(what))")
        }
        out += ["", "### Sources", ""]
        for (i, s) in sources.enumerated() { out.append("\(i + 1). \(MarkdownLayout.textOrURL(s))") }
        if sources.isEmpty { out.append("No reading in this table rests on a source.") }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a header row, every field quoted, CRLF line ends, UTF-8.
    public func csv() -> String {
        func field(_ s: String) -> String { "\"" + s.replacingEvery("\"", with: "\"\"") + "\"" }
        let ratings = hasRatings
        let standing = convention.map { "\($0.shortTitle) on \(matrix.date)" } ?? "Status on \(matrix.date)"
        var header = ["id", "State", "region", "Council of Europe member in 2010", standing] + matrix.areas.map(\.title)
        if ratings { header += matrix.areas.map { "\($0.title) (your rating)" } }
        var lines = [header.map(field).joined(separator: ",")]
        for row in matrix.rows {
            let c = row.country
            var fields = [c.id, row.name, c.region, c.coeMember2010 ? "yes" : "no", convention.map { c.status($0.id, at: matrix.date).label } ?? ""]
            fields += row.cells.map(\.summary)
            if ratings { fields += matrix.areas.map { rating(c.id, $0.id) ?? "" } }
            lines.append(fields.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
