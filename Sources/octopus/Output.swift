import FoundationEssentials
import Glibc
import OctopusKit

/// Plain-text listings and the non-interactive home page.
enum PlainList {
    static func render(_ records: [Record], kb: KnowledgeBase, at date: Day) -> String {
        var out = ""
        let idWidth = records.map(\.id.count).max() ?? 4
        for r in records {
            var line = TextWidth.pad(r.id, to: idWidth + 2)
            if case .country(let c) = r { line += c.displayName(at: date) } else { line += r.shortTitle }
            if case .country(let c) = r, c.isPartOfAnother(on: date), let u = c.partOf {
                line += "  [part of \(u.name) on this date; counted as \(u.state)]"
            } else if case .country(let c) = r {
                line +=
                    "  ["
                    + kb.trackedTreaties.map { "\(kb.treaty($0)?.aliases.first ?? $0): \(c.status($0, at: date).standing.rawValue)" }.joined(separator: "; ")
                    + "]"
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
        var out =
            kb.conference.name + " — " + kb.conference.place
            + ", \(kb.conference.startDate.long) to \(kb.conference.endDate.long)\n"
        out += "Knowledge base as of \(kb.asOf); treaty status shown at \(date.long).\n\n"
        for kind in [RecordKind.session, .article, .country, .treaty, .organisation, .term] {
            out += "  \(String(kb.count(kind)).leftPad(4))  \(kind.plural)\n"
        }
        if let convention = kb.convention {
            let parties = kb.parties(of: convention.id, at: date).count, signed = kb.signatories(of: convention.id, at: date).count
            let undecided = kb.undecidedParties(of: convention.id, at: date).count
            out +=
                "\n\(convention.shortTitle) on \(date.long): \(signed) signatories, \(parties) Parties"
                + (undecided == 0 ? "" : " (+\(undecided) whose deposit date is within a window or unknown)") + ".\n"
        }
        out += "Try: octopus show art29 · octopus show PT · octopus list sessions · octopus --help\n"
        return out
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
