/// A facilitator's walkthrough: a title and the steps shown one screen at a time. Built from a
/// session's agenda (`Tour.from(session:)`) or read from a small JSON or YAML file (`TourLoader`),
/// which resolves every address against the knowledge base, so a `Tour` never names a missing record.
public struct Tour: Sendable, Hashable {
    /// What a step shows: a whole record, or one topic of a session's agenda.
    public enum Target: Sendable, Hashable {
        case record(String)
        case topic(session: String, topic: String)

        /// The record the step belongs to (the session, for a topic): where notes and links live.
        public var recordID: String {
            switch self {
            case .record(let id): id
            case .topic(let session, _): session
            }
        }

        /// The canonical address, as `octopus walk --new` writes it: `art29`, `ws3/topic-2`.
        public var address: String {
            switch self {
            case .record(let id): id
            case .topic(let session, let topic): "\(session)/\(topic)"
            }
        }
    }

    public struct Step: Sendable, Hashable {
        /// The address as the facilitator wrote it (`art 29`, `Portugal`), kept for messages.
        public var address: String
        public var target: Target
        /// Replaces the record's or topic's title on screen; short ones fit in large letters.
        public var heading: String?
        /// The facilitator's own notes from the tour file: shown only in the presenter pane.
        public var notes: [String]
        /// Planned minutes: the file's, else the topic's plan in the knowledge base; nil if neither.
        public var minutes: Int?

        public init(address: String, target: Target, heading: String? = nil, notes: [String] = [], minutes: Int? = nil) {
            self.address = address; self.target = target; self.heading = heading; self.notes = notes; self.minutes = minutes
        }
    }

    /// Where the tour came from, for the title bar and messages.
    public enum Origin: Sendable, Hashable {
        case session(String)
        case file(String)
    }

    public var title: String
    public var steps: [Step]
    public var origin: Origin

    public init(title: String, steps: [Step], origin: Origin) {
        self.title = title; self.steps = steps; self.origin = origin
    }

    /// Limits that keep a tour something a room can sit through, and step numbers short to type.
    public static let maxSteps = 999
    public static let minutesRange = 1...600

    /// The default tour of a session: one step per agenda topic with its planned minutes. A session
    /// without topics becomes a single step showing the whole session.
    public static func from(session: Session) -> Tour {
        let steps: [Step]
        if session.topics.isEmpty {
            steps = [Step(address: session.id, target: .record(session.id))]
        } else {
            steps = session.topics.map { t in
                Step(address: "\(session.id)/\(t.id)", target: .topic(session: session.id, topic: t.id), minutes: t.minutes)
            }
        }
        return Tour(title: Record.session(session).title, steps: steps, origin: .session(session.id))
    }

    /// Sum of the steps' planned minutes (steps without a plan count as zero).
    public var plannedMinutes: Int { steps.compactMap(\.minutes).reduce(0, +) }

    /// The session the tour was made from, if it was (a tour file is no session's).
    public func session(in kb: KnowledgeBase) -> Session? {
        guard case .session(let id) = origin, case .session(let s)? = kb.record(id) else { return nil }
        return s
    }
}

extension Tour.Step {
    /// The facilitator's notes for the step: the tour file's, then their own notebook's on the
    /// step's record or topic address (`notebook` by record id or `ws3/topic-2`); blank ones left out.
    public func presenterNotes(notebook: [String: [String]]) -> [String] {
        var keys = [target.recordID]
        if case .topic = target { keys.append(target.address) }
        return (notes + keys.flatMap { notebook[$0] ?? [] }).filter { !$0.isBlank }
    }

    /// The topic the step shows, if it is a topic step.
    public func topic(in kb: KnowledgeBase) -> Topic? {
        guard case .topic(let session, let topic) = target, case .session(let s)? = kb.record(session) else { return nil }
        return s.topics.first { $0.id == topic }
    }

    /// The title shown for the step: the facilitator's heading, else the topic's or record's title.
    /// Cleaned of control characters, since it may come from a file.
    public func title(in kb: KnowledgeBase) -> String {
        if let heading { return Sanitizer.clean(heading) }
        if let t = topic(in: kb) { return Sanitizer.clean(t.title) }
        return Sanitizer.clean(kb.record(target.recordID)?.title ?? address)
    }
}
