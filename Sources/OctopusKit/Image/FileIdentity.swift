#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What changes whenever a file's content may have: device, inode, size, and modification and
/// change times to the nanosecond, as make and git assume. The cache keeps one beside a file it
/// has read (the JSON's hash, an entry's checksum) so as not to read it again while it is the
/// same file.
struct FileIdentity: Equatable, Sendable {
    let text: String
    /// The change time, which no program can set back.
    private let changed: timespec

    init(_ s: stat) {
        let modified = s.st_mtim, changed = s.st_ctim
        text = "\(s.st_dev) \(s.st_ino) \(s.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
        self.changed = changed
    }

    /// A regular file's identity; nil for anything else or nothing.
    init?(path: String) {
        var s = stat()
        guard stat(path, &s) == 0, s.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(s)
    }

    /// One kept in a file (`recorded`); nil for anything else.
    init?(recorded: String) {
        guard recorded.hasSuffix("\n") else { return nil }
        let fields = recorded.dropLast().split(separator: " ", omittingEmptySubsequences: false)
        let times = fields.last?.split(separator: ".", omittingEmptySubsequences: false) ?? []
        guard fields.count == 5, times.count == 2, let seconds = Int(times[0]), let nanoseconds = Int(times[1]) else { return nil }
        text = String(recorded.dropLast())
        changed = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
    }

    /// As kept in a file: one line.
    var recorded: String { text + "\n" }

    static func == (a: Self, b: Self) -> Bool { a.text == b.text }

    /// Whether a rewrite from now on is sure to change the identity. File times tick coarsely (a
    /// few milliseconds; seconds on some file systems), so a file changed again within the tick
    /// it was read in could keep its times; one last changed a while before now could not (git's
    /// "racily clean" entries). An identity that is not settled is not kept: the next run reads
    /// the file again.
    func isSettled(now: timespec) -> Bool { now.tv_sec - changed.tv_sec > 2 }

    static func now() -> timespec {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t
    }
}
