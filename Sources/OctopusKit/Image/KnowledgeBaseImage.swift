/// The knowledge base compiled: every record as the loader left it (validated, text escaped,
/// links parsed), in a byte form that opens without parsing JSON or checking anything again, and
/// whose records are read only when asked for. The bundled base is compiled when the package is
/// built; a file given with --kb, or installed, is compiled on first use and kept in the cache
/// (`ImageCache`). The JSON stays the source of truth: an image is only ever derived from it.
///
/// Layout: "OCTOKB1\n", the format version, a hash of the JSON it was made from, the payload's
/// length and checksum; then a table of where each section starts, and the sections: the base's
/// own fields and treaties, one table per kind of record (a count, where each record starts,
/// the records), the ids sorted as bytes with each one's place, what links to each id, the
/// countries and articles by treaty, and last the strings (a count, where each starts, their UTF-8) and
/// the lists of strings (the same way, each a count and its strings' numbers). A wrong
/// magic, version, length or checksum makes the image refused, so a damaged or stale one is
/// rebuilt, never trusted.
public enum KnowledgeBaseImage {
    /// Raised whenever a record type gains, loses or changes a field, or the layout changes.
    public static let formatVersion: UInt32 = 8
    static let magic = Array("OCTOKB1\n".utf8)
    static let headerSize = ImageFrame.headerSize

    enum Section: Int, CaseIterable {
        case strings, base, articles, sessions, countries, organisations, glossary, ids, backlinks, treatyIndex
    }

    public static func encode(_ kb: KnowledgeBase, sourceHash: UInt64) -> [UInt8] {
        var w = ImageWriter()
        w.append(magic + [UInt8](repeating: 0, count: headerSize - magic.count))
        let tableAt = w.bytes.count
        for _ in Section.allCases { w.u32(0) }
        func begin(_ s: Section) { w.patch32(at: tableAt + 4 * s.rawValue, w.bytes.count) }

        begin(.base)
        w.int(kb.formatVersion); w.string(kb.title); w.day(kb.asOf); kb.conference.write(to: &w)
        w.array(kb.treaties) { w, t in t.write(to: &w) }
        w.array(kb.synonyms) { $0.strings($1) }
        w.array(kb.supportAreas) { w, a in a.write(to: &w) }

        /// A count, where each entry starts and where the last ends, then the entries.
        func table<T>(_ list: some Collection<T>, _ write: (inout ImageWriter, T) -> Void) {
            w.u32(list.count)
            let offsets = w.bytes.count
            for _ in 0...list.count { w.u32(0) }
            for (i, element) in list.enumerated() {
                w.patch32(at: offsets + 4 * i, w.bytes.count)
                write(&w, element)
            }
            w.patch32(at: offsets + 4 * list.count, w.bytes.count)
        }
        begin(.articles); table(kb.articles) { w, r in r.write(to: &w) }
        begin(.sessions); table(kb.sessions) { w, r in r.write(to: &w) }
        begin(.countries); table(kb.countries) { w, r in r.write(to: &w) }
        begin(.organisations); table(kb.organisations) { w, r in r.write(to: &w) }
        begin(.glossary); table(kb.glossary) { w, r in r.write(to: &w) }

        // Ids sorted as UTF-8 bytes, so that a lookup compares bytes in place.
        let kinds = RecordKind.allCases
        let entries = kinds.flatMap { kind in kb.records(of: kind).enumerated().map { (key: Array($1.id.lowercased().utf8), id: $1.id, kind: kind, index: $0) }
        }
        .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        begin(.ids)
        w.u32(entries.count)
        for e in entries {
            let key = w.intern(String(decoding: e.key, as: UTF8.self))
            w.u32(key)
            w.u32(kinds.firstIndex(of: e.kind)! << 24 | e.index)
        }
        let backlinks = kb.backlinks.all
        begin(.backlinks)
        // Each record's labels beside its backlinks: a page of thousands of links names each
        // target without decoding it.
        table(entries) { w, e in
            let record = kb.record(at: RecordPlace(kind: e.kind, index: e.index))
            w.string(e.id); w.string(record.shortTitle); w.string(record.inlineLabel); w.strings(backlinks[e.id] ?? [])
        }
        begin(.treatyIndex)
        let treaties = kb.treatyIndex
        for table in [treaties.countriesByTreaty, treaties.articlesByTreaty] {
            w.array(table.sorted { $0.key < $1.key }) { w, pair in
                w.string(pair.key); w.array(pair.value) { $0.int($1) }
            }
        }
        w.array(treaties.countriesWithStatements) { $0.int($1) }

        begin(.strings)
        w.append(w.stringTable())

        return ImageFrame(magic: magic, version: formatVersion).seal(w.bytes, sourceHash: sourceHash)
    }

