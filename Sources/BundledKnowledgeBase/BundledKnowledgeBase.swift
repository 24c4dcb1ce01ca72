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

    /// The search index compiled with it, decoded only when a search is made.
    public static var searchImage: [UInt8] {
        generatedSearchIndexImage.withUTF8Buffer { Base64.decode($0) } ?? []
    }
}

/// Standard base64, decoded without Foundation (this runs at every start).
enum Base64 {
    static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Four characters to three bytes at a time into a buffer of the final size: the image is
    /// decoded at every start, so the loop stays free of appends and bounds checks.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var n = text.count
        while n > 0, text[n - 1] == UInt8(ascii: "=") { n -= 1 }
        guard n % 4 != 1 else { return nil }
        let size = n / 4 * 3 + max(0, n % 4 - 1)
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            values.withUnsafeBufferPointer { table in
                var i = 0, o = 0, bad: UInt8 = 0
                while i + 4 <= n {
                    let a = table[Int(text[i])], b = table[Int(text[i + 1])], c = table[Int(text[i + 2])], d = table[Int(text[i + 3])]
                    bad |= a | b | c | d
                    let v = UInt32(a & 63) << 18 | UInt32(b & 63) << 12 | UInt32(c & 63) << 6 | UInt32(d & 63)
                    buffer[o] = UInt8(truncatingIfNeeded: v >> 16)
                    buffer[o + 1] = UInt8(truncatingIfNeeded: v >> 8)
                    buffer[o + 2] = UInt8(truncatingIfNeeded: v)
                    i += 4
                    o += 3
                }
                var acc: UInt32 = 0, bits = 0
                while i < n {
                    let v = table[Int(text[i])]
                    bad |= v
                    acc = acc << 6 | UInt32(v & 63)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        buffer[o] = UInt8(truncatingIfNeeded: acc >> UInt32(bits))
                        o += 1
                    }
                    i += 1
                }
                valid = bad & 0xC0 == 0
                initialized = o
            }
        }
        return valid ? out : nil
    }
}
