/// What a treaty is to this base, as its record says (`role`): the convention the base is about,
/// that convention's protocol, or a related treaty it mentions. The pages, lists and counts ask
/// for the convention by role, never by id; and how a treaty's articles are named follows from it.
public enum TreatyRole: String, Sendable, Hashable, CaseIterable {
    case convention
    case `protocol`
    case related

    /// How an article is titled: "Article 29", "Protocol Article 3".
    public var articleWord: String { self == .protocol ? "Protocol Article" : "Article" }

    /// How a link to an article reads: "Art. 29", "Prot. Art. 3".
    public var articleAbbreviation: String { self == .protocol ? "Prot. Art." : "Art." }

    /// How a provision is cited, as the statements write it: "Art. 42", "Protocol Art. 12".
    public var provisionPrefix: String { self == .protocol ? "Protocol Art." : "Art." }

    /// The id of the article numbered `number` of `treaty`: art29, p-art3, and for a related
    /// treaty its own prefix (cets201-art5), so that no two treaties' articles share an id.
    public func articleID(_ number: Int, of treaty: String) -> String {
        switch self {
        case .convention: "art\(number)"
        case .protocol: "p-art\(number)"
        case .related: "\(treaty)-art\(number)"
        }
    }
}
