import FoundationEssentials
import Glibc
import OctopusKit

/// The event loop's side of a `RoomLink`: sends the presenter's cue when keys changed it, takes
/// what arrived for a follower once a turn, and asks who follows now and then.
struct RoomPump {
    let link: RoomLink?
    private var sent: (tour: Tour, cue: WalkCue)?
    private var turns = 0

    init(_ link: RoomLink?) { self.link = link }

    /// Whether the state changed (and the screen should be drawn again). Only keys (a resize
    /// among them) move what the room sees, so an idle turn does not work out the cue again.
    @discardableResult
    mutating func exchange(_ state: inout AppState, keysApplied: Bool) -> Bool {
        switch link {
        case nil: return false
        case .presenter(let publish, let audience):
            if keysApplied || sent == nil, let now = state.roomCue, sent.map({ $0.cue != now.cue || $0.tour != now.tour }) ?? true {
                publish(now.tour, now.cue)
                sent = now
            }
            // Who follows changes rarely; asking costs a lock, so every few turns is enough.
            turns += 1
            guard turns % 5 == 1 else { return false }
            let line = audience()
            guard line != state.sharing else { return false }
            Update.update(&state, .audience(line))
            return true
        case .follower(let inbox):
            let events = inbox.take()
            for e in events { Update.update(&state, .room(e)) }
            return !events.isEmpty
        }
    }
}
