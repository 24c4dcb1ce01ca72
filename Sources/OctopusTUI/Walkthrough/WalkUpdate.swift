import Foundation
import OctopusKit

/// Everything a key can ask of the walkthrough. `WalkKeys` maps keys to these.
public enum WalkAction: Sendable, Hashable {
    case next, previous, first, last
    case scrollUp, scrollDown
    /// A digit of a link number (on a step) or of a step number (in the agenda overview).
    case digit(Int)
    /// Opens the link typed, or in the overview jumps to the step typed or highlighted.
    case enter
    /// Clears what is typed, closes the overview or help, or else asks to leave the walkthrough.
    case cancel
    case toggleOverview, toggleProjector, toggleNotes, togglePause
    case help
    case quit
    case resize(Size)
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
        case .help: "help: all keys"
        case .quit: "quit"
        case .resize: "the terminal changed size"
        }
    }
}

/// What the walkthrough asks of its host, which owns the browser and the terminal.
public enum WalkEffect: Sendable, Hashable {
    /// Open this record's page; Esc there should come back to the same step.
    case open(String)
    /// Esc on a step with nothing to cancel: leave the walkthrough (the host decides whether there
    /// is anywhere to go back to).
    case leave
    case quit
}

/// The walkthrough's behaviour: a pure function of state, action and the time it happened.
public enum WalkUpdate {
    /// Longest number that can be typed: steps and links stay below 1000.

    /// Maps a key through `WalkKeys` and applies it. Unbound keys clear a typed number.
    @discardableResult
    public static func handle(_ state: inout WalkState, key: Key, now: Date) -> WalkEffect? {
        guard let action = WalkKeys.action(for: key, in: state) else {
            state.message = nil
            state.typed.clear()
            state.helpShown = false  // any key closes help, bound or not
            return nil
        }
        return update(&state, action, now: now)
    }

    @discardableResult
    public static func update(_ state: inout WalkState, _ action: WalkAction, now: Date) -> WalkEffect? {
        if case .resize(let size) = action {
            state.size = size
            clampScroll(&state)
            return nil
        }
        state.message = nil
        if state.helpShown {
            // Any key closes help, as in the browser; quitting still quits.
            state.helpShown = false
            return action == .quit ? .quit : nil
        }
        let hadTyped = !state.typed.isEmpty
        if case .digit = action {} else if action != .enter { state.typed.clear() }
        switch action {
        case .quit: return .quit
        case .help: state.helpShown = true
        case .togglePause:
            state.clock.togglePause(at: now)
            state.message = state.clock.isPaused ? "Clock paused · P resumes" : "Clock running"
        case .toggleProjector:
            state.projector.toggle()
            state.scroll = 0
            state.message = state.projector ? "Projector layout · notes hidden (p shows them for this step) · F5 back" : "Presenter layout"
        case .toggleNotes: toggleNotes(&state)
        case .toggleOverview:
            state.overview.toggle()
            state.overviewSelection = state.step
        case .next: go(&state, to: state.step + 1, now: now)
        case .previous: go(&state, to: state.step - 1, now: now)
        case .first: go(&state, to: 0, now: now)
        case .last: go(&state, to: state.stepCount - 1, now: now)
        case .scrollUp, .scrollDown:
            let delta = action == .scrollUp ? -1 : 1
            if state.overview {
                state.overviewSelection = min(max(0, state.overviewSelection + delta), max(0, state.stepCount - 1))
            } else {
                state.scroll += delta
            }
        case .digit(let d):
            state.typed.type(d)
            state.message = state.overview ? "Step \(state.typed.text)… press Enter" : "Link \(state.typed.text)… press Enter"
        case .enter: return enter(&state, now: now)
        case .cancel:
            // Esc undoes the smallest thing first: a typed number, then the overview.
            if hadTyped { break }
            if state.overview { state.overview = false } else { return .leave }
        case .resize: break
        }
        clampScroll(&state)
        return nil
    }

    /// Moves to a step, ending the visit to the current one on the clock.
    static func go(_ state: inout WalkState, to index: Int, now: Date) {
        guard state.stepCount > 0 else { return }
        guard index >= 0 else { state.message = "This is the first step · o shows the agenda"; return }
        guard index < state.stepCount else { state.message = "This is the last step (\(state.stepCount) of \(state.stepCount)) · o shows the agenda"; return }
        if index != state.step {
            state.clock.move(from: state.step, at: now)
            state.step = index
            state.scroll = 0
        }
        state.overviewSelection = index
    }

    static func enter(_ state: inout WalkState, now: Date) -> WalkEffect? {
        let typed = state.typed.take()
        if state.overview {
            var target = state.overviewSelection
            if !typed.isEmpty {
                guard let n = Int(typed), n >= 1, n <= state.stepCount else {
                    state.message = "No step \(typed) (1–\(state.stepCount))"
                    return nil
                }
                target = n - 1
            }
            go(&state, to: target, now: now)
            state.overview = false
            return nil
        }
        let links = state.currentPage.links
        guard !typed.isEmpty else {
            state.message = links.isEmpty ? "This step has no links · Space: next step" : "Type a link number (1–\(links.count)), then Enter · o: agenda"
            return nil
        }
        guard let n = Int(typed), n >= 1, n <= links.count else {
            state.message = links.isEmpty ? "This step has no links" : "No link \(typed) on this step (1–\(links.count))"
            return nil
        }
        return .open(links[n - 1])
    }

    static func toggleNotes(_ state: inout WalkState) {
        let hasNotes = !state.presenterNotes.isEmpty
        if state.projector {
            if state.notesOnProjector.contains(state.step) {
                state.notesOnProjector.remove(state.step)
                state.message = "Presenter notes hidden"
            } else {
                state.notesOnProjector.insert(state.step)
                state.message = hasNotes ? "Presenter notes shown on the projector for this step only" : "No presenter notes for this step"
            }
        } else {
            state.notesInNormal.toggle()
            state.message =
                !state.notesInNormal
                ? "Presenter notes hidden · p shows them"
                : hasNotes ? "Presenter notes shown" : "No presenter notes for this step"
        }
    }

    static func clampScroll(_ state: inout WalkState) {
        state.scroll = min(max(0, state.scroll), WalkView.maxScroll(state))
        state.overviewSelection = min(max(0, state.overviewSelection), max(0, state.stepCount - 1))
    }
}
