import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// `octopus bookmarks`: the records marked in the browser, newest first, as the browser's list
/// shows them; a bookmark on a record the base no longer has is kept and said to be orphaned.
struct Bookmarks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmarks", abstract: "List the records you bookmarked in the browser, newest first.")
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var kb: KnowledgeBaseOptions
    @OptionGroup var notebook: NotebookOptions

    struct Entry: Encodable {
        var id: String
        var title: String?
        var marked: String
    }

    func run() throws {
        let base = try kb.load(dataDirectory: notebook.dataDir)
        let marks = try notebook.openIfExists().map { book in try notebookCall { () throws(NotebookError) in try book.bookmarks() } } ?? []
        let entries = marks.map {
            Entry(id: $0.recordID, title: base.record($0.recordID).map { Sanitizer.clean($0.title) }, marked: Notebook.displayTime($0.createdAt))
        }
        if json { return Terminal.write(JSONOutput.encode(entries)) }
        guard !entries.isEmpty else {
            return Terminal.write("No bookmarks yet. In the browser, press m on any record to mark it.\n")
        }
        let width = entries.map(\.id.count).max() ?? 0
        var out = ""
        for e in entries {
            out +=
                TextWidth.pad(e.id, to: width + 2) + (e.title ?? "(not in this knowledge base; the bookmark is kept)")
                + "  · \(e.marked)\n"
        }
        out += "\n\(entries.count) bookmark\(entries.count == 1 ? "" : "s").\n"
        Terminal.write(out)
    }
}
