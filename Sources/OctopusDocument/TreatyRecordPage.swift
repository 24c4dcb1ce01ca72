import FoundationEssentials
import Glibc
import OctopusKit

/// The parts of pages that tell a treaty's record: a State's status, timeline and statements, who
/// made a statement on an article, and the published numbers of Parties beside the base's own.
extension PageBuilder {
    /// The States that had made a reservation or declaration on the article and kept it on the
    /// page's date, each with when it was made and its source.
    mutating func madeBy(_ a: Article) -> Void {
        let (inEffect, undated) = kb.statements(on: a.id, at: date)
        guard !a.reservations.isEmpty || !a.declarations.isEmpty || !inEffect.isEmpty || !undated.isEmpty else { return }
        heading("Made by, on \(date.long)")
        if inEffect.isEmpty, undated.isEmpty {
            blocks.append(.paragraph([.text("No State's reservation or declaration on this article is recorded in this base for this date.")]))
        }
        for (c, st) in inEffect.sorted(by: { Folding.fold($0.0.name(at: date)) < Folding.fold($1.0.name(at: date)) }) {
            blocks.append(
                .bullet(
                    [stateLink(c), .text(" — \(st.kind.rawValue) under \(st.provision), \(c.when(st)): ")] + spans(st.summary) + [
                        cite(st.sources)
                    ]))
        }
        for (c, st) in undated {
            blocks.append(
                .bullet(
                    [
                        stateLink(c),
                        .text(" — \(st.kind.rawValue) under \(st.provision), \(c.when(st)) (not known whether made by this date): "),
                    ]
                        + spans(st.summary) + [cite(st.sources)]))
        }
    }

    /// A State's reservations and declarations, treaty by treaty; "none recorded in this base" for
    /// a treaty it took part in without any, so that silence is never read as "none made".
    /// The State's record in order of time across every tracked treaty: its signatures, deposits
    /// and entries into force, the reservations and declarations it made or withdrew, its names;
    /// a line marks where the date shown falls, so what came after it is plain to see.
    mutating func timeline(_ c: Country) {
        heading("Timeline")
        var entries: [(day: Day, line: [Page.Span])] = []
        for e in c.events {
            // A window shows its two days; an unknown date says so, and what is known instead.
            let column =
                switch e.date {
                case .exact(let d): d.description
                case .between(let a, let b): "\(a)…\(b)"
                case .unknown: "date unknown"
                }
            var line: [Page.Span] = [.text("\(column)  "), .strong(kb.treaty(e.treaty)?.aliases.first ?? e.treaty), .text("  \(e.kind.label)")]
            if case .between(let a, let b) = e.date { line.append(.text(" on a day between \(a.long) and \(b.long); the exact day is not recorded")) }
            if let by = e.knownBy { line.append(.text(" (\(by))")) }
            if e.date.happened(by: date) == nil { line.append(.text(" (not known whether before the date shown)")) }
            // Sources on an unconfirmed event support its context (a law, a later date), not its day.
            if e.unconfirmed {
                line.append(.text(e.sources.isEmpty ? " — unconfirmed: no source states it" : " — unconfirmed: the sources cited do not state this date"))
            }
            if let note = e.note { line.append(.text(" — ")); line += spans(note) }
            line.append(cite(e.sources))
            entries.append((e.date.sortKey, line))
        }
        for st in c.statements {
            let name = "\(kb.treaty(st.treaty)?.aliases.first ?? st.treaty) \(st.provision) \(st.kind.rawValue)"
            if let made = c.dateMade(st) {
                entries.append((made.sortKey, [.text("\(made)  "), .strong(name), .text("  \(st.made.phrase)"), cite(st.sources)]))
            }
            if let gone = st.withdrawn { entries.append((gone, [.text("\(gone)  "), .strong(name), .text("  withdrawn"), cite(st.sources)])) }
        }
        let names = c.formerNames.sorted { $0.before < $1.before }
        for (i, former) in names.enumerated() {
            let next = i + 1 < names.count ? names[i + 1].name : c.name
            entries.append(
                (former.before, [.text("\(former.before)  "), .strong(next), .text("  the name from this day (before: \(former.name))"), cite(former.sources)]))
        }
        if let u = c.partOf {
            entries.append((u.before, [.text("\(u.before)  "), .text("counted on its own from this day (before: part of \(u.name))"), cite(u.sources)]))
        }
        guard !entries.isEmpty else {
            blocks.append(.paragraph([.text("No dated treaty events are known for this state.")]))
            return
        }
        // In order of time; on one day, in the order recorded.
        let ordered = entries.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
        let marker: Page.Block = .paragraph([.strong("  ▸ \(date.long): the date shown — what follows came after it")])
        var marked = false
        for entry in ordered {
            if !marked && entry.day > date {
                blocks.append(marker)
                marked = true
            }
            blocks.append(.bullet(entry.line))
        }
        if !marked { blocks.append(marker) }
    }

