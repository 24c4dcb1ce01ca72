import ArgumentParser
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// Where the user's bookmarks and notes live; every notebook command takes it.
struct NotebookOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "Keep bookmarks and notes in this folder (also: OCTOPUS_DATA_DIR; default: $XDG_DATA_HOME/octopus, or ~/.local/share/octopus).",
            valueName: "folder"))
    var dataDir: String?

    /// Opens the notebook for writing, creating it if needed, or prints what is wrong and exits
    /// (a folder or file that cannot be written: exit 77, as the error says).
    func open() throws -> Notebook {
        try notebookCall { () throws(NotebookError) in try Notebook.open(directory: dataDir, readOnlyIfNeeded: false) }
    }

    /// Opens the notebook for reading, only if there is one: reading commands do not create an
    /// empty file, and still work, read-only, where the notebook cannot be written (one line on
    /// standard error says so and why).
    func openIfExists() throws -> Notebook? {
        guard Notebook.exists(directory: dataDir) else { return nil }
        let book = try notebookCall { () throws(NotebookError) in try Notebook.open(directory: dataDir, readOnlyIfNeeded: true) }
        if let notice = book.readOnlyNotice { Terminal.printError(notice) }
        return book
    }
}

/// Runs a notebook call; a `NotebookError` is printed (it says what to do) and becomes the exit status.
func notebookCall<T>(_ body: () throws(NotebookError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        Terminal.printError(error.description)
        throw ExitCode(error.exitStatus)
    }
}

/// Turns what the user typed (`art29`, `"art 29"`, `PT`, `Portugal`, `ws3/2`) into records, as
/// `octopus show` does; every unknown one is reported with suggestions, then exit 1.
enum RecordArguments {
    static func resolve(_ inputs: [String], in base: KnowledgeBase) throws -> [Record] {
        let resolver = AddressResolver.load(base)
        var records: [Record] = [], failed = false
        for input in inputs {
            switch resolver.resolve(input) {
            case .record(let id), .topic(session: let id, topic: _):
                if let r = base.record(id) { records.append(r) }
            case .notFound(let suggestions):
                failed = true
                var message = "octopus: no record \"\(input)\""
                if suggestions.isEmpty {
                    message += "; try `octopus list sessions|articles|countries`"
                } else {
                    message +=
                        "; did you mean "
                        + suggestions.map { s in
                            "\(s) (\(base.record(s).map { Sanitizer.clean($0.shortTitle) } ?? s))"
                        }.joined(separator: ", ") + "?"
                }
                Terminal.printError(message)
            }
        }
        if failed { throw ExitCode(.nothingFound) }
        return records
    }

    /// The States named, or a usage error naming the first input that is another kind of record.
    static func countries(_ inputs: [String], in base: KnowledgeBase, command: String) throws -> [Country] {
        try zip(inputs, resolve(inputs, in: base)).map { typed, record in
            guard case .country(let c) = record else {
                Terminal.printError(
                    "octopus: \"\(Sanitizer.clean(typed))\" is \(Sanitizer.clean(record.shortTitle)), not a State; \(command) takes States (octopus list countries)"
                )
                throw ExitCode(.usage)
            }
            return c
        }
    }
}

/// `-o FILE` and `--force`, for every command that writes a document: to standard output for no
/// file or "-", else through `HandoutFile` (the browser's writer too) — whole or not at all, an
/// existing file replaced only with --force, 0600 when it holds notes or ratings.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// The file written to, or nil for standard output.
    var file: String? { output == "-" ? nil : output }

    /// - Parameter keep: what standard output keeps that it would otherwise clean (CSV's CRLF).
    func write(_ text: String, containsNotes: Bool, keep: Sanitizer.Keep? = nil) throws {
        guard let path = file else {
            if let keep { Terminal.write(text, keep: keep) } else { Terminal.write(text) }
            return
        }
        try notebookCall { () throws(NotebookError) in
            try HandoutFile.write(text, to: path, containsNotes: containsNotes, replace: force)
        }
    }
}
