/// Each record type written to and read from the compiled image, field by field in declaration
/// order (`KnowledgeBaseImage.formatVersion` changes whenever a field does).
extension Provenance {
    func write(to w: inout ImageWriter) { w.strings(sources); w.day(asOf); w.strings(inferred) }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(sources: try r.strings(), asOf: try r.day(), inferred: try r.strings())
    }
}

extension Month {
    init(year: Int, month: Int) { self.year = year; self.month = month }
}

extension EventDate {
    func write(to w: inout ImageWriter) {
        switch self {
        case .exact(let d): w.int(0); w.day(d)
        case .between(let a, let b): w.int(1); w.day(a); w.day(b)
        case .unknown(let after, let by): w.int(2); w.optional(after) { $0.day($1) }; w.day(by)
        }
    }
    init(from r: inout ImageReader) throws(ImageError) {
        switch try r.int() {
        case 0: self = .exact(try r.day())
        case 1: self = .between(try r.day(), try r.day())
        case 2: self = .unknown(after: try r.optional { r throws(ImageError) in try r.day() }, by: try r.day())
        case let n: throw ImageError(description: "no event date of form \(n)")
        }
    }
}

extension Treaty {
    func write(to w: inout ImageWriter) {
        w.string(id); w.raw(role); w.optional(reservationsArticle) { $0.string($1) }; w.optional(declarationsArticle) { $0.string($1) }
        w.string(title); w.string(shortTitle); w.strings(aliases); w.optional(openedForSignature) { $0.day($1) }
        w.optional(place) { $0.string($1) }; w.optional(entryIntoForce) { $0.day($1) }; w.optional(entryIntoForceRule) { $0.string($1) }
        w.string(summary); w.strings(keyPoints); w.strings(links)
        w.array(publishedCounts) { w, c in
            w.day(c.date); w.int(c.parties); w.optional(c.signatories) { $0.int($1) }; w.optional(c.invited) { $0.int($1) }
            w.strings(c.sources); w.optional(c.note) { $0.string($1) }; w.optional(c.gap) { $0.string($1) }
        }
        provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            id: try r.string(), role: try r.raw(TreatyRole.self), reservationsArticle: try r.optional { r throws(ImageError) in try r.string() },
            declarationsArticle: try r.optional { r throws(ImageError) in try r.string() }, title: try r.string(), shortTitle: try r.string(),
            aliases: try r.strings(), openedForSignature: try r.optional { r throws(ImageError) in try r.day() },
            place: try r.optional { r throws(ImageError) in try r.string() }, entryIntoForce: try r.optional { r throws(ImageError) in try r.day() },
            entryIntoForceRule: try r.optional { r throws(ImageError) in try r.string() }, summary: try r.string(), keyPoints: try r.strings(),
            links: try r.strings(),
            publishedCounts: try r.array { r throws(ImageError) in
                PublishedCount(
                    date: try r.day(), parties: try r.int(), signatories: try r.optional { r throws(ImageError) in try r.int() },
                    invited: try r.optional { r throws(ImageError) in try r.int() }, sources: try r.strings(),
                    note: try r.optional { r throws(ImageError) in try r.string() }, gap: try r.optional { r throws(ImageError) in try r.string() })
            },
            provenance: try Provenance(from: &r))
    }
}

extension Article {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(treaty); w.raw(treatyRole); w.int(number); w.string(title); w.string(chapter)
        w.optional(section) { $0.string($1) }; w.optional(titleGroup) { $0.string($1) }; w.string(summary); w.strings(keyPoints)
        w.array(reservations) {
            $0.string($1.provision); $0.string($1.text)
        }
        w.array(declarations) {
            $0.string($1.provision); $0.string($1.text)
        }
        w.array(counterparts) {
            $0.string($1.article); $0.raw($1.kind)
        }
        w.strings(links); provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        func provision(_ r: inout ImageReader) throws(ImageError) -> Provision { Provision(provision: try r.string(), text: try r.string()) }
        self.init(
            id: try r.string(), treaty: try r.string(), treatyRole: try r.raw(TreatyRole.self), number: try r.int(), title: try r.string(),
            chapter: try r.string(), section: try r.optional { r throws(ImageError) in try r.string() },
            titleGroup: try r.optional { r throws(ImageError) in try r.string() }, summary: try r.string(), keyPoints: try r.strings(),
            reservations: try r.array(provision), declarations: try r.array(provision),
            counterparts: try r.array { r throws(ImageError) in Counterpart(article: try r.string(), kind: try r.raw(Counterpart.Kind.self)) },
            links: try r.strings(), provenance: try Provenance(from: &r))
    }
}

