import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit
import OctopusNotebook

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "The nine support areas of 2010 × States at a date, read from sourced facts.",
        discussion: """
            Examples: octopus matrix --as-of 2010-03-25 --format csv
                      octopus matrix --region "South-Eastern Europe" --sort coop
                      octopus matrix --explain PT legislation
            Each cell counts the area's indicators that show progress, one mark per indicator: \
            ● shows progress, ○ does not, ? the facts cannot say, – an area this base does not record. \
            --explain gives the facts, dates and sources behind one cell. Your own ratings of cells \
            (rated in the browser's matrix, `M`) are written in columns of their own beside the readings; \
            --no-ratings leaves them out.
            """)

    @Flag(help: "Explain one cell: give a State and an area (octopus matrix --explain PT legislation).")
    var explain = false
    @Argument(help: ArgumentHelp("With --explain: a State and an area (id, column heading or title).", valueName: "state area"))
    var cell: [String] = []
    @Option(help: ArgumentHelp("Only States of this region (octopus list countries shows them).", valueName: "region"))
    var region: String?
    @Option(help: ArgumentHelp("member or non-member: Council of Europe membership in 2010.", valueName: "membership"))
    var coe: Membership?
    @Option(
        help: ArgumentHelp("Only States with this standing in the Convention on the date: none, signed, ratified, in-force, unknown.", valueName: "standing"))
    var status: TreatyStatus.Standing?
    @Option(help: ArgumentHelp("Order by an area, most progress first (default: by name).", valueName: "area"))
    var sort: String?
    @Option(help: ArgumentHelp("text, markdown, csv or json.", valueName: "format"))
    var format: Compare.Format = .text
    @Flag(help: "Leave your own ratings out of the output.")
    var noRatings = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var notebook: NotebookOptions

    enum Membership: String, ExpressibleByArgument, CaseIterable { case member, nonMember = "non-member" }

    func validate() throws {
        if explain, cell.count != 2 { throw ValidationError("--explain takes a State and an area, e.g. octopus matrix --explain PT legislation") }
        if !explain, !cell.isEmpty { throw ValidationError("unexpected argument \"\(cell[0])\"; to explain a cell, write --explain STATE AREA") }
    }

    func run() throws {
        let base = try kb.load(dataDirectory: notebook.dataDir)
        var ratings: [String: Rating] = [:]
        if !noRatings, let book = try notebook.openIfExists() {
            for r in try notebookCall({ () throws(NotebookError) in try book.ratings() }) { ratings["\(r.stateID.lowercased())/\(r.area)"] = r }
        }
        func rating(_ state: String, _ area: String) -> Rating? { ratings["\(state.lowercased())/\(area)"] }
        let date = kb.asOf(in: base)
        guard !base.supportAreas.isEmpty else {
            Terminal.printError("octopus: this knowledge base defines no support areas, so it has no matrix")
            throw ExitCode(.dataError)
        }
        if explain {
            let country = try RecordArguments.countries([cell[0]], in: base, command: "matrix --explain")[0]
            let area = try Self.area(cell[1], in: base)
            let mine = rating(country.id, area.id)
            let page = MatrixPage.explanation(of: base.read(area, for: country, at: date), for: country, in: base, at: date, yourRating: mine?.description)
            switch format {
            case .markdown: try emit(MarkdownLayout.render(page), containsNotes: mine != nil)
            case .json: try emit(JSONOutput.encode(MatrixJSON.Cell(base.read(area, for: country, at: date), rating: mine)), containsNotes: mine != nil)
            case .text, .csv: try emit(TextLayout.render(page, width: Terminal.width, title: base.linkTitle), containsNotes: mine != nil)
            }
            return
        }
        var matrix = Matrix(
            base, at: date,
            filter: Matrix.Filter(region: try region.map { try Self.region($0, in: base) }, coeMember2010: coe.map { $0 == .member }, standing: status))
        if let sort { matrix.sort(by: base.supportAreas.firstIndex(of: try Self.area(sort, in: base))) } else { matrix.sort(by: nil) }
        let layout = MatrixLayout(matrix, kb: base) { rating($0, $1)?.description }
        let mine = !ratings.isEmpty
        switch format {
        case .text: try emit(layout.text(), containsNotes: mine)
        case .markdown: try emit(layout.markdown(), containsNotes: mine)
        case .csv: try emit(layout.csv(), containsNotes: mine, keep: .layout)  // RFC 4180 lines end in CRLF
        case .json: try emit(JSONOutput.encode(MatrixJSON(matrix, rating: rating)), containsNotes: mine)
        }
        if let file = output.file { Terminal.write("Wrote \(file): \(matrix.rows.count) States at \(date.long)\(mine ? ", with your ratings" : "").\n") }
    }

    func emit(_ text: String, containsNotes: Bool, keep: Sanitizer.Keep? = nil) throws {
        try output.write(text, containsNotes: containsNotes, keep: keep)
    }

    /// An area by id, column heading or title, in any case; else the list of areas.
    static func area(_ typed: String, in base: KnowledgeBase) throws -> SupportArea {
        let key = Folding.fold(typed)
        if let a = base.supportAreas.first(where: { Folding.fold($0.id) == key || Folding.fold($0.short) == key || Folding.fold($0.title) == key }) { return a }
        if let a = base.supportAreas.first(where: { Folding.fold($0.id).hasPrefix(key) || Folding.fold($0.title).hasPrefix(key) }), !key.isEmpty { return a }
        Terminal.printError(
            "octopus: no support area \"\(Sanitizer.clean(typed))\"; use one of " + base.supportAreas.map { "\($0.id) (\($0.short))" }.joined(separator: ", "))
        throw ExitCode(.usage)
    }

    static func region(_ typed: String, in base: KnowledgeBase) throws -> String {
        let regions = Array(Set(base.countries.map(\.region))).sorted()
        if let r = regions.first(where: { Folding.fold($0) == Folding.fold(typed) }) { return r }
        Terminal.printError("octopus: no region \"\(Sanitizer.clean(typed))\"; use one of " + regions.map { "\"\($0)\"" }.joined(separator: ", "))
        throw ExitCode(.usage)
    }
}

