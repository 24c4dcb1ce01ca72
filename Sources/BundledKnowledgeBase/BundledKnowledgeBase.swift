import CBundledKnowledgeBase

/// The knowledge base compiled into the binary (see Plugins/EmbedKnowledgeBase): its JSON, and
/// the images compiled from it at build time, which are what the program loads. All three are
/// bytes of the program's own read-only data, valid for as long as it runs.
public enum BundledKnowledgeBase {
    /// Name used in diagnostics for the bundled file.
    public static let fileName = "Resources/octopus-kb.json (bundled)"
    /// The JSON as text (a copy: only validation, the tests and a fallback read it).
    public static var json: String { String(decoding: bytes(octopus_bundled_json()), as: UTF8.self) }
    public static var byteCount: Int { octopus_bundled_json().count }

    /// The compiled image, read in place.
    public static var image: UnsafeRawBufferPointer { bytes(octopus_bundled_image()) }

    /// The search index compiled with it, read only when a search is made.
    public static var searchImage: UnsafeRawBufferPointer { bytes(octopus_bundled_search_image()) }

    private static func bytes(_ e: OctopusEmbeddedBytes) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: e.bytes, count: e.count) }
}
