import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare States side by side at a date: treaty steps, reservations, the sessions that mention them.",
        discussion: """
            Example: octopus compare PT ES --as-of 2010-03-25
            Each row holds the same fact for every State, marked ≠ where they differ. --format markdown \
            writes a briefing table, csv a spreadsheet (RFC 4180, UTF-8, a header row), json the rows for scripts.
            """)

    @Argument(help: ArgumentHelp("Two or more States: codes, names or addresses (PT, Spain, \"côte d'ivoire\").", valueName: "state"))
    var states: [String] = []
    @Option(help: ArgumentHelp("text, markdown, csv or json.", valueName: "format"))
    var format: Format = .text
    @OptionGroup var output: OutputOptions
    @OptionGroup var kb: KnowledgeBaseOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, csv, json }

    func validate() throws {
        if states.count < 2 { throw ValidationError("name at least two States, e.g. octopus compare PT ES") }
    }

    func run() throws {
        let base = try kb.load()
        // A State named twice (PT and Portugal) is compared once, as in the browser's :compare.
        var countries: [Country] = []
        for c in try RecordArguments.countries(states, in: base, command: "compare") where !countries.contains(where: { $0.id == c.id }) {
            countries.append(c)
        }
        if countries.count < 2 {
            let quoted = states.map { "\"\(Sanitizer.clean($0))\"" }
            let named = quoted.dropLast().joined(separator: ", ") + " and " + quoted[quoted.count - 1]
            Terminal.printError(
                "octopus: \(named) \(states.count == 2 ? "both" : "all") name \(Sanitizer.clean(countries[0].name)); compare two different States, e.g. octopus compare PT ES"
            )
            throw ExitCode(.usage)
        }
        let comparison = Comparison.build(countries, kb: base, at: kb.asOf(in: base))
        let text: String
        switch format {
        case .text: text = TextLayout.render(comparison.page(kb: base), width: output.file == nil ? Terminal.width : 80, title: base.linkTitle)
        case .markdown: text = comparison.markdown()
        case .csv: text = comparison.csv()
        case .json: text = JSONOutput.encode(ComparisonJSON(comparison))
        }
        // RFC 4180 lines end in CRLF, which standard output keeps for CSV.
        try output.write(text, containsNotes: false, keep: format == .csv ? .layout : nil)
        if let file = output.file { Terminal.write("Wrote \(file): \(comparison.ids.joined(separator: ", ")) at \(comparison.date.long).\n") }
    }
}

/// `compare --json`: the date, the States, and each row with a value per State.
struct ComparisonJSON: Encodable {
    struct Row: Encodable {
        var field: String
        var values: [String: String]
        /// The sources each State's value rests on.
        var sources: [String: [String]]
        var differs: Bool
    }
    var date: String
    var states: [String]
    var rows: [Row]

    init(_ c: Comparison) {
        date = "\(c.date)"
        states = c.ids
        rows = c.rows.map { r in
            Row(
                field: r.field, values: Dictionary(zip(c.ids, r.values), uniquingKeysWith: { a, _ in a }),
                sources: Dictionary(zip(c.ids, r.sources), uniquingKeysWith: { a, _ in a }), differs: r.differs)
        }
    }
}
