import FoundationEssentials
import Glibc

/// Compiled copies of knowledge-base files given with --kb (or installed), under
/// `$XDG_CACHE_HOME/octopus/` (else `~/.cache/octopus/`), named by the JSON's content hash and
/// the image format: a file changed, or a newer octopus, simply finds no entry. An entry that
/// does not decode (damaged, truncated, another format) is ignored and written again.
///
/// So that a large file is not read and hashed at every start, `paths/` remembers, per file, its
/// identity when last hashed (device, inode, size, modification and change times, to the
/// nanosecond) with the hash: while the identity is the same, so is the content, as make and
/// git assume. Any difference, or no record, and the file is read and hashed again. An entry's
/// checksum is likewise taken at its first opening, and its identity then kept beside it in
/// `<entry>.checked` (`ImageStorage.map`). Only settled identities are kept
/// (`FileIdentity.isSettled`). A file found edited has the entries of its old content removed,
/// unless another file's record still names that content; a record also says where its file was,
/// so that compiling a new entry can drop the records of files since deleted and, once a week
/// old, the entries no record names (`prune`).
public struct ImageCache: Sendable {
    public let folder: String
    /// The program's version: a newer octopus may check more, so it never takes an older one's
    /// word that a file is sound.
    public let programVersion: String

    /// The time identities are judged settled against (tests move it on).
    var now: @Sendable () -> timespec = FileIdentity.now

    public init(folder: String, programVersion: String) { self.folder = folder; self.programVersion = programVersion }

