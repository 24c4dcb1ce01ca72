import FoundationEssentials
import OctopusKit

/// What an import did. Importing merges: a note whose UUID is already in the notebook is left as
/// it is (even when the file's text differs), so importing the same file twice changes nothing.
public struct ImportReport: Sendable, Hashable {
    /// Notes that were new, in the order of the file.
    public var added: [Note] = []
    /// Ids of notes that were already in the notebook (or appeared twice in the file).
    public var alreadyPresent: [UUID] = []
    /// The subset of `alreadyPresent` whose text in the file differs from the notebook's:
    /// the notebook's text was kept.
    public var differing: [UUID] = []
    /// Notes in the file that were deleted here after the file's last edit of them: not restored.
    public var deletedHere: [UUID] = []
    public var bookmarksAdded: [String] = []
    /// Bookmarks in the file that were removed here after they were made: not restored.
    public var bookmarksRemovedHere: [String] = []
    public var bookmarksAlreadyPresent: [String] = []
    /// Empty notes in the file, left out: there is nothing in them to lose.
    public var skippedEmpty: [Diagnostic] = []
    /// Notes in the file that hold a character no note may hold (`NoteText`), left out and
    /// located so the user can fix the file and import it again.
    public var refused: [Diagnostic] = []
    /// Ratings of matrix cells: new, already rated here (the notebook's kept; `ratingsDiffering`
    /// of them differ from the file), and cleared here after the file's rating (kept cleared).
    public var ratingsAdded = 0
    public var ratingsAlreadyPresent = 0
    public var ratingsDiffering = 0
    public var ratingsClearedHere = 0

    public init() {}

    /// "2 notes added, 1 already present (1 differs from the file: the notebook's text was kept);
    /// 1 bookmark added, 0 already present"
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var notes = "\(count(added.count, "note")) added, \(alreadyPresent.count) already present"
        if !differing.isEmpty {
            notes += " (\(differing.count) differ\(differing.count == 1 ? "s" : "") from the file: the notebook's text was kept)"
        }
        if !deletedHere.isEmpty { notes += ", \(deletedHere.count) deleted here (kept deleted)" }
        if !skippedEmpty.isEmpty { notes += ", \(count(skippedEmpty.count, "empty note")) skipped" }
        if !refused.isEmpty { notes += ", \(count(refused.count, "note")) not imported (control characters)" }
        var ratings = ""
        if ratingsAdded + ratingsAlreadyPresent + ratingsClearedHere > 0 {
            ratings = "; \(count(ratingsAdded, "rating")) added, \(ratingsAlreadyPresent) already present"
            if ratingsDiffering > 0 { ratings += " (\(ratingsDiffering) differ\(ratingsDiffering == 1 ? "s" : "") from the file: the notebook's kept)" }
            if ratingsClearedHere > 0 { ratings += ", \(ratingsClearedHere) cleared here (kept cleared)" }
        }
        return notes + "; \(count(bookmarksAdded.count, "bookmark")) added, \(bookmarksAlreadyPresent.count) already present"
            + (bookmarksRemovedHere.isEmpty ? "" : ", \(bookmarksRemovedHere.count) removed here (kept removed)") + ratings
    }
}
