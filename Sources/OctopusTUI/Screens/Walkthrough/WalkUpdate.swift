import OctopusDocument
import FoundationEssentials
import Glibc
import OctopusKit

/// Everything a key can ask of the walkthrough. `WalkKeys` maps keys to these (help and quit
/// are the shell's, as on every screen).
public enum WalkAction: Sendable, Hashable {
    case next, previous, first, last
    case scrollUp, scrollDown
    /// A digit of a link number (on a step) or of a step number (in the agenda overview).
    case digit(Int)
    /// Opens the link typed, or in the overview jumps to the step typed or highlighted.
    case enter
    /// Clears what is typed, closes the overview, or else leaves the walkthrough.
    case cancel
    case toggleOverview, toggleProjector, toggleNotes, togglePause
    /// `s`: start the clock (the first step change does too).
    case startClock
    /// `.`: blank the screen, and show it again.
    case blank
}

extension WalkAction: KeyAction {
    /// The help text wherever the action is bound (see `KeyAction`).
    public var help: String {
        switch self {
        case .next: "next step (a presenter remote's PgDn too)"
        case .previous: "previous step"
        case .first: "first step"
        case .last: "last step"
        case .scrollUp: "scroll the step up"
        case .scrollDown: "scroll the step down"
        case .digit: "type a link number, then Enter"
        case .enter: "open the link whose number was typed (Esc there comes back here)"
        case .cancel: "clear the number typed, or leave the walkthrough"
        case .toggleOverview: "agenda overview: where you are, jump to a step"
        case .toggleProjector: "projector layout: large, high contrast, no notes"
        case .toggleNotes: "presenter notes (on the projector: for this step only)"
        case .togglePause: "pause or resume the clock"
        case .startClock: "start the clock (the first step change starts it too)"
        case .blank: "blank the screen, as in slide tools; . again shows the step"
        }
    }
}

/// The walkthrough's behaviour: a pure function of state, action, the time it happened and the
/// rectangle it is drawn in; what it asks of the shell comes back as an `Outcome`.
public enum WalkUpdate {
    public static func update(_ state: inout WalkState, _ action: WalkAction, now: Date, rect: Rect, ascii: Bool) -> Outcome {
        let hadTyped = !state.typed.isEmpty
        if case .digit = action {} else if action != .enter { state.typed.clear() }
        var outcome = Outcome.none
        switch action {
        case .togglePause:
            guard state.clock.isStarted else { outcome = .message("The clock has not started · s starts it"); break }
            state.clock.togglePause(at: now)
            outcome = .message(state.clock.isPaused ? "Clock paused · P resumes" : "Clock running")
        case .startClock:
            if state.clock.isStarted { outcome = .message("The clock is already running · P pauses it"); break }
            state.clock.start(at: now)
            outcome = .message("Clock started")
        case .blank:
            state.blanked.toggle()
            outcome = .message(state.blanked ? "Screen blanked · . shows it again" : "Screen shown again")
        case .toggleProjector:
            state.projector.toggle()
            state.scroll = 0
            outcome = .message(state.projector ? "Projector layout · notes hidden (p shows them for this step) · F5 back" : "Presenter layout")
        case .toggleNotes: outcome = toggleNotes(&state)
        case .toggleOverview:
            state.overview.toggle()
            state.overviewSelection = state.step
        case .next: outcome = go(&state, to: state.step + 1, now: now)
        case .previous: outcome = go(&state, to: state.step - 1, now: now)
        case .first: outcome = go(&state, to: 0, now: now)
        case .last: outcome = go(&state, to: state.stepCount - 1, now: now)
        case .scrollUp, .scrollDown:
            let delta = action == .scrollUp ? -1 : 1
            if state.overview { state.overviewSelection += delta } else { state.scroll += delta }
        case .digit(let d):
            state.typed.type(d)
            outcome = .message(state.overview ? "Step \(state.typed.text)… press Enter" : "Link \(state.typed.text)… press Enter")
        case .enter: outcome = enter(&state, now: now)
        case .cancel:
            // Esc undoes the smallest thing first: a typed number, then the overview.
            if hadTyped { break }
            if state.overview { state.overview = false } else { outcome = .back }
        }
        fit(&state, rect: rect, ascii: ascii)
        return outcome
    }

    /// Moves to a step, ending the visit to the current one on the clock.
    static func go(_ state: inout WalkState, to index: Int, now: Date) -> Outcome {
        guard state.stepCount > 0 else { return .none }
        guard index >= 0 else { return .message("This is the first step · o shows the agenda") }
        guard index < state.stepCount else { return .message("This is the last step (\(state.stepCount) of \(state.stepCount)) · o shows the agenda") }
        if index != state.step {
            state.clock.move(from: state.step, at: now)
            state.step = index
            state.scroll = 0
        }
        state.overviewSelection = index
        return .none
    }

    static func enter(_ state: inout WalkState, now: Date) -> Outcome {
        let typed = state.typed.take()
        if state.overview {
            var target = state.overviewSelection
            if !typed.isEmpty {
                guard let n = Int(typed), n >= 1, n <= state.stepCount else { return .message("No step \(typed) (1–\(state.stepCount))") }
                target = n - 1
            }
            let outcome = go(&state, to: target, now: now)
            state.overview = false
            return outcome
        }
        let links = state.currentPage.links
        guard !typed.isEmpty else {
            return .message(links.isEmpty ? "This step has no links · Space: next step" : "Type a link number (1–\(links.count)), then Enter · o: agenda")
        }
        guard let n = Int(typed), n >= 1, n <= links.count else {
            return .message(links.isEmpty ? "This step has no links" : "No link \(typed) on this step (1–\(links.count))")
        }
        return .open(links[n - 1])
    }

    static func toggleNotes(_ state: inout WalkState) -> Outcome {
        let hasNotes = !state.presenterNotes.isEmpty
        if state.projector {
            if state.notesOnProjector.contains(state.step) {
                state.notesOnProjector.remove(state.step)
                return .message("Presenter notes hidden")
            }
            state.notesOnProjector.insert(state.step)
            return .message(hasNotes ? "Presenter notes shown on the projector for this step only" : "No presenter notes for this step")
        }
        state.notesInNormal.toggle()
        return .message(
            !state.notesInNormal ? "Presenter notes hidden · p shows them" : hasNotes ? "Presenter notes shown" : "No presenter notes for this step")
    }

    /// Scroll and the agenda's highlight in range for the rectangle the step is drawn in.
    static func fit(_ state: inout WalkState, rect: Rect, ascii: Bool) {
        let layout = WalkLayout(state, in: rect, ascii: ascii)
        state.scroll = Viewport.clamp(scroll: state.scroll, total: layout.lines.count, height: layout.bodyHeight)
        state.overviewSelection = min(max(0, state.overviewSelection), max(0, state.stepCount - 1))
    }
}
