import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

struct Handout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write chosen records, with your notes on them, as one Markdown briefing pack.",
        discussion: """
            Example: octopus handout ws3 art29 PT -o briefing.md
            The pack has a table of contents, each record as `octopus show` has it (status at --as-of), \
            your notes on each record (unless --no-notes), and every source at the end.
            """)

    @Argument(help: ArgumentHelp("Records to include, in this order (ids, addresses or names as for `octopus show`).", valueName: "id"))
    var ids: [String] = []
    @Flag(name: .customLong("no-notes"), help: "Leave out your notes (a pack to hand to others).")
    var noNotes = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var notebook: NotebookOptions

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one record, e.g. octopus handout ws3 art29 PT") }
    }

    func run() throws {
        let base = try kb.load(dataDirectory: notebook.dataDir)
        let records = try RecordArguments.resolve(ids, in: base)
        var notes: [String: [Note]] = [:]
        if !noNotes, let book = try notebook.openIfExists() {
            for r in records { notes[r.id] = try notebookCall { () throws(NotebookError) in try book.notes(for: r.id) } }
        }
        let pack = BriefingPack.compose(records: records, kb: base, date: kb.asOf(in: base), notes: notes)
        let count = notes.values.reduce(0) { $0 + $1.count }
        try output.write(pack, containsNotes: count > 0)
        if let file = output.file {
            let distinct = Set(records.map(\.id)).count
            Terminal.write(
                "Wrote \(file): \(distinct) record\(distinct == 1 ? "" : "s")"
                    + (noNotes ? ", without notes.\n" : ", \(count) note\(count == 1 ? "" : "s").\n"))
        }
    }
}
