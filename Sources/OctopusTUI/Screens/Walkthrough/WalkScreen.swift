import OctopusKit

/// The walkthrough as one of the browser's screens: the shell gives it the keys its table binds,
/// a rectangle to draw in and the time; it answers with an `Outcome` like any screen.
extension WalkState: Screen {
    public var place: Place { .walk(self) }
    /// The projector shows the room only the step: no title bar, no hint row.
    public var frame: Frame { projector ? .projector : .presenter }
    public func title(in app: AppState) -> String { "walk › " + tour.title }
    public func status(in app: AppState) -> String? {
        app.size.width >= 60 ? (overview ? "agenda" : "step \(step + 1) of \(stepCount)") : ""
    }
    public var bindings: [Binding] { WalkKeys.bindings(overview: overview) }

    public func record(in app: AppState) -> String? {
        guard let id = currentStep?.target.recordID, app.kb.record(id) != nil else { return nil }
        return id
    }

    public mutating func update(_ action: Action, in app: AppState, rect: Rect) -> Outcome {
        guard case .walkthrough(let action) = action else { return .none }
        return WalkUpdate.update(&self, action, now: app.now, rect: rect, ascii: app.ascii)
    }

    /// An unbound key drops a half-typed number rather than keeping it for later.
    public mutating func ignoreKey() { typed.clear() }

    public mutating func fit(in app: AppState, rect: Rect) { WalkUpdate.fit(&self, rect: rect, ascii: app.ascii) }

    public func draw(in app: AppState, rect: Rect, into grid: inout CellGrid) {
        WalkView.draw(self, now: app.now, in: rect, into: &grid, ascii: app.ascii, sharing: app.sharing)
    }
}
