import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 16, as the facilitator runs it: the room's view and the presenter's in two terminals,
/// delegates following over the network, all real processes.
@Suite("Presenter, room and followers", .serialized)
struct RoomTests {
    var command: String { "'\(Binary.url.path)'" }

    /// A runtime folder of the test's own, as a login session's $XDG_RUNTIME_DIR is.
    func runtimeFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-rt-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    @Test func thePresenterDrivesTheRoomInAnotherTerminal() throws {
        let runtime = try runtimeFolder()
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        // The room first: it waits, showing the session's first step.
        let room = try TmuxSession(width: 80, height: 24, environment: ["XDG_RUNTIME_DIR": runtime])
        room.type("\(command) walk ws3 --room"); room.send("Enter")
        var seen = room.waitFor { $0.contains("Waiting for the presenter") }
        #expect(seen.contains("Step 1 of 6"), "\(seen)")
        let presenter = try TmuxSession(width: 100, height: 30, environment: ["XDG_RUNTIME_DIR": runtime])
        presenter.type("\(command) walk ws3"); presenter.send("Enter")
        seen = presenter.waitFor { $0.contains("room connected") }
        #expect(seen.contains("Next: 2. "), "the presenter sees the next step:\n\(seen)")
        #expect(seen.contains("room connected"), "the presenter sees the room joined:\n\(seen)")
        seen = room.waitFor { !$0.contains("Waiting for the presenter") }
        presenter.type(" ")
        seen = room.waitFor { $0.contains("Step 2 of 6") }
        #expect(seen.contains("Step 2 of 6"))
        #expect(!seen.contains("Presenter notes") && !seen.contains("Question for the session"), "no notes in the room:\n\(seen)")
        presenter.type("1"); presenter.send("Enter")
        seen = room.waitFor { $0.contains("Article 2 –") }
        #expect(seen.contains("Article 2 – Illegal access") && !seen.contains("q quit"), "the record, full screen, no bars:\n\(seen)")
        presenter.send("Escape")
        seen = room.waitFor { $0.contains("Step 2 of 6") }
        #expect(seen.contains("Step 2 of 6"))
        presenter.type(".")
        seen = room.waitFor { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(seen.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "the room is blank:\n\(seen)")
        // The presenter restarts: the room waits, then catches up with the new walk's step.
        presenter.type(".")
        presenter.type("q")
        seen = room.waitFor { $0.contains("went away") || $0.contains("stopped") }
        #expect(seen.contains("waiting for the presenter"), "the room says it waits:\n\(seen)")
        presenter.type("\(command) walk ws3"); presenter.send("Enter")
        _ = presenter.waitFor { $0.contains("room connected") }
        presenter.send("End")
        seen = room.waitFor { $0.contains("Step 6 of 6") }
        #expect(seen.contains("Step 6 of 6"))
        presenter.type("q")
        room.type("q")
    }

    @Test func threeFollowersFollowAWrongCodeIsRefusedAndJunkChangesNothing() throws {
        let runtime = try runtimeFolder()
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let presenter = try TmuxSession(width: 120, height: 30, environment: ["XDG_RUNTIME_DIR": runtime])
        presenter.type("\(command) walk ws3 --share --listen 127.0.0.1:0"); presenter.send("Enter")
        let seen = presenter.waitFor { $0.range(of: #"share 127\.0\.0\.1:[0-9]+ code [A-Z0-9]{6}"#, options: .regularExpression) != nil }
        let match = try #require(seen.range(of: #"127\.0\.0\.1:[0-9]+ code [A-Z0-9]{6}"#, options: .regularExpression), "\(seen)")
        #expect(seen.contains("no room yet · 0 delegates"), "\(seen)")
        let parts = seen[match].components(separatedBy: " code ")
        let (address, code) = (parts[0], parts[1])
        let outputs = (0..<3).map { i in FileManager.default.temporaryDirectory.appendingPathComponent("octopus-follow-\(i)-\(UUID().uuidString.prefix(6)).txt")
        }
        defer { for o in outputs { try? FileManager.default.removeItem(at: o) } }
        var followers: [Process] = []
        for o in outputs {
            _ = FileManager.default.createFile(atPath: o.path, contents: nil)
            let p = Process()
            p.executableURL = Binary.url
            p.arguments = ["follow", address, code.lowercased()]
            p.standardOutput = try FileHandle(forWritingTo: o)
            p.standardError = FileHandle.nullDevice
            try p.run()
            followers.append(p)
        }
        defer { for p in followers where p.isRunning { p.terminate() } }
        _ = presenter.waitFor { $0.contains("3 delegates") }
        let wrong = try Binary.run(["follow", address, "AAAAAA"])
        #expect(wrong.status == 69)
        #expect(wrong.stderr.contains("wrong join code"), "\(wrong.stderr)")
        // Junk at the port: noise, a forged cue, connections that say nothing.
        let port = try #require(Int(address.split(separator: ":").last ?? ""))
        for i in 0..<60 { junk(port: port, kind: i % 3) }
        for step in 2...5 {
            presenter.type(" ")
            _ = presenter.waitFor { $0.contains("Step \(step) of 6") }
            if step == 3 { followers[2].terminate() }  // one delegate closes the laptop mid-walk
        }
        let screen = presenter.waitFor { $0.contains("2 delegates") }
        #expect(screen.contains("Step 5 of 6"), "the presenter runs on, unchanged by the junk:\n\(screen)")
        for o in outputs.prefix(2) {
            let deadline = Date().addingTimeInterval(10)
            var text = ""
            while Date() < deadline {
                text = (try? String(contentsOf: o, encoding: .utf8)) ?? ""
                if text.contains("Step 5 of 6") { break }
                usleep(50_000)
            }
            let steps = text.split(separator: "\n").map { String($0.prefix(11)) }
            #expect(steps == (1...5).map { "Step \($0) of 6" }, "every step once, in order:\n\(text)")
        }
        presenter.type("q")
    }

    /// One misbehaving peer: 0 noise without a newline, 1 a cue of its own, 2 silence.
    func junk(port: Int, kind: Int) {
        guard let peer = RawPeer(port: port) else { return }
        switch kind {
        case 0: peer.send((0..<2048).map { _ in UInt8.random(in: 0...255) }.filter { $0 != 0x0A })
        case 1: peer.send(Array(#"{"octopus":1,"cue":{"step":5,"scroll":0,"blanked":true,"openScroll":0,"date":"2010-03-25"}}"#.utf8) + [0x0A])
        default: break
        }
        peer.kill()
    }
}
