import OctopusDocument
import FoundationEssentials
import Glibc
import OctopusKit

/// Draws the walkthrough into a `CellGrid`, in two layouts:
///
/// - presenter (the facilitator's laptop): title bar, timer line, progress bar, the step as a
///   browser page, presenter notes beside or under it, and the hint bar;
/// - projector (`--projector`, F5): a bold timer line and bar, the heading in block letters when it
///   fits, a narrower centred column of bold text, no hint bar and no notes unless asked for.
///
/// Running over time is written out ("OVER +3:12") and drawn bold and reversed, never colour alone.
public enum WalkView {
    /// Draws the walkthrough into its rectangle (the shell draws the title bar, the message and
    /// hint row, and help around it).
    static func draw(_ s: WalkState, now: Date, in rect: Rect, into grid: inout CellGrid, ascii: Bool, sharing: String? = nil) {
        if s.blanked {
            // Blank, as a slide tool's "." makes it: the room sees nothing; the presenter one
            // dim line saying how to come back.
            if !s.projector {
                let line = "Screen blanked · . shows the step again"
                grid.put(line, row: rect.row + rect.height / 2, column: max(1, (rect.width - TextWidth.columns(line)) / 2), style: .dim, width: rect.width - 2)
            }
            return
        }
        let layout = WalkLayout(s, in: rect, ascii: ascii)
        let timing = s.timing(at: now)
        drawSegments(timerLine(s, timing, width: rect.width - 2), &grid, row: layout.timerRow, column: 1, width: rect.width - 2)
        // The room is shown no clock and no overrun: those are the facilitator's business.
        if !s.audience { progressBar(timing, &grid, row: layout.timerRow + 1, projector: s.projector, ascii: ascii) }
        heading(layout, &grid)
        if s.overview {
            overview(s, layout, now: now, &grid, ascii: ascii)
        } else {
            body(s, layout, &grid, ascii: ascii)
        }
        notes(s, layout, &grid, ascii: ascii)
        if let row = layout.nextRow {
            let right = sharing.map { "  " + $0 } ?? ""
            // Who follows is what the presenter checks before starting: it keeps two thirds of the row.
            let rightWidth = min(TextWidth.columns(right), rect.width * 2 / 3)
            grid.put(TextWidth.clip(s.nextLine, to: rect.width - 2 - rightWidth), row: row, column: 1, style: .dim)
            if rightWidth > 0 { grid.put(TextWidth.clip(right, to: rightWidth), row: row, column: rect.width - 1 - rightWidth, style: .accent) }
        }
        if s.projector, !s.overview, s.scroll < layout.maxScroll {
            // No hint bar on the projector, only a sign that the step goes on below.
            let more = ascii ? "v more" : "▼ more"
            grid.put(more, row: rect.bottom - 1, column: max(0, rect.width - TextWidth.columns(more) - 2), style: strong)
        }
    }

    // MARK: Styles

    static let overStyle = Style(.warning, bold: true, reverse: true)
    static let pausedStyle = Style(.accent, bold: true, reverse: true)
    static let strong = Style(.normal, bold: true)

    // MARK: Timer

    /// "Step 2 of 6   3:12 of 20:00   session 18:40 of 1:30:00 · 1:11:20 left", with OVER and
    /// PAUSED marks, shortened until it fits: the planned totals go first, then the labels. The
    /// marks are never dropped. On the projector every part is bold.
    static func timerLine(_ state: WalkState, _ t: WalkTiming, width: Int) -> [(String, Style)] {
        var segments: [(String, Style)] = []
        for detail in stride(from: 3, through: 0, by: -1) {
            segments = timerSegments(state, t, detail: detail)
            if segments.reduce(0, { $0 + TextWidth.columns($1.0) }) <= width { break }
        }
        return segments
    }

