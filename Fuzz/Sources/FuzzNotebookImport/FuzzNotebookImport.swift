import FuzzSupport
import Foundation
import OctopusNotebook

/// Any file given to `octopus notes import`: the notes and bookmarks it would merge, or located
/// problems, never a trap. Uses the import's own parser without a database
/// (`Notebook.parseExport`), so an input leaves nothing behind for the next one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    do {
        let (notes, bookmarks) = try Notebook.parseExport(bytes, name: "fuzz-notes.json")
        for note in notes { _ = note.shortID; _ = note.isEdited }
        _ = bookmarks.count
    } catch {
        _ = error.description
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer { data, size in data.map { fuzz($0, size) } ?? 0 } }
}
