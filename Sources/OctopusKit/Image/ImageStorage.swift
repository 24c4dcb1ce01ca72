#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a compiled image's bytes live while a base is open: a cache file mapped into memory
/// (read-only: its pages are the file's own, nothing is zeroed or copied), the program's own
/// read-only data (the image built into it), or a copy of bytes already in memory (one just
/// compiled).
///
/// A mapped file must not shrink under a running program; cache entries never do, since they
/// are replaced by renaming a new file over the old (`ImageCache.write`), which leaves the
/// mapped one whole until it is unmapped.
public final class ImageStorage: @unchecked Sendable {  // read-only memory, never written after init
    let raw: UnsafeRawBufferPointer
    private let kind: Kind
    private enum Kind { case copy, mapped, program }
    /// Whether opening these bytes takes their checksum: not for the program's own, nor for a
    /// mapped file already found sound while it is the same file (`map`).
    let needsChecksum: Bool
    /// Keeps, once the checksum is found sound, that this file was checked.
    private let recordChecked: (@Sendable () -> Void)?

    /// A copy of these bytes.
    public init(copying bytes: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        raw = UnsafeRawBufferPointer(rebasing: buffer[0..<bytes.count])
        kind = .copy
        needsChecksum = true
        recordChecked = nil
    }

    /// Bytes of the program's own read-only data, valid for as long as it runs; read in place.
    /// No checksum is taken of them when a base is opened, since damage to them would be damage
    /// to the program itself (a test checks the built-in image's checksum instead), and reading
    /// one record touches only its pages.
    public init(program bytes: UnsafeRawBufferPointer) {
        raw = bytes
        kind = .program
        needsChecksum = false
        recordChecked = nil
    }

    private init(mapping base: UnsafeRawPointer, count: Int, checked: Bool, recordChecked: (@Sendable () -> Void)?) {
        raw = UnsafeRawBufferPointer(start: base, count: count)
        kind = .mapped
        needsChecksum = !checked
        self.recordChecked = recordChecked
    }

    /// The checksum was found sound: kept for next time where the bytes came from a file.
    func checksumWasSound() { recordChecked?() }

    /// A regular file of at most `maxBytes`, mapped; nil when it is missing, not a regular file,
    /// empty, too large or cannot be mapped (the caller treats it as no cache entry).
    ///
    /// `checkedAs` is the identity the file had when its checksum was last found sound, if it was:
    /// while it is the same file (cache entries are replaced by renaming, never written in place),
    /// its checksum is not taken again, and only the pages a command reads are met. Otherwise the
    /// checksum is taken, and `whenChecked` hears the identity of the file that passed.
    static func map(
        _ path: String, maxBytes: Int, checkedAs: FileIdentity? = nil, whenChecked: (@Sendable (FileIdentity) -> Void)? = nil
    ) -> ImageStorage? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var s = stat()
        guard fstat(fd, &s) == 0, s.st_mode & S_IFMT == S_IFREG, s.st_size > 0, s.st_size <= maxBytes else { return nil }
        let count = Int(s.st_size), identity = FileIdentity(s), checked = checkedAs == identity
        // Taking the checksum reads the whole image: its pages are then mapped in one call
        // rather than met one fault at a time.
        #if os(Linux)
            let flags = checked ? MAP_PRIVATE : MAP_PRIVATE | MAP_POPULATE
        #else
            let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, count, PROT_READ, flags, fd, 0), base != MAP_FAILED else { return nil }
        let record = checked ? nil : whenChecked.map { tell in { @Sendable in tell(identity) } }
        return ImageStorage(mapping: UnsafeRawPointer(base), count: count, checked: checked, recordChecked: record)
    }

    public var count: Int { raw.count }

    deinit {
        switch kind {
        case .mapped: munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress), raw.count)
        case .copy: UnsafeMutableRawPointer(mutating: raw.baseAddress)?.deallocate()
        case .program: break
        }
    }
}
