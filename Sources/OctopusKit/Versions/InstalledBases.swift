import FoundationEssentials
import Glibc

/// Knowledge bases installed with `octopus kb install`, kept in the data folder's `kb/`: each
/// file named after its as-of date and a hash of its content ("2026-11-29-3fa2c1d07b5e9a14.json"),
/// and `kb/current` naming the one in use (absent, or "builtin", for the built-in base). A file
/// is written whole to a temporary name and then renamed, so a crash never leaves half a base.
public struct InstalledBases: Sendable {
    public let folder: String
    public init(dataDirectory: String) { folder = Path.join(dataDirectory, "kb") }

    public struct Entry: Sendable, Hashable {
        public var name: String
        public var path: String
        public var asOf: Day?
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The installed bases, oldest as-of date first.
    public func list() -> [Entry] {
        let names = FileSystem.list(folder) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { file in
            let name = String(file.dropLast(5))
            return Entry(name: name, path: path(of: name), asOf: Day(String(name.prefix(10))))
        }
    }

    func path(of name: String) -> String { Path.join(folder, name + ".json") }
    var currentFile: String { Path.join(folder, "current") }
    var lastSeenFile: String { Path.join(folder, "last-seen") }

    /// The installed base in use, or nil for the built-in one.
    public var current: Entry? {
        guard let text = FileSystem.readText(currentFile) else { return nil }
        let name = text.trimmed()
        guard name != "builtin", !name.isEmpty else { return nil }
        return Entry(name: name, path: path(of: name), asOf: Day(String(name.prefix(10))))
    }

    /// Keeps a copy of a base (already validated) and returns its name; the same content installed
    /// twice is one file.
    public func install(_ bytes: [UInt8], asOf: Day) throws(Failure) -> String {
        let name = "\(asOf)-\(ContentHash.hex(ContentHash.of(bytes)))"
        try prepare()
        let target = path(of: name)
        if !Path.exists(target) { try write(bytes, to: target) }
        return name
    }

    /// Makes an installed base (by name) or the built-in one (nil) the default from now on.
    public func use(_ name: String?) throws(Failure) {
        if let name, !Path.exists(path(of: name)) {
            throw Failure(description: "no installed knowledge base \"\(name)\"; octopus kb list shows them")
        }
        try prepare()
        try write(Array(((name ?? "builtin") + "\n").utf8), to: currentFile)
    }

    /// What the browser showed last time ("builtin" or a name), and records what it shows now:
    /// true when that differs, so that it can say the base changed since the last start.
    public func changedSinceLastStart(now shown: String) -> Bool {
        let last = FileSystem.readText(lastSeenFile)?.trimmed()
        guard last != shown else { return false }
        try? prepare()
        try? write(Array((shown + "\n").utf8), to: lastSeenFile)
        return last != nil
    }

    private func prepare() throws(Failure) {
        do {
            try FileSystem.makeFolders(folder, mode: 0o700)
        } catch {
            throw Failure(description: "cannot create \(folder): \(error)")
        }
    }

    private func write(_ bytes: [UInt8], to target: String) throws(Failure) {
        let temporary = target + ".tmp-\(getpid())"
        guard FileSystem.write(Array(bytes), to: temporary, mode: 0o644) else {
            throw Failure(description: "cannot write \(temporary) (full disk, or the folder is read-only?)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write \(target): \(reason)")
        }
    }
}
