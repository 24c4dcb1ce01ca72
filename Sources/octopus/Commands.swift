import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit
import OctopusNotebook
import OctopusTUI

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "browse", abstract: "Open the terminal browser (the default).")

    @Argument(help: ArgumentHelp("Open at this record: an id, address or name (e.g. art29, \"art 29\", PT, Portugal).", valueName: "record"))
    var record: String?
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var display: DisplayOptions
    @Flag(name: .customLong("mouse"), help: "Enable mouse wheel and click.")
    var mouse = false
    @OptionGroup var notebook: NotebookOptions

    func run() throws {
        let (base, origin) = try kb.loadWithOrigin(dataDirectory: notebook.dataDir)
        let env = Environment.all
        let term = env["TERM"] ?? ""
        let start = try record.map { try Self.resolve($0, in: base) }
        guard Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1, !term.isEmpty, term != "dumb" else {
            // Not an interactive terminal: print the record, or the home screen, as plain text. On
            // a terminal that curses cannot drive, say why the browser did not open.
            if Terminal.stdoutIsTerminal {
                let why = isatty(STDIN_FILENO) != 1 ? "input is not a terminal" : "TERM=\(term.isEmpty ? "(unset)" : Sanitizer.clean(term))"
                Terminal.printError(
                    "octopus: \(why), so the browser did not open; printing text instead (the browser needs a terminal such as TERM=xterm-256color)")
            }
            if let start, let r = base.record(start) {
                Terminal.write(TextLayout.render(PageBuilder.page(for: r, in: base, at: kb.asOf(in: base)), width: Terminal.width, title: base.linkTitle))
            } else {
                Terminal.write(PlainHome.render(base, at: kb.asOf(in: base)))
            }
            return
        }
        var options = BrowserOptions(date: kb.asOf(in: base), color: display.colorAllowed, mouse: mouse, dataDirectory: notebook.dataDir)
        options.theme = display.theme
        if let problem = display.environmentProblem { options.startupNotice = problem }
        options.startupNotice = changeNotice(origin, base) ?? options.startupNotice
        options.startRecord = start
        let status = MainActor.assumeIsolated { Browser.run(kb: base, options: options) }
        guard let status else {
            Terminal.printError("octopus: this terminal (TERM=\(term)) is not known to curses; printing plain text. Try TERM=xterm-256color for the browser.")
            Terminal.write(PlainHome.render(base, at: kb.asOf(in: base)))
            return
        }
        // Not 0 only when a signal ended it: 128 plus its number, as `ExitStatus` says.
        if status != 0 { throw ExitCode(status) }
    }

    /// The record `octopus WORD` opens, or exit 1 with the nearest records (and the command the
    /// word may have meant: `octopus shwo`).
    static func resolve(_ text: String, in base: KnowledgeBase) throws -> String {
        if let r = base.record(text) { return r.id }
        switch AddressResolver.load(base).resolve(text) {
        case .record(let id), .topic(let id, _): return id
        case .notFound(let suggestions):
            var ideas = suggestions.map { s in "\(s) (\(base.record(s).map { Sanitizer.clean($0.shortTitle) } ?? s))" }
            if let command = Octopus.nearestCommand(to: text) { ideas.insert("the command `octopus \(command)`", at: 0) }
            Terminal.printError(
                "octopus: no record \"\(Sanitizer.clean(text))\""
                    + (ideas.isEmpty
                        ? "; try `octopus list` or `octopus search \(Sanitizer.clean(text))`" : "; did you mean " + ideas.joined(separator: ", ") + "?"))
            throw ExitCode(.nothingFound)
        }
    }

    /// Said once, on the first screen, when the default base is not the one shown last time.
    func changeNotice(_ origin: KnowledgeBaseOptions.Origin, _ base: KnowledgeBase) -> String? {
        let shown: String
        switch origin {
        case .builtin: shown = "builtin"
        case .installed(let name): shown = name
        case .file: return nil  // a one-off --kb is not the default changing
        }
        guard let folder = try? Notebook.dataDirectory(notebook.dataDir),
            InstalledBases(dataDirectory: folder).changedSinceLastStart(now: shown)
        else { return nil }
        return "Knowledge base changed since your last start: now \(origin.label), as of \(base.asOf.long) (octopus kb diff tells what changed)"
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List sessions, articles, countries, treaties, organisations or terms.",
        discussion:
            "countries: with --json each entry has a status object with one entry per treaty id: none, signed, ratified (accession included), in-force, or unknown when the sources cannot decide it at the --as-of date (a deposit within a window or of unknown date)."
    )

    enum Section: String, ExpressibleByArgument, CaseIterable {
        case sessions, articles, countries, treaties, organisations, terms

        /// The kinds' one vocabulary (`RecordKind(named:)`): org, organizations, glossary, country …
        init?(argument: String) {
            guard let kind = RecordKind(named: argument), let section = Section.allCases.first(where: { $0.kind == kind }) else { return nil }
            self = section
        }
        var kind: RecordKind {
            switch self {
            case .sessions: .session
            case .articles: .article
            case .countries: .country
            case .treaties: .treaty
            case .organisations: .organisation
            case .terms: .term
            }
        }
    }

    @Argument(help: ArgumentHelp("What to list: \(Section.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "section"))
    var section: Section
    @Option(help: ArgumentHelp("articles: of this treaty (ets185, the default; ets189; or all).", valueName: "treaty"))
    var treaty: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var kb: KnowledgeBaseOptions

    func run() throws {
        let base = try kb.load()
        var records = base.allRecords.filter { $0.kind == section.kind }
        // "articles" means the Convention's unless another treaty (or all) is asked for; in a base
        // without a convention, all of them.
        let treaty = section == .articles ? (self.treaty ?? base.convention?.id ?? "all") : self.treaty
        if let treaty, treaty != "all" {
            guard base.treaty(treaty) != nil else {
                Terminal.printError("octopus: unknown treaty \"\(treaty)\"; use one of \(base.treaties.map(\.id).joined(separator: ", "))")
                throw ExitCode(.usage)
            }
            records = records.filter { if case .article(let a) = $0 { a.treaty == treaty } else { false } }
        }
        if json {
            Terminal.write(JSONOutput.list(records, kb: base, at: kb.asOf(in: base)))
        } else {
            Terminal.write(PlainList.render(records, kb: base, at: kb.asOf(in: base)))
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record: art29, p-art3, ws3, PT, Portugal, Turquie, ets185, mla …")

    @Argument(help: ArgumentHelp("An id, address or name (e.g. art29, \"art 29\", ws3, PT, Portugal).", valueName: "id"))
    var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var kb: KnowledgeBaseOptions

    func run() throws {
        let base = try kb.load()
        // An id as written needs no address tables (building them is most of a short run's work).
        let resolution = base.record(id).map { .record($0.id) } ?? AddressResolver.load(base).resolve(id)
        switch resolution {
        case .record(let rid), .topic(let rid, _):
            let record = base.record(rid)!
            Terminal.write(
                json
                    ? JSONOutput.show(record, kb: base, at: kb.asOf(in: base))
                    : TextLayout.render(PageBuilder.page(for: record, in: base, at: kb.asOf(in: base)), width: Terminal.width, title: base.linkTitle))
            // The records a large page decoded are cached in the base: taking them apart is wasted work.
            withExtendedLifetime(base) { Glibc.exit(ExitStatus.success.rawValue) }
        case .notFound(let suggestions):
            var message = "octopus: no record \"\(id)\""
            if !suggestions.isEmpty {
                message +=
                    "; did you mean "
                    + suggestions.map { s in
                        "\(s) (\(base.record(s).map { Sanitizer.clean($0.shortTitle) } ?? s))"
                    }.joined(separator: ", ") + "?"
            } else {
                message += "; try `octopus list sessions|articles|countries`"
            }
            Terminal.printError(message)
            throw ExitCode(.nothingFound)
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a knowledge-base file (the built-in one by default).",
        discussion: "Prints every problem as file:line:column: json.path: message and exits 65 when there is any.")

    @Argument(help: ArgumentHelp("The file to check (default: --kb, OCTOPUS_KB, or the built-in base).", valueName: "file"))
    var file: String?
    @OptionGroup var kb: KnowledgeBaseOptions

    func run() throws {
        var options = kb
        if let file { options.path = file }
        let base = try options.loadWithOrigin(checked: true).base
        let name = options.explicitPath ?? "built-in knowledge base"
        let counts = RecordKind.allCases.map { "\(base.count($0)) \($0.plural)" }.joined(separator: ", ")
        Terminal.write("\(name): valid (format \(base.formatVersion), as of \(base.asOf)): \(counts)\n")
    }
}
