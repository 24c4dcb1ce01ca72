import FoundationEssentials
import Glibc
import NIOCore
import NIOPosix
import OctopusKit
import Synchronization

/// The presenter's side: listens on the room's Unix socket and, with `--share`, on one TCP address;
/// tells every follower the tour and the current cue, then each change. Nothing a follower sends
/// reaches the presenter's state: after its one join line, what it sends is read and dropped.
///
/// Limits keep a room's network from hurting the presenter: at most `maxFollowers` followers and
/// `maxJoining` connections still to say their code (each has `joinTimeout` to do so), lines of
/// `Wire.maxFollowerLine` bytes, and a follower that stops reading gets no more writes once
/// `highWater` bytes wait for it (it is dropped after `stalledTimeout`; one that reads again gets
/// the latest cue, not the backlog).
public final class CueServer: Sendable {
    public struct Limits: Sendable {
        public var maxFollowers = 64
        public var maxJoining = 16
        public var joinTimeout = TimeAmount.seconds(5)
        public var stalledTimeout = TimeAmount.seconds(30)
        public var highWater = 64 * 1024
        /// What a joined follower may send (and have thrown away) before it is dropped.
        public var maxIgnoredBytes = 64 * 1024
        public init() {}
    }

    /// Where a listener is bound, and whether it asks for the join code.
    public enum Listener: Sendable, Hashable {
        /// The room's socket in the user's runtime folder: only the user can reach it, no code.
        case unix(path: String)
        /// `--share`: one address of the room's network, join code required.
        case tcp(host: String, port: Int)
    }

    private let group: MultiThreadedEventLoopGroup
    private let hub: Hub
    private let channels: [Channel]
    /// `host:port` of the TCP listener, with the port the system chose when 0 was asked.
    public let sharedAddress: String?
    public let joinCode: String?
    private let stopped = Atomic<Bool>(false)

    /// Starts the listeners; throws with a sentence for the user when one cannot be bound.
    public init(listeners: [Listener], joinCode: String?, limits: Limits = Limits()) throws(ShareError) {
        // One thread: every follower's state is touched on it alone.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let hub = Hub(loop: group.next(), joinCode: joinCode, limits: limits)
        var channels: [Channel] = []
        var shared: String?
        for listener in listeners {
            let bootstrap = ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 64)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.writeBufferWaterMark, value: .init(low: limits.highWater / 2, high: limits.highWater))
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let code: Bool = if case .tcp = listener { true } else { false }
                        try channel.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(LineFrames(maxLength: Wire.maxFollowerLine)), FollowerHandler(hub: hub, needsCode: code),
                        ])
                    }
                }
            do {
                switch listener {
                case .unix(let path):
                    let fd = try RoomSocket.listen(at: path)
                    do { channels.append(try bootstrap.withBoundSocket(fd).wait()) } catch {
                        close(fd)
                        throw error
                    }
                case .tcp(let host, let port):
                    let channel = try bootstrap.bind(host: host, port: port).wait()
                    channels.append(channel)
                    let bound = channel.localAddress?.port ?? port
                    shared = host.contains(":") ? "[\(host)]:\(bound)" : "\(host):\(bound)"
                }
            } catch let error as ShareError {
                for c in channels { _ = try? c.close().wait() }
                try? group.syncShutdownGracefully()
                throw error
            } catch {
                for c in channels { _ = try? c.close().wait() }
                try? group.syncShutdownGracefully()
                // The system's words for it ("Address already in use"), not the call that failed.
                let why = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? String(describing: error)
                throw ShareError.cannotListen(listener, why)
            }
        }
        self.group = group
        self.hub = hub
        self.channels = channels
        self.sharedAddress = shared
        self.joinCode = joinCode
    }

    /// Followers connected and joined now: the room's screens (over the socket) and delegates.
    public var followers: Int { hub.joinedCount.load(ordering: .relaxed) }
    /// Of those, the ones on the room's socket (the projector's terminal).
    public var rooms: Int { hub.roomCount.load(ordering: .relaxed) }

    /// The presenter's walk as the room should show it now. Safe from any thread; returns at once.
    public func publish(tour: TourOutline, cue: WalkCue) {
        let hub = self.hub
        hub.loop.execute { hub.publish(tour: tour, cue: cue) }
    }

    /// Says goodbye to every follower and closes the listeners (the socket file is removed).
    /// Safe to call more than once: only the first call does anything.
    public func stop() {
        guard stopped.exchange(true, ordering: .relaxed) == false else { return }
        let hub = self.hub
        try? hub.loop.submit { hub.sayBye() }.wait()
        for c in channels { _ = try? c.close().wait() }
        try? group.syncShutdownGracefully()
    }
}

public enum ShareError: Error, Sendable, CustomStringConvertible {
    case cannotListen(CueServer.Listener, String)
    case runtimeFolder(String)

    public var description: String {
        switch self {
        case .cannotListen(.unix(let path), let why): "cannot listen on \(path) for the room (\(why))"
        case .cannotListen(.tcp(let host, let port), let why):
            "cannot share on \(host):\(port) (\(why)); name an address of this machine with --listen HOST:PORT"
        case .runtimeFolder(let why): why
        }
    }
}