    mutating func statements(_ c: Country) {
        heading("Reservations and declarations")
        let treaties = kb.trackedTreaties.filter { !c.events(for: $0).isEmpty || !c.statements(for: $0).isEmpty }
        if treaties.isEmpty { blocks.append(.paragraph([.text("None recorded in this base.")])) }
        for t in treaties {
            let list = c.statements(for: t)
            if list.isEmpty { blocks.append(.bullet([.strong(treatyName(t) + ": "), .text("none recorded in this base")])); continue }
            for st in list {
                var line: [Page.Span] =
                    [.strong("\(kb.treaty(t)?.aliases.first ?? t) \(st.provision), \(st.kind.rawValue): ")] + spans(st.summary)
                line.append(.text(" — \(c.when(st))"))
                switch c.inEffect(st, on: date) {
                case false: line.append(.text(st.withdrawn.map { $0 <= date } == true ? " (withdrawn by the date shown)" : " (after the date shown)"))
                case nil: line.append(.text(" (not known whether made by the date shown)"))
                default: break
                }
                if let note = st.note { line.append(.text(" — ")); line += spans(note) }
                line.append(cite(st.sources))
                blocks.append(.bullet(line))
            }
        }
    }

    mutating func countryBody(_ c: Country) -> String {
        var facts: [String] = [c.region]
        facts.append(c.coeMember2010 ? "Council of Europe member in 2010" : "not a Council of Europe member in 2010")
        if c.draftingParticipant { facts.append("took part in drafting the Convention") }
        let names = ([c.nameFr.map { "French: \($0)" }].compactMap { $0 } + (c.aliases.isEmpty ? [] : ["also: " + c.aliases.joined(separator: ", ")]))
        if !names.isEmpty { blocks.append(.field("Names", [.text(names.joined(separator: "; "))])) }
        heading("Status on \(date.long)")
        if let u = c.partOf, c.isPartOfAnother(on: date) {
            blocks.append(
                .paragraph(
                    [.text("On this date \(c.name) was part of \(u.name), counted once, as ")]
                        + (kb.record(u.state).map { _ in [linkSpans(u.state)[0]] } ?? [.text(u.state)]) + [
                            .text("; it is not counted on its own before \(u.before.long)."), cite(u.sources),
                        ]))
        }
        for t in kb.trackedTreaties {
            let st = c.status(t, at: date)
            var line: [Page.Span] = [.strong(treatyName(t) + ": "), .text(st.label)]
            if let e = st.decidingEvent { line.append(.text(" (\(e.phrase)\(e.unconfirmed ? ", date unconfirmed" : ""))")) }
            blocks.append(.bullet(line))
        }
        for t in kb.treaties.map(\.id) where !kb.trackedTreaties.contains(t) {
            blocks.append(
                .bullet([
                    .strong(treatyName(t) + ": "), .text("not tracked in this base: no signature, ratification or entry-into-force dates are recorded for it"),
                ]))
        }
        blocks.append(.blank)
        paragraph(c.summary)
        timeline(c)
        statements(c)
        if let p = c.profile {
            heading("Council of Europe country profile")
            blocks.append(.paragraph([.text("A cybercrime legislation profile was published in \(p.date.long)."), cite(p.sources)]))
        }
        if !c.facts.isEmpty {
            heading("Legislation and capacity")
            for f in c.facts { blocks.append(.bullet(spans(f.text) + [cite(f.sources)])) }
        }
        linkList("Mentioned in sessions", uniq(c.links.filter { kb.kind(of: $0) == .session } + kb.backlinks(to: c.id, kind: .session)))
        linkList("Organisations", kb.backlinks(to: c.id, kind: .organisation))
        linkList("See also", c.links.filter { kb.kind(of: $0) != .session })
        return facts.joined(separator: " · ")
    }

    /// Each figure a source published beside what this base counts on that day, so a reader sees
    /// where the base agrees with the record and where it is known to fall short.
    mutating func publishedCounts(_ t: Treaty) {
        guard !t.publishedCounts.isEmpty else { return }
        heading("Published numbers of Parties")
        for c in t.publishedCounts {
            let counted = kb.parties(of: t.id, at: c.date).count, undecided = kb.undecidedParties(of: t.id, at: c.date).count
            let said = c.note.map { " (" + $0.trimming { $0 == "." } + ")" } ?? ""
            var line: [Page.Span] = [.strong("\(c.date.long): \(c.parties) published"), .text(said)]
            let base =
                counted == c.parties && undecided == 0
                ? "this base counts the same"
                : "this base counts \(counted)" + (undecided > 0 ? " and \(undecided) whose deposit date is not known exactly" : "")
            line.append(.text("; \(base)."))
            if let n = c.signatories {
                let mine = kb.signedOnly(t.id, at: c.date).count
                line.append(.text(" Signatories not yet Parties: \(n) published, \(mine == n ? "the same here" : "\(mine) here")."))
            }
            if let n = c.invited {
                let mine = kb.invited(to: t.id, at: c.date).count
                line.append(.text(" Invited to accede: \(n) published, \(mine == n ? "the same here" : "\(mine) recorded here")."))
            }
            if let gap = c.gap { line.append(.text(" ")); line += spans(gap) }
            line.append(cite(c.sources))
            blocks.append(.bullet(line))
        }
    }
}
