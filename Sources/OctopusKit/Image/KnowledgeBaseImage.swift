/// The knowledge base compiled: every record as the loader left it (validated, text escaped,
/// links parsed), in a byte form that loads without parsing JSON or checking anything again.
/// The bundled base is compiled when the package is built; a file given with --kb, or installed,
/// is compiled on first use and kept in the cache (`ImageCache`). The JSON stays the source of
/// truth: an image is only ever derived from it.
///
/// Layout: "OCTOKB1\n", the format version, a hash of the JSON it was made from, the payload's
/// length and checksum, then the payload (`ImageWriter`). A wrong magic, version, length or
/// checksum makes the image refused, so a damaged or stale one is rebuilt, never trusted.
public enum KnowledgeBaseImage {
    /// Raised whenever a record type gains, loses or changes a field, or the layout changes.
    public static let formatVersion: UInt32 = 2
    static let magic = Array("OCTOKB1\n".utf8)
    static let headerSize = magic.count + 4 + 8 + 8 + 8

    public static func encode(_ kb: KnowledgeBase, sourceHash: UInt64) -> [UInt8] {
        var w = ImageWriter()
        w.int(kb.formatVersion); w.string(kb.title); w.day(kb.asOf); kb.conference.write(to: &w)
        w.array(kb.treaties) { w, t in t.write(to: &w) }
        w.array(kb.articles) { w, a in a.write(to: &w) }
        w.array(kb.sessions) { w, s in s.write(to: &w) }
        w.array(kb.countries) { w, c in c.write(to: &w) }
        w.array(kb.organisations) { w, o in o.write(to: &w) }
        w.array(kb.glossary) { w, g in g.write(to: &w) }
        w.array(kb.synonyms) { $0.strings($1) }
        w.array(kb.backlinks.sorted { $0.key < $1.key }) {
            $0.string($1.key); $0.strings($1.value)
        }
        let payload = w.payload()
        var out = magic
        append(formatVersion, to: &out)
        append(sourceHash, to: &out)
        append(UInt64(payload.count), to: &out)
        append(ContentHash.of(payload), to: &out)
        return out + payload
    }

    /// The hash of the JSON an image was made from, without decoding it (nil: not an image of
    /// this format).
    public static func sourceHash(of image: [UInt8]) -> UInt64? {
        guard image.count >= headerSize, Array(image[0..<magic.count]) == magic, read32(image, magic.count) == formatVersion else { return nil }
        return read64(image, magic.count + 4)
    }

    public static func decode(_ image: [UInt8]) throws(ImageError) -> KnowledgeBase {
        guard image.count >= headerSize, Array(image[0..<magic.count]) == magic else { throw ImageError(description: "not a compiled knowledge base") }
        guard read32(image, magic.count) == formatVersion else { throw ImageError(description: "compiled by another version of octopus") }
        let length = read64(image, magic.count + 12), checksum = read64(image, magic.count + 20)
        guard length == UInt64(image.count - headerSize) else { throw ImageError(description: "truncated") }
        let payload = Array(image[headerSize...])
        guard ContentHash.of(payload) == checksum else { throw ImageError(description: "damaged (checksum)") }
        var r = try ImageReader(payload: payload)
        let version = try r.int(), title = try r.string(), asOf = try r.day(), conference = try Conference(from: &r)
        let treaties = try r.array { r throws(ImageError) in try Treaty(from: &r) }
        let articles = try r.array { r throws(ImageError) in try Article(from: &r) }
        let sessions = try r.array { r throws(ImageError) in try Session(from: &r) }
        let countries = try r.array { r throws(ImageError) in try Country(from: &r) }
        let organisations = try r.array { r throws(ImageError) in try Organisation(from: &r) }
        let glossary = try r.array { r throws(ImageError) in try GlossaryTerm(from: &r) }
        let synonyms = try r.array { r throws(ImageError) in try r.strings() }
        let backlinks = try r.array { r throws(ImageError) in (try r.string(), try r.strings()) }
        guard r.isAtEnd else { throw ImageError(description: "bytes after the end") }
        return KnowledgeBase(
            formatVersion: version, title: title, asOf: asOf, conference: conference, treaties: treaties, articles: articles,
            sessions: sessions, countries: countries, organisations: organisations, glossary: glossary, synonyms: synonyms,
            backlinks: Dictionary(backlinks, uniquingKeysWith: { a, _ in a }))
    }

    static func append<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
    static func read32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) } }
    static func read64(_ b: [UInt8], _ at: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[at + $1]) << (8 * UInt64($1)) } }
}

/// A 64-bit hash of content, eight bytes at a time (fast enough for a 30 MB file at every start):
/// it names cache entries and detects damage. Not a defence against someone forging a file.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                let w = raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                h = (h ^ w) &* 0x100_0000_01b3
                h ^= h >> 29
            }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
        }
        return h
    }

    public static func hex(_ h: UInt64) -> String {
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
