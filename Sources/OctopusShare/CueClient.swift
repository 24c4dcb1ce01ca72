import FoundationEssentials
import Glibc
import NIOCore
import NIOPosix
import OctopusKit
import Synchronization

/// The follower's side (the room's screen, a delegate's laptop): connects to the presenter, says
/// its join code, and hands every tour and cue to `onEvent`, on the client's own thread. When the
/// presenter is not there yet, or goes away, it says so and tries again every `retry`, so either
/// side can be started first or restarted. A refusal (a wrong code) ends it.
public final class CueClient: Sendable {
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        case unix(path: String)
        case tcp(host: String, port: Int)

        public var description: String {
            switch self {
            case .unix(let path): path
            case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            }
        }
    }

    public enum Event: Sendable, Hashable {
        case tour(TourOutline)
        case cue(WalkCue)
        /// Not connected: why, in a few words ("waiting for the presenter").
        case waiting(String)
        /// The presenter said no (a wrong join code); no more tries.
        case refused(String)
    }

    private let group: MultiThreadedEventLoopGroup
    private let state: Mutex<(stopped: Bool, channel: Channel?)>
    private let shutDown = Atomic<Bool>(false)
    let endpoint: Endpoint
    let joinCode: String?
    let retry: TimeAmount
    let onEvent: @Sendable (Event) -> Void

    public init(endpoint: Endpoint, joinCode: String?, retry: TimeAmount = .milliseconds(250), onEvent: @escaping @Sendable (Event) -> Void) {
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.state = Mutex((false, nil))
        self.endpoint = endpoint; self.joinCode = joinCode; self.retry = retry; self.onEvent = onEvent
    }

    public func start() { connect(after: .zero) }

    /// Safe to call more than once: only the first call shuts the connection's thread down.
    public func stop() {
        guard shutDown.exchange(true, ordering: .relaxed) == false else { return }
        let channel = state.withLock { s -> Channel? in
            s.stopped = true
            return s.channel
        }
        _ = try? channel?.close().wait()
        try? group.syncShutdownGracefully()
    }

    private var stopped: Bool { state.withLock { $0.stopped } }

    private func connect(after delay: TimeAmount) {
        guard !stopped else { return }
        group.next().scheduleTask(in: delay) { [self] in
            guard !stopped else { return }
            let bootstrap = ClientBootstrap(group: group)
                .connectTimeout(.seconds(3))
                .channelInitializer { [self] channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(LineFrames(maxLength: Wire.maxPresenterLine)), PresenterHandler(client: self),
                        ])
                    }
                }
            let future: EventLoopFuture<Channel> =
                switch endpoint {
                case .unix(let path): bootstrap.connect(unixDomainSocketPath: path)
                case .tcp(let host, let port): bootstrap.connect(host: host, port: port)
                }
            future.whenComplete { [self] result in
                switch result {
                case .success(let channel):
                    let keep = state.withLock { s -> Bool in
                        if s.stopped { return false }
                        s.channel = channel
                        return true
                    }
                    guard keep else { channel.close(promise: nil); return }
                    channel.writeAndFlush(ByteBuffer(line: Wire.line(WireMessage(join: joinCode))), promise: nil)
                case .failure:
                    onEvent(.waiting("waiting for the presenter at \(endpoint)"))
                    connect(after: retry)
                }
            }
        }
    }

    /// The connection ended: try again unless the presenter refused us or we stopped.
    fileprivate func lost(refused: String?, reason: String) {
        state.withLock { $0.channel = nil }
        if let refused {
            state.withLock { $0.stopped = true }
            onEvent(.refused(refused))
            return
        }
        guard !stopped else { return }
        onEvent(.waiting(reason))
        connect(after: retry)
    }
}

/// Reads the presenter's lines; a line that is not a message of this version ends the connection.
private final class PresenterHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let client: CueClient
    var refused: String?
    var reason = "the presenter's octopus went away; waiting for it to come back"

    init(client: CueClient) { self.client = client }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = Self.unwrapInboundIn(data)
        switch Wire.read(line.readableBytesView) {
        case .failure(let problem):
            reason = "the presenter sent something this octopus cannot read (\(problem)); trying again"
            context.close(promise: nil)
        case .success(let m):
            if let r = m.refused {
                refused = Sanitizer.clean(r)
                context.close(promise: nil)
                return
            }
            if let bye = m.bye { reason = Sanitizer.clean(bye) + "; waiting for the presenter to start again" }
            if let tour = m.tour { client.onEvent(.tour(tour)) }
            if let cue = m.cue { client.onEvent(.cue(cue)) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        client.lost(refused: refused, reason: reason)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is LineFrames.TooLong { reason = "the presenter sent a message too long to be one; trying again" }
        context.close(promise: nil)
    }
}
