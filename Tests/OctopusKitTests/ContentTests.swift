import BundledKnowledgeBase
import Foundation
import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// Guards the bundled content: completeness, links, provenance, and the published counts.
@Suite("Bundled knowledge base content")
struct ContentTests {
    let kb = bundled

    /// Official titles of ETS 185 Articles 1–48 and ETS 189 Articles 1–16, as given by the
    /// reference (convention_structure.json, from the English text of the treaties).
    static let titles185 = [
        "Definitions",
        "Illegal access",
        "Illegal interception",
        "Data interference",
        "System interference",
        "Misuse of devices",
        "Computer-related forgery",
        "Computer-related fraud",
        "Offences related to child pornography",
        "Offences related to infringements of copyright and related rights",
        "Attempt and aiding or abetting",
        "Corporate liability",
        "Sanctions and measures",
        "Scope of procedural provisions",
        "Conditions and safeguards",
        "Expedited preservation of stored computer data",
        "Expedited preservation and partial disclosure of traffic data",
        "Production order",
        "Search and seizure of stored computer data",
        "Real-time collection of traffic data",
        "Interception of content data",
        "Jurisdiction",
        "General principles relating to international co-operation",
        "Extradition",
        "General principles relating to mutual assistance",
        "Spontaneous information",
        "Procedures pertaining to mutual assistance requests in the absence of applicable international agreements",
        "Confidentiality and limitation on use",
        "Expedited preservation of stored computer data",
        "Expedited disclosure of preserved traffic data",
        "Mutual assistance regarding accessing of stored computer data",
        "Trans-border access to stored computer data with consent or where publicly available",
        "Mutual assistance in the real-time collection of traffic data",
        "Mutual assistance regarding the interception of content data",
        "24/7 Network",
        "Signature and entry into force",
        "Accession to the Convention",
        "Territorial application",
        "Effects of the Convention",
        "Declarations",
        "Federal clause",
        "Reservations",
        "Status and withdrawal of reservations",
        "Amendments",
        "Settlement of disputes",
        "Consultations of the Parties",
        "Denunciation",
        "Notification",
    ]
    static let titles189 = [
        "Purpose",
        "Definition",
        "Dissemination of racist and xenophobic material through computer systems",
        "Racist and xenophobic motivated threat",
        "Racist and xenophobic motivated insult",
        "Denial, gross minimisation, approval or justification of genocide or crimes against humanity",
        "Aiding and abetting",
        "Relations between the Convention and this Protocol",
        "Expression of consent to be bound",
        "Entry into force",
        "Accession",
        "Reservations and declarations",
        "Status and withdrawal of reservations",
        "Territorial application",
        "Denunciation",
        "Notification",
    ]

    @Test func allArticlesWithOfficialTitles() {
        let a185 = kb.articles(of: "ets185"), a189 = kb.articles(of: "ets189")
        #expect(a185.map(\.number) == Array(1...48))
        #expect(a189.map(\.number) == Array(1...16))
        #expect(a185.map(\.title) == Self.titles185)
        #expect(a189.map(\.title) == Self.titles189)
        for a in a185 + a189 {
            let words = a.summary.split(separator: " ").count
            #expect((60...150).contains(words), "\(a.id) summary has \(words) words")
            #expect((2...5).contains(a.keyPoints.count), "\(a.id) has \(a.keyPoints.count) key points")
        }
    }

    @Test func placementFollowsTheConventionStructure() throws {
        let art = { (n: Int) in self.kb.articles(of: "ets185")[n - 1] }
        #expect(art(1).chapter.hasPrefix("Chapter I "))
        #expect(art(16).section?.hasPrefix("Section 2") == true)
        #expect(art(29).chapter.hasPrefix("Chapter III"))
        #expect(art(29).titleGroup?.hasPrefix("Title 1") == true)
        #expect(art(36).chapter.hasPrefix("Chapter IV"))
    }

