import Foundation
import OctopusKit

/// Plain-text listings and the non-interactive home page.
enum PlainList {
    static func render(_ records: [Record], kb: KnowledgeBase, at date: Day) -> String {
        var out = ""
        let idWidth = records.map(\.id.count).max() ?? 4
        for r in records {
            var line = r.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
            if case .country(let c) = r { line += Sanitizer.clean(c.displayName(at: date)) } else { line += Sanitizer.clean(r.shortTitle) }
            if case .country(let c) = r, c.isPartOfAnother(on: date), let u = c.partOf {
                line += "  [part of \(Sanitizer.clean(u.name)) on this date; counted as \(u.state)]"
            } else if case .country(let c) = r {
                line += "  [" + kb.trackedTreaties.map { "\(kb.treaty($0)?.aliases.first ?? $0): \(c.status($0, at: date).standing.rawValue)" }.joined(separator: "; ") + "]"
            }
            out += line + "\n"
        }
        if case .country = records.first {
            out += "(status at \(date))\n"
        }
        return out
    }
}

enum PlainHome {
    static func render(_ kb: KnowledgeBase, at date: Day) -> String {
        var out = Sanitizer.clean(kb.conference.name) + " — " + Sanitizer.clean(kb.conference.place)
            + ", \(kb.conference.startDate.long) to \(kb.conference.endDate.long)\n"
        out += "Knowledge base as of \(kb.asOf); treaty status shown at \(date.long).\n\n"
        for kind in [RecordKind.session, .article, .country, .treaty, .organisation, .term] {
            out += "  \(String(kb.count(kind)).leftPad(4))  \(kind.plural)\n"
        }
        let parties = kb.parties(of: "ets185", at: date).count, signed = kb.signatories(of: "ets185", at: date).count
        let undecided = kb.undecidedParties(of: "ets185", at: date).count
        out += "\nBudapest Convention on \(date.long): \(signed) signatories, \(parties) Parties"
            + (undecided == 0 ? "" : " (+\(undecided) whose deposit date is within a window or unknown)") + ".\n"
        out += "Try: octopus show art29 · octopus show PT · octopus list sessions · octopus --help\n"
        return out
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

/// JSON output for scripts. Keys are stable; all strings are cleaned of control characters.
enum JSONOutput {
    static func encode(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
              let text = String(data: data, encoding: .utf8) else { return "null\n" }
        return text + "\n"
    }

    static func clean(_ s: String, _ kb: KnowledgeBase) -> String { kb.plain(s) }

    /// An event's date as the knowledge base writes it: `date`, `between` or `dateUnknown` with `by`.
    static func dateFields(_ d: EventDate) -> [String: Any] {
        switch d {
        case .exact(let day): ["date": day.description]
        case .between(let a, let b): ["between": [a.description, b.description]]
        case .unknown(let after, by: let by):
            ["dateUnknown": true, "by": by.description].merging(after.map { ["after": $0.description] } ?? [:]) { a, _ in a }
        }
    }

    /// A reservation or declaration as the knowledge base writes it.
    static func statement(_ st: Statement, _ kb: KnowledgeBase) -> [String: Any] {
        var d: [String: Any] = ["treaty": st.treaty, "kind": st.kind.rawValue, "provision": Sanitizer.clean(st.provision),
                                "articles": st.articles, "made": st.made.rawValue, "summary": clean(st.summary, kb),
                                "sources": st.sources.map { Sanitizer.clean($0) }]
        if let day = st.date { d["date"] = day.description }
        if let w = st.withdrawn { d["withdrawn"] = w.description }
        if let n = st.note { d["note"] = clean(n, kb) }
        return d
    }

    static func summary(_ r: Record, kb: KnowledgeBase, at date: Day) -> [String: Any] {
        var o: [String: Any] = ["id": r.id, "type": r.kind.rawValue, "title": Sanitizer.clean(r.title)]
        switch r {
        case .article(let a):
            o["treaty"] = a.treaty; o["number"] = a.number; o["title"] = Sanitizer.clean(a.title)
            o["chapter"] = Sanitizer.clean(a.chapter)
            if let s = a.section { o["section"] = Sanitizer.clean(s) }
            if let t = a.titleGroup { o["titleGroup"] = Sanitizer.clean(t) }
        case .country(let c):
            o["name"] = Sanitizer.clean(c.name)
            // The name delegates used on the status date, where it differs from today's.
            if c.name(at: date) != c.name { o["nameAtDate"] = Sanitizer.clean(c.name(at: date)) }
            if c.isPartOfAnother(on: date), let u = c.partOf { o["partOf"] = ["state": u.state, "name": Sanitizer.clean(u.name), "until": u.before.description] }
            o["region"] = Sanitizer.clean(c.region)
            o["coeMember2010"] = c.coeMember2010
            var status: [String: String] = [:]
            for t in kb.trackedTreaties { status[t] = c.status(t, at: date).standing.rawValue }
            o["status"] = status
            o["statusDate"] = date.description
        case .session(let s):
            o["kind"] = s.kind.rawValue
            if let n = s.number { o["number"] = n }
            if let d = s.date { o["date"] = d.description }
            o["plannedMinutes"] = s.plannedMinutes
            o["titleInferred"] = s.provenance.inferred.contains("title")
        default: break
        }
        return o
    }

    static func list(_ records: [Record], kb: KnowledgeBase, at date: Day) -> String {
        encode(records.map { summary($0, kb: kb, at: date) })
    }

    static func show(_ r: Record, kb: KnowledgeBase, at date: Day) -> String {
        var o = summary(r, kb: kb, at: date)
        o["summary"] = clean(r.summary, kb)
        o["keyPoints"] = r.keyPoints.map { clean($0, kb) }
        o["links"] = r.links
        o["backlinks"] = kb.backlinks[r.id] ?? []
        o["sources"] = r.provenance.sources.map { Sanitizer.clean($0) }
        o["asOf"] = r.provenance.asOf.description
        if !r.provenance.inferred.isEmpty { o["inferred"] = r.provenance.inferred }
        switch r {
        case .article(let a):
            o["counterparts"] = a.counterparts
            o["reservations"] = a.reservations.map { ["provision": Sanitizer.clean($0.provision), "text": clean($0.text, kb)] }
            o["declarations"] = a.declarations.map { ["provision": Sanitizer.clean($0.provision), "text": clean($0.text, kb)] }
            // Who had made a statement on the article and kept it at the status date.
            let (inEffect, undated) = kb.statements(on: a.id, at: date)
            o["madeBy"] = inEffect.map { c, st in statement(st, kb).merging(["state": c.id]) { a, _ in a } }
            o["madeByUndated"] = undated.map { c, st in statement(st, kb).merging(["state": c.id]) { a, _ in a } }
        case .country(let c):
            o["nameFr"] = c.nameFr.map { Sanitizer.clean($0) } ?? NSNull()
            o["aliases"] = c.aliases.map { Sanitizer.clean($0) }
            o["events"] = c.events.map { e -> [String: Any] in
                var d: [String: Any] = ["treaty": e.treaty, "kind": e.kind.rawValue,
                                        "sources": e.sources.map { Sanitizer.clean($0) }, "unconfirmed": e.unconfirmed]
                d.merge(dateFields(e.date)) { a, _ in a }
                if let n = e.note { d["note"] = clean(n, kb) }
                return d
            }
            o["statusDetail"] = kb.trackedTreaties.map { t -> [String: Any] in
                let st = c.status(t, at: date)
                var d: [String: Any] = ["treaty": t, "status": st.standing.rawValue, "label": st.label]
                if let e = st.decidingEvent { d["event"] = ["kind": e.kind.rawValue].merging(dateFields(e.date)) { a, _ in a } }
                if let e = st.undecidedEvent { d["undecidedEvent"] = ["kind": e.kind.rawValue].merging(dateFields(e.date)) { a, _ in a } }
                return d
            }
            if let p = c.profile { o["profile"] = ["date": p.date.description, "sources": p.sources] }
            o["statements"] = c.statements.map { statement($0, kb) }
            if !c.formerNames.isEmpty {
                o["formerNames"] = c.formerNames.map { ["name": Sanitizer.clean($0.name), "before": $0.before.description] }
            }
        case .session(let s):
            o["aims"] = s.aims.map { clean($0, kb) }
            o["questions"] = s.questions.map { clean($0, kb) }
            o["topics"] = s.topics.map { t -> [String: Any] in
                ["id": t.id, "title": Sanitizer.clean(t.title), "summary": clean(t.summary, kb),
                 "keyPoints": t.keyPoints.map { clean($0, kb) }, "minutes": t.minutes ?? NSNull(),
                 "questions": t.questions.map { clean($0, kb) }, "links": t.links]
            }
        default: break
        }
        return encode(o)
    }
}
