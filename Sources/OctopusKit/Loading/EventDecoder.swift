/// Treaty events of a country: their fields, their date (a day, a window, or unknown with the day
/// by which it had happened) and the order they must be possible in.
extension KnowledgeBaseDecoder {
    mutating func decodeEvents(_ r: NodeReader, _ p: JSONPath) -> [TreatyEvent] {
        var positions: [SourcePosition] = []
        let events: [TreatyEvent] = r.array("events") { en, ep in
            guard
                let e = NodeReader(
                    en, path: ep, sink: sink,
                    fields: [
                        "treaty", "kind", "date", "between", "dateUnknown", "after", "by", "sources", "unconfirmed", "note",
                    ])
            else { return nil }
            let treaty = treatyLink(e, ep)
            let kindText = e.string("kind")
            let kind = kindText.flatMap(TreatyEvent.Kind.init(rawValue:))
            if let kindText, kind == nil {
                sink.report(
                    e.position("kind"), ep.appending("kind"),
                    "unknown event kind \"\(kindText)\"; use one of \(TreatyEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            // A date no source was seen for has none to cite: it is marked unconfirmed and its note
            // says why it is given at all, rather than borrowing a citation that does not show it.
            let unconfirmed = e.bool("unconfirmed", default: false), note = e.string("note", required: false)
            let date = eventDate(e, en, ep), sources = e.sources(required: !unconfirmed)
            if unconfirmed, sources.isEmpty, note == nil {
                sink.report(en.position, ep.appending("note"), "an unconfirmed date with no source needs a note saying why it is given")
            }
            guard let treaty, let kind, let date, !sources.isEmpty || unconfirmed else { return nil }
            positions.append(en.position)
            return TreatyEvent(treaty: treaty, kind: kind, date: date, sources: sources, unconfirmed: unconfirmed, note: note)
        }
        checkEventOrder(events, positions, p.appending("events"))
        return events
    }

    /// Exactly one of `"date"`, `"between": [first, last]` or `"dateUnknown": true` with `"by"`.
    /// A window is never narrowed to a guess, so a window of one day must be written as its date.
    func eventDate(_ e: NodeReader, _ en: JSONNode, _ ep: JSONPath) -> EventDate? {
        let unknown = e.bool("dateUnknown", default: false)
        let given = ["date", "between"].filter(e.has) + (unknown ? ["dateUnknown"] : [])
        if given.count > 1 {
            sink.report(
                e.position(given[1]), ep.appending(given[1]),
                "give one of \"date\", \"between\" or \"dateUnknown\", not \(given.map { "\"\($0)\"" }.joined(separator: " and "))")
            return nil
        }
        if e.has("after"), !unknown {
            sink.report(e.position("after"), ep.appending("after"), "\"after\" goes with \"dateUnknown\": true")
        }
        if e.has("by"), !unknown {
            sink.report(e.position("by"), ep.appending("by"), "\"by\" goes with \"dateUnknown\": true; an exact date needs no \"by\"")
        }
        switch given.first {
        case "date": return e.day("date").map(EventDate.exact)
        case "between":
            let text = e.strings("between")
            guard e.node("between").map({ if case .array(let a) = $0.value { a.count == 2 } else { false } }) == true, text.count == 2 else {
                sink.report(
                    e.position("between"), ep.appending("between"),
                    "a window is two dates, [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]: the first and the last day it can be")
                return nil
            }
            let days = text.map(Day.init)
            for (i, t) in text.enumerated() where days[i] == nil {
                sink.report(e.position("between"), ep.appending("between").appending(i), "\"\(t)\" is not a real date; write YYYY-MM-DD")
            }
            guard let first = days[0], let last = days[1] else { return nil }
            if last < first {
                sink.report(
                    e.position("between"), ep.appending("between"),
                    "the window ends on \(last), before it starts on \(first); write [\"\(last)\", \"\(first)\"]")
                return nil
            }
            if first == last {
                sink.report(e.position("between"), ep.appending("between"), "a window of one day is a date: write \"date\": \"\(first)\"")
                return nil
            }
            return .between(first, last)
        case "dateUnknown":
            guard e.has("by") else {
                sink.report(e.position("dateUnknown"), ep.appending("by"), "a date unknown needs \"by\": the latest day a source shows the event had happened")
                return nil
            }
            let after = e.has("after") ? e.day("after") : nil
            guard let by = e.day("by") else { return nil }
            if let after, after >= by {
                sink.report(e.position("after"), ep.appending("after"), "\"after\" \(after) is not before \"by\" \(by)")
                return nil
            }
            return .unknown(after: after, by: by)
        default:
            sink.report(
                en.position, ep.appending("date"),
                "an event needs \"date\", a window \"between\": [first, last], or \"dateUnknown\": true with \"by\"")
            return nil
        }
    }

    /// Treaty events must be possible: one of each kind per treaty, signature before ratification,
    /// not both ratification and accession, and no entry into force before consent to be bound.
    /// A window or an unknown date is wrong only when no day it allows would do: consent is before
    /// signature if its latest day is before the signature's earliest, and so on.
    func checkEventOrder(_ events: [TreatyEvent], _ positions: [SourcePosition], _ path: JSONPath) {
        var byTreaty: [String: [(TreatyEvent, Int)]] = [:]
        for (i, e) in events.enumerated() { byTreaty[e.treaty, default: []].append((e, i)) }
        for (_, list) in byTreaty {
            var seen: [TreatyEvent.Kind: TreatyEvent] = [:]
            for (e, i) in list {
                if seen[e.kind] != nil {
                    sink.report(positions[i], path.appending(i), "a second \(e.kind.rawValue) event for \(e.treaty)")
                }
                seen[e.kind] = e
            }
            let consent = seen[.ratification] ?? seen[.accession]
            if seen[.ratification] != nil, seen[.accession] != nil, let (_, i) = list.first(where: { $0.0.kind == .accession }) {
                sink.report(positions[i], path.appending(i), "a state either ratifies or accedes to \(list[0].0.treaty), not both")
            }
            /// `a` certainly came before `b` (or on the same day when `sameDay`).
            func before(_ a: EventDate, _ b: EventDate, sameDay: Bool) -> Bool {
                guard let start = b.earliest else { return false }
                return sameDay ? a.latest <= start : a.latest < start
            }
            if let s = seen[.signature], let c = consent, before(c.date, s.date, sameDay: false),
                let (_, i) = list.first(where: { $0.0.kind == c.kind })
            {
                sink.report(positions[i], path.appending(i), "\(c.kind.rawValue) \(phrase(c.date)) is before signature \(phrase(s.date))")
            }
            if let f = seen[.entryIntoForce], let (_, i) = list.first(where: { $0.0.kind == .entryIntoForce }) {
                if let c = consent, before(f.date, c.date, sameDay: true) {
                    sink.report(positions[i], path.appending(i), "entry into force \(phrase(f.date)) is not after \(c.kind.rawValue) \(phrase(c.date))")
                } else if consent == nil, let s = seen[.signature], before(f.date, s.date, sameDay: true) {
                    sink.report(positions[i], path.appending(i), "entry into force \(phrase(f.date)) is not after signature \(phrase(s.date))")
                }
            }
        }
    }

    /// "on 2010-03-24", "between 2024-02-09 and 2024-03-08", "by 2019-12-31", for diagnostics.
    private func phrase(_ d: EventDate) -> String {
        switch d {
        case .exact(let day): "on \(day)"
        case .between(let a, let b): "between \(a) and \(b)"
        case .unknown(let after, by: let b): (after.map { "after \($0), " } ?? "") + "by \(b)"
        }
    }
}
