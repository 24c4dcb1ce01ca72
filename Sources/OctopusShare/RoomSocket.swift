import FoundationEssentials
import Glibc
import OctopusKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the presenter and the room find each other: a Unix socket named after the session or
/// tour in the user's runtime folder, `$XDG_RUNTIME_DIR/octopus/ws3.sock` (or, without one, a
/// folder of the user's own under /tmp). Only the user can open the folder, so the room's socket
/// needs no join code.
public enum RoomSocket {
    /// The socket's name for a tour: the session's id, or the tour file's name without its
    /// extension, in letters, digits, `-` and `_` only.
    public static func name(for tour: Tour) -> String {
        let raw: String
        switch tour.origin {
        case .session(let id): raw = id
        case .file(let path): raw = Path.stem(path)
        }
        let kept = raw.lowercased().unicodeScalars.map { Folding.isAlphanumeric($0) && $0.isASCII ? Character($0) : "-" }
        let name = String(String(kept).prefix(40))
        return name.isEmpty ? "walk" : name
    }

    /// The folder of the room sockets, made private to the user if it is not there; refused if
    /// it is there but someone else's, or open to others.
    public static func folder(environment: [String: String] = Environment.all) throws(ShareError) -> String {
        let base: String
        let uid = getuid()
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
            base = runtime + "/octopus"
        } else {
            base = "/tmp/octopus-\(uid)"
        }
        if mkdir(base, 0o700) != 0 && errno != EEXIST {
            throw .runtimeFolder("cannot make \(base) for the room's socket (\(String(cString: strerror(errno)))); set XDG_RUNTIME_DIR to a folder of yours")
        }
        var info = stat()
        guard lstat(base, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .runtimeFolder("\(base) is not a folder; remove it, or set XDG_RUNTIME_DIR to a folder of yours")
        }
        guard info.st_uid == uid, info.st_mode & 0o077 == 0 else {
            throw .runtimeFolder(
                "\(base) belongs to someone else or is open to others; the room's socket goes only in a folder of yours (chmod 700 it, or set XDG_RUNTIME_DIR)")
        }
        return base
    }

    /// The socket's path, or why it cannot be one (a socket path has a size limit).
    public static func path(for tour: Tour, environment: [String: String] = Environment.all) throws(ShareError) -> String {
        let path = try folder(environment: environment) + "/" + name(for: tour) + ".sock"
        guard path.utf8.count < 104 else {
            throw .runtimeFolder("the room's socket path \(path) is too long for a socket; set XDG_RUNTIME_DIR to a shorter folder")
        }
        return path
    }

    /// The join code of this tour's shared walk: the one kept beside its socket when there is one,
    /// so delegates who joined get back in after the presenter restarts, else a new one, kept
    /// (readable by the user alone) until the runtime folder goes at logout.
    public static func joinCode(for tour: Tour, environment: [String: String] = Environment.all) -> String {
        guard let folder = try? folder(environment: environment) else { return JoinCode.make() }
        let path = folder + "/" + name(for: tour) + ".code"
        if let kept = FileSystem.readText(path)?.trimmed(), JoinCode.isWellFormed(kept) {
            return kept
        }
        let code = JoinCode.make()
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        if fd >= 0 {
            let bytes = Array((code + "\n").utf8)
            _ = write(fd, bytes, bytes.count)
            close(fd)
        }
        return code
    }

    /// A listening socket at `path`, bound here rather than by SwiftNIO, whose own unix listener
    /// removes whatever file is at its path when it closes — which, after a restart, may be another
    /// presenter's. A socket file no one answers on (left by a presenter that crashed) is replaced;
    /// any other kind of file is not touched.
    public static func listen(at path: String) throws(ShareError) -> CInt {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFSOCK else { throw .runtimeFolder("\(path) is there and is not a socket; remove it, then start again") }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0, var address = socketAddress(path) else {
            throw .runtimeFolder("cannot make a socket for the room (\(String(cString: strerror(errno))))")
        }
        let bound = withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, 64) == 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw .runtimeFolder("cannot listen on \(path) for the room (\(why))")
        }
        return fd
    }

    static func socketAddress(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        return address
    }

    /// Whether a presenter answers on this socket now (a file left by one that crashed does not).
    public static func isLive(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard var address = socketAddress(path) else { return false }
        return withUnsafePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }
}
