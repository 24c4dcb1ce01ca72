import Foundation

/// Loads and validates a knowledge-base file. Every problem is collected and reported together as
/// `file:line:column: json.path: message`; nothing here traps or prints.
public enum KnowledgeBaseLoader {
    public static let maxFileBytes = 64 * 1024 * 1024

    /// Loads from a file on disk. Unreadable files are reported as diagnostics too.
    public static func load(path: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KnowledgeBaseError([Diagnostic(file: path, position: .init(line: 1, column: 1), path: JSONPath(),
                                                 message: "no such file; check the path given to --kb or OCTOPUS_KB")])
        }
        guard !isDirectory.boolValue else {
            throw KnowledgeBaseError([Diagnostic(file: path, position: .init(line: 1, column: 1), path: JSONPath(),
                                                 message: "is a directory; give the path of a knowledge-base .json file")])
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxFileBytes {
            throw KnowledgeBaseError([Diagnostic(file: path, position: .init(line: 1, column: 1), path: JSONPath(),
                                                 message: "file is \(size) bytes; the limit is \(maxFileBytes)")])
        }
        guard let bytes = readBytes(path) else {
            throw KnowledgeBaseError([Diagnostic(file: path, position: .init(line: 1, column: 1), path: JSONPath(),
                                                 message: "cannot read the file (permission denied?)")])
        }
        return try load(bytes: bytes, file: path)
    }

    /// The file's bytes, read straight into the array the parser takes (one copy in memory, not a
    /// `Data` and then an array).
    static func readBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { return ferror(file) == 0 ? bytes : nil }
        }
    }

    public static func load(json: String, file: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        try load(bytes: Array(json.utf8), file: file)
    }

    public static func load(bytes: [UInt8], file: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw KnowledgeBaseError([Diagnostic(file: file, position: error.position, path: JSONPath(), message: error.message)])
        }
        var decoder = KnowledgeBaseDecoder(sink: DiagnosticSink(file: file))
        let kb = decoder.decodeRoot(root)
        decoder.validateReferences()
        let diagnostics = decoder.sink.diagnostics
        if !diagnostics.isEmpty { throw KnowledgeBaseError(diagnostics, omitted: decoder.sink.omitted) }
        guard let kb else {
            throw KnowledgeBaseError([Diagnostic(file: file, position: root.position, path: JSONPath(), message: "could not read the knowledge base")])
        }
        return kb
    }
}
