import Foundation
import OctopusKit
import OctopusShare
import TestSupport
import Testing

@Suite("Sharing a walk: presenter, room and followers")
struct CueServerTests {
    @Test func aMessageReadsBackAsItWasAndAnotherVersionIsNamed() throws {
        let cue = WalkCue(step: 3, scroll: 0.5, blanked: true, open: "art2", openScroll: 0.25, date: Day("2015-06-01")!)
        let line = Wire.line(WireMessage(cue: cue))
        #expect(line.last == 0x0A)
        #expect(try Wire.read(line.dropLast()).get().cue == cue)
        #expect(Wire.read(Array(#"{"octopus":2,"cue":{"shape":"new"}}"#.utf8)) == .failure(.version(2)))
        #expect(Wire.read(Array("GET / HTTP/1.1".utf8)) == .failure(.notOctopus))
    }

    @Test func theOutlineCarriesNoPresenterNotes() throws {
        let line = String(decoding: Wire.line(WireMessage(tour: outline)), as: UTF8.self)
        #expect(line.contains("ws3/topic-2"))
        #expect(!line.contains("secret"))
    }

    @Test func threeFollowersFollowFiveStepsAndAWrongCodeIsRefused() async throws {
        let server = try CueServer(listeners: [.tcp(host: "127.0.0.1", port: 0)], joinCode: "K7Q2MX")
        defer { server.stop() }
        let port = try #require(server.sharedAddress.flatMap { Int($0.split(separator: ":").last!) })
        server.publish(tour: outline, cue: WalkCue(step: 0))
        let followers = (0..<3).map { i in follower(.tcp(host: "127.0.0.1", port: port), code: i == 1 ? "k7q2mx" : "K7Q2MX") }
        defer { for (c, _) in followers { c.stop() } }
        #expect(await eventually { server.followers == 3 })
        #expect(server.rooms == 0, "followers over the network are delegates, not the room")
        for step in 1...4 { server.publish(tour: outline, cue: WalkCue(step: step)) }
        for (_, got) in followers {
            #expect(await eventually { got.cues.last?.step == 4 })
            #expect(got.cues.map(\.step) == [0, 1, 2, 3, 4], "every follower saw the five steps in order")
            #expect(got.tours == [outline])
        }
        let (wrong, told) = follower(.tcp(host: "127.0.0.1", port: port), code: "AAAAAA")
        defer { wrong.stop() }
        #expect(await eventually { told.refusal != nil })
        #expect(told.refusal == "wrong join code")
        #expect(told.cues.isEmpty && told.tours.isEmpty, "a refused follower is told nothing of the walk")
        #expect(server.followers == 3)
    }

    @Test func aFollowerKilledMidStreamDoesNotDisturbTheOthers() async throws {
        let server = try CueServer(listeners: [.tcp(host: "127.0.0.1", port: 0)], joinCode: "K7Q2MX")
        defer { server.stop() }
        let port = try #require(server.sharedAddress.flatMap { Int($0.split(separator: ":").last!) })
        server.publish(tour: outline, cue: WalkCue(step: 0))
        let (a, gotA) = follower(.tcp(host: "127.0.0.1", port: port), code: "K7Q2MX")
        defer { a.stop() }
        let victim = try #require(RawPeer(port: port))
        victim.send(Wire.line(WireMessage(join: "K7Q2MX")))
        #expect(await eventually { server.followers == 2 })
        server.publish(tour: outline, cue: WalkCue(step: 1))
        victim.kill()
        for step in 2...5 { server.publish(tour: outline, cue: WalkCue(step: step)) }
        #expect(await eventually { gotA.cues.last?.step == 5 })
        #expect(gotA.cues.map(\.step) == [0, 1, 2, 3, 4, 5])
        #expect(await eventually { server.followers == 1 })
    }

