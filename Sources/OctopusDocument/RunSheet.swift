import OctopusKit

/// A tour's run sheet, to print before the workshop (`octopus walk ws3 --sheet`): the schedule
/// with each step's planned minutes and where it falls from the start, then each step as the
/// walkthrough shows it — key points, questions, links, numbered as on the screen — with the
/// presenter notes under it. One `Page`, so it reads the same as Markdown and as plain text.
public enum RunSheet {
    /// - Parameter notes: the facilitator's own notes by record id or topic address (their
    ///   notebook's), shown after the tour file's notes for each step.
    public static func page(_ tour: Tour, kb: KnowledgeBase, notes: [String: [String]] = [:]) -> Page {
        let steps = TourPage.pages(for: tour, in: kb)
        var blocks: [Page.Block] = []
        let planned = tour.plannedMinutes
        let unplanned = tour.steps.count { $0.minutes == nil }
        var summary = "\(tour.steps.count) step\(tour.steps.count == 1 ? "" : "s")"
        if planned > 0 { summary += " · \(planned) minutes planned (\(clock(planned)))" }
        if unplanned > 0 { summary += " · \(unplanned) without a plan, not counted" }
        blocks.append(.paragraph([.text(summary)]))
        blocks += [.blank, .heading("Schedule")]
        var start = 0
        var spans: [(from: Int, to: Int?)] = []
        for (i, step) in tour.steps.enumerated() {
            let end = step.minutes.map { start + $0 }
            spans.append((start, end))
            let when = end.map { "\(step.minutes ?? 0) min · \(clock(start))–\(clock($0))" } ?? "no plan · from \(clock(start))"
            blocks.append(.numbered(i + 1, [.strong(step.title(in: kb)), .text(" — " + when)]))
            start = end ?? start
        }
        // The session's own questions, which the walk keeps on the presenter view.
        if let session = tour.session(in: kb), !session.questions.isEmpty {
            blocks += [.blank, .heading("Questions for the session")]
            for (i, q) in session.questions.enumerated() { blocks.append(.numbered(i + 1, [.text(Sanitizer.clean(q))])) }
        }
        // Each step's page, its links renumbered into the sheet's one list, as a page's are.
        var links: [String] = []
        for (i, (step, page)) in zip(tour.steps, steps).enumerated() {
            let span = spans[i]
            let when = span.to.map { "\(step.minutes ?? 0) min planned, \(clock(span.from))–\(clock($0)) from the start" } ?? "no plan"
            blocks += [.blank]
            blocks.append(.heading("Step \(i + 1) of \(tour.steps.count): \(page.title)"))
            blocks.append(.field("Time", [.text(when)]))
            // The page's subtitle without its minutes, which the Time line has said.
            let shows = page.subtitle.replacingEvery(step.minutes.map { " · \($0) min planned" } ?? "\u{0}", with: "")
            if !shows.isEmpty { blocks.append(.field("Shows", [.text(shows)])) }
            let offset = links.count
            links += page.links
            for block in page.blocks {
                // The step's own headings are one level down: a line of their own, in bold.
                if case .heading(let h) = block { blocks.append(.paragraph([.strong(h)])); continue }
                blocks.append(renumbered(block, by: offset))
            }
            let presenter = step.presenterNotes(notebook: notes).map { $0.trimmed() }
            blocks.append(.blank)
            blocks.append(presenter.isEmpty ? .field("Presenter notes", [.text("none")]) : .paragraph([.strong("Presenter notes")]))
            for note in presenter {
                for line in Sanitizer.clean(note, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: true) {
                    blocks.append(.bullet([.text(String(line))]))
                }
            }
        }
        return Page(
            id: tour.session(in: kb)?.id ?? "tour", kind: .session, title: "Run sheet: " + Sanitizer.clean(tour.title),
            subtitle: "For the facilitator: print before the workshop", blocks: blocks, links: links)
    }

    /// "0:35", "1:05": hours and minutes from the start.
    static func clock(_ minutes: Int) -> String {
        "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    static func renumbered(_ block: Page.Block, by offset: Int) -> Page.Block {
        func shift(_ spans: [Page.Span]) -> [Page.Span] {
            spans.map { if case .link(let label, let n) = $0 { .link(label: label, number: n + offset) } else { $0 } }
        }
        switch block {
        case .paragraph(let s): return .paragraph(shift(s))
        case .bullet(let s): return .bullet(shift(s))
        case .numbered(let n, let s): return .numbered(n, shift(s))
        case .field(let label, let s): return .field(label, shift(s))
        case .heading, .table, .blank: return block
        }
    }
}
