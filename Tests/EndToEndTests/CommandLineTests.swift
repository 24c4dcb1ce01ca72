import Foundation
import OctopusKit
import Testing

@Suite("Command line (built binary)")
struct CommandLineTests {
    /// Issue 15 (part 5, the command line): States side by side at a date.
    @Test func compareShowsPortugalsRatificationAgainstSpainsStatusThatDay() throws {
        let text = try Binary.run(["compare", "PT", "ES", "--as-of", "2010-03-25"])
        #expect(text.status == 0, "\(text.stderr)")
        // Side by side at 80 columns: one line holds both States' values.
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("Budapest Convention (ETS") && $0.contains("ratified, not yet in force  signed, not ratified") }, "\(text.stdout)")
        let ratified = try #require(lines.first { $0.hasPrefix("ETS 185: ratified or") })
        #expect(ratified.contains("24 March 2010") && ratified.contains("3 June 2010 (after 25"))
        #expect(lines.contains { $0.hasPrefix("acceded ≠") }, "the row is marked as differing")
        #expect(lines.contains { $0.hasPrefix("Region ") && $0.contains("Southern Europe") && !$0.contains("≠") }, "equal rows carry no mark")
        // Every value that rests on a source cites it, and the Sources list holds what it cites.
        #expect(text.stdout.contains("\nSources\n-------\n  1. http"))
        #expect(lines.contains { $0.hasPrefix("Matrix: International") && $0.contains("●??●") })

        let csv = try Binary.run(["compare", "PT", "Spain", "--format", "csv"]).stdout
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.first == #""field","PT","ES","differs","sources PT","sources ES""#)
        #expect(rows.last == "", "every line ends in CRLF")
        #expect(rows.dropLast().allSatisfy { $0.hasPrefix("\"") && $0.hasSuffix("\"") && !$0.contains("\n") })

        let json = try Binary.run(["compare", "PT", "ES", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["states"] as? [String] == ["PT", "ES"])
        let jsonRows = try #require(object["rows"] as? [[String: Any]])
        #expect(jsonRows.count == rows.count - 2)
        let status = try #require(jsonRows.first { ($0["field"] as? String)?.hasPrefix("Budapest Convention (ETS 185) on") == true })
        #expect((status["sources"] as? [String: [String]])?["PT"]?.isEmpty == false, "each value's sources, by State")

        // -o writes the export for the room, and never over a file without --force.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("room.csv").path
        let written = try Binary.run(["compare", "PT", "ES", "--format", "csv", "-o", file])
        #expect(written.status == 0 && written.stdout.contains("Wrote \(file)"), "\(written.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == csv, "the file holds what standard output gets, CRLFs included")
        let again = try Binary.run(["compare", "PT", "FR", "--format", "csv", "-o", file])
        #expect(again.status != 0 && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == csv, "the first file is untouched")
        #expect(try Binary.run(["compare", "PT", "FR", "--format", "csv", "-o", file, "--force"]).status == 0)

        let notAState = try Binary.run(["compare", "PT", "art29"])
        #expect(notAState.status == 64 && notAState.stderr.contains("not a State"))
        #expect(try Binary.run(["compare", "PT"]).status == 64)
        let same = try Binary.run(["compare", "PT", "Portugal"])
        #expect(same.status == 64 && same.stderr.contains("both name Portugal; compare two different States") && same.stdout.isEmpty)
        let twice = try Binary.run(["compare", "PT", "ES", "pt", "--format", "json"]).stdout
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(twice.utf8)) as? [String: Any])
        #expect(decoded["states"] as? [String] == ["PT", "ES"])
        #expect(try Binary.run(["compare", "PT", "Portugul"]).status == 1)
    }

    /// Issue 16 (part 4): `walk --sheet` writes the run sheet, to a file with -o.
    @Test func walkSheetWritesTheRunSheet() throws {
        let sheet = try Binary.run(["walk", "ws3", "--sheet"])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        #expect(sheet.stdout.hasPrefix("# Run sheet: WS3"))
        #expect(sheet.stdout.contains("## Schedule") && sheet.stdout.contains("## Step 6 of 6"))
        let text = try Binary.run(["walk", "ws3", "--sheet", "--format", "text"])
        #expect(text.stdout.contains("Schedule\n--------\n  1. "))
        #expect(try Binary.run(["walk", "ws3", "-o", "x.md"]).status == 64, "-o goes with --sheet")
        #expect(try Binary.run(["walk", "ws3", "--sheet", "--projector"]).status == 64)
    }

    @Test func validateBundledBase() throws {
        let r = try Binary.run(["validate"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("valid"))
    }

    /// A mistyped command gets the command it was near, with the rest of the line; a single word
    /// is a record to open (printed when the output is not a terminal), and one near a command
    /// says so; two letters are a country code, never a command.
    @Test func mistypedCommandsAndRecordsAsTheFirstWord() throws {
        let typo = try Binary.run(["shwo", "art29"])
        #expect(typo.status == 64 && typo.stdout.isEmpty)
        #expect(typo.stderr.contains("no command \"shwo\"; did you mean `octopus show art29`?"), "\(typo.stderr)")
        #expect(try Binary.run(["serch", "mla"]).stderr.contains("`octopus search mla`"))

        let record = try Binary.run(["art29"])
        #expect(record.status == 0)
        #expect(record.stdout == (try Binary.run(["show", "art29"])).stdout)
        #expect(try Binary.run(["PT", "--as-of", "latest"]).stdout.hasPrefix("Portugal"))

        let near = try Binary.run(["shwo"])
        #expect(near.status == 1 && near.stderr.contains("did you mean the command `octopus show`?"), "\(near.stderr)")
        let unknown = try Binary.run(["portgal"])
        #expect(unknown.status == 1 && unknown.stderr.contains("PT (Portugal)"), "\(unknown.stderr)")
    }

    /// One vocabulary for kinds: what `list` takes, `search --type` takes, spelt either way.
    @Test func listAndSearchTakeTheSameNamesForKinds() throws {
        let orgs = try Binary.run(["list", "organisations"]).stdout
        #expect(!orgs.isEmpty)
        for name in ["org", "orgs", "organizations", "organisation"] { #expect(try Binary.run(["list", name]).stdout == orgs, "\(name)") }
        #expect(try Binary.run(["list", "glossary"]).stdout == (try Binary.run(["list", "terms"])).stdout)
        let byType = try Binary.run(["search", "police", "--type", "org"]).stdout
        #expect(byType.hasPrefix("interpol") || byType.contains("\ninterpol"), "\(byType.prefix(200))")
        for name in ["organisations", "organizations", "orgs"] {
            #expect(try Binary.run(["search", "police", "--type", name]).stdout == byType, "\(name)")
        }
        #expect(try Binary.run(["search", "police", "--type", "countries"]).status != 64)
        #expect(try Binary.run(["list", "widgets"]).status == 64)
    }

    /// Shared options may come before the command, as people write them.
    @Test func sharedOptionsBeforeTheCommand() throws {
        #expect(try Binary.run(["--as-of", "2010-03-25", "show", "TR"]).stdout == (try Binary.run(["show", "TR", "--as-of", "2010-03-25"])).stdout)
        #expect(try Binary.run(["--as-of=latest", "show", "TR"]).stdout.hasPrefix("Türkiye"))
        let kb = KnowledgeBaseInstallTests.package.appendingPathComponent("Resources/octopus-kb.json").path
        #expect(try Binary.run(["--kb", kb, "list", "articles"]).stdout == (try Binary.run(["list", "articles"])).stdout)
    }

    @Test func noBookmarksSaysHowToAddOne() throws {
        let r = try Binary.run(
            ["bookmarks"],
            environment: ["OCTOPUS_DATA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("octopus-none-\(UUID().uuidString)").path])
        #expect(r.status == 0 && r.stdout.contains("No bookmarks yet") && r.stdout.contains("press m"), "\(r.stdout)")
    }

    @Test func listArticlesJSON() throws {
        let r = try Binary.run(["list", "articles", "--json"])
        #expect(r.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 48)
        #expect(items.first?["id"] as? String == "art1")
        #expect(items.first { $0["id"] as? String == "art29" }?["title"] as? String == "Expedited preservation of stored computer data")
        let protocolArticles = try Binary.run(["list", "articles", "--treaty", "ets189", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(protocolArticles.stdout.utf8)) as? [Any])?.count == 16)
    }

    @Test func countriesJSONHasStatusPerTreaty() throws {
        let r = try Binary.run(["list", "countries", "--json", "--as-of", "2010-03-25"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let pt = try #require(items.first { $0["id"] as? String == "PT" })
        let status = try #require(pt["status"] as? [String: String])
        #expect(status["ets185"] == "ratified")
        #expect(Set(status.keys) == ["ets185", "ets189"])  // no dated CETS 201 events: status unknown, not listed
        let parties = items.filter { ["ratified", "in-force"].contains(($0["status"] as? [String: String])?["ets185"] ?? "") }
        #expect(parties.count == 29)
    }

    /// A State that is a Party on the date is never "none": a deposit inside its window, or of
    /// unknown date, reads "unknown" until a source shows the State a Party.
    /// A device or pipe has no size to check first: reading stops at the limit instead of filling
    /// memory (`/dev/zero` never ends), for the knowledge base, a tour and a notes import alike.
    @Test func anEndlessStreamIsRefusedAtTheLimit() throws {
        let kb = try Binary.run(["validate", "/dev/zero"])
        #expect(kb.status == 65)
        #expect(kb.stderr.contains("/dev/zero:1:1: (root): file is a stream of more than 67108864 bytes"))
        let tour = try Binary.run(["walk", "/dev/zero"])
        #expect(tour.status == 65)
        #expect(tour.stderr.contains("a stream of more than 1048576 bytes"))
    }

    @Test func partiesWithoutAnExactDepositAreNeverNone() throws {
        let r = try Binary.run(["list", "countries", "--as-of", "2025-12-01", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        var status: [String: String] = [:]
        for item in items { status[item["id"] as? String ?? ""] = (item["status"] as? [String: String])?["ets185"] }
        for id in ["PE", "SN", "PY", "TN", "PA", "LK", "TO", "SM"] {
            #expect(status[id] != nil && status[id] != "none", "\(id): \(status[id] ?? "missing")")
        }
        #expect(status["PE"] == "in-force")
        #expect(status["TN"] == "in-force")  // from the three-month rule, marked unconfirmed
        // A deposit known only to its month reads "unknown" inside that month, never "none".
        let plain = try Binary.run(["list", "countries", "--as-of", "2019-08-15"])
        #expect(plain.stdout.contains("Peru  [ETS 185: unknown"))
        let page = try Binary.run(["show", "PE", "--as-of", "2019-08-15"])
        #expect(
            page.stdout.replacingOccurrences(of: "\n    ", with: " ").contains("not decided on this date: acceded between 1 August 2019 and 31 August 2019"))
        // Ecuador: a Party by 4 December 2025, not yet counted on 1 December.
        #expect(status["EC"] == "unknown")
    }

    @Test func showPagesAreUsefulAndSourced() throws {
        let art = try Binary.run(["show", "art29"])
        #expect(art.status == 0)
        #expect(art.stdout.contains("Article 29"))
        #expect(art.stdout.contains("Sources"))
        #expect(art.stdout.contains("art16"))
        let pt = try Binary.run(["show", "PT", "--as-of", "2010-03-25"])
        #expect(pt.stdout.contains("Portugal"))
        #expect(pt.stdout.contains("24 March 2010"))
        let ws = try Binary.run(["show", "ws3"])
        #expect(ws.stdout.contains("min"))
        #expect(ws.stdout.contains("Questions for the room"))
    }

    @Test func unknownIDSuggests() throws {
        let r = try Binary.run(["show", "art 92"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("did you mean"))
        #expect(r.stdout.isEmpty)
    }

    /// The help names every status the command line can end with, each with what it means.
    @Test func helpListsEveryExitStatus() throws {
        let r = try Binary.run(["--help"])
        #expect(r.status == 0)
        let help = r.stdout.replacingOccurrences(of: "\n", with: " ")
        for status in ExitStatus.allCases {
            #expect(
                help.contains("; \(status.rawValue) \(status.meaning);") || help.contains("Exit status: \(status.rawValue) \(status.meaning);"), "\(status)")
        }
        #expect(help.contains("65 invalid knowledge-base, tour or import file, or a note refused"))
    }

    @Test func badDateIsAUsageError() throws {
        let r = try Binary.run(["show", "PT", "--as-of", "2010-02-30"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("not a real date"))
    }

    @Test func threeErrorsThreeLinesExit65() throws {
        let good = try Binary.run(["show", "PT", "--json"])
        #expect(good.status == 0)
        let dir = try Scratch.folder("e2e")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("bad.json")
        let bad = """
            {"formatVersion": 1, "title": "x", "asOf": "2026-02-30",
             "conference": {"name": "c", "place": "p", "startDate": "2010-03-23", "endDate": "2010-03-25", "summary": "s", "sources": ["s"]},
             "treaties": [], "articles": [],
             "sessions": [{"id": "ws1", "kind": "workshop", "number": 1, "title": "t", "summary": "see [[art99]]", "sources": ["s"], "asOf": "2026-01-01"}],
             "countries": [{"id": "pt", "name": "P", "region": "Southern Europe", "summary": "s", "sources": ["s"], "asOf": "2026-01-01"}]}
            """
        try bad.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["validate", file.path])
        #expect(r.status == 65)
        let lines = r.stderr.split(separator: "\n").filter { $0.hasPrefix(file.path + ":") }
        #expect(lines.count == 3, "\(r.stderr)")
        for l in lines { #expect(l.range(of: #":[0-9]+:[0-9]+: [^ ]+: "#, options: .regularExpression) != nil) }
        // The same through OCTOPUS_KB, for any command.
        let viaEnv = try Binary.run(["show", "PT"], environment: ["OCTOPUS_KB": file.path])
        #expect(viaEnv.status == 65)
    }

    @Test func binaryCopiedAloneStillRuns() throws {
        let dir = try Scratch.folder("alone")
        defer { Scratch.remove(dir) }
        let copy = dir.appendingPathComponent("octopus")
        // Copied by a child process: if this process held the new file open for writing, a
        // program forked meanwhile by another test would inherit the descriptor and executing the
        // copy would fail with ETXTBSY.
        #expect(Spawn.run(["cp", Binary.url.path, copy.path]).status == 0)
        for args in [["show", "art29"], ["show", "PT", "--as-of", "2010-03-25"], ["show", "ws3"]] {
            let original = try Binary.run(args)
            let alone = try Binary.run(args, executable: copy, cwd: dir)
            #expect(alone.status == 0, "\(alone.stderr)")
            #expect(alone.stdout == original.stdout)
        }
    }

    @Test func plainTextWhenNotATerminal() throws {
        let r = try Binary.run([])
        #expect(r.status == 0)
        #expect(r.stdout.contains("sessions"))
        #expect(!r.stdout.contains("\u{1B}"))
    }

    @Test func controlCharactersFromAFileNeverReachOutput() throws {
        let dir = try Scratch.folder("esc")
        defer { Scratch.remove(dir) }
        let file = dir.appendingPathComponent("esc.json")
        let kb = """
            {"formatVersion": 1, "title": "x", "asOf": "2026-01-01",
             "conference": {"name": "c", "place": "p", "startDate": "2010-03-23", "endDate": "2010-03-25", "summary": "s", "sources": ["s"]},
             "treaties": [], "articles": [], "sessions": [],
             "countries": [{"id": "PT", "name": "Evil\\u001b[2Jname\\u0007", "region": "Southern Europe",
                            "summary": "clear\\u001b]0;pwned\\u0007 screen\\u009b", "sources": ["\\u001b[31mred"], "asOf": "2026-01-01"}]}
            """
        try kb.write(to: file, atomically: true, encoding: .utf8)
        for args in [["show", "PT"], ["show", "PT", "--json"], ["list", "countries"], ["list", "countries", "--json"]] {
            let r = try Binary.run(args + ["--kb", file.path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(args)")
        }
    }

    /// Issue 7: a tour with a bad address is located and exits 65; `walk --new` writes a tour that loads.
    @Test func tourFilesAreValidated() throws {
        let dir = try Scratch.folder("tour")
        defer { Scratch.remove(dir) }
        let bad = dir.appendingPathComponent("tour.yaml")
        try "title: My tour\nsteps:\n  - address: art29\n  - address: art99\n    minutes: 5\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try Binary.run(["walk", bad.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(bad.path + ":4:"), "\(r.stderr)")
        #expect(r.stderr.contains("art99"))
        let new = try Binary.run(["walk", "--new", "ws3"])
        #expect(new.status == 0)
        let good = dir.appendingPathComponent("ws3.yaml")
        try new.stdout.write(to: good, atomically: true, encoding: .utf8)
        let piped = try Binary.run(["walk", good.path])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains("Substantive criminal law"))
    }
}
