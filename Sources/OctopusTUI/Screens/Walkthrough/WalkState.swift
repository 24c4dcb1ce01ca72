import FoundationEssentials
import Glibc
import OctopusDocument
import OctopusKit

/// Everything the walkthrough shows, as one value: the tour and its laid-out pages, where the
/// facilitator is, what is typed, which panes are open and the clock. `WalkUpdate.update` changes
/// it; `WalkView.draw` draws it into the rectangle the shell gives it (see `WalkScreen`). Time always
/// comes in as a `now` argument.
public struct WalkState: Sendable, Hashable {
    public let tour: Tour
    /// One page per step, with its numbered links (built from the knowledge base at `date`).
    public private(set) var pages: [Page]
    /// The status date the pages read treaty status at: the browser's, followed when it moves.
    public private(set) var date: Day
    /// The session's own questions (for a session's walk): on the presenter view, not the room's.
    public let sessionQuestions: [String]
    /// Index of the current step (0-based; the screen says "Step 1 of 5").
    public internal(set) var step: Int
    /// Digits typed before Enter: a link number on a step, a step number in the agenda.
    public internal(set) var typed = NumberEntry()
    public internal(set) var overview = false
    /// The step highlighted in the agenda overview.
    public internal(set) var overviewSelection: Int
    public internal(set) var projector: Bool
    /// The room's view of someone else's walk (`--room`, `octopus follow`): always the projector
    /// layout, never notes, no clock and no overrun; the presenter's cues move it, not keys.
    public internal(set) var audience = false
    /// Presenter notes in the normal layout: shown unless the facilitator hid them.
    public internal(set) var notesInNormal = true
    /// Steps whose notes the facilitator chose to show while the projector layout is on. Notes
    /// never reach a projector otherwise, and choosing for one step does not show the next one's.
    public internal(set) var notesOnProjector: Set<Int> = []
    public internal(set) var clock: WalkClock
    /// `.`: the screen shows nothing until `.` again.
    public internal(set) var blanked = false
    public internal(set) var scroll = 0
    /// The user's own notes from the notebook, by record id (or topic address `ws3/topic-2`).
    /// Set by whoever owns the notebook; shown with the tour file's notes in the presenter pane.
    public var notebookNotes: [String: [String]] = [:]

    public init(tour: Tour, kb: KnowledgeBase, projector: Bool = false, audience: Bool = false, startStep: Int = 0, date: Day = .conference) {
        self.tour = tour
        self.audience = audience
        self.date = date
        self.pages = TourPage.pages(for: tour, in: kb, at: date)
        sessionQuestions = tour.session(in: kb)?.questions.map { Sanitizer.clean($0) } ?? []
        self.projector = projector || audience
        let start = min(max(0, startStep), max(0, tour.steps.count - 1))
        self.step = start
        self.overviewSelection = start
        self.clock = WalkClock()
    }

    public var stepCount: Int { tour.steps.count }

    /// The pages read again at another status date (`t`, `T` in the walk).
    public mutating func read(at date: Day, kb: KnowledgeBase) {
        guard date != self.date else { return }
        self.date = date
        pages = TourPage.pages(for: tour, in: kb, at: date)
    }

    public var currentStep: Tour.Step? { tour.steps.indices.contains(step) ? tour.steps[step] : nil }

    /// The current step's page; a tour with no steps (only possible when built by hand) shows a
    /// placeholder rather than trapping.
    public var currentPage: Page {
        pages.indices.contains(step)
            ? pages[step]
            : Page(id: "", kind: .session, title: tour.title, subtitle: "This tour has no steps.", blocks: [], links: [])
    }

    /// The facilitator's notes for the current step: the tour file's first, then the notebook's.
    public var presenterNotes: [String] {
        guard !audience, let s = currentStep else { return [] }
        return s.presenterNotes(notebook: notebookNotes) + sessionQuestions.map { "Question for the session: " + $0 }
    }

    /// Whether the presenter pane is open on this step (it is drawn only when there are notes).
    public var notesVisible: Bool { !audience && (projector ? notesOnProjector.contains(step) : notesInNormal) }

    /// What the presenter sees coming: "Next: 3. Legal frameworks", or that this is the last step.
    public var nextLine: String {
        step + 1 < stepCount ? "Next: \(step + 2). \(pages[step + 1].title)" : "Last step · next: the end of the walk"
    }

    public func timing(at now: Date) -> WalkTiming {
        let planned = tour.plannedMinutes
        return WalkTiming(
            stepElapsed: clock.spent(onStep: step, current: step, at: now),
            stepPlanned: currentStep?.minutes.map { TimeInterval($0 * 60) },
            sessionElapsed: clock.elapsed(at: now),
            sessionPlanned: planned > 0 ? TimeInterval(planned * 60) : nil,
            paused: clock.isPaused, started: clock.isStarted)
    }

    /// Time spent on any step so far (for the agenda overview).
    public func spent(onStep index: Int, at now: Date) -> TimeInterval {
        clock.spent(onStep: index, current: step, at: now)
    }
}
