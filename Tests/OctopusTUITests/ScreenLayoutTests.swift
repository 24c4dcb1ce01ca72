import Foundation
import OctopusKit
import Testing

@testable import OctopusTUI

/// One geometry for update and draw: where the screen draws a thing is where a click finds it.
@MainActor
@Suite("Screen layout")
struct ScreenLayoutTests {
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 132, height: 43)])
    func aClickOnAHomeEntryIsWhereItIsDrawn(size: Size) throws {
        // Every section fits, even at 40×12: the conference line gives way first.
        let fitting = AppState(kb: bundled, size: size).layout
        #expect(fitting.homeMenuTop + Section.home.count <= fitting.body.bottom, "\(size)")
        for index in 0..<Section.home.count {
            var s = AppState(kb: bundled, size: size)
            let row = s.layout.homeMenuTop + index
            let drawn = Render.render(s).lines[row]
            #expect(drawn.contains(Section.home[index].title), "\(size) row \(row): \(drawn)")
            Update.update(&s, .key(.click(row: row, column: 3)))
            if case .home(let home) = s.place {
                #expect(home.selection == index)
            } else {
                // Clicking the entry already selected opens it.
                #expect(index == 0, "\(size): entry \(index) opened instead of being selected")
            }
        }
    }

    @Test func aClickBesideTheListFocusesThePreviewWhereItIsDrawn() throws {
        var s = AppState(kb: bundled, size: Size(width: 132, height: 43))
        Update.update(&s, .key(.enter))  // the first section
        let preview = try #require(s.layout.previewPane)
        #expect(Render.render(s).lines[preview.row + 1].count > preview.column)
        Update.update(&s, .key(.click(row: preview.row + 2, column: preview.column + 2)))
        guard case .list(let list) = s.place else { throw Failure("not a list: \(s.place)") }
        #expect(list.focusPreview)
    }

    struct Failure: Error { var description: String; init(_ d: String) { description = d } }
}
