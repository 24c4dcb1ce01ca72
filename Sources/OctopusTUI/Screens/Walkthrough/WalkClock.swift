import FoundationEssentials
import Glibc

/// The walkthrough's clock: active time (wall time less pauses) for the whole session and for each
/// step. It starts when the session does — at the first step change, or `s` — not when the
/// program is opened, minutes before the room sits down. Every function takes `now`; nothing here
/// reads the system clock, so tests drive it with any dates they like. A clock that jumps
/// backwards yields zero, never a negative time.
public struct WalkClock: Sendable, Hashable {
    /// Nil until the clock is started.
    public private(set) var startedAt: Date?
    public private(set) var pausedAt: Date?
    private var pausedTotal: TimeInterval = 0
    /// Active seconds spent on each step in earlier visits (going back to a step adds to it).
    private var spentBefore: [Int: TimeInterval] = [:]
    /// The session's active seconds when the current visit began.
    private var visitStartedAt: TimeInterval = 0

    public init() {}

    public var isStarted: Bool { startedAt != nil }
    public var isPaused: Bool { pausedAt != nil }

    public mutating func start(at now: Date) {
        if startedAt == nil { startedAt = now }
    }

    /// Active seconds since the start (none before it).
    public func elapsed(at now: Date) -> TimeInterval {
        guard let startedAt else { return 0 }
        let wall = now.timeIntervalSince(startedAt)
        let pausing = pausedAt.map { max(0, now.timeIntervalSince($0)) } ?? 0
        return max(0, wall - pausedTotal - pausing)
    }

    /// Active seconds spent on `step`, counting the running visit when it is `current`.
    public func spent(onStep step: Int, current: Int, at now: Date) -> TimeInterval {
        let running = step == current ? max(0, elapsed(at: now) - visitStartedAt) : 0
        return (spentBefore[step] ?? 0) + running
    }

    /// Pausing a clock that has not started does nothing.
    public mutating func togglePause(at now: Date) {
        guard isStarted else { return }
        if let pausedAt {
            pausedTotal += max(0, now.timeIntervalSince(pausedAt))
            self.pausedAt = nil
        } else {
            pausedAt = now
        }
    }

    /// Ends the visit to `from` and starts one to another step; the first move starts the clock.
    public mutating func move(from step: Int, at now: Date) {
        guard isStarted else {
            start(at: now)
            return
        }
        let e = elapsed(at: now)
        spentBefore[step, default: 0] += max(0, e - visitStartedAt)
        visitStartedAt = e
    }
}

/// What the timer line shows, computed for one moment.
public struct WalkTiming: Sendable, Hashable {
    public var stepElapsed: TimeInterval
    /// Planned seconds for the step, if it has a plan.
    public var stepPlanned: TimeInterval?
    public var sessionElapsed: TimeInterval
    /// Planned seconds of the whole tour, if any step has a plan.
    public var sessionPlanned: TimeInterval?
    public var paused: Bool
    public var started = true

    /// Planned total less elapsed; negative once the session runs over.
    public var remaining: TimeInterval? { sessionPlanned.map { $0 - sessionElapsed } }
    public var stepOver: Bool { stepPlanned.map { stepElapsed > $0 } ?? false }
    public var sessionOver: Bool { sessionPlanned.map { sessionElapsed > $0 } ?? false }
    public var stepOverBy: TimeInterval { stepPlanned.map { max(0, stepElapsed - $0) } ?? 0 }
    public var sessionOverBy: TimeInterval { sessionPlanned.map { max(0, sessionElapsed - $0) } ?? 0 }
    /// Share of the planned session time used, 0…1 (nil without a plan).
    public var progress: Double? {
        guard let p = sessionPlanned, p > 0 else { return nil }
        return min(1, max(0, sessionElapsed / p))
    }

    /// "4:05", or "1:02:03" from an hour; whole seconds, rounded down.
    public static func format(_ seconds: TimeInterval) -> String {
        let total = seconds.isFinite ? Int(max(0, seconds).rounded(.down)) : 0
        let h = total / 3600, m = total / 60 % 60, s = total % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }
}
