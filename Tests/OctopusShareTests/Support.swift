import Foundation
import OctopusKit
import OctopusShare
import Synchronization
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What one follower has been told, in order.
final class Received: Sendable {
    private let events = Mutex<[CueClient.Event]>([])
    func add(_ e: CueClient.Event) { events.withLock { $0.append(e) } }
    var all: [CueClient.Event] { events.withLock { $0 } }
    var cues: [WalkCue] { all.compactMap { if case .cue(let c) = $0 { c } else { nil } } }
    var tours: [TourOutline] { all.compactMap { if case .tour(let t) = $0 { t } else { nil } } }
    var refusal: String? { all.lazy.compactMap { if case .refused(let r) = $0 { r } else { nil } }.first }
}

/// Waits up to `seconds` for a condition (checked every 10 ms); true when it came.
func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 10_000_000)
    }
    return condition()
}

/// A follower as a test drives it.
func follower(_ endpoint: CueClient.Endpoint, code: String?) -> (CueClient, Received) {
    let received = Received()
    let client = CueClient(endpoint: endpoint, joinCode: code, retry: .milliseconds(50)) { received.add($0) }
    client.start()
    return (client, received)
}

let outline = TourOutline(
    Tour(
        title: "WS3",
        steps: (1...6).map { Tour.Step(address: "ws3/topic-\($0)", target: .topic(session: "ws3", topic: "topic-\($0)"), notes: ["secret \($0)"]) },
        origin: .session("ws3")))
