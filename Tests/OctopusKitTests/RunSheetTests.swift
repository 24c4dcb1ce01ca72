import Foundation
import Testing

@testable import OctopusDocument
@testable import OctopusKit

/// Issue 16 (part 4): the run sheet a facilitator prints before the workshop.
@Suite("Run sheet")
struct RunSheetTests {
    func session(_ id: String) throws -> Tour {
        guard case .session(let s)? = bundled.record(id) else { throw SheetTestError.noSession(id) }
        return Tour.from(session: s)
    }
    enum SheetTestError: Error { case noSession(String) }

    @Test func everyStepWithItsPlannedAndCumulativeMinutes() throws {
        let tour = try session("ws3")
        try #require(tour.steps.count > 1 && tour.plannedMinutes > 0)
        let text = TextLayout.render(RunSheet.page(tour, kb: bundled), width: 80)
        var start = 0
        for (i, step) in tour.steps.enumerated() {
            let minutes = try #require(step.minutes)
            let end = start + minutes
            let line = "  \(i + 1). \(step.title(in: bundled)) — \(minutes) min · \(RunSheet.clock(start))–\(RunSheet.clock(end))"
            #expect(text.contains(line), "schedule line \(line)")
            #expect(text.contains("Step \(i + 1) of \(tour.steps.count): \(step.title(in: bundled))"))
            start = end
        }
        #expect(start == tour.plannedMinutes, "the last step ends at the tour's planned total")
        #expect(text.contains("\(tour.plannedMinutes) minutes planned (\(RunSheet.clock(tour.plannedMinutes)))"))
        // Each topic's questions and key points are on the sheet.
        let topics = try #require({ if case .session(let s)? = bundled.record("ws3") { s.topics } else { nil } }())
        for q in topics.flatMap(\.questions) { #expect(text.contains(String(q.prefix(30))), "question \(q)") }
        // And the session's own questions, once, after the schedule.
        guard case .session(let ws3)? = bundled.record("ws3") else { Issue.record("no ws3"); return }
        try #require(!ws3.questions.isEmpty)
        #expect(text.contains("Questions for the session\n-------------------------\n  1. \(String(ws3.questions[0].prefix(40)))"), "\(text.prefix(1500))")
    }

    @Test func presenterNotesFromTheTourAndTheNotebookUnderTheirStep() throws {
        let yaml = """
            title: Short run
            steps:
              - address: ws3/topic-1
                minutes: 10
                notes: "Open with the 100-country figure."
              - address: art29
                minutes: 15
              - address: PT
            """
        let tour = try TourLoader.load(text: yaml, format: .yaml, file: "t.yaml", kb: bundled)
        let page = RunSheet.page(tour, kb: bundled, notes: ["art29": ["Ask about the \u{1B}[31m60 days"]])
        let text = TextLayout.render(page, width: 80)
        func section(_ n: Int) -> Substring {
            let start = text.range(of: "Step \(n) of 3")!.lowerBound
            let end = text.range(of: "Step \(n + 1) of 3", range: start..<text.endIndex)?.lowerBound ?? text.endIndex
            return text[start..<end]
        }
        #expect(section(1).contains("Presenter notes\n  - Open with the 100-country figure."))
        #expect(section(2).contains("Ask about the"), "the notebook's note on the step's record")
        #expect(!text.contains("\u{1B}"), "a control character in a note never reaches the sheet")
        #expect(section(3).contains("Presenter notes: none"))
        #expect(section(3).contains("Time: no plan"))
        #expect(text.contains("  3. Portugal — no plan · from 0:25"))
        #expect(text.contains("1 without a plan, not counted"))
        // As Markdown too, each step its own heading.
        let markdown = MarkdownLayout.render(page)
        #expect(markdown.contains("## Step 2 of 3: Article 29"))
        #expect(markdown.contains("**Presenter notes**\n\n- Open with the 100-country figure."))
    }
}
