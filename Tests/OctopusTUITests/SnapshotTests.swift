import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// Screens rendered into the cell grid and compared with text files under __Snapshots__.
/// Run with OCTOPUS_RECORD_SNAPSHOTS=1 to rewrite them on purpose.
@MainActor
@Suite("Screens (snapshots)")
struct SnapshotTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 132, height: 43)]

    nonisolated static let scenarios: [(name: String, keys: [Key])] = [
        ("home", []),
        ("sessions", [.enter]),
        ("convention-tree", [.down, .enter]),
        ("protocol", [.down, .down, .enter]),
        ("countries", [.down, .down, .down, .enter]),
        ("organisations", [.down, .down, .down, .down, .enter]),
        ("glossary", [.down, .down, .down, .down, .down, .enter]),
        ("bookmarks-empty", [.char("B")]),
        ("search-pres", [.char("/")] + "pres".map { .char($0) }),
        ("search-no-match", [.char("/")] + "interseptoin".map { .char($0) } + [.backspace, .backspace] + "xq".map { .char($0) }),
        (
            "note-editor",
            [.char(":")] + "art29".map { .char($0) } + [.enter, .char("a")] + "Ask PT about".map { .char($0) } + [.enter] + "the 60 days".map { .char($0) }
        ),
        ("article-29", [.char(":")] + "art29".map { .char($0) } + [.enter]),
        ("country-PT", [.char(":")] + "PT".map { .char($0) } + [.enter]),
        ("session-ws3", [.char(":")] + "ws3".map { .char($0) } + [.enter]),
        ("treaty-ets185", [.char(":")] + "ets185".map { .char($0) } + [.enter]),
        ("organisation-t-cy", [.char(":")] + "t-cy".map { .char($0) } + [.enter]),
        ("term-preservation", [.char(":")] + "preservation".map { .char($0) } + [.enter]),
        ("help-on-page", [.char(":")] + "art16".map { .char($0) } + [.enter, .char("?")]),
        ("goto-prompt", [.char(":")] + "port".map { .char($0) }),
        ("matrix", [.char("M")]),
        ("matrix-portugal-coop", [.char("M"), .char("'")] + "portugal".map { .char($0) } + [.escape] + Array(repeating: Key.right, count: 5)),
        ("matrix-cell-page", [.char("M"), .char("'")] + "portugal".map { .char($0) } + [.escape] + Array(repeating: Key.right, count: 5) + [.enter]),
        ("compare-pt-es", [.char(":")] + "compare PT ES".map { .char($0) } + [.enter]),
    ]

    func render(_ keys: [Key], _ size: Size, ascii: Bool = false) -> CellGrid {
        var s = AppState(kb: bundled, size: size, ascii: ascii)
        s.notebook.available = true  // an empty notebook, as on a first start
        for k in keys { Update.update(&s, .key(k)) }
        return Render.render(s)
    }

    @Test(arguments: scenarios.map(\.name))
    func screen(name: String) throws {
        let keys = Self.scenarios.first { $0.name == name }!.keys
        for size in Self.sizes {
            let grid = render(keys, size)
            // Nothing may spill: every line fits the width.
            for line in grid.lines { #expect(TextWidth.columns(line) <= size.width) }
            try Snapshot.assert(grid.text, named: "\(name)-\(size.width)x\(size.height)")
        }
    }

    @Test func tooSmall() throws {
        let grid = render([], Size(width: 20, height: 5))
        #expect(grid.text.contains("too small"))
        try Snapshot.assert(grid.text, named: "too-small-20x5")
    }

    @Test func asciiGlyphsWhenLocaleIsNotUTF8() throws {
        let grid = render([.down, .down, .down, .enter], Size(width: 80, height: 24), ascii: true)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        try Snapshot.assert(grid.text, named: "countries-ascii-80x24")
    }

}
