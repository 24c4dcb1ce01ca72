import FoundationEssentials
import Glibc

/// Loads and validates a knowledge-base file. Every problem is collected and reported together as
/// `file:line:column: json.path: message`; nothing here traps or prints.
public enum KnowledgeBaseLoader {
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Loads from a file on disk. Unreadable files are reported as diagnostics too.
    public static func load(path: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        try load(bytes: try readFile(path), file: path)
    }

    static func readFile(_ path: String) throws(KnowledgeBaseError) -> [UInt8] {
        try SourceFile.read(
            path, maxBytes: maxFileBytes,
            advice: .init(
                missing: "no such file; check the path given to --kb or OCTOPUS_KB",
                directory: "is a directory; give the path of a knowledge-base .json file",
                tooLarge: { "file is \($0.map { "\($0) bytes" } ?? "a stream of more than \(maxFileBytes) bytes"); the limit is \(maxFileBytes)" }))
    }

    public static func load(json: String, file: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        try load(bytes: Array(json.utf8), file: file)
    }

    /// `progress` hears each stage as it ends ("read the JSON in 0.8 s"), for a large file.
    public static func load(bytes: [UInt8], file: String, progress: (String) -> Void = { _ in }) throws(KnowledgeBaseError) -> KnowledgeBase {
        var clock = Stopwatch()
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw KnowledgeBaseError([Diagnostic(file: file, position: error.position, path: JSONPath(), message: error.message)])
        }
        progress("read the JSON in \(clock.lap())")
        var decoder = KnowledgeBaseDecoder(sink: DiagnosticSink(file: file))
        let kb = decoder.decodeRoot(root)
        decoder.validateReferences()
        progress("checked \(kb.map { "\($0.allRecords.count) records" } ?? "the records") in \(clock.lap())")
        let diagnostics = decoder.sink.diagnostics
        if !diagnostics.isEmpty { throw KnowledgeBaseError(diagnostics, omitted: decoder.sink.omitted) }
        guard let kb else {
            throw KnowledgeBaseError([Diagnostic(file: file, position: root.position, path: JSONPath(), message: "could not read the knowledge base")])
        }
        return kb
    }
}

/// Seconds since the last lap, as a person reads them ("0.8 s").
struct Stopwatch {
    private var last = ContinuousClock.now

    var seconds: Double {
        let elapsed = (ContinuousClock.now - last).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    mutating func lap() -> String {
        let text = Decimals.fixed(seconds, 1) + " s"
        last = ContinuousClock.now
        return text
    }
}