    static func timerSegments(_ state: WalkState, _ t: WalkTiming, detail: Int) -> [(String, Style)] {
        let f = WalkTiming.format
        let plain: Style = state.projector ? strong : .normal
        let gap = detail > 0 ? "   " : "  "
        let position = detail > 0 ? "Step \(state.step + 1) of \(state.stepCount)" : "\(state.step + 1)/\(state.stepCount)"
        var out: [(String, Style)] = [(position, state.projector ? strong : .accent)]
        guard t.started, !state.audience else {
            // The room needs no word about a clock that has not started; the facilitator does.
            if !state.projector { out.append((gap + (detail > 0 ? "clock not started · s starts it (so does the next step)" : "clock: s starts"), .dim)) }
            return out
        }
        out.append((gap + f(t.stepElapsed) + (detail >= 2 ? t.stepPlanned.map { " of " + f($0) } ?? "" : ""), plain))
        if t.stepOver { out += [(" ", plain), (" OVER +\(f(t.stepOverBy)) ", overStyle)] }
        out.append(
            (
                gap + (detail > 0 ? "session " : "total ") + f(t.sessionElapsed)
                    + (detail >= 3 ? t.sessionPlanned.map { " of " + f($0) } ?? "" : ""), plain
            ))
        if t.sessionOver {
            out += [(" ", plain), (" OVER +\(f(t.sessionOverBy)) ", overStyle)]
        } else if let r = t.remaining {
            out.append((" · \(f(r)) left", plain))
        }
        if t.paused { out += [(gap, plain), (" PAUSED ", pausedStyle)] }
        return out
    }

    static func drawSegments(_ segments: [(String, Style)], _ grid: inout CellGrid, row: Int, column: Int, width: Int) {
        var x = column
        for (text, style) in segments {
            let room = column + width - x
            guard room > 0 else { break }
            x += grid.put(TextWidth.clip(text, to: room), row: row, column: x, style: style)
        }
    }

    /// Share of the planned session time used. Solid glyphs rather than reversed spaces, so the
    /// bar reads in a text snapshot and on a monochrome projector alike.
    static func progressBar(_ t: WalkTiming, _ grid: inout CellGrid, row: Int, projector: Bool, ascii: Bool) {
        let w = grid.size.width
        guard let progress = t.progress, let planned = t.sessionPlanned else {
            grid.put(TextWidth.clip("No planned minutes in this tour: the clock counts up.", to: w - 2), row: row, column: 1, style: projector ? strong : .dim)
            return
        }
        let label =
            t.sessionOver ? " OVER +\(WalkTiming.format(t.sessionOverBy)) " : " \(Int((progress * 100).rounded(.down)))% of \(WalkTiming.format(planned))"
        let labelWidth = TextWidth.columns(label)
        let barWidth = max(0, w - 3 - labelWidth)
        let filled = min(barWidth, Int((progress * Double(barWidth)).rounded()))
        let ink = ascii ? "#" : "█", empty = ascii ? "-" : "░"
        grid.put(String(repeating: ink, count: filled), row: row, column: 1, style: t.sessionOver ? Style(.warning, bold: true) : .accent)
        // Nothing dim on a projector: faint glyphs vanish from the back of a room.
        grid.put(String(repeating: empty, count: barWidth - filled), row: row, column: 1 + filled, style: projector ? .normal : .dim)
        grid.put(label, row: row, column: 2 + barWidth, style: t.sessionOver ? overStyle : strong)
    }

    static func heading(_ layout: WalkLayout, _ grid: inout CellGrid) {
        let w = grid.size.width
        switch layout.heading {
        case .none: break
        case .blocks(let lines):
            var row = layout.headingTop
            for rows in lines {
                let width = rows.map(TextWidth.columns).max() ?? 0
                let x = max(0, (w - width) / 2)
                for r in rows { grid.put(r, row: row, column: x, style: Style(.heading, bold: true)); row += 1 }
                row += 1
            }
        case .plain(let lines):
            for (i, line) in lines.enumerated() {
                grid.put(
                    line, row: layout.headingTop + i, column: layout.textLeft, style: Style(.heading, bold: true, underline: true), width: layout.textWidth)
            }
        }
    }

    // MARK: Body

    static func body(_ state: WalkState, _ layout: WalkLayout, _ grid: inout CellGrid, ascii: Bool) {
        let scroll = min(max(0, state.scroll), layout.maxScroll)
        for row in 0..<layout.bodyHeight {
            let index = scroll + row
            guard index < layout.lines.count else { break }
            var x = layout.textLeft
            for run in layout.lines[index] {
                x += grid.put(run.text, row: layout.bodyTop + row, column: x, style: run.style, width: layout.textLeft + layout.textWidth - x)
            }
        }
        // Presenter layout: a scroll bar beside the text when it does not fit.
        if !state.projector {
            Chrome.scrollBar(
                &grid, column: min(grid.size.width - 1, layout.textLeft + layout.textWidth + 1), top: layout.bodyTop, height: layout.bodyHeight,
                scroll: scroll, total: layout.lines.count, ascii: ascii)
        }
    }

