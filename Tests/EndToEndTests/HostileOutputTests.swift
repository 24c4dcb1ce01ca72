import Foundation
import Testing
import TestSupport

/// The built binary over a knowledge base whose every text carries terminal escapes, and against
/// outputs that fail: what reaches the terminal is text, and every failure is one clear line.
@Suite("Output: escapes, closed pipes, full disks")
struct HostileOutputTests {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    func hostileBase(in dir: URL) throws -> String {
        let json = try Data(contentsOf: Self.repository.appendingPathComponent("Resources/octopus-kb.json"))
        let file = dir.appendingPathComponent("hostile.json")
        try HostileKnowledgeBase.make(from: json).write(to: file)
        return file.path
    }

    @Test func noCommandWritesARawControlCharacter() throws {
        let dir = try Scratch.folder("hostile")
        defer { Scratch.remove(dir) }
        let kb = try hostileBase(in: dir)
        let data = dir.appendingPathComponent("nb").path
        let noteFile = dir.appendingPathComponent("note.txt")
        try "Ask about \u{1B}]0;pwned\u{07} preservation".write(to: noteFile, atomically: true, encoding: .utf8)
        var commands: [[String]] = [
            ["validate", kb], ["browse"], ["search", "preservation"], ["search", "preservation", "--json"],
            ["walk", "ws3"], ["handout", "art29", "PT", "ws3"], ["notes", "list"], ["notes", "export"],
            ["notes", "export", "--format", "json"], ["show", "\u{1B}]0;pwned\u{07}"], ["search", "\u{9B}2J"],
            ["notes", "add", "art29", noteFile.path],
        ]
        for section in ["sessions", "articles", "countries", "treaties", "organisations", "terms"] {
            commands += [["list", section], ["list", section, "--json"]]
        }
        for id in ["art29", "p-art3", "ws3", "opening", "PT", "US", "ets185", "t-cy", "traffic-data", "mla"] {
            commands += [["show", id], ["show", id, "--json"]]
        }
        var visible = 0
        for args in commands {
            let r = try Binary.run(args + ["--kb", kb], environment: ["OCTOPUS_DATA_DIR": data])
            let found = HostileKnowledgeBase.rawControls(in: Array((r.stdout + r.stderr).utf8))
            #expect(found.isEmpty, "octopus \(args.joined(separator: " ")) wrote raw \(found)")
            #expect(r.status != 132 && r.status != 134 && r.status != 139, "octopus \(args.joined(separator: " ")) crashed")
            if (r.stdout + r.stderr).contains("\\u001B]0;pwned") { visible += 1 }
            if args.last == "--json" {
                #expect((try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) != nil, "\(args): not JSON")
            }
        }
        #expect(visible > commands.count / 2, "the escapes should be shown as text, not dropped")
    }

    @Test func aFullDiskIsOneLineAndExit74() throws {
        let r = Spawn.run(["sh", "-c", "exec '\(Binary.url.path)' show art29 > /dev/full"])
        #expect(r.status == 74)
        #expect(r.error == "octopus: cannot write the output: No space left on device\n")
        let quiet = Spawn.run(["sh", "-c", "exec '\(Binary.url.path)' show art99 2> /dev/full"])
        #expect(quiet.status == 1)  // the usual "nothing found", even when the message cannot be written
    }

    @Test(arguments: ["", "trap '' PIPE; "])
    func aClosedPipeEndsQuietly(prefix: String) throws {
        let r = Spawn.run(["bash", "-c", "\(prefix)set -o pipefail; '\(Binary.url.path)' list countries | head -1; echo status=$?"])
        #expect(r.output.hasSuffix("status=0\n"), "\(r.output)")
        #expect(r.error.isEmpty, "\(r.error)")
    }

    @Test func thousandsOfArgumentsAreAUsageError() throws {
        let r = try Binary.run(["search"] + (0..<5_000).map { "w\($0)" })
        #expect(r.status == 64)
        #expect(r.stderr.contains("put a long search in quotes"))
    }
}
