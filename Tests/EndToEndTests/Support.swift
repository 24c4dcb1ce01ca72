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

    /// A data folder of the tests' own, unless a test gives one: no run reads the user's notes or
    /// the knowledge base they installed.
    static let isolatedData = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-e2e-default-\(UUID().uuidString)").path

    static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String] = [:], cwd: URL? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["OCTOPUS_KB"] = nil
        env["OCTOPUS_DATA_DIR"] = isolatedData
        env["XDG_CACHE_HOME"] = isolatedData + "/cache"
        for (k, v) in environment { env[k] = v }
        let r = Spawn.run([(executable ?? url).path] + arguments, environment: env, cwd: cwd?.path)
        return Result(status: r.status, stdout: r.output, stderr: r.error)
    }
}

/// A private tmux server with one shell window of a given size.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    /// A private notebook folder, so tests never touch the user's own notes.
    let dataDirectory: String

    init(width: Int = 80, height: Int = 24, environment: [String: String] = [:], dataDirectory: String? = nil) throws {
        socket = "octopus-e2e-\(UUID().uuidString.prefix(8))"
        self.dataDirectory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("octopus-e2e-data-\(UUID().uuidString)").path
        var args = ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args += [
            "env", "-u", "OCTOPUS_KB", "-u", "VISUAL", "-u", "EDITOR", "OCTOPUS_DATA_DIR=\(self.dataDirectory)", "XDG_CACHE_HOME=\(self.dataDirectory)/cache",
            "TERM=tmux-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "bash", "--norc", "--noprofile",
        ]
        // The server forks from this command and would hold a stdout pipe open forever.
        try tmux(args, captureOutput: false)
        try tmux(["set-option", "-t", name, "status", "off"])
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
        _ = waitFor { $0.contains("$") || $0.contains("#") }
    }

    deinit { _ = try? tmux(["kill-server"], captureOutput: false) }

    @discardableResult
    func tmux(_ args: [String], captureOutput: Bool = true) throws -> String {
        Spawn.run(["tmux", "-L", socket] + args, captureOutput: captureOutput).output
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
        let out = Spawn.run(["pgrep", "-P", pane, program]).output
        return Int32(out.split(separator: "\n").first ?? "")
    }
}

/// posix_spawn + waitpid: Foundation's Process can leave a forking child (the tmux client whose
/// server daemonises) unreaped and block forever; this cannot.
enum Spawn {
    struct Result { var status: Int32; var output: String; var error: String }

    static func run(
        _ command: [String], environment: [String: String]? = nil, cwd: String? = nil,
        captureOutput: Bool = true
    ) -> Result {
        // GNU env changes directory for us (posix_spawn's chdir action is not in Swift's Glibc).
        let argv = cwd.map { ["env", "-C", $0] + command } ?? command
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return Result(status: -1, output: "", error: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        // Children start with no blocked and no ignored signals: the test runner blocks some in its
        // threads, and a browser that inherits a blocked SIGWINCH or SIGTERM would never see them.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty); sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        let rc = posix_spawnp(&pid, argv[0], &actions, &attr, cArgs, cEnv)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else { close(outPipe[0]); close(errPipe[0]); return Result(status: -1, output: "", error: "cannot run \(argv[0])") }
        // Read both pipes on separate threads so neither can fill up and block the child.
        nonisolated(unsafe) var errData = Data()
        let errFD = errPipe[0]
        let errThread = Thread { errData = readAll(errFD) }
        errThread.start()
        let outData = readAll(outPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        while !errThread.isFinished { usleep(1000) }
        close(outPipe[0]); close(errPipe[0])
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, output: String(decoding: outData, as: UTF8.self), error: String(decoding: errData, as: UTF8.self))
    }

    static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n < 0 && errno == EINTR { continue } else { break }
        }
        return data
    }
}

/// Empty folders for one test (removed with `defer`, which outlives every use, unlike an object
/// whose lifetime ARC may end early).
enum Scratch {
    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }
}
