/// What the base's facts answer to one indicator for one State at one date, with the facts it
/// rests on. An answer the facts cannot give is `unknown` with the reason, never "no".
public struct IndicatorReading: Sendable, Hashable {
    public enum Answer: String, Sendable, Hashable, CaseIterable {
        case yes, no, unknown
    }

    /// One fact the answer rests on, with its sources.
    public struct Evidence: Sendable, Hashable {
        public var text: String
        public var sources: [String]
    }

    public var indicator: Indicator
    public var answer: Answer
    public var evidence: [Evidence]
    /// For an indicator where a "no" is progress (no reservation to Art. 9): was the State a Party,
    /// bound by the article at all? A State that was not has no progress to show (nil: unknown).
    public var bound: Bool? = true

    /// Does the answer show progress in the area (nil: unknown, or an indicator that counts neither way)?
    public var progress: Bool? {
        switch (indicator.counts, answer) {
        case (.neither, _): nil
        case (.no, _) where bound == false: false
        case (.no, _) where bound == nil: nil
        case (_, .unknown): nil
        case (.yes, let a): a == .yes
        case (.no, let a): a == .no
        }
    }

    /// Every source the answer rests on, each once, in order.
    public var sources: [String] {
        var seen = Set<String>()
        return evidence.flatMap(\.sources).filter { seen.insert($0).inserted }
    }
}

extension KnowledgeBase {
    /// The answer the facts give to an indicator for a State on a day.
    public func read(_ indicator: Indicator, for country: Country, at date: Day) -> IndicatorReading {
        let (answer, evidence): (IndicatorReading.Answer, [IndicatorReading.Evidence])
        switch indicator.test {
        case .party(let treaty): (answer, evidence) = readParty(treaty, country, date)
        case .signed(let treaty): (answer, evidence) = readSigned(treaty, country, date)
        case .statement(let treaty, let articles, let kind, let absenceKnown):
            (answer, evidence) = readStatements(treaty, articles, kind, absenceKnown, indicator, country, date)
        case .profile: (answer, evidence) = readProfile(country, date)
        }
        var reading = IndicatorReading(indicator: indicator, answer: answer, evidence: evidence)
        if indicator.counts == .no, case .statement(let treaty, _, _, _) = indicator.test {
            switch readParty(treaty, country, date).0 {
            case .yes: break
            case .no:
                reading.bound = false
                reading.evidence.append(.init(text: "It was not a Party on \(date.long), so having none does not count as progress.", sources: []))
            case .unknown: reading.bound = nil
            }
        }
        return reading
    }

    private typealias Answered = (IndicatorReading.Answer, [IndicatorReading.Evidence])

    private func name(_ treaty: String) -> String {
        guard let t = self.treaty(treaty) else { return treaty }
        return "the \(t.shortTitle) (\(t.aliases.first ?? t.id))"
    }

    private func evidence(_ e: TreatyEvent, _ treaty: String) -> IndicatorReading.Evidence {
        let what =
            switch e.kind {
            case .invitation: "Invited to accede to \(name(treaty))"
            case .signature: "Signed \(name(treaty))"
            case .ratification: "Ratified \(name(treaty))"
            case .accession: "Acceded to \(name(treaty))"
            case .entryIntoForce: "\(name(treaty).prefix(1).uppercased() + name(treaty).dropFirst()) entered into force for it"
            }
        var text = "\(what): \(e.date.long)"
        if e.unconfirmed { text += " (date not confirmed in a source)" }
        return IndicatorReading.Evidence(text: text, sources: e.sources)
    }

    private func untracked(_ treaty: String) -> Answered? {
        guard !trackedTreaties.contains(treaty) else { return nil }
        return (.unknown, [.init(text: "This base records no dates for \(name(treaty)), so it cannot say.", sources: [])])
    }

