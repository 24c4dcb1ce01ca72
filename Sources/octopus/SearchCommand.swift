import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every record: words, \"quoted phrases\", type:article|country|session|org|term|treaty.",
        discussion: """
            All words must match, the last one also as the start of a word; accents, case and \
            apostrophes do not matter (cote d ivoire, Côte d’Ivoire). Words of five letters or more \
            forgive one typo; synonyms count (mla = mutual legal assistance); an address such as \
            "art 29", ws3 or PT puts that record first. Exit status 1 when nothing matches.
            """)

    @Argument(help: ArgumentHelp("Words to look for (quote a phrase: '\"expedited preservation\"').", valueName: "query"))
    var query: [String]
    @Option(help: ArgumentHelp("Only records of this type: \(RecordKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var type: String?
    @Option(help: ArgumentHelp("Show at most this many hits.", valueName: "n"))
    var limit = 20
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var kb: KnowledgeBaseOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if let type, RecordKind(named: type) == nil {
            throw ValidationError("--type \"\(type)\" is not a type; use one of \(RecordKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard !text.trimmed(newlines: false).isEmpty else { throw ValidationError("give some words to search for") }
    }

    private var text: String { query.joined(separator: " ") }

    func run() throws {
        let base = try kb.load()
        let index = SearchIndex.load(base)
        let full = text + (type.flatMap { RecordKind(named: $0) }.map { " type:\($0.rawValue)" } ?? "")
        let ignored = SearchIndex.ignoredWords(in: text)
        if ignored > 0 {
            Terminal.printError("octopus: only the first \(SearchIndex.maxWords) words are searched; \(ignored) more were ignored")
        }
        let hits = index.search(full, limit: limit)
        guard !hits.isEmpty else {
            Terminal.printError(nothingFound(index: index, base: base))
            throw ExitCode(.nothingFound)
        }
        Terminal.write(json ? JSONOutput.search(hits) : plain(hits))
        // The index is tens of megabytes on a large base: taking it apart at exit is wasted work.
        withExtendedLifetime(index) { Glibc.exit(ExitStatus.success.rawValue) }
    }

    private func plain(_ hits: [SearchHit]) -> String {
        let width = hits.map(\.id.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 2)
        var out = ""
        for hit in hits {
            out += TextWidth.pad(hit.id, to: width + 2) + hit.title + "\n"
            let snippet = hit.snippet.bracketed()
            if !snippet.isEmpty { out += indent + snippet + "\n" }
        }
        return out
    }

    /// "nothing matches" plus the nearest words and records, so a typo costs one more try, not a guess.
    private func nothingFound(index: SearchIndex, base: KnowledgeBase) -> String {
        var message = "octopus: nothing matches \"\(text)\"" + (type.map { " among \($0) records" } ?? "")
        var ideas = index.suggestions(for: text).map { "\"\(Sanitizer.clean($0))\"" }
        // An address is a few words; a long query is not tried as one.
        let address = text.count <= 60 ? text : ""
        ideas += index.resolver.suggestions(for: address).compactMap { id in
            base.record(id).map { "\(id) (\(Sanitizer.clean($0.shortTitle)))" }
        }
        message += ideas.isEmpty ? "; try fewer words, or `octopus list`" : "; did you mean " + ideas.joined(separator: ", ") + "?"
        return message
    }
}
