import FoundationEssentials
import Glibc
import OctopusKit

/// Someone else's walk, as this browser shows it: the room's screen (`octopus walk ws3 --room`)
/// or a delegate's laptop (`octopus follow`). The presenter's cues move it; nothing typed here
/// goes back. Esc leaves it to browse freely; `f` comes back to where the presenter is now.
public struct FollowState: Sendable, Hashable {
    public enum Connection: Sendable, Hashable {
        case waiting(String)
        case following
        /// The presenter said no, or sent a tour this base cannot show: nothing more will come.
        case ended(String)
    }

    /// Whom it follows, for the title bar ("the presenter of ws3 on this machine", an address).
    public let source: String
    /// The room's projector, rather than a delegate's laptop: says less on screen.
    public let room: Bool
    /// The walk in the room's layout; nil until the presenter has said which tour.
    public internal(set) var walk: WalkState?
    public internal(set) var cue: WalkCue?
    /// The record the presenter opened from a link of the step, when one is open.
    public internal(set) var page: PageState?
    public internal(set) var connection: Connection

    public init(source: String, room: Bool, tour: Tour? = nil, kb: KnowledgeBase, date: Day) {
        self.source = source
        self.room = room
        self.walk = tour.map { WalkState(tour: $0, kb: kb, audience: true, date: date) }
        self.connection = .waiting("waiting for the presenter")
    }

    /// What the presenter's octopus said, applied; returns the line the message row should say,
    /// when there is something new to say.
    public mutating func apply(_ event: RoomEvent, kb: KnowledgeBase) -> String? {
        let before = connection
        switch event {
        case .waiting(let why):
            if case .ended = connection { return nil }
            connection = .waiting(why)
        case .refused(let why):
            connection = .ended(why)
        case .tour(let outline):
            switch outline.tour(in: kb) {
            case .failure(let problem):
                connection = .ended(problem.description)
            case .success(let tour):
                if walk?.tour != tour { walk = WalkState(tour: tour, kb: kb, audience: true, date: walk?.date ?? .conference) }
                connection = .following
            }
        case .cue(let cue):
            guard var walk else { return nil }
            connection = .following
            self.cue = cue
            walk.step = min(max(0, cue.step), max(0, walk.stepCount - 1))
            walk.blanked = cue.blanked
            if let day = cue.day { walk.read(at: day, kb: kb) }
            self.walk = walk
            if let open = cue.open, kb.record(open) != nil {
                if page?.id != open { page = PageState(id: open) }
            } else {
                page = nil
            }
        }
        guard connection != before else { return nil }
        switch connection {
        case .waiting(let why): return Self.capitalised(why)
        case .ended(let why): return "Not following: " + why
        case .following: return room ? "" : "Following the presenter · Esc browses on your own, f follows again"
        }
    }

    static func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}

extension FollowState: Screen {
    public var place: Place { .follow(self) }
    /// The step fills the screen as on a projector, and so does a record the presenter opened in
    /// the room; on a delegate's laptop that record is a page with the browser's bars, whose keys
    /// work there.
    public var frame: Frame { !room && page != nil && walk?.blanked != true ? .browser : .projector }
    public func title(in app: AppState) -> String {
        (room ? "room › " : "following › ") + (page.map { $0.title(in: app) } ?? walk?.tour.title ?? source)
    }
    public func status(in app: AppState) -> String? {
        guard let walk, app.size.width >= 60 else { return "" }
        return "step \(walk.step + 1) of \(walk.stepCount)"
    }
    public var bindings: [Binding] { KeyTable.bindings(for: .follow) }
    public func record(in app: AppState) -> String? {
        if let page { return page.id }
        guard let id = walk?.currentStep?.target.recordID, app.kb.record(id) != nil else { return nil }
        return id
    }

    /// The only keys are the shell's and the notebook's: stepping is the presenter's.
    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome { .none }

    /// Scroll where the presenter's is, as a share of what scrolls on this screen.
    public mutating func fit(in app: AppState, rect: Rect) {
        guard let cue else { return }
        if var walk {
            walk.scroll = WalkCue.line(cue.scroll, of: WalkLayout(walk, in: rect, ascii: app.ascii).maxScroll)
            self.walk = walk
        }
        if var page {
            let lines = page.layout(app).lines.count
            page.scroll = WalkCue.line(cue.openScroll, of: max(0, lines - rect.height))
            self.page = page
        }
    }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        guard let walk else {
            let line: String
            switch connection {
            case .waiting(let why): line = Self.capitalised(why) + " …"
            case .ended(let why): line = "Not following: " + why
            case .following: line = "Following " + source
            }
            for (i, text) in TextWidth.wrap(line, width: max(10, rect.width - 4)).enumerated() {
                grid.put(text, row: rect.row + rect.height / 2 + i, column: 2, style: Style(.normal, bold: true), width: rect.width - 4)
            }
            return
        }
        if let page, !walk.blanked {
            page.draw(in: app, rect: rect, into: &grid)
        } else {
            WalkView.draw(walk, now: app.now, in: rect, into: &grid, ascii: app.ascii)
        }
    }
}
