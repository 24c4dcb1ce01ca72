/// What changed between two knowledge bases, in the terms a delegate cares about: new treaty
/// steps by kind and State; steps whose date was corrected, newly confirmed by a source, or
/// re-sourced; removed ones; reservations and declarations made, revised or withdrawn; and
/// records added, removed or reworded.
public struct KnowledgeBaseDiff: Sendable, Hashable {
    /// One treaty step of one State.
    public struct Step: Sendable, Hashable {
        public var country: String, name: String, treaty: String, kind: TreatyEvent.Kind, date: String
        /// The treaty as people write it ("ETS 185").
        public var treatyName: String
        /// The date it had before, when a correction changed it.
        public var previous: String? = nil
    }
    /// One reservation or declaration of one State.
    public struct StatementChange: Sendable, Hashable {
        public var country: String, name: String, treaty: String, provision: String, kind: Statement.Kind
        public var treatyName: String
    }
    /// A record, by id and title.
    public struct RecordRef: Sendable, Hashable {
        public var id: String, title: String
    }

    public var newSteps: [Step] = [], correctedSteps: [Step] = [], removedSteps: [Step] = []
    /// Same day, now confirmed by a source; same day, other sources or note (or no longer confirmed).
    public var confirmedSteps: [Step] = [], resourcedSteps: [Step] = []
    public var newStatements: [StatementChange] = [], changedStatements: [StatementChange] = [], removedStatements: [StatementChange] = []
    public var added: [RecordRef] = [], removed: [RecordRef] = [], reworded: [RecordRef] = []
    public var oldAsOf: Day, newAsOf: Day
    private var treatyNames: [String: String] = [:]

    public var isEmpty: Bool {
        newSteps.isEmpty && correctedSteps.isEmpty && confirmedSteps.isEmpty && resourcedSteps.isEmpty && removedSteps.isEmpty
            && newStatements.isEmpty && changedStatements.isEmpty
            && removedStatements.isEmpty && added.isEmpty && removed.isEmpty && reworded.isEmpty
    }

