import FoundationEssentials
import OctopusKit

/// A personal note on one knowledge-base record.
///
/// A note points at a record id, never at a position in a list, so it survives a new knowledge
/// base that reorders records; if the record disappears the note is kept and shown as orphaned.
/// Its `id` is a UUID made when the note is first written, the same on every machine it is
/// exported to, which is what makes importing the same file twice harmless.
public struct Note: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var recordID: String
    /// Exactly what the user wrote, newlines included. Clean it (`Sanitizer.clean(_:keepNewlines:)`)
    /// before it reaches a terminal: an imported file may contain control characters.
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, recordID: String, text: String, createdAt: Date, updatedAt: Date) {
        self.id = id; self.recordID = recordID; self.text = text; self.createdAt = createdAt; self.updatedAt = updatedAt
    }

    /// Longest text a note may hold, in UTF-8 bytes: the longest string the JSON import accepts,
    /// so every note that can be written can also be exported and imported again.
    public static let maxTextBytes = 64 * 1024

    /// True once the text has been changed after it was first written.
    public var isEdited: Bool { updatedAt != createdAt }

    /// The first non-empty line, for one-line lists.
    public var firstLine: String {
        text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmed(newlines: false) }
            .first { !$0.isEmpty } ?? ""
    }

    /// The first eight hex digits of the id: enough to tell notes apart in a listing.
    public var shortID: String { String(id.uuidString.lowercased().prefix(8)) }
}