    /// The user's cache folder, or nil when neither XDG_CACHE_HOME nor HOME is usable (the base
    /// is then checked at every run, as before).
    public static func standard(programVersion: String, environment: [String: String] = Environment.all) -> ImageCache? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return ImageCache(folder: xdg + "/octopus", programVersion: programVersion) }
        if let home = environment["HOME"], home.hasPrefix("/") { return ImageCache(folder: home + "/.cache/octopus", programVersion: programVersion) }
        return nil
    }

    func path(for hash: UInt64) -> String { "\(folder)/kb-\(ContentHash.hex(hash))-octopus-\(programVersion)-v\(KnowledgeBaseImage.formatVersion).image" }

    /// The compiled base for JSON of this hash, if a sound entry exists.
    public func load(_ hash: UInt64) -> KnowledgeBase? {
        guard let image = mapEntry(path(for: hash)) else { return nil }
        guard KnowledgeBaseImage.sourceHash(of: image) == hash, var kb = try? KnowledgeBaseImage.decode(image, file: path(for: hash)) else { return nil }
        kb.compiledSearch = compiledSearch(for: hash)
        return kb
    }

    /// Where the search index compiled for the JSON of this hash is kept beside its image.
    func compiledSearch(for hash: UInt64) -> CompiledSearch {
        let searchPath = path(for: hash) + ".search", cache = self
        return CompiledSearch(
            sourceHash: hash, file: searchPath, read: { cache.mapEntry(searchPath) },
            store: { cache.write($0, to: searchPath) })
    }

    /// An entry, mapped, with its checksum taken unless `<entry>.checked` holds its identity.
    func mapEntry(_ entry: String) -> ImageStorage? {
        let record = entry + ".checked", cache = self
        let known = (try? SourceFile.read(record, maxBytes: 4096)).map { String(decoding: $0, as: UTF8.self) }
        return ImageStorage.map(
            entry, maxBytes: Int(Int32.max), checkedAs: known.flatMap(FileIdentity.init(recorded:)),
            whenChecked: { identity in
                if identity.isSettled(now: cache.now()) { cache.write(Array(identity.recorded.utf8), to: record) }
            })
    }

    /// Where the record of a file is kept, named by the hash of its real path, and that path.
    private func identityRecord(for file: String) -> (record: String, realPath: String)? {
        guard let resolved = realpath(file, nil) else { return nil }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return ("\(folder)/paths/\(ContentHash.hex(ContentHash.of(Array(real.utf8))))", real)
    }

    /// The content hash recorded for this file, if its identity has not changed since.
    public func rememberedHash(of file: String) -> UInt64? {
        guard let record = identityRecord(for: file)?.record, let identity = FileIdentity(path: file), let kept = keptRecord(at: record),
            kept.identity == identity.text
        else { return nil }
        return kept.hash
    }

    /// A `paths/` record: a line of the file's identity when it was hashed, a space and the hash,
    /// then a line of the file's real path (which may itself hold line breaks; records written
    /// before there was one have none).
    private func keptRecord(at record: String) -> (identity: Substring, hash: UInt64, realPath: String?)? {
        guard let bytes = try? SourceFile.read(record, maxBytes: 8192) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasSuffix("\n"), let end = text.firstIndex(of: "\n") else { return nil }
        let line = text[..<end], rest = text[text.index(after: end)...]
        guard let space = line.lastIndex(of: " "), let hash = UInt64(line[line.index(after: space)...], radix: 16) else { return nil }
        return (line[..<space], hash, rest.isEmpty ? nil : String(rest.dropLast()))
    }

    /// Records the file's identity with the hash its content had when read, once it is settled.
    func remember(_ hash: UInt64, of file: String, identity: FileIdentity) {
        guard identity.isSettled(now: now()), let (record, realPath) = identityRecord(for: file),
            (try? FileSystem.makeFolders(folder + "/paths", mode: 0o700))
                != nil
        else { return }
        let previous = keptRecord(at: record)?.hash
        write(Array("\(identity.text) \(ContentHash.hex(hash))\n\(realPath)\n".utf8), to: record)
        if let previous, previous != hash { removeEntries(of: previous) }
    }

    /// The entries compiled from what a file held before it was edited, once no file's record
    /// names that content any more: else every edit of a base would leave its megabytes behind.
    /// (A copy of the old content that was never recorded only costs its next run a compile.)
    private func removeEntries(of hash: UInt64) {
        let records = folder + "/paths"
        guard let names = FileSystem.list(records),
            !names.contains(where: { keptRecord(at: records + "/" + $0)?.hash == hash })
        else { return }
        unlinkEntries(of: hash)
    }

    /// Keeps a compiled copy; a cache that cannot be written only costs the next run its speed.
    public func store(_ kb: KnowledgeBase, hash: UInt64) {
        let image = KnowledgeBaseImage.encode(kb, sourceHash: hash)
        guard (try? FileSystem.makeFolders(folder, mode: 0o700)) != nil
        else { return }
        write(image, to: path(for: hash))
        removeOtherVersions(of: hash)
        prune(keeping: hash)
    }

    /// How old an entry no record names must be before it goes: a run may be about to record
    /// the file it came from (an identity is kept only once settled) or still be reading it.
    static let unnamedEntryLifetime = 7 * 24 * 3600

    /// Run when a new entry has been compiled (a slow run already): drops the records of files
    /// no longer there, then every entry, of any version, that no record names for this version
    /// and that has not been written for `unnamedEntryLifetime`. Else each base tried once and
    /// deleted, or left behind by an upgrade, would keep its megabytes here for good.
    private func prune(keeping kept: UInt64) {
        let records = folder + "/paths"
        var named: Set<UInt64> = [kept]
        for name in FileSystem.list(records) ?? [] where !name.contains(".tmp-") {
            guard let record = keptRecord(at: records + "/" + name) else { continue }
            if let file = record.realPath, Self.isGone(file) {
                unlink(records + "/" + name)
            } else {
                named.insert(record.hash)
            }
        }
        // An entry is an image and what is kept beside it (.search, .checked, .tmp-…), judged
        // together by the newest of them.
        var entries: [String: (written: Int, names: [String])] = [:]
        for name in FileSystem.list(folder) ?? [] {
            guard let image = Self.imageName(in: name), let written = Self.modified(folder + "/" + name) else { continue }
            let entry = entries[image]
            entries[image] = (max(entry?.written ?? written, written), (entry?.names ?? []) + [name])
        }
        let current = "-octopus-\(programVersion)-v\(KnowledgeBaseImage.formatVersion).image", now = now().tv_sec
        for (image, entry) in entries where now - entry.written > Self.unnamedEntryLifetime {
            let hex = image.dropFirst(3).prefix(while: { $0 != "-" })
            if let hash = UInt64(hex, radix: 16), named.contains(hash), image.hasSuffix(current) { continue }
            for name in entry.names { unlink(folder + "/" + name) }
        }
    }

    /// The image an entry's file belongs to (`kb-<hash>-octopus-<version>-v<format>.image`).
    private static func imageName(in name: String) -> String? {
        guard name.hasPrefix("kb-"), let end = name.firstRange(of: ".image") else { return nil }
        return String(name[..<end.upperBound])
    }

    private static func modified(_ path: String) -> Int? {
        var s = stat()
        return stat(path, &s) == 0 ? Int(s.st_mtim.tv_sec) : nil
    }

    /// Nothing there (a file on a drive not mounted counts too: its next run only hashes it
    /// again); a file that cannot be looked at for another reason, such as permissions, is kept.
    private static func isGone(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }

    /// Copies of the same content made by another version of octopus or in another format, with
    /// their search indexes and records: of no use to this one, which has just made its own, so an
    /// upgrade does not leave megabytes behind per base. (A process still reading one keeps its
    /// mapping.)
    private func removeOtherVersions(of hash: UInt64) { unlinkEntries(of: hash, except: String(path(for: hash).dropFirst(folder.count + 1))) }

    /// Every file compiled from this content (images of any version, search indexes, records),
    /// but those whose names begin with `except`.
    private func unlinkEntries(of hash: UInt64, except kept: String? = nil) {
        let prefix = "kb-\(ContentHash.hex(hash))-octopus-"
        guard let names = FileSystem.list(folder) else { return }
        for name in names where name.hasPrefix(prefix) && !(kept.map(name.hasPrefix) ?? false) { unlink(folder + "/" + name) }
    }

    /// Whole or not at all: a reader never sees half an entry.
    func write(_ bytes: [UInt8], to target: String) {
        let temporary = target + ".tmp-\(getpid())"
        guard FileSystem.write(Array(bytes), to: temporary, mode: 0o600) else { return }
        if rename(temporary, target) != 0 { unlink(temporary) }
    }
}