    public init(old: KnowledgeBase, new: KnowledgeBase) {
        oldAsOf = old.asOf; newAsOf = new.asOf
        for t in old.treaties + new.treaties { treatyNames[t.id] = t.shortTitle }
        let before = Dictionary(old.allRecords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.allRecords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for r in new.allRecords where before[r.id] == nil { added.append(RecordRef(id: r.id, title: r.shortTitle)) }
        for r in old.allRecords where after[r.id] == nil { removed.append(RecordRef(id: r.id, title: r.shortTitle)) }
        for r in new.allRecords {
            guard let o = before[r.id], o != r else { continue }
            if case .country(let a) = o, case .country(let b) = r {
                compareTreatyRecord(a, b)
                if Self.withoutTreatyRecord(a) != Self.withoutTreatyRecord(b) { reworded.append(RecordRef(id: r.id, title: r.shortTitle)) }
            } else {
                reworded.append(RecordRef(id: r.id, title: r.shortTitle))
            }
        }
        // A State new to the base brings its steps and statements with it.
        for case .country(let c) in new.allRecords where before[c.id] == nil { compareTreatyRecord(Self.withoutTreatyRecord(c), c) }
    }

    /// A State's steps (one per treaty and kind) and statements (by treaty, kind and provision):
    /// the same one with another date, text or source is a correction, not a new one.
    private mutating func compareTreatyRecord(_ a: Country, _ b: Country) {
        func step(_ e: TreatyEvent, was old: TreatyEvent? = nil) -> Step {
            Step(
                country: b.id, name: b.name, treaty: e.treaty, kind: e.kind, date: e.date.long, treatyName: treatyNames[e.treaty] ?? e.treaty,
                previous: old.map(\.date.long))
        }
        func change(_ s: Statement) -> StatementChange {
            StatementChange(country: b.id, name: b.name, treaty: s.treaty, provision: s.provision, kind: s.kind, treatyName: treatyNames[s.treaty] ?? s.treaty)
        }
        let steps = Self.compare(a.events, b.events) { "\($0.treaty) \($0.kind.rawValue)" }
        newSteps += steps.new.map { step($0) }; removedSteps += steps.removed.map { step($0) }
        for (old, new) in steps.changed {
            if old.date != new.date {
                correctedSteps.append(step(new, was: old))
            } else if old.unconfirmed && !new.unconfirmed {
                confirmedSteps.append(step(new))
            } else {
                resourcedSteps.append(step(new))
            }
        }
        let statements = Self.compare(a.statements, b.statements) { "\($0.treaty) \($0.kind.rawValue) \($0.provision)" }
        newStatements += statements.new.map(change); changedStatements += statements.changed.map { change($0.new) }
        removedStatements += statements.removed.map(change)
    }

    /// What is in `b` and not in `a` by key, what has the same key and differs (with what it was),
    /// and what is gone. A key may hold several (Denmark's two Art. 9(4) reservations): exact
    /// matches are set aside first, then what is left under a key pairs up in order as changed,
    /// and the surplus is new or gone.
    static func compare<T: Hashable>(_ a: [T], _ b: [T], key: (T) -> String) -> (new: [T], changed: [(old: T, new: T)], removed: [T]) {
        var unmatched = Dictionary(grouping: a.enumerated(), by: { key($0.element) })
        var leftovers: [(key: String, value: T)] = []
        for v in b {
            let k = key(v)
            if let i = unmatched[k]?.firstIndex(where: { $0.element == v }) { unmatched[k]?.remove(at: i) } else { leftovers.append((k, v)) }
        }
        var out: (new: [T], changed: [(old: T, new: T)], removed: [T]) = ([], [], [])
        for (k, v) in leftovers {
            if let old = unmatched[k]?.first {
                unmatched[k]?.removeFirst()
                out.changed.append((old.element, v))
            } else {
                out.new.append(v)
            }
        }
        out.removed = unmatched.values.joined().sorted { $0.offset < $1.offset }.map(\.element)
        return out
    }

    static func withoutTreatyRecord(_ c: Country) -> Country {
        var c = c
        c.events = []; c.statements = []
        return c
    }

    /// The report, one line per kind of change: "3 new ratifications or accessions (Panama, Sri
    /// Lanka, Tonga)". `notesOn` tells how many of the user's notes are on a record, so that a
    /// removed record's notes are said to be kept.
    public func report(notesOn: (String) -> Int = { _ in 0 }) -> [String] {
        var lines: [String] = []
        if newAsOf != oldAsOf { lines.append("As of \(newAsOf.long) (was \(oldAsOf.long)).") }
        let groups: [(String, String, Set<TreatyEvent.Kind>)] = [
            ("new ratification or accession", "new ratifications or accessions", [.ratification, .accession]),
            ("new signature", "new signatures", [.signature]),
            ("new entry into force", "new entries into force", [.entryIntoForce]),
            ("new invitation to accede", "new invitations to accede", [.invitation]),
        ]
        for (one, many, kinds) in groups {
            let steps = newSteps.filter { kinds.contains($0.kind) }
            if !steps.isEmpty {
                lines.append(Self.counted(steps.count, one, many) + " (" + Self.names(steps.map { "\($0.name), \($0.treatyName), \($0.date)" }) + ")")
            }
        }
        let stepGroups = [
            (correctedSteps, "treaty date corrected", "treaty dates corrected"),
            (confirmedSteps, "treaty date now confirmed by a source", "treaty dates now confirmed by a source"),
            (resourcedSteps, "treaty step with its sources or note revised", "treaty steps with their sources or notes revised"),
        ]
        for (list, one, many) in stepGroups where !list.isEmpty {
            let named = list.map { "\($0.name), \($0.treatyName) \($0.kind.label) \($0.date)" + ($0.previous.map { ", was \($0)" } ?? "") }
            lines.append(Self.counted(list.count, one, many) + " (" + Self.names(named) + ")")
        }
        if !removedSteps.isEmpty {
            lines.append(
                Self.counted(removedSteps.count, "treaty step removed", "treaty steps removed") + " ("
                    + Self.names(removedSteps.map { "\($0.name), \($0.treatyName) \($0.kind.label)" }) + ")")
        }
        let statementGroups = [
            (newStatements, "new reservation or declaration", "new reservations or declarations"),
            (changedStatements, "reservation or declaration revised", "reservations or declarations revised"),
            (removedStatements, "reservation or declaration removed", "reservations or declarations removed"),
        ]
        for (list, one, many) in statementGroups where !list.isEmpty {
            lines.append(Self.counted(list.count, one, many) + " (" + Self.names(list.map { "\($0.name), \($0.treatyName) \($0.provision)" }) + ")")
        }
        if !added.isEmpty { lines.append(Self.counted(added.count, "record added", "records added") + " (" + Self.names(added.map(\.title)) + ")") }
        if !reworded.isEmpty {
            lines.append(Self.counted(reworded.count, "record reworded", "records reworded") + " (" + Self.names(reworded.map(\.title)) + ")")
        }
        if !removed.isEmpty {
            let noted = removed.filter { notesOn($0.id) > 0 }
            var line = Self.counted(removed.count, "record removed", "records removed") + " (" + Self.names(removed.map(\.title)) + ")"
            if !noted.isEmpty {
                line +=
                    noted.count == 1 && notesOn(noted[0].id) == 1
                    ? "; your note on \(noted[0].title) is kept and listed as orphaned"
                    : "; your notes on \(Self.names(noted.map(\.title))) are kept and listed as orphaned"
            }
            lines.append(line)
        }
        if lines.isEmpty || (lines.count == 1 && newAsOf != oldAsOf && isEmpty) { lines.append("No record changed.") }
        return lines
    }

    static func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// Up to eight names, then "and N more".
    static func names(_ list: [String]) -> String {
        let shown = list.prefix(8).joined(separator: "; ")
        return list.count > 8 ? shown + "; and \(list.count - 8) more" : shown
    }
}
