import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusShare
import OctopusTUI

/// Joins the walk's two ends to the network: the presenter's `RoomLink` to a `CueServer`, a
/// follower's inbox to a `CueClient`. The browser knows neither.
enum RoomSession {
    /// A presenter's listeners: the room's socket always (when the runtime folder allows), TCP when
    /// sharing. What it could not do is said in `notice`, and the walk goes on without it.
    struct Presenting {
        var server: CueServer?
        var socketPath: String?
        /// The socket file this presenter made (device and inode), so that quitting removes that
        /// file and never one another presenter made in its place meanwhile.
        var socketIdentity: (dev: UInt64, ino: UInt64)?
        var notice: String?

        var link: RoomLink? {
            guard let server else { return nil }
            let address = server.sharedAddress, code = server.joinCode
            return .presenter(
                publish: { tour, cue in server.publish(tour: TourOutline(tour), cue: cue) },
                audience: {
                    // What the facilitator checks before starting: is the projector there, who else.
                    let rooms = server.rooms, delegates = server.followers - server.rooms
                    let room = rooms == 0 ? "no room yet" : rooms == 1 ? "room connected" : "\(rooms) room screens"
                    guard let address, let code else { return room }
                    let following = delegates == 1 ? "1 delegate" : "\(delegates) delegates"
                    return "\(room) · \(following) · share \(address) code \(code)"
                })
        }

        /// Closes the listeners and removes the socket file this presenter made.
        func stop() {
            server?.stop()
            if let socketPath, let mine = socketIdentity, let now = RoomSession.identity(socketPath), now == mine { unlink(socketPath) }
        }
    }

    /// Starts presenting; throws only when sharing was asked for and cannot be done.
    static func present(_ tour: Tour, share: (host: String, port: Int)?) throws -> Presenting {
        var out = Presenting()
        var listeners: [CueServer.Listener] = []
        do {
            let path = try RoomSocket.path(for: tour)
            if RoomSocket.isLive(path) {
                out.notice = "Another octopus presents \(RoomSocket.name(for: tour)) already: the room follows that one, not this"
            } else {
                listeners.append(.unix(path: path))
                out.socketPath = path
            }
        } catch {
            out.notice = "The room cannot follow this walk: \(error.description)"
        }
        if let share { listeners.append(.tcp(host: share.host, port: share.port)) }
        guard !listeners.isEmpty else { return out }
        do {
            out.server = try CueServer(listeners: listeners, joinCode: share == nil ? nil : RoomSocket.joinCode(for: tour))
            out.socketIdentity = out.socketPath.flatMap(identity)
        } catch {
            if share != nil {
                Terminal.printError("octopus: \(error.description)")
                throw ExitCode(.unavailable)
            }
            out.socketPath = nil
            out.notice = "The room cannot follow this walk: \(error.description)"
        }
        return out
    }

    static func identity(_ path: String) -> (dev: UInt64, ino: UInt64)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    /// A follower's connection, its events queued for the browser.
    static func follow(_ endpoint: CueClient.Endpoint, code: String?, inbox: RoomInbox) -> CueClient {
        let client = CueClient(endpoint: endpoint, joinCode: code) { event in
            switch event {
            case .tour(let t): inbox.push(.tour(t))
            case .cue(let c): inbox.push(.cue(c))
            case .waiting(let why): inbox.push(.waiting(why))
            case .refused(let why): inbox.push(.refused(why))
            }
        }
        client.start()
        return client
    }
}
