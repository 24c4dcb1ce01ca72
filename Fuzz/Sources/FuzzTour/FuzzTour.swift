import FuzzSupport
import BundledKnowledgeBase
import OctopusKit

/// The bundled knowledge base, loaded once per process: tours are resolved against it.
private let kb: KnowledgeBase = {
    do { return try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName) } catch {
        fatalError("the bundled knowledge base does not load:\n\(error)")
    }
}()
private let resolver = AddressResolver(kb)

/// Any bytes given to `octopus walk FILE`: a tour or located diagnostics, never a trap. The format
/// is chosen as the loader does for a file without a known extension (JSON when it starts with
/// `{`, else YAML); a JSON-looking input is also read as YAML, which accepts most JSON, so both
/// parsers see every seed. A tour that loads is written back with `TourWriter` (what
/// `octopus walk --new` prints) and must load again with the same steps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(bytes, format: nil)
    if bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) == UInt8(ascii: "{") {
        check(bytes, format: .yaml)
    }
    return 0
}

private func check(_ bytes: [UInt8], format: TourLoader.Format?) {
    let tour: Tour
    do {
        tour = try TourLoader.load(bytes: bytes, format: format, file: "fuzz-tour", kb: kb, resolver: resolver)
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failed load must say why")
        _ = error.description
        return
    }
    let written = TourWriter.yaml(tour, kb: kb)
    do {
        let again = try TourLoader.load(text: written, format: .yaml, file: "rewritten.yaml", kb: kb, resolver: resolver)
        precondition(
            again.steps.map(\.target) == tour.steps.map(\.target),
            "TourWriter changed the steps:\n\(written)")
    } catch {
        preconditionFailure("TourWriter wrote a tour that does not load back:\n\(error)\n---\n\(written)")
    }
}

@main enum Main {
    static func main() { runFuzzer { data, size in data.map { fuzz($0, size) } ?? 0 } }
}