    @Test func counterpartsAndReservations() throws {
        let pairs = [(16, 29), (17, 30), (19, 31), (20, 33), (21, 34)]
        func article(_ n: Int) throws -> Article { try #require(kb.articles(of: .convention).first { $0.number == n }) }
        // Each side names the other, with what the other is to it.
        for (d, i) in pairs {
            #expect(try article(d).counterparts.contains(Counterpart(article: "art\(i)", kind: .internationalCooperation)))
            #expect(try article(i).counterparts.contains(Counterpart(article: "art\(d)", kind: .domesticPower)))
            #expect(try article(d).counterparts.contains(Counterpart(article: "art15", kind: .safeguards)))
        }
        #expect(
            try article(35).counterparts == [
                Counterpart(article: "art29", kind: .internationalCooperation),
                Counterpart(article: "art30", kind: .internationalCooperation),
            ])
        #expect(try article(15).counterparts == (16...21).map { Counterpart(article: "art\($0)", kind: .safeguards) })
        // Art. 42 permits reservations to exactly these provisions.
        let reserved = Set(kb.articles(of: "ets185").flatMap { $0.reservations.map(\.provision) })
        for p in ["Art. 4(2)", "Art. 6(3)", "Art. 9(4)", "Art. 10(3)", "Art. 11(3)", "Art. 22(2)", "Art. 29(4)", "Art. 41(1)"] {
            #expect(reserved.contains(p), "no article lists the reservation \(p)")
        }
    }

    @Test func everySessionTheSlidesName() {
        #expect(kb.sessions.map(\.id) == ["opening", "update", "ws1", "ws2", "ws3", "ws4", "ws5", "ws6", "outlook", "closing"])
        for s in kb.sessions where s.kind == .workshop {
            #expect((4...8).contains(s.topics.count), "\(s.id)")
            #expect(s.questions.count >= 5, "\(s.id)")
            #expect(s.topics.allSatisfy { $0.minutes != nil }, "\(s.id)")
            #expect(!s.aims.isEmpty, "\(s.id)")
        }
        // Unknown titles are marked as inferred, never presented as fact.
        let ws5 = kb.sessions.first { $0.id == "ws5" }
        #expect(ws5?.provenance.inferred.contains("title") == true)
        // The aims, topic lists and planned minutes are the project's own planning, not the 2010
        // programme, and every session says so.
        for s in kb.sessions {
            for field in ["aims", "topics", "minutes"] {
                #expect(s.provenance.inferred.contains(field), "\(s.id) does not name \(field) as inferred")
            }
        }
    }

