import Foundation
import Testing

/// Issue 15: `octopus matrix` for the room, and `--explain` for one cell.
@Suite("Matrix command (built binary)")
struct MatrixCommandTests {
    /// Fields of one RFC 4180 line whose every field is quoted (as the command writes them).
    func fields(_ line: String) -> [String] {
        line.dropFirst().dropLast().components(separatedBy: "\",\"").map { $0.replacingOccurrences(of: "\"\"", with: "\"") }
    }

    @Test func theCSVHasARowForEveryStateAndAColumnForEachArea() throws {
        let r = try Binary.run(["matrix", "--as-of", "2010-03-25", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\r\n")
        #expect(lines.last == "", "every line ends in CRLF")
        let header = fields(lines[0])
        #expect(
            header.suffix(9) == [
                "Strengthening of legislation", "Judicial training", "LEA training", "High-tech crime units", "LEA–ISP cooperation",
                "International cooperation", "Protection of children", "Rule of law and human rights", "Political commitment",
            ])
        let listed = try Binary.run(["list", "countries", "--as-of", "2010-03-25", "--json"]).stdout
        let states = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        let rows = lines.dropFirst().dropLast().map(fields)
        #expect(Set(rows.map { $0[0] }) == Set(states.compactMap { $0["id"] as? String }))
        #expect(rows.allSatisfy { $0.count == header.count })
        let pt = try #require(rows.first { $0[0] == "PT" })
        #expect(pt[header.firstIndex(of: "Strengthening of legislation")!] == "4 of 4")
        #expect(pt[header.firstIndex(of: "Judicial training")!] == "not recorded")
    }

    @Test func explainTracesACellToItsFactsAndSources() throws {
        let r = try Binary.run(["matrix", "--explain", "PT", "legislation", "--as-of", "2010-03-25"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Portugal — Strengthening of legislation\n"))
        #expect(r.stdout.contains("● Party to the Budapest Convention: yes"))
        #expect(r.stdout.contains("Ratified the Budapest Convention (ETS 185): 24 March 2010 (sources"))
        #expect(r.stdout.contains("Sources\n-------\n  1. https://"))
        // The same cell at a date before the deposit.
        let before = try Binary.run(["matrix", "--explain", "Portugal", "Legis", "--as-of", "2010-03-23"]).stdout
        #expect(before.contains("○ Party to the Budapest Convention: no"))

        let json = try Binary.run(["matrix", "--explain", "PT", "coop", "--format", "json"]).stdout
        let cell = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((cell["indicators"] as? [[String: Any]])?.count == 5)
    }

    @Test func filtersSortingAndFormats() throws {
        let text = try Binary.run(["matrix", "--region", "caucasus", "--as-of", "2010-03-25"]).stdout
        #expect(text.contains("· 3 States\n"))
        #expect(text.contains("\nArmenia ") && text.contains("\nAzerbaijan ") && text.contains("\nGeorgia "))

        let sorted = try Binary.run(["matrix", "--sort", "legislation", "--coe", "member", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sorted.utf8)) as? [String: Any])
        let rows = try #require(object["states"] as? [[String: Any]])
        let met = rows.compactMap { (($0["cells"] as? [String: Any])?["legislation"] as? [String: Any])?["met"] as? Int }
        #expect(met.count == rows.count && met == met.sorted(by: >))
        #expect(rows.allSatisfy { $0["coeMember2010"] as? Bool == true })

        let md = try Binary.run(["matrix", "--status", "in-force", "--as-of", "2010-03-25", "--format", "markdown"]).stdout
        #expect(md.hasPrefix("## Support areas × States at 25 March 2010\n"))
        #expect(md.contains("| State | Strengthening of legislation |"))
        #expect(md.contains("### Sources\n\n1. "))
    }

    @Test(arguments: [
        (["matrix", "--explain", "PT"], "takes a State and an area"),
        (["matrix", "--explain", "PT", "training"], "no support area \"training\""),
        (["matrix", "--explain", "art29", "legislation"], "not a State"),
        (["matrix", "--region", "Atlantis"], "no region \"Atlantis\""),
        (["matrix", "PT"], "unexpected argument"),
        (["matrix", "--status", "maybe"], "maybe"),
    ])
    func badArgumentsSayWhatToWrite(arguments: [String], message: String) throws {
        let r = try Binary.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