extension KnowledgeBaseLoader {
    /// Loads a knowledge-base file through the cache: the compiled copy when there is a sound one
    /// for this exact content, else the JSON, checked in full and then compiled for next time.
    /// `say` hears what a person waiting should know (a large file is checked once; how long).
    public static func load(path: String, cache: ImageCache?, say: (String) -> Void = { _ in }) throws(KnowledgeBaseError) -> KnowledgeBase {
        // The identity is taken before reading, so that a change while reading is seen next time.
        let identity = FileIdentity(path: path)
        if let cache, let hash = cache.rememberedHash(of: path), let kb = cache.load(hash) { return kb }
        let bytes = try readFile(path)
        let hash = ContentHash.of(bytes)
        if let cache, let identity { cache.remember(hash, of: path, identity: identity) }
        if let cache, let kb = cache.load(hash) { return kb }
        let megabytes = Double(bytes.count) / 1_000_000
        // A large file takes seconds the first time: say what is happening, stage by stage.
        let large = megabytes >= 4
        if large { say("octopus: checking \(path) (\(Decimals.fixed(megabytes, 1)) MB) once; later runs start from a compiled copy") }
        var clock = Stopwatch()
        var kb = try load(bytes: bytes, file: path) { if large { say("octopus:   \($0)") } }
        _ = clock.lap()
        cache?.store(kb, hash: hash)
        kb.compiledSearch = cache?.compiledSearch(for: hash)
        if large, let cache { say("octopus:   compiled in \(clock.lap()); the compiled copy is in \(cache.folder)") }
        return kb
    }
}
