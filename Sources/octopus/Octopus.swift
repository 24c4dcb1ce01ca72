import ArgumentParser
import CTerminal
import FoundationEssentials
import Glibc
import OctopusKit

@main
struct Octopus: ParsableCommand {
    /// The program's version, as `octopus --version` prints it.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "octopus",
        abstract: "Offline companion for Octopus Interface 2010: sessions, the Budapest Convention and country profiles.",
        discussion: """
            With no subcommand, opens the terminal browser (plain text when output is not a terminal).
            The knowledge base is built in; --kb PATH or OCTOPUS_KB=PATH loads another file.
            \(ExitStatus.helpLine)
            """,
        version: "octopus \(version)",
        subcommands: [
            Browse.self, List.self, Show.self, Search.self, Compare.self, MatrixCommand.self, Validate.self, Handout.self, Notes.self, Bookmarks.self,
            Walk.self, Follow.self, KB.self,
        ],
        defaultSubcommand: Browse.self
    )

    /// ArgumentParser's own `main`, with two changes: a crash prints one short line (and restores
    /// the terminal) instead of the runtime's interactive backtrace, and its messages, which may
    /// quote what the user typed, go through `Terminal` like all other output.
    static let maxArguments = 1_000

    static func main() {
        octopus_install_crash_handlers()
        octopus_default_quit_signal()
        // A closed pipe is reported by write() as EPIPE, which `Terminal.write` handles.
        signal(SIGPIPE, SIG_IGN)
        // ArgumentParser's work grows with the square of the argument count; no command needs
        // more than a few, so thousands (a pasted page as separate words) are refused at once.
        let arguments = Self.commonOptionsLast(Array(CommandLine.arguments.dropFirst()))
        guard arguments.count <= maxArguments else {
            Terminal.printError(
                "octopus: \(arguments.count) arguments is more than any command takes (at most \(maxArguments)); put a long search in quotes, as one argument")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        // A single word is the browser's record to open (`octopus art29`); a word followed by more
        // that is one or two letters off a command is a mistyped command (`octopus shwo art29`).
        if let first = arguments.first, arguments.count >= 2, let name = Self.nearestCommand(to: first) {
            let example = (["octopus", name] + arguments.dropFirst()).map { Sanitizer.clean($0) }.joined(separator: " ")
            Terminal.printError("octopus: no command \"\(Sanitizer.clean(first))\"; did you mean `\(example)`? (octopus --help lists the commands)")
            Glibc.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                if code == .success { Terminal.write(message + "\n") } else { Terminal.printError(message) }
            }
            Glibc.exit(code.rawValue)
        }
    }
}

extension Octopus {
    static var commandNames: [String] { configuration.subcommands.compactMap { $0.configuration.commandName } }

    /// Options that commands share and people put first (`octopus --as-of latest show PT`),
    /// with whether each takes a value.
    static let commonOptions = ["--kb": true, "--as-of": true, "--data-dir": true, "--no-color": false, "--theme": true, "--mouse": false]

    /// Moves shared options written before the command to the end of the line (before a `--`),
    /// where the command's own parser takes them.
    static func commonOptionsLast(_ arguments: [String]) -> [String] {
        var i = 0, moved: [String] = []
        while i < arguments.count, let name = arguments[i].split(separator: "=").first, let takesValue = commonOptions[String(name)] {
            moved.append(arguments[i])
            if takesValue, !arguments[i].contains("="), i + 1 < arguments.count {
                moved.append(arguments[i + 1])
                i += 1
            }
            i += 1
        }
        guard !moved.isEmpty, i < arguments.count, commandNames.contains(arguments[i]) else { return arguments }
        var rest = Array(arguments[i...])
        rest.insert(contentsOf: moved, at: rest.firstIndex(of: "--") ?? rest.count)
        return rest
    }

    /// The command a word not itself a command is a slip away from ("shwo" → show): one letter
    /// or swap, two in words of five letters or more; never for two letters, which are country
    /// codes (`octopus PT --as-of latest` opens Portugal).
    static func nearestCommand(to word: String) -> String? {
        guard word.count >= 3, !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let lower = Array(word.lowercased()), allowed = lower.count >= 5 ? 2 : 1
        return commandNames.map { ($0, Suggestions.distance(lower, Array($0), limit: allowed)) }.filter { $0.1 <= allowed }.min { $0.1 < $1.1 }?.0
    }
}

extension ExitCode {
    /// Every status the command line exits with comes from the one table, `ExitStatus`.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