    /// The hash of the JSON an image was made from, without opening it (nil: not an image of
    /// this format).
    public static func sourceHash(of image: [UInt8]) -> UInt64? {
        image.withUnsafeBytes { ImageFrame(magic: magic, version: formatVersion).sourceHash(of: $0) }
    }
    public static func sourceHash(of image: ImageStorage) -> UInt64? { ImageFrame(magic: magic, version: formatVersion).sourceHash(of: image.raw) }

    /// Opens an image: checks its header and checksum and reads its tables; records are decoded
    /// when first read. `file` is the cache file it came from, removed if it proves damaged later.
    public static func decode(_ image: [UInt8], file: String? = nil) throws(ImageError) -> KnowledgeBase {
        try decode(ImageStorage(copying: image), file: file)
    }

    public static func decode(_ image: ImageStorage, file: String? = nil) throws(ImageError) -> KnowledgeBase {
        try ImageFrame(magic: magic, version: formatVersion).check(image)
        guard image.count >= headerSize + 4 * Section.allCases.count else { throw ImageError(description: "no section table") }
        let starts = Section.allCases.map { ImageBytes.u32(image.raw, headerSize + 4 * $0.rawValue) }
        func start(_ s: Section) -> Int { starts[s.rawValue] }
        let bytes = try ImageBytes(image, stringTableAt: start(.strings), file: file)

        var r = try ImageReader(bytes, from: start(.base), to: start(.articles))
        let version = try r.int(), title = try r.string(), asOf = try r.day(), conference = try Conference(from: &r)
        let treaties = try r.array { r throws(ImageError) in try Treaty(from: &r) }
        let synonyms = try r.array { r throws(ImageError) in try r.strings() }
        let supportAreas = try r.array { r throws(ImageError) in try SupportArea(from: &r) }
        guard r.isAtEnd else { throw ImageError(description: "bytes after the base's fields") }

        var c = try ImageReader(bytes, from: start(.treatyIndex), to: start(.strings))
        func table(_ r: inout ImageReader) throws(ImageError) -> [String: [Int]] {
            let pairs = try r.array { r throws(ImageError) in (try r.string(), try r.array { r throws(ImageError) in try r.int() }) }
            return Dictionary(pairs, uniquingKeysWith: { a, _ in a })
        }
        var treatyIndex = TreatyIndex()
        treatyIndex.countriesByTreaty = try table(&c)
        treatyIndex.articlesByTreaty = try table(&c)
        treatyIndex.countriesWithStatements = try c.array { r throws(ImageError) in try r.int() }
        guard c.isAtEnd else { throw ImageError(description: "bytes after the treaty index") }

        let articles = try ImageSection(image: bytes, at: start(.articles)) { r throws(ImageError) in try Article(from: &r) }
        let sessions = try ImageSection(image: bytes, at: start(.sessions)) { r throws(ImageError) in try Session(from: &r) }
        let countryTable = try ImageSection(image: bytes, at: start(.countries)) { r throws(ImageError) in try Country(from: &r) }
        let organisations = try ImageSection(image: bytes, at: start(.organisations)) { r throws(ImageError) in try Organisation(from: &r) }
        let glossary = try ImageSection(image: bytes, at: start(.glossary)) { r throws(ImageError) in try GlossaryTerm(from: &r) }
        guard treatyIndex.countriesByTreaty.values.joined().allSatisfy({ $0 >= 0 && $0 < countryTable.count }),
            treatyIndex.countriesWithStatements.allSatisfy({ $0 >= 0 && $0 < countryTable.count }),
            treatyIndex.articlesByTreaty.values.joined().allSatisfy({ $0 >= 0 && $0 < articles.count })
        else { throw ImageError(description: "the treaty index points past the records") }
        let index = try ImageIndex(image: bytes, idsAt: start(.ids), backlinksAt: start(.backlinks), treaties: treatyIndex)
        return KnowledgeBase(
            formatVersion: version, title: title, asOf: asOf, conference: conference, treaties: treaties, articles: RecordList(articles),
            sessions: RecordList(sessions), countries: RecordList(countryTable), organisations: RecordList(organisations),
            glossary: RecordList(glossary), synonyms: synonyms, supportAreas: supportAreas, index: index)
    }

}