    @Test func junkConnectionsLeaveTheWalkRunningAndUnchanged() async throws {
        var limits = CueServer.Limits()
        limits.joinTimeout = .milliseconds(300)
        let server = try CueServer(listeners: [.tcp(host: "127.0.0.1", port: 0)], joinCode: "K7Q2MX", limits: limits)
        defer { server.stop() }
        let port = try #require(server.sharedAddress.flatMap { Int($0.split(separator: ":").last!) })
        server.publish(tour: outline, cue: WalkCue(step: 2))
        let (a, gotA) = follower(.tcp(host: "127.0.0.1", port: port), code: "K7Q2MX")
        defer { a.stop() }
        #expect(await eventually { gotA.cues.count == 1 })
        var rng = SystemRandomNumberGenerator()
        var silent: [RawPeer] = []
        for i in 0..<200 {
            guard let peer = RawPeer(port: port) else { continue }
            switch i % 4 {
            case 0: peer.send((0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) })  // noise, no newline
            case 1:
                peer.send(Array(#"{"octopus":1,"join":"K7Q2MX","cue":{"step":5,"scroll":0,"blanked":true,"openScroll":0,"date":"2010-03-25"}}"#.utf8) + [0x0A])
            case 2: silent.append(peer); continue  // connects and never speaks
            default: peer.send(Array("\(i)\n".utf8) + (0..<100).map { _ in UInt8.random(in: 0...255, using: &rng) })
            }
            peer.kill()
        }
        // A joined follower that sends a cue of its own changes nothing: only the presenter's count.
        #expect(gotA.cues.map(\.step) == [2])
        server.publish(tour: outline, cue: WalkCue(step: 3))
        #expect(await eventually { gotA.cues.last?.step == 3 })
        // The silent ones time out; a newcomer joins and is told where the walk is.
        try await Task.sleep(nanoseconds: 600_000_000)
        let (b, gotB) = follower(.tcp(host: "127.0.0.1", port: port), code: "K7Q2MX")
        defer { b.stop() }
        #expect(await eventually { gotB.cues.last?.step == 3 })
        #expect(gotA.cues.map(\.step) == [2, 3], "the flood sent the follower nothing and moved nothing")
        for p in silent { p.hangUp() }
    }

    @Test func aFollowerThatNeverReadsDoesNotHoldUpTheOthers() async throws {
        var limits = CueServer.Limits()
        limits.highWater = 8 * 1024
        let server = try CueServer(listeners: [.tcp(host: "127.0.0.1", port: 0)], joinCode: "K7Q2MX", limits: limits)
        defer { server.stop() }
        let port = try #require(server.sharedAddress.flatMap { Int($0.split(separator: ":").last!) })
        let stuck = try #require(RawPeer(port: port))
        defer { stuck.hangUp() }
        stuck.send(Wire.line(WireMessage(join: "K7Q2MX")))
        let (a, gotA) = follower(.tcp(host: "127.0.0.1", port: port), code: "K7Q2MX")
        defer { a.stop() }
        #expect(await eventually { server.followers == 2 })
        // Large cues (a long address), many of them: far more than the stuck peer's socket holds.
        for step in 0..<3_000 { server.publish(tour: outline, cue: WalkCue(step: step, open: String(repeating: "x", count: 2_000))) }
        #expect(await eventually(10) { gotA.cues.last?.step == 2_999 })
    }

    @Test func theRoomStartedFirstCatchesUpAndSurvivesAPresenterRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-room-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ws3.sock"
        let (room, got) = follower(.unix(path: path), code: nil)
        defer { room.stop() }
        #expect(await eventually { got.all.contains { if case .waiting = $0 { true } else { false } } })
        var server: CueServer? = try CueServer(listeners: [.unix(path: path)], joinCode: nil)
        server?.publish(tour: outline, cue: WalkCue(step: 2, blanked: true))
        #expect(await eventually { got.cues.last == WalkCue(step: 2, blanked: true) })
        #expect(RoomSocket.isLive(path))
        #expect(server?.rooms == 1 && server?.followers == 1, "the room's socket counts as the room")
        server?.stop()
        server = nil
        #expect(await eventually { !RoomSocket.isLive(path) })
        let again = try CueServer(listeners: [.unix(path: path)], joinCode: nil)
        defer { again.stop() }
        again.publish(tour: outline, cue: WalkCue(step: 4, open: "art2"))
        #expect(await eventually { got.cues.last == WalkCue(step: 4, open: "art2") })
    }

    @Test func aPresenterThatStopsLeavesAnotherPresentersSocketAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-room-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ws3.sock"
        let first = try CueServer(listeners: [.unix(path: path)], joinCode: nil)
        try FileManager.default.removeItem(atPath: path)  // the file goes; the first presenter runs on
        let second = try CueServer(listeners: [.unix(path: path)], joinCode: nil)
        defer { second.stop() }
        first.stop()
        #expect(RoomSocket.isLive(path), "the second presenter's socket is still there and answers")
        // Anything but a socket at the path is never replaced.
        second.stop()
        try FileManager.default.removeItem(atPath: path)
        _ = FileManager.default.createFile(atPath: path, contents: Data("notes".utf8))
        #expect(throws: ShareError.self) { try CueServer(listeners: [.unix(path: path)], joinCode: nil) }
        #expect(FileManager.default.contents(atPath: path) == Data("notes".utf8))
    }

    @Test func socketNamesAreSafeAndTheFolderIsPrivate() throws {
        #expect(RoomSocket.name(for: Tour(title: "x", steps: [], origin: .file("/home/a/My Tour (v2).yaml"))) == "my-tour--v2-")
        #expect(RoomSocket.name(for: Tour(title: "x", steps: [], origin: .session("ws3"))) == "ws3")
        let runtime = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-rt-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        let folder = try RoomSocket.folder(environment: ["XDG_RUNTIME_DIR": runtime])
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int)
        #expect(mode == 0o700)
        // The join code stays the same across a presenter's restart, so followers get back in.
        let ws3 = Tour(title: "x", steps: [], origin: .session("ws3"))
        let code = RoomSocket.joinCode(for: ws3, environment: ["XDG_RUNTIME_DIR": runtime])
        #expect(JoinCode.isWellFormed(code))
        #expect(RoomSocket.joinCode(for: ws3, environment: ["XDG_RUNTIME_DIR": runtime]) == code)
        let kept = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/ws3.code")[.posixPermissions] as? Int)
        #expect(kept == 0o600)
        chmod(folder, 0o755)
        #expect(throws: ShareError.self) { try RoomSocket.folder(environment: ["XDG_RUNTIME_DIR": runtime]) }
    }

    @Test func joinCodesAreSixUnambiguousCharacters() {
        let codes = (0..<50).map { _ in JoinCode.make() }
        #expect(codes.allSatisfy { $0.count == 6 && !$0.contains { "0O1IL".contains($0) } })
        #expect(Set(codes).count > 45)
        #expect(JoinCode.matches("k7q2mx", "K7Q2MX") && !JoinCode.matches("K7Q2M", "K7Q2MX"))
    }

    /// Stopping twice, as a deferred stop after an explicit one does, returns at once (it hung).
    @Test func stoppingTwiceReturnsAtOnce() {
        let server = try? CueServer(listeners: [.tcp(host: "127.0.0.1", port: 0)], joinCode: "K7Q2MX")
        server?.stop()
        server?.stop()
        let client = CueClient(endpoint: .tcp(host: "127.0.0.1", port: 9), joinCode: nil) { _ in }
        client.stop()
        client.stop()
    }
}
