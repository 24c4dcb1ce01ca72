import FoundationEssentials
import OctopusKit
import Glibc

/// The user's own editor (`$VISUAL`, else `$EDITOR`) on a private temporary file: how the browser
/// and `octopus notes edit` let a note be written where the user writes everything else.
///
/// What the user wrote is never lost: when the text cannot be saved, the file is left in place
/// and its path is part of the message.
public struct ExternalEditor: Sendable {
    /// The command as the user set it; run by `/bin/sh`, so "code --wait" works.
    public let command: String

    /// The editor the environment names, or nil when neither variable holds a command.
    public init?(environment: [String: String]) {
        guard
            let command = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 })
                .first(where: { !$0.trimmed(newlines: false).isEmpty })
        else { return nil }
        self.command = command
    }

    public init(command: String) { self.command = command }

    /// A new file readable by its owner only, holding `text`; nil when the temporary folder refuses.
    public static func draft(_ text: String, prefix: String = "octopus-note") -> String? {
        let path = Path.join(FileSystem.temporaryDirectory, "\(prefix)-\(UUID().uuidString).md")
        return FileSystem.write(Array(text.utf8), to: path, mode: 0o600) ? path : nil
    }

    /// Runs the editor on `path` in the foreground and returns its exit status.
    public func edit(_ path: String) -> Int32 {
        Self.runShell("exec \(command) \"$1\"", argument: path)
    }

    /// The note the file now holds, checked as every note is (`NoteText`); the newline editors
    /// add at the end is not part of it.
    public static func read(_ path: String) throws(NotebookError) -> String {
        var text = try NoteText.decode(Data((try? SourceFile.read(path, maxBytes: Note.maxTextBytes + 1)) ?? []), source: "the editor's file")
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Runs `sh -c script sh argument` on the terminal and waits for it.
    static func runShell(_ script: String, argument: String) -> Int32 {
        let argv = ["/bin/sh", "-c", script, "sh", argument]
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, cArgs, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