    /// The bundled JSON names each source once in every list: the loader keeps a repeat once, so
    /// only this test sees one (the ETS 185 count of 5 June 2025 had one).
    @Test func everySourcesListNamesEachSourceOnce() throws {
        var repeats: [String] = [], lists = 0
        func walk(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    if key == "sources", let list = child as? [String] {
                        lists += 1
                        if Set(list).count != list.count { repeats.append(path) }
                    }
                    walk(child, path + "." + key)
                }
            } else if let array = value as? [Any] {
                for (i, child) in array.enumerated() { walk(child, "\(path)[\(i)]") }
            }
        }
        walk(try JSONSerialization.jsonObject(with: Data(BundledKnowledgeBase.json.utf8)), "")
        #expect(lists > 500)
        #expect(repeats.isEmpty, "\(repeats)")
    }

    @Test func countriesAStateDelegateWouldAskAbout() {
        #expect(kb.countries.filter(\.coeMember2010).count == 47)
        #expect(Set(kb.countries.filter(\.draftingParticipant).map(\.id)) == ["CA", "JP", "ZA", "US"])
        let ids = Set(kb.countries.map(\.id))
        for id in ["CL", "CR", "DO", "MX", "PH", "AR", "CI", "NZ", "TR", "HK", "CN"] { #expect(ids.contains(id), "\(id)") }
        for c in kb.countries { #expect(c.nameFr != nil, "\(c.id) has no French name") }
    }

    @Test func provenanceOnEveryRecord() {
        for r in kb.allRecords {
            #expect(!r.provenance.sources.isEmpty, "\(r.id)")
        }
    }

    @Test func noArticleOrOrganisationIsAnOrphan() {
        for a in kb.articles { #expect(!(kb.backlinks[a.id] ?? []).isEmpty, "nothing links to \(a.id)") }
        for o in kb.organisations { #expect(!(kb.backlinks[o.id] ?? []).isEmpty, "nothing links to \(o.id)") }
        for t in kb.glossary { #expect(!(kb.backlinks[t.id] ?? []).isEmpty, "nothing links to \(t.id)") }
    }

    /// The published counts, computed from the dated events alone.
    @Test func signaturesAndRatificationsAroundTheConference() {
        let march1 = day("2010-03-01")
        #expect(kb.signatories(of: "ets185", at: march1).count == 46)
        let parties = kb.parties(of: "ets185", at: march1)
        #expect(parties.count == 26)
        #expect(parties.filter(\.coeMember2010).count == 25)
        #expect(parties.filter { !$0.coeMember2010 }.map(\.id) == ["US"])
        let atConference = kb.parties(of: "ets185", at: .conference)
        #expect(atConference.count == 29)
        #expect(Set(atConference.map(\.id)).subtracting(parties.map(\.id)) == ["ME", "AZ", "PT"])
        #expect(kb.parties(of: "ets185", at: day("2010-03-23")).count == 28)
    }

    /// Dates in the 2010 reference chart that a later, cited source shows to be wrong. The chart in
    /// Reference/ stays a faithful copy of the reference; each correction is made here, with the
    /// source that settles it, and the event in the base must cite that source.
    static let chartCorrections: [(key: String, chart: String, corrected: String, source: String)] = [
        // The December 2026 audit: Malta deposited on 12 April 2012; 13 April is the date of the
        // Secretary General's notification, which the chart took for the deposit.
        ("MT ets185 ratification", "2012-04-13", "2012-04-12", "https://dre.tretas.org/dre/473967/aviso-6-2015-de-24-de-fevereiro")
    ]

    /// True when a source entry names one of the project's own files (the reference chart, the
    /// facts file, the base itself) rather than citing something a reader can look up.
    static func namesAFileOfOurs(_ source: String) -> Bool {
        let s = source.lowercased()
        let ours = ["treaty_chart", "facts.md", "workshops_2010", "convention_structure", "update-session-slides", "octopus-kb", "audit-2026"]
        if ours.contains(where: s.contains) { return true }
        let isURL = s.hasPrefix("http://") || s.hasPrefix("https://")
        return !isURL && [".json", ".md", ".txt", ".yaml"].contains(where: s.contains)
    }

    /// Every treaty date in the base is the reference chart's date (corrected by `chartCorrections`),
    /// or, marked unconfirmed, the reference's list of unverified dates, or a date the chart does
    /// not give at all, cited to a real source. Every date the chart gives is in the base.
    @Test func treatyDatesAgreeWithTheReference() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")
        let chart = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("treaty_chart.json"))) as? [[String: Any]])
        let unverified = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("treaty_chart_unverified.json"))) as? [String: Any])
        var allowed: [String: Set<String>] = [:]  // "PT ets185 signature" -> dates
        var required: [String: String] = [:]
        for row in chart {
            let iso = row["iso2"] as! String
            let accession = row["accession"] as? Bool ?? false
            let domesticOnly = (row["ratification_date_basis"] as? String)?.contains("domestic") ?? false
            let fields: [(String, String, String)] = [
                ("signature", "ets185", "signature"),
                ("ratification_or_accession", "ets185", accession ? "accession" : "ratification"),
                ("entry_into_force", "ets185", "entry-into-force"),
                ("protocol189_signature", "ets189", "signature"),
                ("protocol189_entry_into_force", "ets189", "entry-into-force"),
            ]
            for (field, treaty, kind) in fields {
                guard let date = row[field] as? String else { continue }
                if field == "ratification_or_accession" && domesticOnly { continue }  // not a deposit date
                allowed["\(iso) \(treaty) \(kind)", default: []].insert(date)
                required["\(iso) \(treaty) \(kind)"] = date
            }
            if let date = row["protocol189_ratification"] as? String {
                for kind in ["ratification", "accession"] { allowed["\(iso) ets189 \(kind)", default: []].insert(date) }
            }
        }
        for fix in Self.chartCorrections {
            #expect(required[fix.key] == fix.chart, "the chart no longer gives \(fix.key) \(fix.chart): drop the correction")
            allowed[fix.key] = [fix.corrected]
            required[fix.key] = fix.corrected
        }
        var unconfirmed: [String: String] = [:]
        for row in unverified["rows"] as! [[String: String]] {
            let kind = row["field"] == "entry_into_force" ? "entry-into-force" : row["field"]!
            unconfirmed["\(row["iso2"]!) ets185 \(kind)"] = row["date"]!
        }
        for c in kb.countries {
            for e in c.events where e.kind != .invitation {
                let key = "\(c.id) \(e.treaty) \(e.kind.rawValue)"
                if e.unconfirmed, case .unknown = e.date {
                    // No day is given, so there is none to check against a chart: a Party
                    // reported without a source stands on its note, and is counted only from `by`;
                    // a source it cites shows a bound (`after`), and the note says which.
                    #expect(e.note != nil, "\(key) is unconfirmed with no day: it needs its note")
                } else if e.unconfirmed, unconfirmed[key] == nil, e.kind == .entryIntoForce {
                    // Not in the unverified list: then it must be what the three-month rule gives
                    // for the deposit the timeline records (Art. 36(4), 37(2); Protocol Art. 10(2)),
                    // and its note must say so. A deposit known only within a month gives one day too.
                    let consent = c.events.deposit(of: e.treaty)?.date
                    let ends: [Day] =
                        switch consent {
                        case .exact(let d): [d]
                        case .between(let a, let b): [a, b]
                        default: []
                        }
                    let rule = Set(ends.compactMap { d in Day(year: d.year + (d.month + 3) / 12, month: (d.month + 3) % 12 + 1, day: 1) })
                    let ruled = rule.count == 1 ? rule.first : nil
                    #expect(ruled != nil && ruled == e.date.day, "\(key) \(e.date) is neither in the unverified list nor what the rule gives")
                    #expect(e.note?.contains("gives for the") == true, "\(key): the note must say the date is what the rule gives")
                } else if e.unconfirmed {
                    #expect(unconfirmed[key] == e.date.description, "\(key) \(e.date) is not in the unverified list")
                } else if let dates = allowed[key] {
                    #expect(dates.contains(e.date.description), "\(key) \(e.date) disagrees with the reference")
                    if let fix = Self.chartCorrections.first(where: { $0.key == key }) {
                        #expect(e.sources.contains(fix.source), "\(key) is corrected but does not cite \(fix.source)")
                    }
                } else {
                    // A date the 2010 chart does not have (a later event, or a gap it left) stands
                    // only on a source of its own.
                    #expect(
                        !e.sources.isEmpty && !e.sources.contains(where: Self.namesAFileOfOurs),
                        "\(key) \(e.date) is not in the reference chart and cites no source of its own: \(e.sources)")
                }
            }
        }
        for (key, date) in required {
            let parts = key.split(separator: " ").map(String.init)
            let c = kb.countries.first { $0.id == parts[0] }
            #expect(
                c?.events.contains { $0.treaty == parts[1] && $0.kind.rawValue == parts[2] && $0.date.description == date } == true, "missing \(key) \(date)")
        }
    }

    /// Sources are citations a reader can follow, and the text speaks to the reader rather than
    /// about how the base was built. Read from the bundled JSON itself, so every `sources` list
    /// (records, events, profiles, facts, the conference) and every string is covered.
    @Test func sourcesCiteAndTextSpeaksToTheReader() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("Resources/octopus-kb.json")))
        let buildTalk = ["our inference", "the project's", "our chart", "our reference", "the reference names", "the reference material"]
        var sourceLists = 0
        func visit(_ value: Any, _ path: String) {
            if let object = value as? [String: Any] {
                for (key, child) in object where key != "$schema" {
                    if key == "sources", let list = child as? [String] {
                        sourceLists += 1
                        for s in list { #expect(!Self.namesAFileOfOurs(s), "\(path).sources cites a file of ours: \(s)") }
                    } else {
                        visit(child, "\(path).\(key)")
                    }
                }
            } else if let array = value as? [Any] {
                for (i, child) in array.enumerated() { visit(child, "\(path)[\(i)]") }
            } else if let text = value as? String {
                let folded = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
                for phrase in buildTalk { #expect(!folded.contains(phrase), "\(path) speaks of the build (\"\(phrase)\"): \(text)") }
            }
        }
        visit(json, "$")
        #expect(sourceLists > 500, "only \(sourceLists) sources lists were seen")
        #expect(Self.namesAFileOfOurs("treaty_chart_unverified.json: date recalled from general knowledge"))
        #expect(Self.namesAFileOfOurs("facts.md"))
        #expect(!Self.namesAFileOfOurs("https://github.com/statengeneraal/laws-markdown/blob/master/verdrag/convention/on/cybercrime/BWBV0001839/README.md"))
        #expect(!Self.namesAFileOfOurs("Update session slides, Octopus Interface 2010 (A. Seger, 23 March 2010)"))
    }

    @Test func speakableAddresses() {
        let r = AddressResolver(kb)
        for name in ["Turkey", "Turquie", "turkiye", "Türkiye", "TR"] { #expect(r.resolve(name) == .record("TR"), "\(name)") }
        for name in ["Ivory Coast", "Côte d'Ivoire", "cote d ivoire"] { #expect(r.resolve(name) == .record("CI"), "\(name)") }
        #expect(r.resolve("art 16") == .record("art16"))
        #expect(r.resolve(":ws 3") == .record("ws3"))
    }

    @Test func article16PageNamesItsCounterpartAndSessions() throws {
        let page = PageBuilder.page(for: try #require(kb.record("art16")), in: kb)
        #expect(page.links.contains("art29"))
        let text = page.plainBlocks.joined(separator: "\n")
        #expect(text.contains("Counterparts"))
        #expect(text.contains("Discussed in"))
        #expect(page.links.contains { kb.record($0)?.kind == .session })
    }
}
