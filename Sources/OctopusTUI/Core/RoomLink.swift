import FoundationEssentials
import Glibc
import OctopusKit
import Synchronization

/// How this browser takes part in a walk shown on other screens. The sockets are another module's
/// (OctopusShare); the browser sees only these two ends, so nothing of the network is on its
/// keystroke path.
public enum RoomLink: Sendable {
    /// Presenting: every change of what the room should see goes to `publish`; `audience` says who
    /// follows ("room connected · 3 following"), asked between keys.
    case presenter(publish: @Sendable (Tour, WalkCue) -> Void, audience: @Sendable () -> String?)
    /// Following: what the presenter's octopus said, queued by the network's thread and taken by
    /// the event loop.
    case follower(RoomInbox)
}

/// What a follower is told, in the browser's terms.
public enum RoomEvent: Sendable, Hashable {
    case tour(TourOutline)
    case cue(WalkCue)
    case waiting(String)
    case refused(String)
}

/// Events from another thread, taken all at once by the event loop.
public final class RoomInbox: Sendable {
    private let queue = Mutex<[RoomEvent]>([])
    public init() {}
    public func push(_ event: RoomEvent) { queue.withLock { $0.append(event) } }
    public func take() -> [RoomEvent] {
        queue.withLock { q in
            defer { q.removeAll() }; return q
        }
    }
}

extension AppState {
    /// What the room should see of the walk presented here now, or nil when the presenter is
    /// elsewhere (home, a search): the room then keeps the step it has. A page opened from a link
    /// of the step is shown in the room too; one opened from that page is not the step's.
    public var roomCue: (tour: Tour, cue: WalkCue)? {
        let walk: WalkState
        var page: PageState?
        switch place {
        case .walk(let w): walk = w
        case .page(let p):
            guard case .walk(let w)? = backStack.last, p.cell == nil, p.comparing == nil else { return nil }
            walk = w
            page = p
        default: return nil
        }
        guard !walk.audience else { return nil }
        let rect = layout.screen
        var cue = WalkCue(step: walk.step, blanked: walk.blanked, date: walk.date)
        if walk.scroll > 0 { cue.scroll = WalkCue.share(walk.scroll, of: WalkLayout(walk, in: rect, ascii: ascii).maxScroll) }
        if let page {
            cue.open = page.id
            if page.scroll > 0 { cue.openScroll = WalkCue.share(page.scroll, of: page.layout(self).lines.count - rect.height) }
        }
        return (walk.tour, cue)
    }
}
