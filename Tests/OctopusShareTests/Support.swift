import Foundation
import OctopusKit
import OctopusShare
import Synchronization

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

/// A plain TCP socket to the listener, for peers that misbehave (a raw byte stream, no NIO).
final class RawPeer {
    let fd: Int32
    init?(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if ok != 0 { close(fd); return nil }
    }
    @discardableResult func send(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    /// Ends with a reset rather than a goodbye, as a process killed mid-stream does.
    func kill() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
    }
    func hangUp() { close(fd) }
}
