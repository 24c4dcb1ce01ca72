import Foundation
import Testing

/// `octopus kb`: a newer base installed offline becomes the default, with a change report; the
/// built-in one is a command away; a damaged or older base is never silently trusted.
@Suite("Installed knowledge bases")
struct KnowledgeBaseInstallTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A folder with a data folder and a copy of the bundled base, changed as `edit` says.
    func setUp(_ edit: (inout [String: Any]) -> Void) throws -> (folder: URL, newer: URL, env: [String: String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let data = try Data(contentsOf: Self.package.appendingPathComponent("Resources/octopus-kb.json"))
        var kb = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&kb)
        let newer = folder.appendingPathComponent("newer.json")
        try JSONSerialization.data(withJSONObject: kb).write(to: newer)
        return (folder, newer, ["OCTOPUS_DATA_DIR": folder.appendingPathComponent("data").path])
    }

    /// One ratification added (Ireland, which had only signed) and one summary changed (Portugal).
    static func oneRatificationAndOneSummary(_ kb: inout [String: Any]) {
        kb["asOf"] = "2026-12-01"
        var countries = kb["countries"] as? [[String: Any]] ?? []
        for i in countries.indices {
            if countries[i]["id"] as? String == "IE" {
                var events = countries[i]["events"] as? [[String: Any]] ?? []
                events.append(["treaty": "ets185", "kind": "ratification", "date": "2026-11-30", "sources": ["https://example.org/a-test-fixture"]])
                countries[i]["events"] = events
            }
            if countries[i]["id"] as? String == "PT" { countries[i]["summary"] = "A summary reworded for this test." }
        }
        kb["countries"] = countries
    }

    @Test func installReportsTheChangesAndMakesTheBaseTheDefault() throws {
        let (folder, newer, env) = try setUp(Self.oneRatificationAndOneSummary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Binary.run(["show", "IE", "--as-of", "latest"], environment: env)
        #expect(before.stdout.contains("signed, not ratified"))
        let install = try Binary.run(["kb", "install", newer.path], environment: env)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("1 new ratification or accession (Ireland, Budapest Convention, 30 November 2026)"), "\(install.stdout)")
        #expect(install.stdout.contains("1 record reworded (Portugal)"), "\(install.stdout)")
        let after = try Binary.run(["show", "IE", "--as-of", "latest"], environment: env)
        #expect(after.stdout.contains("ratified, not yet in force"), "\(after.stdout)")
        let list = try Binary.run(["kb", "list"], environment: env)
        #expect(list.stdout.contains("* 2026-12-01-"), "\(list.stdout)")
        // Back to the built-in base with one command.
        #expect(try Binary.run(["kb", "use", "builtin"], environment: env).status == 0)
        #expect(try Binary.run(["show", "IE", "--as-of", "latest"], environment: env).stdout.contains("signed, not ratified"))
    }

    @Test func diffAsJSONListsEachChange() throws {
        let (folder, newer, env) = try setUp(Self.oneRatificationAndOneSummary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Binary.run(["kb", "diff", "builtin", newer.path, "--json"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let steps = try #require(json["newSteps"] as? [[String: Any]])
        #expect(steps.count == 1 && steps.first?["country"] as? String == "IE" && steps.first?["kind"] as? String == "ratification")
        #expect((json["reworded"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["PT"])
        #expect((json["removed"] as? [Any])?.isEmpty == true)
    }

    @Test func anOlderBaseIsRefusedUnlessForced() throws {
        let (folder, older, env) = try setUp { $0["asOf"] = "2020-01-01" }
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try Binary.run(["kb", "install", older.path], environment: env)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("before the built-in base") && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try Binary.run(["kb", "list"], environment: env).stdout.contains("* builtin"))
        #expect(try Binary.run(["kb", "install", "--force", older.path], environment: env).status == 0)
    }

    @Test func anInvalidFileIsNotInstalled() throws {
        let (folder, bad, env) = try setUp { $0["countries"] = "not a list" }
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try Binary.run(["kb", "install", bad.path], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.contains("countries"), "\(r.stderr)")
        #expect(try Binary.run(["kb", "list"], environment: env).stdout.contains("* builtin"))
    }

    /// An installed base damaged later is not trusted: a warning, and the built-in base is used.
    @Test func aDamagedInstalledBaseFallsBackToTheBuiltInOne() throws {
        let (folder, newer, env) = try setUp(Self.oneRatificationAndOneSummary)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Binary.run(["kb", "install", newer.path], environment: env).status == 0)
        let kbFolder = folder.appendingPathComponent("data/kb")
        let installed = try #require(try FileManager.default.contentsOfDirectory(atPath: kbFolder.path).first { $0.hasSuffix(".json") })
        try Data("{ \"truncated\": ".utf8).write(to: kbFolder.appendingPathComponent(installed))
        let r = try Binary.run(["show", "IE", "--as-of", "latest"], environment: env)
        #expect(r.status == 0)
        #expect(r.stderr.contains("cannot be read") && r.stderr.contains("octopus kb use builtin"), "\(r.stderr)")
        #expect(r.stdout.contains("signed, not ratified"))
    }

    /// The browser says once, on the first screen, that the base changed since the last start.
    @Test func theBrowserSaysOnceThatTheBaseChanged() throws {
        let (folder, newer, _) = try setUp(Self.oneRatificationAndOneSummary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let t = try TmuxSession(width: 120, height: 24)
        let command = "'\(Binary.url.path)'"
        t.type(command); t.send("Enter")
        t.waitFor { $0.contains("octopus › Home") }
        t.send("q")
        t.waitFor { !$0.contains("octopus › Home") }
        #expect(try Binary.run(["kb", "install", newer.path], environment: ["OCTOPUS_DATA_DIR": t.dataDirectory]).status == 0)
        t.type(command); t.send("Enter")
        let screen = t.waitFor { $0.contains("Knowledge base changed since your last start") }
        #expect(screen.contains("now installed 2026-12-01-"), "\(screen)")
        t.send("q")
        t.waitFor { !$0.contains("octopus › Home") }
        t.type(command); t.send("Enter")
        let again = t.waitFor { $0.contains("octopus › Home") }
        #expect(!again.contains("Knowledge base changed"), "said twice: \(again)")
        t.send("q")
    }
}
