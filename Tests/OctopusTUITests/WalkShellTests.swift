import Foundation
import OctopusKit
import Testing

@testable import OctopusTUI

/// The walkthrough inside the browser: keys it does not bind itself are the browser's, on the
/// step's record, and leaving a page opened from a step comes back to the same step.
@MainActor
@Suite("Walkthrough in the browser")
struct WalkShellTests {
    static let t0 = Date(timeIntervalSince1970: 1_269_507_600)

    func send(_ s: inout AppState, _ keys: [Key]) -> [Effect] { keys.flatMap { Update.update(&s, .key($0)) } }
    func typed(_ text: String) -> [Key] { text.map { .char($0) } }
    func walk(_ s: AppState) -> WalkState? { if case .walk(let w) = s.place { w } else { nil } }

    /// ws3, walked from its page, on its second step, at a known time.
    func walking() throws -> AppState {
        var s = AppState(kb: bundled, size: Size(width: 80, height: 24))
        s.notebook.available = true
        s.now = Self.t0
        _ = send(&s, [.char(":")] + typed("ws3") + [.enter, .char("w"), .char(" ")])
        #expect(try #require(walk(s)).step == 1)
        return s
    }

    @Test func goToMidWalkOpensThePageAndEscComesBackToTheSameStepWithTheClockRunning() throws {
        var s = try walking()
        let before = try #require(walk(s))
        s.now = Self.t0.addingTimeInterval(90)
        _ = send(&s, [.char(":")] + typed("art 29") + [.enter])
        guard case .page(let page) = s.place else { throw Failure("expected a page, got \(s.place)") }
        #expect(page.id == "art29")
        s.now = Self.t0.addingTimeInterval(150)
        _ = send(&s, [.escape])
        let after = try #require(walk(s), "Esc did not return to the walkthrough")
        #expect(after.step == before.step)
        // The clock never stopped: 150 s more than when the walk was left.
        #expect(after.clock.elapsed(at: s.now) == before.clock.elapsed(at: Self.t0) + 150)
    }

    @Test func bookmarkAndSearchWorkOnTheStep() throws {
        var s = try walking()
        let record = try #require(walk(s)?.currentStep?.target.recordID)
        let effects = send(&s, [.char("m")])
        #expect(effects.contains(.toggleBookmark(record)), "\(effects)")
        // What the browser says about it shows on the walkthrough's message row.
        s.message = "Bookmarked \(record)"
        #expect(Render.render(s).lines.last?.hasPrefix("Bookmarked \(record)") == true, "\(Render.render(s).lines.last ?? "")")
        _ = send(&s, [.char("/")])
        #expect(s.screenKind == .search)
        _ = send(&s, [.escape])
        #expect(s.screenKind == .walk)
    }

    /// Pages and the walkthrough take a typed number the same way (`NumberEntry`): three digits
    /// at most, shown in the message, gone once used.
    @Test func aTypedNumberIsCappedAndShownAlikeOnAPageAndInTheWalkthrough() throws {
        var walking = try walking()
        _ = send(&walking, typed("1234"))
        #expect(walking.message == "Link 123… press Enter")
        var page = AppState(kb: bundled, size: Size(width: 80, height: 24))
        _ = send(&page, [.char(":")] + typed("art29") + [.enter] + typed("1234"))
        #expect(page.message == "Link 123… press Enter")
        _ = send(&page, [.enter])
        #expect(page.message == "No link 123 on this page (1–\(PageLayout.cached(page, id: "art29", width: page.layout.pageTextWidth).page.links.count))")
    }

    @Test func theWalkthroughHelpListsTheSharedKeys() {
        let lines = KeyTable.helpLines(for: .walk).map(\.keys)
        for key in [":", "/", "m", "a", "e"] { #expect(lines.contains(key), "\(key)") }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