    /// Can the absence of a State from the base's record of a treaty be read as "not a Party" on
    /// the day? Only where the published counts around the day show no gap in the record.
    private func absenceMeansNo(_ treaty: String, at date: Day, signatures: Bool = false) -> (Bool, IndicatorReading.Evidence?) {
        let counts = self.treaty(treaty)?.publishedCounts ?? []
        let before = counts.last { $0.date <= date }, after = counts.first { $0.date > date }
        if let gap = [before, after].compactMap({ $0 }).first(where: { $0.gap != nil }) {
            return (
                false,
                .init(
                    text:
                        "The base records fewer Parties than were published on \(gap.date.long) (\(gap.parties)), so a State missing from its record may yet have been one.",
                    sources: gap.sources)
            )
        }
        guard let anchor = before ?? after else { return (false, nil) }
        let counted = signatures ? anchor.signatories.map { "signatories agree with the \($0)" } : nil
        let text = "The base's \(counted ?? "Parties agree with the \(anchor.parties)") published for \(anchor.date.long)."
        return (true, .init(text: text, sources: anchor.sources))
    }

    private func readParty(_ treaty: String, _ c: Country, _ date: Day) -> Answered {
        if let u = untracked(treaty) { return u }
        let mine = c.events(for: treaty)
        let consent = mine.filter { [.ratification, .accession, .entryIntoForce].contains($0.kind) }
        if c.hasConsented(treaty, by: date) {
            return sourced(.yes, consent.filter { $0.date.happened(by: date) == true }.map { evidence($0, treaty) }, treaty, c, by: date)
        }
        if c.mayHaveConsented(treaty, by: date) {
            let open = consent.filter { $0.date.happened(by: date) == nil }
            return (
                .unknown,
                [
                    .init(
                        text: "\(c.status(treaty, at: date).label.prefix(1).uppercased() + c.status(treaty, at: date).label.dropFirst()).",
                        sources: open.flatMap(\.sources))
                ]
            )
        }
        var facts = mine.filter { $0.date.happened(by: date) == true }.map { evidence($0, treaty) }
        facts.append(.init(text: "No ratification or accession is recorded for it by \(date.long).", sources: []))
        // A protocol binds only Parties to its convention: not a Party to that, not to this.
        if self.treaty(treaty)?.role == .protocol, let convention, readParty(convention.id, c, date).0 == .no {
            let rule = articles.first { $0.treaty == treaty && $0.number == 9 }
            let text = "It was not a Party to \(name(convention.id)) on that day, and only its Parties can be bound by the Protocol (Protocol Art. 9)."
            return (.no, facts + [.init(text: text, sources: rule?.provenance.sources ?? [])])
        }
        let (complete, why) = absenceMeansNo(treaty, at: date)
        return (complete ? .no : .unknown, facts + (why.map { [$0] } ?? []))
    }

    private func readSigned(_ treaty: String, _ c: Country, _ date: Day) -> Answered {
        if let u = untracked(treaty) { return u }
        let mine = c.events(for: treaty)
        if c.hasConsented(treaty, by: date) {
            let party = readParty(treaty, c, date)
            let signature = mine.filter { $0.kind == .signature && $0.date.happened(by: date) == true }.map { evidence($0, treaty) }
            return (party.0, signature + party.1)
        }
        if let e = mine.first(where: { $0.kind == .signature && $0.date.happened(by: date) == true }) {
            return sourced(.yes, [evidence(e, treaty)], treaty, c, by: date, signatures: true)
        }
        if let e = mine.first(where: { [.signature, .ratification, .accession].contains($0.kind) && $0.date.happened(by: date) == nil }) {
            return (.unknown, [evidence(e, treaty)])
        }
        let (complete, why) = absenceMeansNo(treaty, at: date, signatures: true)
        let facts = [IndicatorReading.Evidence(text: "No signature is recorded for it by \(date.long).", sources: [])] + (why.map { [$0] } ?? [])
        return (complete ? .no : .unknown, facts)
    }

