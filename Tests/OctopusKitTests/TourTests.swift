import Foundation
import Testing
@testable import OctopusDocument
@testable import OctopusKit

/// Facilitators' tours (issue 7): loading JSON and YAML, validation reported as
/// `file:line:column: path: message` (exit 65), the default tour of a session and the YAML writer.
@Suite("Tours")
struct TourTests {
    func problems(_ text: String, _ format: TourLoader.Format, file: String = "tour.yaml") -> [String] {
        do {
            _ = try TourLoader.load(text: text, format: format, file: file, kb: bundled)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: Valid tours

    @Test func jsonTourLoads() throws {
        let json = """
            {
              "title": "Preservation in practice",
              "steps": [
                {"address": "ws3/topic-3", "heading": "Procedural powers", "notes": "Ask about Art. 16 requests."},
                {"address": "art 29", "minutes": 5},
                {"address": "Portugal", "notes": ["first", "second"]},
                {"address": "ws3/2", "minutes": 12}
              ]
            }
            """
        let tour = try TourLoader.load(text: json, format: .json, file: "tour.json", kb: bundled)
        #expect(tour.title == "Preservation in practice")
        #expect(tour.origin == .file("tour.json"))
        #expect(
            tour.steps.map(\.target) == [
                .topic(session: "ws3", topic: "topic-3"), .record("art29"), .record("PT"), .topic(session: "ws3", topic: "topic-2"),
            ])
        // A topic keeps its planned minutes unless the tour gives its own; a record has none.
        #expect(tour.steps.map(\.minutes) == [20, 5, nil, 12])
        #expect(tour.steps[0].heading == "Procedural powers")
        #expect(tour.steps[0].notes == ["Ask about Art. 16 requests."])
        #expect(tour.steps[2].notes == ["first", "second"])
        #expect(tour.plannedMinutes == 37)
        #expect(tour.steps[0].title(in: bundled) == "Procedural powers")
        #expect(tour.steps[1].title(in: bundled).hasPrefix("Article 29"))
    }

    @Test func yamlTourLoads() throws {
        let yaml = """
            # A tour for the room
            title: Data preservation
            steps:
              - address: ws3/topic-4
                heading: Cooperation
                minutes: 15
                notes: |
                  Start with the 24/7 network.
                  Then Art. 29.
              - address: NO        # Norway, not "false" (YAML 1.2 core schema)
              - address: art29
                minutes:
              - address: "yes"
                heading: 2010
            """
        let all = problems(yaml, .yaml)
        // `yes` is text under the core schema (no record), and 2010 is a number, not a heading.
        #expect(all.count == 2)
        #expect(all.contains { $0.hasPrefix("tour.yaml:13:14: steps[3].address: no record \"yes\"") })
        #expect(all.contains("tour.yaml:14:14: steps[3].heading: expected a string, found a number"))

        let valid = yaml.components(separatedBy: "\n").prefix(12).joined(separator: "\n")
        let tour = try TourLoader.load(text: valid, format: .yaml, file: "tour.yaml", kb: bundled)
        #expect(tour.title == "Data preservation")
        #expect(tour.steps.map(\.target) == [.topic(session: "ws3", topic: "topic-4"), .record("NO"), .record("art29")])
        #expect(tour.steps[0].notes == ["Start with the 24/7 network.\nThen Art. 29.\n"])
        // `minutes:` left empty means no plan of the tour's own.
        #expect(tour.steps.map(\.minutes) == [15, nil, nil])
    }

    @Test func formatComesFromTheExtensionOrTheFirstCharacter() throws {
        #expect(TourLoader.format(ofPath: "a/tour.YAML") == .yaml)
        #expect(TourLoader.format(ofPath: "tour.yml") == .yaml)
        #expect(TourLoader.format(ofPath: "tour.json") == .json)
        #expect(TourLoader.format(ofPath: "ws3") == nil)
        #expect(TourLoader.isTourFile("missing.yaml"))
        #expect(!TourLoader.isTourFile("ws3"))
        let json = Array(#"  {"title": "T", "steps": [{"address": "ws1"}]}"#.utf8)
        #expect(try TourLoader.load(bytes: json, format: nil, file: "t", kb: bundled).steps.map(\.target) == [.record("ws1")])
        let yaml = Array("title: T\nsteps:\n  - address: ws1\n".utf8)
        #expect(try TourLoader.load(bytes: yaml, format: nil, file: "t", kb: bundled).steps.count == 1)
        // Windows line ends and a byte-order mark, as Notepad saves, are fine in both formats.
        let windows = [0xEF, 0xBB, 0xBF] + Array("title: T\r\nsteps:\r\n  - address: ws1\r\n".utf8)
        #expect(try TourLoader.load(bytes: windows, format: .yaml, file: "t", kb: bundled).title == "T")
        let windowsJSON = [0xEF, 0xBB, 0xBF] + Array("{\"title\": \"T\",\r\n \"steps\": [{\"address\": \"ws1\"}]}".utf8)
        #expect(try TourLoader.load(bytes: windowsJSON, format: nil, file: "t", kb: bundled).title == "T")
    }

    // MARK: Problems, located

    @Test func unknownAddressIsLocatedWithSuggestions() throws {
        let yaml = """
            title: Walk
            steps:
              - address: art29
              - address: ws3/topic-2
              - address: art99
            """
        let all = problems(yaml, .yaml)
        #expect(all.count == 1)
        let line = try #require(all.first)
        #expect(line.hasPrefix("tour.yaml:5:14: steps[2].address: no record \"art99\"; did you mean \"art9"))

        let json = #"{"title": "Walk", "steps": [{"address": "art29"}, {"address": "ws3/topic-9"}]}"#
        let jsonProblems = problems(json, .json, file: "tour.json")
        #expect(jsonProblems.count == 1)
        #expect(jsonProblems.first?.hasPrefix("tour.json:1:63: steps[1].address: no topic \"ws3/topic-9\"; did you mean \"ws3/topic-") == true)
        // The command line exits with the knowledge base's "bad data" status.
        #expect(TourError.exitCode == 65)
    }

    @Test func wrongTypesAreReported() {
        let yaml = """
            title: [a, list]
            steps:
              - address: 29
                heading: {a: b}
                notes: true
                minutes: ten
            """
        let all = problems(yaml, .yaml)
        #expect(all.contains("tour.yaml:1:8: title: expected a string, found an array"))
        #expect(all.contains("tour.yaml:3:14: steps[0].address: expected a string, found a number"))
        #expect(all.contains("tour.yaml:4:14: steps[0].heading: expected a string, found an object"))
        #expect(all.contains("tour.yaml:5:12: steps[0].notes: expected a string, found a boolean"))
        #expect(all.contains("tour.yaml:6:14: steps[0].minutes: expected a whole number, found a string"))
        #expect(problems("title: T\nsteps: none\n", .yaml) == ["tour.yaml:2:8: steps: expected an array, found a string"])
        #expect(problems("- a\n- b\n", .yaml) == ["tour.yaml:1:1: (root): expected an object, found an array"])
    }

    @Test func unknownAndMissingFieldsAreReported() {
        let yaml = """
            title: T
            stpes: []
            steps:
              - adress: art29
                minutes: 5
            """
        let all = problems(yaml, .yaml)
        #expect(all.contains("tour.yaml:2:1: stpes: unknown field \"stpes\" (did you mean \"steps\"?)"))
        #expect(all.contains("tour.yaml:4:5: steps[0].adress: unknown field \"adress\" (did you mean \"address\"?)"))
        #expect(all.contains("tour.yaml:4:5: steps[0].address: required field \"address\" is missing"))
        #expect(problems("title: T\n", .yaml) == ["tour.yaml:1:1: steps: required field \"steps\" is missing"])
        #expect(problems("title: T\nsteps: []\n", .yaml) == ["tour.yaml:2:8: steps: must list at least one entry"])
        #expect(problems("title: \"  \"\nsteps: [{address: ws1}]\n", .yaml) == ["tour.yaml:1:8: title: must not be empty"])
    }

    @Test(arguments: [
        ("0", "0 is out of range 1…600"),
        ("601", "601 is out of range 1…600"),
        ("-5", "-5 is out of range 1…600"),
        ("2.5", "expected a whole number, found a fraction"),
        ("\"10\"", "expected a whole number, found a string"),
    ])
    func badMinutes(value: String, message: String) {
        let all = problems("title: T\nsteps:\n  - address: ws1\n    minutes: \(value)\n", .yaml)
        #expect(all == ["tour.yaml:4:14: steps[0].minutes: \(message)"])
    }

    @Test func syntaxErrorsAreLocatedNotThrownRaw() {
        let yaml = problems("title: T\nsteps:\n  - address: [art29\n", .yaml)
        #expect(yaml.count == 1)
        #expect(yaml.first?.hasPrefix("tour.yaml:4:1: (root): invalid YAML:") == true)
        #expect(problems("title: T\ntitle: U\nsteps: [{address: ws1}]\n", .yaml).first?.contains("appears twice") == true)
        let json = problems(#"{"title": "T", "steps": [}"#, .json, file: "t.json")
        #expect(json == ["t.json:1:26: (root): unexpected character '}'; expected a JSON value"])
        #expect(problems("", .yaml) == ["tour.yaml:1:1: (root): the file is empty; expected a tour with a title and steps"])
    }

    /// What libyaml reads and the tree takes: one document per file, an alias copies its anchor's
    /// value (counted against the budget), plain numbers by the core schema's pattern.
    @Test func yamlDocumentsAliasesAndNumbersReadAsTheCoreSchemaSays() throws {
        #expect(
            problems("title: T\nsteps: [{address: ws1}]\n---\ntitle: U\n", .yaml)
                == ["tour.yaml:3:1: (root): the file holds more than one YAML document (---); a tour is one"])
        #expect(problems("title: *t\nsteps: [{address: ws1}]\n", .yaml).first?.contains("names no anchor (&t) before it") == true)
        #expect(problems("title: T\ntitle: U\nsteps: [{address: ws1}]\n", .yaml) == ["tour.yaml:2:1: (root): field \"title\" appears twice in this mapping"])
        let tour = try TourLoader.load(
            text: "title: &t Morning\nsteps:\n  - address: ws1\n    heading: *t\n", format: .yaml, file: "t.yaml", kb: bundled)
        #expect(tour.steps.first?.heading == "Morning")
        for number in ["1", "-2", "+.5", "1.", "1.5e3", "2E-2", "0x1F", "0o17"] {
            guard case .number = YAMLReader.coreValue(number) else { Issue.record("\(number) should be a number"); continue }
        }
        for text in [".", "-", "1e", "1.5.2", "1_000", "e3", " 1", "0x", "٣"] {
            guard case .string = YAMLReader.coreValue(text) else { Issue.record("\(text) should stay text"); continue }
        }
    }

    /// Hostile or damaged files end in a diagnostic, never a crash or a hang.
    @Test func hostileFilesAreRefused() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(problems(deep, .yaml).count == 1)
        #expect(
            problems("title: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\nsteps: []\n", .yaml)
                .first?.contains("nesting is deeper than") == true)
        var laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for (prev, name) in zip("abcdefgh", "bcdefghi") {
            laughs += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ", ") + "]\n"
        }
        let refused = problems(laughs, .yaml)
        #expect(refused.count == 1)
        #expect(refused.first?.contains("YAML aliases") == true)
        // Aliases hidden after a quote inside a plain scalar still count: the events decide, not the text.
        let disguised = "a: &a [x \", 1]\n" + (0..<25).map { "k\($0): [x \", *a]" }.joined(separator: "\n") + "\ntitle: t\nsteps: []\n"
        #expect(problems(disguised, .yaml).first?.contains("more than 20 YAML aliases") == true)
        // An alias or a list as a key is refused as it begins.
        #expect(problems("a: &a [x, y]\nk: {? *a : 1}\ntitle: t\nsteps: []\n", .yaml).first?.hasSuffix("not an alias (*name)") == true)
        #expect(problems("? [x, y]\n: 1\ntitle: t\nsteps: []\n", .yaml).first?.hasSuffix("not a list") == true)
        var bytes = Array("title: caf".utf8)
        bytes += [0xE9, 0x0A]
        do {
            _ = try TourLoader.load(bytes: bytes, format: .yaml, file: "t.yaml", kb: bundled)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description == "t.yaml:1:11: (root): the file is not valid UTF-8 (byte 0xE9 at offset 10); save it as UTF-8")
        }
    }

    @Test func missingFileIsADiagnostic() {
        do {
            _ = try TourLoader.load(path: "/nonexistent/tour.yaml", kb: bundled)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.description.hasPrefix("/nonexistent/tour.yaml:1:1: (root): no such file"))
        }
    }

    @Test func everyProblemIsListedInOneRun() {
        let yaml = """
            title: T
            steps:
              - address: art99
              - address: ws3
                minutes: 0
              - address: PT
                colour: red
            """
        #expect(problems(yaml, .yaml).count == 3)
    }

    // MARK: Sessions and the writer

    @Test func defaultTourOfWS3() throws {
        guard case .session(let ws3)? = bundled.record("ws3") else { Issue.record("no ws3"); return }
        let tour = Tour.from(session: ws3)
        #expect(tour.title.hasPrefix("WS3: "))
        #expect(tour.origin == .session("ws3"))
        #expect(tour.steps.count == ws3.topics.count)
        #expect(tour.steps.map(\.target) == ws3.topics.map { .topic(session: "ws3", topic: $0.id) })
        #expect(tour.steps.map(\.minutes) == ws3.topics.map(\.minutes))
        #expect(tour.plannedMinutes == ws3.plannedMinutes)
        #expect(tour.steps.allSatisfy { $0.notes.isEmpty && $0.heading == nil })
        #expect(tour.steps[1].title(in: bundled) == ws3.topics[1].title)
    }

    @Test func writtenYAMLLoadsBackToTheSameTour() throws {
        guard case .session(let ws3)? = bundled.record("ws3") else { Issue.record("no ws3"); return }
        let tour = Tour.from(session: ws3)
        let yaml = TourWriter.yaml(tour, kb: bundled, command: "octopus walk --new ws3")
        #expect(yaml.hasPrefix("# Walkthrough: WS3: "))
        #expect(yaml.contains("  - address: \"ws3/topic-2\"\n"))
        let back = try TourLoader.load(text: yaml, format: .yaml, file: "tour.yaml", kb: bundled)
        #expect(back.title == tour.title)
        #expect(back.steps.map(\.target) == tour.steps.map(\.target))
        #expect(back.steps.map(\.minutes) == tour.steps.map(\.minutes))

        // Headings and notes with quotes, backslashes and line breaks survive; a control character
        // comes back visible, as every text loaded from a file does, never raw.
        var edited = tour
        edited.title = "NO"
        edited.steps[0].heading = "Say \"hi\" \\ \u{1B}[31m"
        edited.steps[0].notes = ["one\ntwo"]
        edited.steps[1].notes = ["a", "b: c"]
        let again = try TourLoader.load(text: TourWriter.yaml(edited, kb: bundled), format: .yaml, file: "t.yaml", kb: bundled)
        #expect(again.title == "NO")
        #expect(again.steps[0].heading == "Say \"hi\" \\ \\u001B[31m")
        #expect(again.steps[0].notes == ["one\ntwo"])
        #expect(again.steps[1].notes == ["a", "b: c"])
        #expect(!TourWriter.yaml(edited, kb: bundled).contains("\u{1B}"))
    }

    /// Issue 16: a step's link numbers follow reading order — the first link met is 1, the next
    /// new one 2 — so "2 Enter" is the second thing the room saw, wherever it sits.
    @Test func stepPagesNumberLinksInReadingOrder() throws {
        let tour = try TourLoader.load(
            text: "title: T\nsteps:\n  - address: ws3/topic-1\n  - address: art29\n", format: .yaml,
            file: "t.yaml", kb: bundled)
        let pages = TourPage.pages(for: tour, in: bundled)
        guard case .topic? = tour.steps.first?.target, let topic = tour.steps[0].topic(in: bundled) else { Issue.record("no topic"); return }
        #expect(Set(topic.links).isSubset(of: Set(pages[0].links)), "every linked record is numbered")
        #expect(pages[0].subtitle.hasPrefix("WS3 · topic 1 of "))
        #expect(pages[0].plainBlocks.contains("Linked"))
        #expect(pages[1].title.hasPrefix("Article 29"))
        for page in pages {
            var highest = 0
            for block in page.blocks {
                let spans: [Page.Span]
                switch block {
                case .paragraph(let s), .bullet(let s), .numbered(_, let s), .field(_, let s): spans = s
                default: spans = []
                }
                for case .link(_, let n) in spans {
                    #expect(n <= highest + 1, "\(page.id): link \(n) met before \(highest + 1)")
                    highest = max(highest, n)
                }
            }
            #expect(highest == page.links.count, "\(page.id): every link is met on the page")
        }
    }

    @Test func plainTextLeavesTheFacilitatorsNotesOut() throws {
        let tour = try TourLoader.load(
            text: "title: T\nsteps:\n  - address: ws1\n    notes: secret remark\n    minutes: 5\n",
            format: .yaml, file: "t.yaml", kb: bundled)
        let text = TourPage.plainText(tour, kb: bundled)
        #expect(text.hasPrefix("T\n"))
        #expect(text.contains("1 step · 5 minutes planned"))
        #expect(text.contains("\nStep 1 of 1\nWS1: "))
        #expect(!text.contains("secret"))
    }
}