extension TreatyStatus.Standing: ExpressibleByArgument {}

/// `matrix --format json`: the date, the areas with their indicators, and each State's cells with
/// every indicator's answer and sources.
struct MatrixJSON: Encodable {
    struct Area: Encodable {
        var id, title, short: String
        var recorded: Bool
        var indicators: [Indicator]
        struct Indicator: Encodable { var id, label, counts: String }
    }
    struct Cell: Encodable {
        var summary, marks: String
        var met, unknown, total: Int
        var indicators: [Answer]
        struct Answer: Encodable {
            var id, answer: String
            var facts: [String]
            var sources: [String]
        }
        /// Your own rating, beside the reading (nil when you have not rated the cell).
        var yourRating: YourRating?
        struct YourRating: Encodable { var level, note, updatedAt: String }
        init(_ c: AreaReading, rating: Rating?) {
            summary = c.summary; marks = c.marks; met = c.met; unknown = c.unknown; total = c.total
            yourRating = rating.map { YourRating(level: $0.level.rawValue, note: $0.note, updatedAt: $0.updatedAtISO) }
            indicators = c.readings.map { Answer(id: $0.indicator.id, answer: $0.answer.rawValue, facts: $0.evidence.map(\.text), sources: $0.sources) }
        }
    }
    struct Row: Encodable {
        var id, name, region: String
        var coeMember2010: Bool
        var cells: [String: Cell]
    }
    var date: String
    var areas: [Area]
    var states: [Row]

    init(_ m: Matrix, rating: (String, String) -> Rating?) {
        date = "\(m.date)"
        areas = m.areas.map { a in
            Area(
                id: a.id, title: a.title, short: a.short, recorded: !a.progressIndicators.isEmpty,
                indicators: a.indicators.map { .init(id: $0.id, label: $0.label, counts: $0.counts.rawValue) })
        }
        states = m.rows.map { r in
            Row(
                id: r.country.id, name: r.name, region: r.country.region, coeMember2010: r.country.coeMember2010,
                cells: Dictionary(uniqueKeysWithValues: r.cells.map { ($0.area.id, Cell($0, rating: rating(r.country.id, $0.area.id))) }))
        }
    }
}
