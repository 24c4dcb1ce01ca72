import FoundationEssentials
import Glibc

/// Loads a facilitator's tour from JSON or YAML and checks it against a knowledge base: required
/// and unknown fields, types, minutes, and every address resolved (with "did you mean" when not).
/// All problems are collected and reported together as `file:line:column: path: message`.
///
/// ```yaml
/// title: Data preservation in practice
/// steps:
///   - address: ws3/topic-2
///     heading: Preservation
///     minutes: 15
///     notes: Ask who has used Art. 29 requests.
///   - address: art29
/// ```
public enum TourLoader {
    public enum Format: Sendable, Hashable { case json, yaml }

    /// A tour is a page of text; anything bigger is not one.
    public static let maxFileBytes = 1024 * 1024

    /// The format a path's extension names, if any.
    public static func format(ofPath path: String) -> Format? {
        switch Path.fileExtension(path).lowercased() {
        case "json": .json
        case "yaml", "yml": .yaml
        default: nil
        }
    }

    /// Whether a command-line argument names a tour file rather than a session id: a file (not a
    /// folder: a facilitator may well keep a folder called `ws3`) exists there, or it ends in .json,
    /// .yaml or .yml (so a mistyped file name is reported as missing rather than as no session).
    public static func isTourFile(_ argument: String) -> Bool {
        format(ofPath: argument) != nil || Path.exists(argument, folder: false)
    }

    public static func load(path: String, kb: KnowledgeBase) throws(TourError) -> Tour {
        let bytes = try SourceFile.read(
            path, maxBytes: maxFileBytes,
            advice: .init(
                missing: "no such file; write one with `octopus walk --new ws3 > tour.yaml`",
                directory: "is a directory; give the path of a tour .yaml or .json file",
                tooLarge: { "file is \($0.map { "\($0) bytes" } ?? "a stream of more than \(maxFileBytes) bytes"); a tour may be at most \(maxFileBytes)" }))
        return try load(bytes: bytes, format: format(ofPath: path), file: path, kb: kb)
    }

    public static func load(
        text: String, format: Format, file: String, kb: KnowledgeBase,
        resolver: AddressResolver? = nil
    ) throws(TourError) -> Tour {
        try load(bytes: Array(text.utf8), format: format, file: file, kb: kb, resolver: resolver)
    }

    /// `format` nil: JSON if the first character is `{`, else YAML (which also reads most JSON,
    /// but the JSON parser's messages are better for JSON). `resolver`: one already built for `kb`
    /// (about 12 ms to build; a caller loading many tours, like the fuzz target, passes its own).
    public static func load(
        bytes: [UInt8], format: Format?, file: String, kb: KnowledgeBase,
        resolver: AddressResolver? = nil
    ) throws(TourError) -> Tour {
        let chosen = format ?? (bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{") ? .json : .yaml)
        let root: JSONNode
        do {
            switch chosen {
            case .json: root = try JSONParser.parse(bytes)
            case .yaml: root = try YAMLReader.parse(bytes)
            }
        } catch {
            throw TourError([Diagnostic(file: file, position: error.position, path: JSONPath(), message: error.message)])
        }
        return try decode(root, file: file, kb: kb, resolver: resolver)
    }

    /// Validates an already parsed document (JSON or YAML alike).
    public static func decode(
        _ root: JSONNode, file: String, kb: KnowledgeBase,
        resolver: AddressResolver? = nil
    ) throws(TourError) -> Tour {
        let sink = DiagnosticSink(file: file)
        let resolver = resolver ?? AddressResolver(kb)
        let path = JSONPath()
        guard let r = NodeReader(root, path: path, sink: sink, fields: ["title", "steps"]) else {
            throw TourError(sink.diagnostics, omitted: sink.omitted)
        }
        let title = r.string("title")
        let steps: [Tour.Step] = r.array("steps", required: true, nonEmpty: true) { n, p in
            step(n, p, sink: sink, kb: kb, resolver: resolver)
        }
        if let list = r.node("steps"), case .array(let items) = list.value, items.count > Tour.maxSteps {
            sink.report(list.position, path.appending("steps"), "\(items.count) steps; a tour may have at most \(Tour.maxSteps)")
        }
        guard sink.diagnostics.isEmpty, let title else {
            throw TourError(
                sink.diagnostics.isEmpty
                    ? [Diagnostic(file: file, position: root.position, path: path, message: "could not read the tour")]
                    : sink.diagnostics, omitted: sink.omitted)
        }
        return Tour(title: title, steps: steps, origin: .file(file))
    }

    private static func step(
        _ n: JSONNode, _ p: JSONPath, sink: DiagnosticSink, kb: KnowledgeBase,
        resolver: AddressResolver
    ) -> Tour.Step? {
        guard let r = NodeReader(n, path: p, sink: sink, fields: ["address", "heading", "notes", "minutes"]) else { return nil }
        let address = r.string("address")
        let heading = r.string("heading", required: false)
        let notes = self.notes(r)
        // `minutes:` left empty in YAML (null) means "no plan of my own", like leaving it out.
        let minutesGiven = r.node("minutes").map { if case .null = $0.value { false } else { true } } ?? false
        let minutes = minutesGiven ? r.int("minutes", range: Tour.minutesRange) : nil
        guard let address else { return nil }
        let target: Tour.Target
        switch resolver.resolve(address) {
        case .record(let id): target = .record(id)
        case .topic(let session, let topic): target = .topic(session: session, topic: topic)
        case .notFound(let suggestions):
            let what = address.contains("/") ? "topic" : "record"
            let hint =
                suggestions.isEmpty
                ? "; use an id such as art29, PT, ws3 or ws3/topic-2"
                : "; did you mean \(suggestions.map { "\"\($0)\"" }.joined(separator: ", "))?"
            sink.report(r.position("address"), p.appending("address"), "no \(what) \"\(address)\"\(hint)")
            return nil
        }
        var step = Tour.Step(address: address, target: target, heading: heading, notes: notes, minutes: minutes)
        // A topic keeps its planned minutes unless the tour says otherwise.
        if !minutesGiven { step.minutes = step.topic(in: kb)?.minutes }
        return step
    }

    /// `notes` is one text or a list of texts (one paragraph each).
    private static func notes(_ r: NodeReader) -> [String] {
        guard let n = r.node("notes") else { return [] }
        if case .array = n.value { return r.strings("notes") }
        if case .null = n.value { return [] }
        return r.string("notes", required: false).map { [$0] } ?? []
    }
}