/// The header every compiled file starts with: its magic, format version, the hash of the JSON
/// it was made from, and the length and checksum of what follows. A file that fails any of them
/// is refused, so a damaged or stale one is rebuilt, never trusted.
struct ImageFrame {
    static let headerSize = 8 + 4 + 8 + 8 + 8
    let magic: [UInt8]
    let version: UInt32

    /// Fills in the header of bytes that begin with `headerSize` bytes reserved for it.
    func seal(_ bytes: [UInt8], sourceHash: UInt64) -> [UInt8] {
        var out = bytes, header = magic
        let checksum = out.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[Self.headerSize...])) }
        withUnsafeBytes(of: version.littleEndian) { header.append(contentsOf: $0) }
        for v in [sourceHash, UInt64(out.count - Self.headerSize), checksum] { withUnsafeBytes(of: v.littleEndian) { header.append(contentsOf: $0) } }
        out.replaceSubrange(0..<Self.headerSize, with: header)
        return out
    }

    func sourceHash(of bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count >= Self.headerSize, bytes.starts(with: magic), read32(bytes, magic.count) == version else { return nil }
        return read64(bytes, magic.count + 4)
    }

    /// Checks an image's header, and its checksum where its storage needs one taken (and tells it
    /// when that was sound).
    func check(_ storage: ImageStorage) throws(ImageError) {
        try check(storage.raw, checksum: storage.needsChecksum)
        if storage.needsChecksum { storage.checksumWasSound() }
    }

    /// `checksum: false` only for bytes known sound (`ImageStorage.needsChecksum`).
    func check(_ bytes: UnsafeRawBufferPointer, checksum verify: Bool = true) throws(ImageError) {
        guard bytes.count >= Self.headerSize, bytes.starts(with: magic) else { throw ImageError(description: "not a compiled file of this kind") }
        guard read32(bytes, magic.count) == version else { throw ImageError(description: "compiled by another version of octopus") }
        let length = read64(bytes, magic.count + 12), checksum = read64(bytes, magic.count + 20)
        guard length == UInt64(bytes.count - Self.headerSize) else { throw ImageError(description: "truncated") }
        guard !verify || ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[Self.headerSize...])) == checksum else {
            throw ImageError(description: "damaged (checksum)")
        }
    }

    private func read32(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32 { UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    private func read64(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
}

/// A 64-bit hash of content, eight bytes at a time (fast enough for a 30 MB file at every start):
/// it names cache entries and detects damage. Not a defence against someone forging a file.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// Four lanes side by side (a 30 MB image is checked at every start), then folded together.
    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x100_0000_01b3
        var h0: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count), h1 = h0 &+ 1, h2 = h0 &+ 2, h3 = h0 &+ 3
        let blocks = raw.count / 32
        for i in 0..<blocks {
            let at = i * 32
            h0 = (h0 ^ raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* prime
            h1 = (h1 ^ raw.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)) &* prime
            h2 = (h2 ^ raw.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self)) &* prime
            h3 = (h3 ^ raw.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self)) &* prime
            h0 ^= h0 >> 29; h1 ^= h1 >> 29; h2 ^= h2 >> 29; h3 ^= h3 >> 29
        }
        var h = h0
        for lane in [h1, h2, h3] { h = (h ^ lane) &* prime; h ^= h >> 29 }
        for i in (blocks * 32)..<raw.count { h = (h ^ UInt64(raw[i])) &* prime }
        return h
    }

    public static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
