import Foundation
import Testing

@testable import OctopusNotebook

/// Issue 15: a delegate's own ratings of matrix cells, kept like notes.
@Suite("Notebook: ratings of matrix cells")
struct RatingTests {
    @Test func aRatingIsSavedReplacedAndClearedAcrossOpenings() throws {
        let folder = TempFolder()
        let book = try Notebook.open(directory: folder.data)
        try book.rate(stateID: "PT", area: "international-cooperation", level: .started, note: "24/7 point named in April")
        try book.rate(stateID: "pt", area: "international-cooperation", level: .inPlace, note: "Confirmed by the delegate")
        try book.rate(stateID: "ES", area: "legislation", level: .dontKnow)
        // Another process (a restart) sees what was committed.
        let again = try Notebook.open(directory: folder.data)
        let ratings = try again.ratings()
        #expect(ratings.count == 2, "one rating per cell, ids compared without case")
        #expect(ratings.first { $0.stateID.lowercased() == "pt" }?.level == .inPlace)
        #expect(ratings.first { $0.stateID.lowercased() == "pt" }?.note == "Confirmed by the delegate")
        #expect(try again.clearRating(stateID: "ES", area: "legislation"))
        #expect(try !again.clearRating(stateID: "ES", area: "legislation"))
        #expect(try book.ratings().map(\.area) == ["international-cooperation"])
    }

    @Test func aRatingNoteFollowsTheNoteRule() throws {
        let book = try Notebook.open(directory: TempFolder().data)
        #expect(throws: NotebookError.self) { try book.rate(stateID: "PT", area: "legislation", level: .none, note: "bad\u{1B}[2J") }
        #expect(try book.ratings().isEmpty, "nothing half-written")
    }

    @Test func ratingsTravelWithTheExportAndClearedOnesStayCleared() throws {
        let source = TempFolder(), target = TempFolder()
        let from = try Notebook.open(directory: source.data)
        try from.rate(stateID: "PT", area: "international-cooperation", level: .inPlace, note: "room view")
        try from.rate(stateID: "FR", area: "children", level: .started)
        let json = try from.exportNotes(format: .json, title: { $0 == "PT" ? "Portugal" : nil })
        #expect(json.contains("\"version\" : 2") && json.contains("\"stateName\" : \"Portugal\""))
        let markdown = try from.exportNotes(format: .markdown, title: { $0 == "PT" ? "Portugal" : nil })
        #expect(markdown.contains("## Your ratings of the matrix") && markdown.contains("Portugal (PT), international-cooperation: **in place** — room view"))

        let to = try Notebook.open(directory: target.data)
        try to.rate(stateID: "FR", area: "children", level: .none, note: "mine")
        let report = try to.importNotes(from: Data(json.utf8), name: "room.json")
        #expect(report.ratingsAdded == 1 && report.ratingsAlreadyPresent == 1 && report.ratingsDiffering == 1)
        #expect(report.summary.contains("1 rating added, 1 already present (1 differs from the file: the notebook's kept)"))
        #expect(try to.ratings().first { $0.stateID == "FR" }?.note == "mine", "the notebook's own rating is kept")

        try to.clearRating(stateID: "PT", area: "international-cooperation")
        let second = try to.importNotes(from: Data(json.utf8), name: "room.json")
        #expect(second.ratingsClearedHere == 1 && second.ratingsAdded == 0)
        #expect(try to.ratings().count == 1)
    }

    @Test(arguments: [
        (#"{"stateID": "PT", "area": "legislation", "level": "great", "note": "", "updatedAt": "2010-03-24T09:30:00.000Z"}"#, "is not a rating"),
        (#"{"stateID": "PT", "area": "legislation", "level": "none", "note": "\u001b", "updatedAt": "2010-03-24T09:30:00.000Z"}"#, "control character"),
        (#"{"stateID": "PT", "area": "legislation", "level": "none", "updatedAt": "2010-03-24T09:30:00.000Z"}"#, "note: missing"),
        (#"{"stateID": "PT", "area": "legislation", "level": "none", "note": "", "updatedAt": "2010-03-24T09:30:00.000Z", "score": 3}"#, "unknown field"),
    ])
    func aDamagedRatingRefusesTheFileWithItsPlace(entry: String, message: String) throws {
        let json = #"{"format": "octopus-notebook", "version": 2, "notes": [], "bookmarks": [], "ratings": [\#(entry)]}"#
        let book = try Notebook.open(directory: TempFolder().data)
        do {
            _ = try book.importNotes(from: Data(json.utf8), name: "room.json")
            Issue.record("accepted: \(entry)")
        } catch {
            #expect(error.description.contains("room.json:1:"), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
        }
        #expect(try book.ratings().isEmpty)
    }

    @Test func aVersionOneExportStillImports() throws {
        let json = #"{"format": "octopus-notebook", "version": 1, "notes": [], "bookmarks": [{"recordID": "ws3", "createdAt": "2010-03-24T09:30:00.000Z"}]}"#
        let book = try Notebook.open(directory: TempFolder().data)
        #expect(try book.importNotes(from: Data(json.utf8), name: "old.json").bookmarksAdded == ["ws3"])
    }
}
