/// The knowledge base compiled into the binary (see Plugins/EmbedKnowledgeBase): its JSON, and
/// the image compiled from it at build time, which is what the program loads.
public enum BundledKnowledgeBase {
    /// Name used in diagnostics for the bundled file.
    public static let fileName = "Resources/octopus-kb.json (bundled)"
    public static var json: String { generatedKnowledgeBaseJSON }
    public static var byteCount: Int { generatedKnowledgeBaseByteCount }

    /// The compiled image's bytes (base64 in the binary: a string literal compiles in a moment,
    /// an array literal of this size would take minutes).
    public static var image: [UInt8] {
        generatedKnowledgeBaseImage.withUTF8Buffer { Base64.decode($0) } ?? []
    }
}

/// Standard base64, decoded without Foundation (this runs at every start).
enum Base64 {
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var acc: UInt32 = 0, bits = 0
        for c in text {
            if c == UInt8(ascii: "=") { break }
            let v = values[Int(c)]
            guard v != 0xFF else { return nil }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }
}
