/// Writes a tour as YAML that `TourLoader` reads back: the starting point that
/// `octopus walk --new ws3 > tour.yaml` gives a facilitator to edit. Every string is double-quoted
/// (so `NO`, `yes` or `2010` stay text), and comments say what each field does.
public enum TourWriter {
    public static func yaml(_ tour: Tour, kb: KnowledgeBase, command: String? = nil) -> String {
        var out: [String] = []
        out.append("# Walkthrough: \(comment(tour.title))" + (command.map { " (written by `\(comment($0))`)" } ?? ""))
        out.append("# Run it with `octopus walk FILE`; add --projector in the room (F5 switches).")
        out.append("# Each step: an address (art29, PT, ws3/topic-2), and optionally a heading (a short one")
        out.append("# is drawn in large letters on a projector), notes (yours: hidden on the projector")
        out.append("# unless you press p) and minutes (1-600; a topic's own plan if left out).")
        out.append("title: \(quoted(tour.title))")
        out.append("steps:")
        for step in tour.steps {
            out.append("  - address: \(quoted(step.target.address))")
            if let heading = step.heading {
                out.append("    heading: \(quoted(heading))")
            } else {
                out.append("    # heading: \(quoted(step.title(in: kb)))")
            }
            if let m = step.minutes { out.append("    minutes: \(m)") }
            switch step.notes.count {
            case 0: out.append("    # notes: \"what you want to remember to say\"")
            case 1: out.append("    notes: \(quoted(step.notes[0]))")
            default:
                out.append("    notes:")
                for n in step.notes { out.append("      - \(quoted(n))") }
            }
            let links = links(of: step, in: kb)
            if !links.isEmpty { out.append("    # links: \(comment(links.joined(separator: ", ")))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Record ids the step links to: a hint for steps a facilitator may want to add.
    static func links(of step: Tour.Step, in kb: KnowledgeBase) -> [String] {
        if let t = step.topic(in: kb) { return t.links }
        if case .session(let s)? = kb.record(step.target.recordID) { return s.links }
        return kb.record(step.target.recordID)?.links ?? []
    }

    /// A YAML double-quoted scalar. Control characters, bidi overrides and line separators are
    /// escaped, so the file shows exactly what it holds and cannot drive a terminal when printed.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if Sanitizer.isUnsafe(s) || s.value == 0xFEFF {
                    let hex = String(s.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    /// Text for a `#` comment: one line, no control characters.
    static func comment(_ text: String) -> String { Sanitizer.clean(text) }
}
