import FoundationEssentials
import Glibc

/// Reading a file the user named (a knowledge base, a tour, a notes export): missing, a folder, too
/// large or unreadable, each told apart so that every caller words it for its own users. Package
/// access, for the notes import (OctopusNotebook); no client of the library needs it.
package enum SourceFile {
    package enum Failure: Error, Sendable, Equatable {
        /// `size` is nil for a stream (a pipe, a device), read only up to the limit.
        case missing, directory, tooLarge(size: Int?), unreadable
    }

    struct Advice {
        var missing: String
        var directory: String
        var tooLarge: (_ size: Int?) -> String
    }

    /// The file's bytes, read straight into the array the parsers take (one copy in memory, not a
    /// `Data` and then an array).
    /// At most `limit` bytes of standard input, fewer where it ends (or cannot be read) first.
    package static func readStandardInput(upTo limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    package static func read(_ path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .missing }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .directory }
        let size = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
        if let size, size > maxBytes { throw .tooLarge(size: size) }
        guard let file = fopen(path, "rb") else { throw .unreadable }
        defer { fclose(file) }
        // A regular file is read straight into an array of its size (a compiled index is tens of
        // megabytes on a large base); one byte more asked for sees a file that grew meanwhile.
        if let size, size > 0 {
            var short = false
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
                Self.preferHugePages(buffer)
                initialized = fread(buffer.baseAddress, 1, size, file)
                short = initialized < size
            }
            var extra: UInt8 = 0
            if !short, fread(&extra, 1, 1, file) == 0, ferror(file) == 0 { return bytes }
            guard ferror(file) == 0 else { throw .unreadable }
            rewind(file)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            // A pipe or device reports no size (`/dev/zero`, `<(yes)`): stop once past the limit.
            if bytes.count > maxBytes { throw .tooLarge(size: nil) }
            if n < chunk.count {
                guard ferror(file) == 0 else { throw .unreadable }
                return bytes
            }
        }
    }

    /// The same, each failure as one located diagnostic with the caller's advice (a knowledge base, a tour).
    /// A large file (a compiled image of a big base is 14 MB) fills fresh memory one 4 KiB page
    /// fault at a time; asking for 2 MiB pages where the kernel allows it makes that a handful.
    private static func preferHugePages(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        let huge = 2 << 20
        guard let base = buffer.baseAddress, buffer.count >= 2 * huge else { return }
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    }

    static func read(_ path: String, maxBytes: Int, advice: Advice) throws(DiagnosticsError) -> [UInt8] {
        do {
            return try read(path, maxBytes: maxBytes)
        } catch {
            let message =
                switch error {
                case .missing: advice.missing
                case .directory: advice.directory
                case .tooLarge(let size): advice.tooLarge(size)
                case .unreadable: "cannot read the file (permission denied?)"
                }
            throw DiagnosticsError([Diagnostic(file: path, position: SourcePosition(line: 1, column: 1), path: JSONPath(), message: message)])
        }
    }
}
