import FuzzSupport
import OctopusKit

/// Any bytes given to `--kb` or `octopus validate`: the loader must return a knowledge base or
/// located diagnostics, never trap. The diagnostics are formatted too, as the CLI prints them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let kb = try KnowledgeBaseLoader.load(bytes: bytes, file: "fuzz.json")
        // A base that loads must answer the lookups every screen makes.
        for record in kb.allRecords { precondition(kb.record(record.id) != nil, "\(record.id) is not found by its own id") }
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failed load must say why")
        _ = error.description
    }
    return 0
}

@main enum Main {
    static func main() { runFuzzer { data, size in data.map { fuzz($0, size) } ?? 0 } }
}
