import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

/// Presenter and room (issue 16): what the presenter's keys make the room see, and the room's
/// screen as the cues move it — the two ends of the link joined in memory, as the sockets join them.
@MainActor
@Suite("Following a walk")
struct FollowTests {
    static var ws3: Tour { WalkTests.ws3 }

    func presenter(size: Size = Size(width: 100, height: 30)) -> AppState {
        var app = AppState(kb: bundled, size: size)
        app.notebook.available = true
        Update.navigate(&app, to: .walk(WalkState(tour: Self.ws3, kb: bundled)))
        return app
    }

    func room(size: Size = Size(width: 80, height: 24), roomView: Bool = true) -> AppState {
        var app = AppState(kb: bundled, size: size)
        let following = FollowState(source: "the presenter of ws3 on this machine", room: roomView, tour: Self.ws3, kb: bundled, date: app.date)
        app.following = following
        Update.navigate(&app, to: .follow(following))
        return app
    }

    /// Hands the presenter's cue to the room, as the link does after every key.
    func relay(_ presenter: AppState, to room: inout AppState) {
        guard let (tour, cue) = presenter.roomCue else { return }
        Update.update(&room, .room(.tour(TourOutline(tour))))
        Update.update(&room, .room(.cue(cue)))
    }

    func press(_ app: inout AppState, _ keys: Key...) { for k in keys { Update.update(&app, .key(k)) } }
    func screen(_ app: AppState) -> String { Render.render(app).text }

    @Test func spaceALinkEscAndDotInThePresenterMoveTheRoom() throws {
        var p = presenter(), r = room()
        relay(p, to: &r)
        #expect(screen(r).contains("Step 1 of 6"))
        press(&p, .char(" "))
        relay(p, to: &r)
        #expect(screen(r).contains("Step 2 of 6"))
        // The link numbered 2 on the presenter's step opens the same record in the room.
        guard case .walk(let walk) = p.place, walk.currentPage.links.count >= 2 else { Issue.record("step 2 has no second link"); return }
        let id = walk.currentPage.links[1]
        press(&p, .char("2"), .enter)
        #expect(p.roomCue?.cue.open == id)
        relay(p, to: &r)
        guard case .follow(let f) = r.place else { Issue.record("the room left the walk"); return }
        #expect(f.page?.id == id)
        #expect(screen(r).contains(try #require(bundled.record(id)).shortTitle))
        press(&p, .escape)
        #expect(p.roomCue?.cue.open == nil)
        relay(p, to: &r)
        #expect(screen(r).contains("Step 2 of 6"))
        press(&p, .char("."))
        relay(p, to: &r)
        #expect(!screen(r).contains("Step 2"), "a blanked room shows nothing")
        #expect(screen(r).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func theRoomShowsNoNotesNoClockAndNoOverrun() throws {
        var p = presenter()
        press(&p, .char("s"))
        p.now = Date().addingTimeInterval(3 * 3600)  // far over the plan
        var r = room(size: Size(width: 100, height: 30))
        relay(p, to: &r)
        r.now = p.now
        #expect(screen(p).contains("OVER"))
        #expect(screen(p).contains("Question for the session"))
        let seen = screen(r)
        #expect(!seen.contains("OVER") && !seen.contains("Question for the session") && !seen.contains("Presenter notes"))
        #expect(!seen.contains("of 1:30:00"), "no session clock in the room")
    }

    @Test func thePresenterSeesTheNextStepAndWhoFollows() {
        var p = presenter()
        Update.update(&p, .audience("room connected · 2 delegates"))
        let seen = screen(p)
        #expect(seen.contains("Next: 2. "))
        #expect(seen.contains("room connected · 2 delegates"))
    }

    @Test func escLeavesToBrowseCuesDoNotPullBackAndFComesBackWherePresenterIs() {
        var p = presenter(), r = room(roomView: false)
        relay(p, to: &r)
        press(&r, .escape)
        guard case .home = r.place else { Issue.record("Esc did not leave the walk: \(r.place)"); return }
        press(&p, .char(" "), .char(" "))
        relay(p, to: &r)
        guard case .home = r.place else { Issue.record("a cue pulled the delegate back"); return }
        press(&r, .char("f"))
        #expect(screen(r).contains("Step 3 of 6"))
        // Nothing a follower presses moves its own walk: stepping keys do nothing.
        press(&r, .char(" "), .right, .char("n"))
        #expect(screen(r).contains("Step 3 of 6"))
    }

    @Test func scrollFollowsAsAShareOfWhatScrolls() throws {
        var p = presenter(size: Size(width: 80, height: 14))
        var r = room(size: Size(width: 120, height: 40))
        press(&p, .end)  // the last step, long enough to scroll on the small screen
        for _ in 0..<50 { press(&p, .down) }
        let cue = try #require(p.roomCue?.cue)
        #expect(cue.scroll == 1, "scrolled to the bottom is a share of 1 whatever the height")
        relay(p, to: &r)
        guard case .follow(let f) = r.place, let walk = f.walk else { Issue.record("not following"); return }
        #expect(walk.scroll == WalkLayout(walk, in: r.layout.screen).maxScroll)
    }

    @Test func aRefusalOrAForeignTourIsSaidAndNothingIsShownOfIt() {
        var r = room(roomView: false)
        Update.update(&r, .room(.refused("wrong join code")))
        #expect(r.message == "Not following: wrong join code")
        var other = room()
        var outline = TourOutline(Self.ws3)
        outline.steps[0].address = "art999"
        Update.update(&other, .room(.tour(outline)))
        #expect(other.message?.contains("art999") == true)
        #expect(other.message?.contains("same version") == true)
    }

    @Test func aHostileCueIsKeptInRange() {
        var r = room()
        Update.update(&r, .room(.tour(TourOutline(Self.ws3))))
        var cue = WalkCue(step: 9_999, scroll: .infinity, open: "no-such-record", openScroll: -4)
        cue.date = "\u{1B}[31m"
        Update.update(&r, .room(.cue(cue)))
        guard case .follow(let f) = r.place, let walk = f.walk else { Issue.record("not following"); return }
        #expect(walk.step == 5)
        #expect(f.page == nil)
        #expect(!Render.render(r).text.contains("\u{1B}"))
    }
}
