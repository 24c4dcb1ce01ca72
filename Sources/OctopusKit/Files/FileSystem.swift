import Glibc

/// The few file operations octopus needs, as system calls: FoundationEssentials' FileManager
/// costs a short command its memory, and each of these is one call or two.
public enum FileSystem {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ what: String, _ path: String) { description = "\(what) \(path): \(String(cString: strerror(errno)))" }
    }

    /// The names in a folder (without "." and ".."), or nil when it cannot be read.
    public static func list(_ folder: String) -> [String]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A folder and any folders above it that are missing, made with `mode`; an existing folder
    /// is left as it is.
    public static func makeFolders(_ path: String, mode: mode_t = 0o700) throws(Failure) {
        if Path.exists(path, folder: true) { return }
        let parent = Path.folder(path)
        if !parent.isEmpty, parent != path, parent != "/" { try makeFolders(parent, mode: mode) }
        if mkdir(path, mode) != 0 && !(errno == EEXIST && Path.exists(path, folder: true)) { throw Failure("cannot create", path) }
    }

    /// Writes a whole file (replacing one that is there) with `mode`; false when it cannot.
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return false }
        let ok = writeAll(bytes, to: fd) == 0
        guard close(fd) == 0, ok else {
            unlink(path)
            return false
        }
        return true
    }

    /// Writes every byte to an open file, however many calls it takes; 0, or the errno of the
    /// call that failed.
    public static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            written += n
        }
        return 0
    }

    /// A small file's text (at most `maxBytes`), or nil when it is missing or unreadable.
    public static func readText(_ path: String, maxBytes: Int = 1 << 20) -> String? {
        guard let bytes = try? SourceFile.read(path, maxBytes: maxBytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The working folder.
    public static var currentDirectory: String {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Where temporary files go: `$TMPDIR`, else /tmp.
    public static var temporaryDirectory: String {
        if let dir = Environment.value("TMPDIR"), !dir.isEmpty { return dir }
        return "/tmp"
    }
}

extension FileSystem {
    /// Removes a file (not a folder); false when it was not there or could not be removed.
    @discardableResult
    public static func remove(_ path: String) -> Bool { unlink(path) == 0 }
}