extension Session {
    func write(to w: inout ImageWriter) {
        w.string(id); w.raw(kind); w.optional(number) { $0.int($1) }; w.string(title); w.optional(date) { $0.day($1) }
        w.string(summary); w.strings(aims)
        w.array(topics) { w, t in
            w.string(t.id); w.string(t.title); w.string(t.summary); w.strings(t.keyPoints); w.optional(t.minutes) { $0.int($1) }
            w.strings(t.questions); w.strings(t.links)
        }
        w.strings(questions); w.strings(links); provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            id: try r.string(), kind: try r.raw(Kind.self), number: try r.optional { r throws(ImageError) in try r.int() }, title: try r.string(),
            date: try r.optional { r throws(ImageError) in try r.day() }, summary: try r.string(), aims: try r.strings(),
            topics: try r.array { r throws(ImageError) in
                Topic(
                    id: try r.string(), title: try r.string(), summary: try r.string(), keyPoints: try r.strings(),
                    minutes: try r.optional { r throws(ImageError) in try r.int() }, questions: try r.strings(), links: try r.strings())
            },
            questions: try r.strings(), links: try r.strings(), provenance: try Provenance(from: &r))
    }
}

extension Country {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(name); w.optional(nameFr) { $0.string($1) }; w.strings(aliases); w.string(region)
        w.bool(coeMember2010); w.bool(draftingParticipant); w.string(summary)
        w.array(events) { w, e in
            w.string(e.treaty); w.raw(e.kind); e.date.write(to: &w); w.strings(e.sources); w.bool(e.unconfirmed); w.optional(e.note) { $0.string($1) }
        }
        w.array(statements) { w, s in
            w.string(s.treaty); w.raw(s.kind); w.string(s.provision); w.strings(s.articles); w.raw(s.made); w.optional(s.date) { $0.day($1) }
            w.optional(s.withdrawn) { $0.day($1) }; w.string(s.summary); w.strings(s.sources); w.optional(s.note) { $0.string($1) }
        }
        w.array(formerNames) {
            $0.string($1.name); $0.day($1.before); $0.strings($1.sources)
        }
        w.optional(partOf) {
            $0.string($1.state); $0.string($1.name); $0.day($1.before); $0.strings($1.sources)
        }
        w.optional(profile) {
            $0.int($1.date.year); $0.int($1.date.month); $0.strings($1.sources)
        }
        w.array(facts) {
            $0.string($1.text); $0.strings($1.sources)
        }
        w.strings(links); provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            id: try r.string(), name: try r.string(), nameFr: try r.optional { r throws(ImageError) in try r.string() }, aliases: try r.strings(),
            region: try r.string(), coeMember2010: try r.bool(), draftingParticipant: try r.bool(), summary: try r.string(),
            events: try r.array { r throws(ImageError) in
                TreatyEvent(
                    treaty: try r.string(), kind: try r.raw(TreatyEvent.Kind.self), date: try EventDate(from: &r), sources: try r.strings(),
                    unconfirmed: try r.bool(), note: try r.optional { r throws(ImageError) in try r.string() })
            },
            statements: try r.array { r throws(ImageError) in
                Statement(
                    treaty: try r.string(), kind: try r.raw(Statement.Kind.self), provision: try r.string(), articles: try r.strings(),
                    made: try r.raw(Statement.Occasion.self), date: try r.optional { r throws(ImageError) in try r.day() },
                    withdrawn: try r.optional { r throws(ImageError) in try r.day() }, summary: try r.string(), sources: try r.strings(),
                    note: try r.optional { r throws(ImageError) in try r.string() })
            },
            formerNames: try r.array { r throws(ImageError) in FormerName(name: try r.string(), before: try r.day(), sources: try r.strings()) },
            partOf: try r.optional { r throws(ImageError) in
                UnionMembership(state: try r.string(), name: try r.string(), before: try r.day(), sources: try r.strings())
            },
            profile: try r.optional { r throws(ImageError) in
                let year = try r.int(), month = try r.int()
                guard (1...9999).contains(year), (1...12).contains(month) else { throw ImageError(description: "no month \(year)-\(month)") }
                return CountryProfile(date: Month(year: year, month: month), sources: try r.strings())
            },
            facts: try r.array { r throws(ImageError) in SourcedFact(text: try r.string(), sources: try r.strings()) },
            links: try r.strings(), provenance: try Provenance(from: &r))
    }
}

