import ArgumentParser
import CTerminal
import Foundation
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
        subcommands: [Browse.self, List.self, Show.self, Search.self, Validate.self, Handout.self, Notes.self, Walk.self, KB.self],
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
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count <= maxArguments else {
            Terminal.printError(
                "octopus: \(arguments.count) arguments is more than any command takes (at most \(maxArguments)); put a long search in quotes, as one argument")
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

extension ExitCode {
    /// Every status the command line exits with comes from the one table, `ExitStatus`.
    init(_ status: ExitStatus) { self.init(status.rawValue) }
}
