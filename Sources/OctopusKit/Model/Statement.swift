/// A reservation or declaration a State made to a treaty (Art. 42 and Art. 40 of ETS 185; Art. 12
/// of ETS 189): under which provision, when it was made, whether it was withdrawn, and what it says
/// in the base's own words.
public struct Statement: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case reservation, declaration
    }

    /// When the State made it: on signing, with its instrument of ratification or accession, by a
    /// later letter, or on a day whose occasion the sources do not give (`unrecorded`).
    public enum Occasion: String, Sendable, Hashable, CaseIterable {
        case signature, deposit, later, unrecorded

        public var phrase: String {
            switch self {
            case .signature: "made at signature"
            case .deposit: "made with the instrument deposited"
            case .later: "made by a later letter"
            case .unrecorded: "made"
            }
        }
    }

    public var treaty: String
    public var kind: Kind
    /// The article and paragraph it is made under, as written: "Art. 22(2)", "Arts 24(7), 27(2), 35".
    public var provision: String
    /// The articles it concerns, the substantive one first.
    public var articles: [String]
    public var made: Occasion
    /// The day it was made; nil when the sources do not give it: one made at deposit then has the
    /// deposit's day or window (`Country.dateMade`), any other a `note` saying what is known.
    public var date: Day?
    public var withdrawn: Day?
    public var summary: String
    public var sources: [String]
    public var note: String?

    public init(
        treaty: String, kind: Kind, provision: String, articles: [String], made: Occasion, date: Day?,
        withdrawn: Day? = nil, summary: String, sources: [String], note: String? = nil
    ) {
        self.treaty = treaty; self.kind = kind; self.provision = provision; self.articles = articles; self.made = made
        self.date = date; self.withdrawn = withdrawn; self.summary = summary; self.sources = sources; self.note = note
    }
}

extension Country {
    /// Its statements to one treaty, in the order they were made.
    public func statements(for treaty: String) -> [Statement] { statements.filter { $0.treaty == treaty } }

    /// When it made the statement: the statement's own day, or, for one made with the instrument
    /// and given no day of its own, the deposit's day or window, since it is part of the
    /// instrument (so the two cannot disagree); nil when neither is known.
    public func dateMade(_ s: Statement) -> EventDate? {
        if let d = s.date { return .exact(d) }
        guard s.made == .deposit else { return nil }
        return events.deposit(of: s.treaty)?.date
    }

    /// Was it in effect on the day: made by then and not yet withdrawn? nil when the sources
    /// cannot say (its day unknown, or the day inside its deposit's window).
    public func inEffect(_ s: Statement, on day: Day) -> Bool? {
        if let w = s.withdrawn, w <= day { return false }
        return dateMade(s)?.happened(by: day)
    }

    /// "made with the instrument deposited on 29 September 2006; withdrawn on 1 May 2015", "made
    /// with the instrument deposited between 1 January 2007 and 31 January 2007".
    public func when(_ s: Statement) -> String {
        var text = s.made.phrase
        switch dateMade(s) {
        case .exact(let d)?: text += " on \(d.long)"
        case let d?: text += " \(d.long)"
        case nil: text += ", date not recorded"
        }
        if let w = s.withdrawn { text += "; withdrawn on \(w.long)" }
        return text
    }
}

extension KnowledgeBase {
    /// Who had made a statement on this article and still kept it on the day, with the statement:
    /// the "made by" list of an article page. Statements whose day is unknown come last, apart.
    public func statements(on article: String, at day: Day) -> (inEffect: [(Country, Statement)], undated: [(Country, Statement)]) {
        var inEffect: [(Country, Statement)] = [], undated: [(Country, Statement)] = []
        for c in countriesWithStatements where !c.isPartOfAnother(on: day) {
            for s in c.statements where s.articles.contains(article) {
                switch c.inEffect(s, on: day) {
                case true: inEffect.append((c, s))
                case nil: undated.append((c, s))
                default: break
                }
            }
        }
        return (inEffect, undated)
    }
}
