import Foundation

/// Runs the built `octopus` binary, and drives it inside tmux as a person would.
enum Binary {
    /// The binary next to the test bundle (same build folder), else .build/debug/octopus.
    static var url: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("octopus")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/octopus")
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:], cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OCTOPUS_KB"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // Read before waiting so a large output cannot block the child on a full pipe.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A private tmux server with one shell window of a given size.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "octopus-e2e-\(UUID().uuidString.prefix(8))"
        var args = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args += ["env", "-u", "OCTOPUS_KB", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "bash", "--norc", "--noprofile"]
        try tmux(args)
        try tmux(["set-option", "-t", name, "status", "off"])
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
        _ = waitFor { $0.contains("$") || $0.contains("#") }
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux", "-L", socket] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func send(_ keys: String...) { _ = try? tmux(["send-keys", "-t", name] + keys) }
    func type(_ text: String) { _ = try? tmux(["send-keys", "-t", name, "-l", text]) }

    func capture(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
    }

    func resize(_ width: Int, _ height: Int) { _ = try? tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls the screen until `condition` holds (up to `timeout` seconds); returns the last screen.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            screen = capture()
        }
        return screen
    }

    /// PID of the program running in the pane's foreground.
    func foregroundPID(named program: String) -> Int32? {
        let pane = (try? tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pgrep", "-P", pane, program]
        let out = Pipe(); p.standardOutput = out
        try? p.run(); p.waitUntilExit()
        return Int32(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").first ?? "")
    }
}