/// Every follower, and what they were last sent. Touched only on `loop`.
final class Hub: @unchecked Sendable {
    let loop: EventLoop
    let joinCode: String?
    let limits: CueServer.Limits
    let joinedCount = Atomic<Int>(0)
    let roomCount = Atomic<Int>(0)
    /// The followers that came by the room's socket rather than the network.
    private var rooms: Set<ObjectIdentifier> = []
    private var joining = 0
    private var followers: [ObjectIdentifier: Channel] = [:]
    /// Followers not written to because they stopped reading; the latest cue goes to them when
    /// they read again.
    private var behind: [ObjectIdentifier: Scheduled<Void>] = [:]
    private var tour: TourOutline?
    private var cue: WalkCue?

    init(loop: EventLoop, joinCode: String?, limits: CueServer.Limits) {
        self.loop = loop; self.joinCode = joinCode; self.limits = limits
    }

    /// A new connection may wait for its join line only while few others do.
    func admitJoining() -> Bool {
        loop.preconditionInEventLoop()
        guard joining < limits.maxJoining else { return false }
        joining += 1
        return true
    }

    func doneJoining() { joining -= 1 }

    func add(_ channel: Channel, room: Bool) -> Bool {
        loop.preconditionInEventLoop()
        guard followers.count < limits.maxFollowers else { return false }
        followers[ObjectIdentifier(channel)] = channel
        if room { rooms.insert(ObjectIdentifier(channel)) }
        joinedCount.store(followers.count, ordering: .relaxed)
        roomCount.store(rooms.count, ordering: .relaxed)
        send(to: channel)
        return true
    }

    func remove(_ channel: Channel) {
        let id = ObjectIdentifier(channel)
        guard followers.removeValue(forKey: id) != nil else { return }
        behind.removeValue(forKey: id)?.cancel()
        rooms.remove(id)
        joinedCount.store(followers.count, ordering: .relaxed)
        roomCount.store(rooms.count, ordering: .relaxed)
    }

    func publish(tour: TourOutline, cue: WalkCue) {
        let newTour = tour != self.tour
        self.tour = tour
        self.cue = cue
        for channel in followers.values { send(to: channel, tourToo: newTour) }
    }

    /// Writes the current tour (when asked) and cue, unless the follower has stopped reading.
    private func send(to channel: Channel, tourToo: Bool = true) {
        let id = ObjectIdentifier(channel)
        guard channel.isWritable else {
            if behind[id] == nil {
                behind[id] = loop.scheduleTask(in: limits.stalledTimeout) { [weak self] in
                    self?.behind[id] = nil
                    channel.close(promise: nil)
                }
            }
            return
        }
        if tourToo, let tour { channel.write(ByteBuffer(line: Wire.line(WireMessage(tour: tour))), promise: nil) }
        if let cue { channel.write(ByteBuffer(line: Wire.line(WireMessage(cue: cue))), promise: nil) }
        channel.flush()
    }

    /// A follower that stopped reading reads again: it gets where the walk is now.
    func writable(_ channel: Channel) {
        let id = ObjectIdentifier(channel)
        guard channel.isWritable, followers[id] != nil, let pending = behind.removeValue(forKey: id) else { return }
        pending.cancel()
        send(to: channel)
    }

    func sayBye() {
        for channel in followers.values {
            channel.writeAndFlush(ByteBuffer(line: Wire.line(WireMessage(bye: "the presenter stopped the walk"))), promise: nil)
        }
    }
}

/// One connection: its join line, then nothing it sends matters.
final class FollowerHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let hub: Hub
    private let needsCode: Bool
    private var joined = false
    private var counted = false
    private var ignored = 0
    private var timeout: Scheduled<Void>?

    init(hub: Hub, needsCode: Bool) {
        self.hub = hub; self.needsCode = needsCode
    }

    func channelActive(context: ChannelHandlerContext) {
        guard hub.admitJoining() else {
            context.close(promise: nil)
            return
        }
        counted = true
        let channel = context.channel
        timeout = context.eventLoop.scheduleTask(in: hub.limits.joinTimeout) { channel.close(promise: nil) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = Self.unwrapInboundIn(data)
        guard !joined else {
            // Read-only: a follower has nothing to say after joining. Too much of it, and it goes.
            ignored += line.readableBytes + 1
            if ignored > hub.limits.maxIgnoredBytes { context.close(promise: nil) }
            return
        }
        endJoining()
        switch Wire.read(line.readableBytesView) {
        case .failure(let problem): refuse(context, problem.description)
        case .success(let message):
            if needsCode {
                guard let code = message.join, let expected = hub.joinCode, JoinCode.matches(code, expected) else {
                    refuse(context, "wrong join code")
                    return
                }
            }
            joined = true
            if !hub.add(context.channel, room: !needsCode) { refuse(context, "this walk has as many followers as it takes (\(hub.limits.maxFollowers))") }
        }
    }

    private func endJoining() {
        guard counted else { return }
        counted = false
        timeout?.cancel()
        hub.doneJoining()
    }

    private func refuse(_ context: ChannelHandlerContext, _ reason: String) {
        joined = false
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutboundOut(ByteBuffer(line: Wire.line(WireMessage(refused: reason))))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        hub.writable(context.channel)
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        endJoining()
        hub.remove(context.channel)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A line too long, a reset: the connection goes, the walk does not notice.
        context.close(promise: nil)
    }
}