    /// The agenda: every step with its planned and spent time; the current one marked by ▶ and
    /// "now", the highlighted one reversed.
    static func overview(_ state: WalkState, _ layout: WalkLayout, now: Date, _ grid: inout CellGrid, ascii: Bool) {
        let w = grid.size.width
        var top = layout.bodyTop
        var height = layout.bodyHeight
        let left = state.projector ? layout.textLeft : 1
        let width = state.projector ? layout.textWidth : w - 2
        if !state.projector {
            let planned = state.tour.plannedMinutes
            let header = "Agenda · \(state.stepCount) step\(state.stepCount == 1 ? "" : "s")" + (planned > 0 ? " · \(planned) min planned" : "")
            grid.put(TextWidth.clip(header, to: width), row: top, column: left, style: .heading)
            top += 2; height -= 2
        }
        guard height > 0, state.stepCount > 0 else { return }
        let count = state.stepCount
        let first = Viewport.centred(selection: state.overviewSelection, count: count, height: height)
        let numberWidth = String(count).count + 1
        let normal: Style = state.projector ? strong : .normal
        for i in first..<min(count, first + height) {
            let row = top + i - first
            let spent = state.spent(onStep: i, at: now)
            let planned = state.tour.steps[i].minutes
            let over = planned.map { spent > TimeInterval($0 * 60) } ?? false
            var right = (planned.map { "\($0) min" } ?? "").leftPadded(7)
            right += spent > 0 || i == state.step ? "  " + WalkTiming.format(spent).leftPadded(7) : String(repeating: " ", count: 9)
            // The status word is text, so "over" and "now" survive without colour.
            let status = over ? "OVER" : i == state.step ? "now" : ""
            let statusWidth = 6
            let marker = i == state.step ? (ascii ? ">" : "▶") : " "
            let number = String(i + 1) + "."
            let lead = "\(marker) " + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            let titleWidth = max(0, width - TextWidth.columns(lead) - TextWidth.columns(right) - statusWidth - 1)
            let title = TextWidth.pad(state.pages[i].title, to: titleWidth)
            let selected = i == state.overviewSelection
            let base: Style = selected ? .selected : i == state.step ? Style(.accent, bold: true) : normal
            if selected { grid.fill(row: row, column: left, width: width, style: .selected) }
            var x = left
            for (text, style) in [(lead, base), (title + " ", base), (right + "  ", base), (status, over && !selected ? overStyle : base)] {
                x += grid.put(text, row: row, column: x, style: style, width: max(0, left + width - x))
            }
        }
    }

    static func notes(_ state: WalkState, _ layout: WalkLayout, _ grid: inout CellGrid, ascii: Bool) {
        guard let pane = layout.notes else { return }
        let title = state.projector ? " Presenter notes · on screen for this step only · p hides " : " Presenter notes · p hides "
        if pane.onRight {
            for r in pane.top..<(pane.top + pane.height) {
                grid.fill(row: r, column: pane.left - 1, width: pane.width + 1, style: .normal)
                grid.put(ascii ? "|" : "│", row: r, column: pane.left - 1, style: .dim)
            }
            grid.put(TextWidth.clip(title, to: pane.width - 1), row: pane.top, column: pane.left + 1, style: .accent)
            for (i, line) in layout.notesLines.prefix(max(0, pane.height - 2)).enumerated() {
                grid.put(line, row: pane.top + 2 + i, column: pane.left + 1, width: pane.width - 2)
            }
        } else {
            grid.fill(row: pane.top, column: 0, width: grid.size.width, style: .normal)
            grid.put(String(repeating: ascii ? "-" : "─", count: grid.size.width), row: pane.top, column: 0, style: .dim)
            grid.put(TextWidth.clip(title, to: grid.size.width - 4), row: pane.top, column: 2, style: .accent)
            let room = pane.height - 1
            let shown =
                layout.notesLines.count > room
                ? Array(layout.notesLines.prefix(max(0, room - 1))) + ["  … \(layout.notesLines.count - room + 1) more lines"] : layout.notesLines
            for (i, line) in shown.prefix(room).enumerated() {
                grid.fill(row: pane.top + 1 + i, column: 0, width: grid.size.width, style: .normal)
                grid.put(line, row: pane.top + 1 + i, column: 2, style: state.projector ? strong : .normal, width: grid.size.width - 4)
            }
        }
    }
}
