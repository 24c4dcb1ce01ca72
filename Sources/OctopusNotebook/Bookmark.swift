import FoundationEssentials

/// A marked record. Like a note, it holds the record's id, never a position.
public struct Bookmark: Sendable, Hashable {
    public var recordID: String
    /// When the record was marked; bookmarks are listed newest first.
    public var createdAt: Date

    public init(recordID: String, createdAt: Date) {
        self.recordID = recordID; self.createdAt = createdAt
    }
}
