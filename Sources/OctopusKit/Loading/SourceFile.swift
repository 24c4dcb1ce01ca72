import Foundation

/// Reading a file the user named (a knowledge base, a tour): missing, a folder, too large or
/// unreadable each become one located diagnostic, with the caller's own advice.
enum SourceFile {
    struct Advice {
        var missing: String
        var directory: String
        var tooLarge: (_ size: Int) -> String
    }

    /// The file's bytes, read straight into the array the parsers take (one copy in memory, not a
    /// `Data` and then an array).
    static func read(_ path: String, maxBytes: Int, advice: Advice) throws(DiagnosticsError) -> [UInt8] {
        func fail(_ message: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(file: path, position: SourcePosition(line: 1, column: 1), path: JSONPath(), message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw fail(advice.missing) }
        guard !isDirectory.boolValue else { throw fail(advice.directory) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw fail(advice.tooLarge(size))
        }
        guard let file = fopen(path, "rb") else { throw fail("cannot read the file (permission denied?)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                guard ferror(file) == 0 else { throw fail("cannot read the file (permission denied?)") }
                return bytes
            }
        }
    }
}