extension Organisation {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(name); w.strings(aliases); w.string(kind); w.string(summary); w.strings(keyPoints); w.strings(links)
        provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            id: try r.string(), name: try r.string(), aliases: try r.strings(), kind: try r.string(), summary: try r.string(),
            keyPoints: try r.strings(), links: try r.strings(), provenance: try Provenance(from: &r))
    }
}

extension GlossaryTerm {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(term); w.strings(aliases); w.string(definition); w.strings(links); provenance.write(to: &w)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            id: try r.string(), term: try r.string(), aliases: try r.strings(), definition: try r.string(), links: try r.strings(),
            provenance: try Provenance(from: &r))
    }
}

extension Conference {
    func write(to w: inout ImageWriter) {
        w.string(name); w.string(place); w.day(startDate); w.day(endDate); w.string(summary); w.strings(sources)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        self.init(
            name: try r.string(), place: try r.string(), startDate: try r.day(), endDate: try r.day(), summary: try r.string(),
            sources: try r.strings())
    }
}

extension SupportArea {
    func write(to w: inout ImageWriter) {
        w.string(id); w.string(title); w.string(short); w.string(summary)
        w.array(indicators) { w, i in
            w.string(i.id); w.string(i.label); w.string(i.meaning); w.raw(i.counts); w.strings(i.sources)
            switch i.test {
            case .party(let t): w.int(0); w.string(t)
            case .signed(let t): w.int(1); w.string(t)
            case .statement(let t, let articles, let kind, let absenceKnown):
                w.int(2); w.string(t); w.strings(articles); w.optional(kind) { $0.raw($1) }; w.int(absenceKnown ? 1 : 0)
            case .profile: w.int(3)
            }
        }
        w.optional(notRecorded) { $0.string($1) }; w.strings(sources)
    }
    init(from r: inout ImageReader) throws(ImageError) {
        let id = try r.string(), title = try r.string(), short = try r.string(), summary = try r.string()
        let indicators = try r.array { r throws(ImageError) in
            let id = try r.string(), label = try r.string(), meaning = try r.string(), counts = try r.raw(Indicator.Counts.self), sources = try r.strings()
            let test: Indicator.Test
            switch try r.int() {
            case 0: test = .party(treaty: try r.string())
            case 1: test = .signed(treaty: try r.string())
            case 2:
                test = .statement(
                    treaty: try r.string(), articles: try r.strings(), kind: try r.optional { r throws(ImageError) in try r.raw(Statement.Kind.self) },
                    absenceKnown: try r.int() != 0)
            case 3: test = .profile
            case let n: throw ImageError(description: "no indicator test of form \(n)")
            }
            return Indicator(id: id, label: label, meaning: meaning, test: test, counts: counts, sources: sources)
        }
        self.init(
            id: id, title: title, short: short, summary: summary, indicators: indicators,
            notRecorded: try r.optional { r throws(ImageError) in try r.string() }, sources: try r.strings())
    }
}
