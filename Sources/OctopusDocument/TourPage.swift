import OctopusKit

/// One step of a tour laid out as a `Page`: its title, summary, key points, questions for the
/// room and numbered links, numbered in reading order (the first met is 1, as a room reads it). The walkthrough screen and the plain-text output both draw it, so a
/// link's number is the same on the projector as in `octopus walk ws3 | less`.
public enum TourPage {
    /// - Parameter date: the day a country step reads treaty status at.
    public static func page(for step: Tour.Step, in kb: KnowledgeBase, at date: Day = .conference) -> Page {
        var b = Builder(kb: kb)
        var subtitle: [String] = []
        let kind: RecordKind
        if case .topic(let sessionID, let topicID) = step.target, case .session(let s)? = kb.record(sessionID),
            let index = s.topics.firstIndex(where: { $0.id == topicID })
        {
            let t = s.topics[index]
            kind = .session
            subtitle.append("\(Record.session(s).inlineLabel) · topic \(index + 1) of \(s.topics.count)")
            if step.heading != nil { b.blocks.append(.field("Topic", [.text(Sanitizer.clean(t.title))])) }
            b.paragraph(t.summary)
            b.bullets("Key points", t.keyPoints)
            b.numbered("Questions for the room", t.questions)
            b.linkList("Linked", t.links)
        } else if let record = kb.record(step.target.recordID) {
            kind = record.kind
            subtitle.append(label(record))
            if step.heading != nil { b.blocks.append(.field("Record", [.text(Sanitizer.clean(record.title))])) }
            b.paragraph(record.summary)
            switch record {
            case .session(let s):
                b.bullets("Aims", s.aims)
                if !s.topics.isEmpty {
                    b.heading("Agenda")
                    for (i, t) in s.topics.enumerated() {
                        b.blocks.append(.numbered(i + 1, [.text(Sanitizer.clean(t.title) + (t.minutes.map { " · \($0) min" } ?? ""))]))
                    }
                }
                b.numbered("Questions for the room", s.questions)
                b.linkList("Linked", s.links)
            case .country(let c):
                // Where the State stood on the day the browser shows, as its page says it.
                b.heading("Status on \(date.long)")
                for t in kb.trackedTreaties {
                    let st = c.status(t, at: date)
                    let name = kb.treaty(t).map { "\($0.shortTitle) (\($0.aliases.first ?? t))" } ?? t
                    b.blocks.append(.bullet([.strong(name + ": "), .text(st.label + (st.decidingEvent.map { " (\($0.phrase))" } ?? ""))]))
                }
                b.bullets("Legislation and capacity", record.keyPoints)
                b.linkList("Linked", record.links)
            default:
                b.bullets("Key points", record.keyPoints)
                b.linkList("Linked", record.links)
            }
        } else {
            // Unreachable for a loaded tour (addresses are checked); shown rather than trapped.
            kind = .term
            b.blocks.append(.paragraph([.text("“\(Sanitizer.clean(step.address))” is not in this knowledge base.")]))
        }
        if let m = step.minutes { subtitle.append("\(m) min planned") }
        return Page(
            id: step.target.address, kind: kind, title: step.title(in: kb),
            subtitle: subtitle.joined(separator: " · "),
            blocks: b.blocks, links: b.links)
    }

    /// The pages of every step, in order.
    public static func pages(for tour: Tour, in kb: KnowledgeBase, at date: Day = .conference) -> [Page] {
        tour.steps.map { page(for: $0, in: kb, at: date) }
    }

    /// The whole tour as plain text, for output that is not a terminal. The facilitator's notes
    /// are left out: printed pages get handed round, and the notes are theirs alone.
    public static func plainText(_ tour: Tour, kb: KnowledgeBase, width: Int = 80) -> String {
        let title = Sanitizer.clean(tour.title)
        let planned = tour.plannedMinutes
        var out = title + "\n" + String(repeating: "=", count: min(max(20, width), title.count)) + "\n"
        out += "\(tour.steps.count) step\(tour.steps.count == 1 ? "" : "s")" + (planned > 0 ? " · \(planned) minutes planned" : "") + "\n"
        for (i, page) in pages(for: tour, in: kb).enumerated() {
            out += "\nStep \(i + 1) of \(tour.steps.count)\n" + TextLayout.render(page, width: width, title: kb.linkTitle)
        }
        return out
    }

    /// "article · art29": what kind of record a step shows.
    static func label(_ record: Record) -> String {
        switch record {
        case .session(let s): return s.kind == .workshop ? "Workshop \(s.number.map(String.init) ?? "")" : "Plenary session"
        case .treaty: return "Treaty"
        case .article(let a):
            // In sentence case here: "Protocol article · ETS 189".
            let word = a.treatyRole.articleWord
            return "\(word.prefix(1))\(word.dropFirst().lowercased()) · \(kbAlias(a.treaty))"
        case .country: return "Country"
        case .organisation: return "Organisation"
        case .term: return "Glossary term"
        }
    }

    private static func kbAlias(_ treaty: String) -> String {
        treaty.hasPrefix("ets") ? "ETS " + treaty.dropFirst(3) : treaty.uppercased()
    }

    /// Collects blocks and numbers links in order of first appearance, as `PageBuilder` does.
    private struct Builder {
        let kb: KnowledgeBase
        var blocks: [Page.Block] = []
        var numbering: LinkNumbering

        init(kb: KnowledgeBase) { self.kb = kb; numbering = LinkNumbering(kb: kb) }

        var links: [String] { numbering.ids }

        mutating func number(_ id: String) -> Int { numbering.number(id) }

        mutating func spans(_ text: String) -> [Page.Span] { numbering.spans(text) }

        mutating func heading(_ text: String) {
            if let last = blocks.last, last != .blank { blocks.append(.blank) }
            blocks.append(.heading(text))
        }

        mutating func paragraph(_ text: String) { blocks.append(.paragraph(spans(text))) }

        mutating func bullets(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            heading(title)
            for i in items { blocks.append(.bullet(spans(i))) }
        }

        mutating func numbered(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            heading(title)
            for (i, q) in items.enumerated() { blocks.append(.numbered(i + 1, spans(q))) }
        }

        mutating func linkList(_ title: String, _ ids: [String]) {
            let known = ids.compactMap { kb.record($0) }
            guard !known.isEmpty else { return }
            heading(title)
            for r in known { blocks.append(.bullet([.link(label: Sanitizer.clean(r.shortTitle), number: number(r.id))])) }
        }
    }
}
