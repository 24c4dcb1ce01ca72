/// The knowledge base compiled into the binary (see Plugins/EmbedKnowledgeBase).
public enum BundledKnowledgeBase {
    /// Name used in diagnostics for the bundled file.
    public static let fileName = "Resources/octopus-kb.json (bundled)"
    public static var json: String { generatedKnowledgeBaseJSON }
    public static var byteCount: Int { generatedKnowledgeBaseByteCount }
}