    /// A "yes" whose dates no source confirms rests instead on a published count that agrees with
    /// the base on a day between the event and the date; with none, the facts cannot say.
    private func sourced(
        _ answer: IndicatorReading.Answer, _ facts: [IndicatorReading.Evidence], _ treaty: String, _ c: Country, by date: Day, signatures: Bool = false
    ) -> Answered {
        guard facts.allSatisfy(\.sources.isEmpty) else { return (answer, facts) }
        let first = c.events(for: treaty).compactMap(\.date.earliest).min() ?? date
        for count in self.treaty(treaty)?.publishedCounts ?? [] where count.gap == nil && count.date >= first && count.date <= date {
            let published = signatures ? count.signatories : count.parties
            let recorded = signatures ? signatories(of: treaty, at: count.date) : parties(of: treaty, at: count.date)
            guard let published, published == recorded.count, recorded.contains(where: { $0.id == c.id }) else { continue }
            let what = signatures ? "signatories" : "Parties"
            return (
                answer,
                facts + [
                    .init(
                        text: "The base's \(published) \(what) on \(count.date.long), this State among them, agree with the count published for that day.",
                        sources: count.sources)
                ]
            )
        }
        return (.unknown, facts + [.init(text: "No source confirms this date, and no published count confirms it either.", sources: [])])
    }

    private func readStatements(
        _ treaty: String, _ articles: [String], _ kind: Statement.Kind?, _ absenceKnown: Bool, _ indicator: Indicator, _ c: Country, _ date: Day
    ) -> Answered {
        let matching = c.statements(for: treaty).filter { s in (kind.map { s.kind == $0 } ?? true) && s.articles.contains(where: articles.contains) }
        func fact(_ s: Statement) -> IndicatorReading.Evidence {
            .init(
                text: "\(s.kind.rawValue.prefix(1).uppercased() + s.kind.rawValue.dropFirst()) under \(s.provision), \(c.when(s)): \(s.summary)",
                sources: s.sources)
        }
        let kept = matching.filter { c.inEffect($0, on: date) == true }
        if !kept.isEmpty { return (.yes, kept.map(fact)) }
        let undated = matching.filter { c.inEffect($0, on: date) == nil }
        if !undated.isEmpty { return (.unknown, undated.map(fact)) }
        let past = matching.map(fact)  // made later, or withdrawn by the day
        let none = past.isEmpty ? "None is recorded for it" : "None was in effect on \(date.long)"
        let signed = readSigned(treaty, c, date)
        if signed.0 == .no {
            return (
                .no,
                past + signed.1 + [
                    .init(
                        text: "It had neither signed nor become a Party to \(name(treaty)) by \(date.long), so it kept no reservation or declaration to it.",
                        sources: [])
                ]
            )
        }
        if !absenceKnown {
            return (
                .unknown,
                past + [
                    .init(
                        text: "\(none) in the Council of Europe's list; States also notify these outside it, so the base cannot say.",
                        sources: indicator.sources)
                ]
            )
        }
        if date <= .conference, c.hasConsented(treaty, by: .conference) {
            return (
                .no,
                past + [
                    .init(
                        text: "\(none). The base holds every reservation and declaration of the Parties of 25 March 2010, from the Council of Europe's list.",
                        sources: indicator.sources)
                ]
            )
        }
        return (
            .unknown,
            past + [
                .init(
                    text:
                        "\(none); this base holds reservations and declarations made after 25 March 2010, or by States not yet Parties then, only where a source was found.",
                    sources: [])
            ]
        )
    }

    private func readProfile(_ c: Country, _ date: Day) -> Answered {
        guard let p = c.profile else { return (.unknown, [.init(text: "No Council of Europe country profile is recorded for it in this base.", sources: [])]) }
        let month = Month(year: date.year, month: date.month)
        if p.date <= month { return (.yes, [.init(text: "Council of Europe country profile dated \(p.date.long).", sources: p.sources)]) }
        return (
            .unknown,
            [
                .init(
                    text: "The profile recorded is dated \(p.date.long), after \(date.long); whether an earlier one existed is not recorded.",
                    sources: p.sources)
            ]
        )
    }
}
