/// What the room sees of a walk at one moment, as the presenter's octopus sends it to the room's
/// (and to delegates following along): the step, how far it is scrolled, whether the screen is
/// blanked, the record opened from one of its links, and the status date its pages read. Nothing
/// of the presenter's own (notes, the clock, the agenda) is in it.
public struct WalkCue: Sendable, Hashable, Codable {
    /// Index of the step (0-based).
    public var step: Int
    /// How far the step is scrolled, as a share of what can scroll (0 the top, 1 the bottom): the
    /// room's screen is not the presenter's size, so a line number would point elsewhere.
    public var scroll: Double
    public var blanked: Bool
    /// The record opened from a link of the step (Esc in the presenter closes it in the room too).
    public var open: String?
    /// How far that record's page is scrolled, as a share.
    public var openScroll: Double
    /// The status date, YYYY-MM-DD: a country step reads treaty status at it.
    public var date: String
    /// The status date as a day (nil when what arrived was not one).
    public var day: Day? { Day(date) }

    public init(step: Int, scroll: Double = 0, blanked: Bool = false, open: String? = nil, openScroll: Double = 0, date: Day = .conference) {
        self.step = step; self.scroll = scroll; self.blanked = blanked; self.open = open; self.openScroll = openScroll
        self.date = date.description
    }

    /// A share of a scrollable range, from a line and the last line it can be at.
    public static func share(_ line: Int, of maxLine: Int) -> Double {
        maxLine <= 0 ? 0 : min(1, max(0, Double(line) / Double(maxLine)))
    }

    /// The line a share points at in a range that ends at `maxLine`; anything out of range
    /// (a hostile or damaged value) lands at the top or the bottom.
    public static func line(_ share: Double, of maxLine: Int) -> Int {
        guard maxLine > 0, share.isFinite else { return 0 }
        return Int((min(1, max(0, share)) * Double(maxLine)).rounded())
    }
}

/// A tour as the room needs it: its title and, per step, the address, heading and planned
/// minutes. The presenter's notes are not in it, so they never leave the presenter's machine.
public struct TourOutline: Sendable, Hashable, Codable {
    public struct Step: Sendable, Hashable, Codable {
        public var address: String
        public var heading: String?
        public var minutes: Int?
    }

    public var title: String
    /// The session the tour was made from; nil for a tour file.
    public var session: String?
    public var steps: [Step]

    public init(_ tour: Tour) {
        title = tour.title
        if case .session(let id) = tour.origin { session = id }
        steps = tour.steps.map { Step(address: $0.target.address, heading: $0.heading, minutes: $0.minutes) }
    }

    /// The tour again, each address resolved in this knowledge base; nil (with the addresses it
    /// lacks) when the presenter's base has records this one does not, or the outline breaks the
    /// limits every tour keeps.
    public func tour(in kb: KnowledgeBase) -> Result<Tour, TourOutlineProblem> {
        guard !steps.isEmpty, steps.count <= Tour.maxSteps else { return .failure(.badShape("\(steps.count) steps")) }
        var out: [Tour.Step] = []
        var missing: [String] = []
        for s in steps {
            let target: Tour.Target
            let parts = s.address.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                guard case .session(let session)? = kb.record(parts[0]), session.topics.contains(where: { $0.id == parts[1] }) else {
                    missing.append(s.address)
                    continue
                }
                target = .topic(session: parts[0], topic: parts[1])
            } else {
                guard kb.record(s.address) != nil else { missing.append(s.address); continue }
                target = .record(s.address)
            }
            let minutes = s.minutes.flatMap { Tour.minutesRange.contains($0) ? $0 : nil }
            out.append(Tour.Step(address: s.address, target: target, heading: s.heading.map { Sanitizer.clean($0) }, minutes: minutes))
        }
        guard missing.isEmpty else { return .failure(.missing(missing)) }
        let origin: Tour.Origin = session.map { .session($0) } ?? .file(Sanitizer.clean(title))
        return .success(Tour(title: Sanitizer.clean(title), steps: out, origin: origin))
    }
}

public enum TourOutlineProblem: Error, Sendable, Hashable, CustomStringConvertible {
    case missing([String])
    case badShape(String)

    public var description: String {
        switch self {
        case .missing(let addresses):
            let shown = addresses.prefix(3).map { Sanitizer.clean($0) }.joined(separator: ", ")
            return "the presenter's tour names records this knowledge base does not have (\(shown)\(addresses.count > 3 ? ", …" : "")); "
                + "the presenter's octopus may be newer: use the same version"
        case .badShape(let what): return "the presenter sent a tour this octopus cannot show (\(what))"
        }
    }
}
