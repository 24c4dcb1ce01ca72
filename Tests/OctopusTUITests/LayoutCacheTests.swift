import Foundation
import OctopusKit
import Testing

@testable import OctopusTUI

/// A page is laid out once per change of what it shows, not once per use: update and render ask
/// for the same layout on every key.
@MainActor
@Suite("Page layout cache")
struct LayoutCacheTests {
    func send(_ s: inout AppState, _ keys: [Key]) { for k in keys { Update.update(&s, .key(k)) } }

    @Test func keysOnAnOpenPageBuildItsLayoutOnce() {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        send(&s, [.char(":")] + "art29".map { .char($0) } + [.enter])
        _ = Render.render(s)
        let afterOpening = s.layoutCache.built
        #expect(afterOpening >= 1)
        // Scrolling, moving between links and drawing after each: the same page, no new layout.
        for key in [Key.down, .down, .pageDown, .tab, .tab, .up] {
            send(&s, [key])
            _ = Render.render(s)
        }
        #expect(s.layoutCache.built == afterOpening)
        // A new width is a new layout, once.
        Update.update(&s, .resize(Size(width: 100, height: 30)))
        _ = Render.render(s)
        _ = Render.render(s)
        #expect(s.layoutCache.built == afterOpening + 1)
        // So is another status date (the page's status lines change).
        send(&s, [.char("t")])
        _ = Render.render(s)
        #expect(s.layoutCache.built == afterOpening + 2)
    }
}

/// A keystroke in search runs the query once, whatever update and draw ask of it.
@MainActor
@Suite("Search answers per keystroke")
struct SearchAnswerTests {
    @Test func eachKeystrokeRunsItsQueryOnce() {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        Update.update(&s, .key(.char("/")))
        for c in "preservaton" {  // a typo at the end, so the last screen also asks "did you mean"
            Update.update(&s, .key(.char(c)))
            _ = Render.render(s)
            _ = Render.render(s)
        }
        Update.update(&s, .key(.down))
        _ = Render.render(s)
        #expect(s.searchCache.queriesRun == "preservaton".count)
        #expect(s.searchCache.hits(for: "preservaton") == s.searchIndex.search("preservaton"))
    }
}
