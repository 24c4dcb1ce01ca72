import ArgumentParser
import BundledKnowledgeBase
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook

/// `octopus kb`: newer knowledge bases installed offline, and what changed between two.
struct KB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Install a newer knowledge base, choose the one in use, and see what changed.",
        discussion: """
            Installed bases are kept in the data folder (kb/); the one in use is the default for every \
            command until another is chosen. --kb and OCTOPUS_KB still override it for one run.
            """,
        subcommands: [Install.self, Use.self, ListBases.self, Diff.self])

    /// The built-in base, for comparisons and the as-of check.
    static func builtin() throws -> KnowledgeBase { try KnowledgeBaseOptions.loadBuiltin() }

    /// A base named on the command line: "builtin", an installed name, or a file.
    static func named(_ name: String, in bases: InstalledBases) throws -> KnowledgeBase {
        if name == "builtin" { return try builtin() }
        return try KnowledgeBaseOptions.parse(["--kb", bases.list().first { $0.name == name }?.path ?? name]).loadWithOrigin().base
    }

    static func folder(_ notebook: NotebookOptions) throws -> InstalledBases {
        InstalledBases(dataDirectory: try notebookCall { () throws(NotebookError) in try Notebook.dataDirectory(notebook.dataDir) })
    }

    /// How many of the user's notes are on each record (a removed record's are kept, orphaned).
    static func noteCounts(_ notebook: NotebookOptions) -> [String: Int] {
        guard let book = try? notebook.openIfExists(), let notes = try? book.allNotes() else { return [:] }
        return notes.reduce(into: [:]) { $0[$1.recordID.lowercased(), default: 0] += 1 }
    }

    static func printReport(_ diff: KnowledgeBaseDiff, notes: [String: Int]) {
        for line in diff.report(notesOn: { notes[$0.lowercased()] ?? 0 }) { Terminal.write("  " + line + "\n") }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Check a knowledge-base file, keep it, and use it from now on; prints what changed.",
            discussion:
                "The file is checked as `octopus validate` checks it (exit 65 with every problem). A base older than the built-in one is refused unless --force."
        )
        @Argument(help: ArgumentHelp("The knowledge-base JSON file.", valueName: "file")) var file: String
        @Flag(help: "Install even a base whose as-of date is before the built-in one's.") var force = false
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let new = try KnowledgeBaseOptions.parse(["--kb", file]).loadWithOrigin(checked: true).base
            let builtin = try KB.builtin()
            if new.asOf < builtin.asOf && !force {
                Terminal.printError(
                    "octopus: \(file) is as of \(new.asOf), before the built-in base (\(builtin.asOf)); it would take facts away. Add --force to install it anyway"
                )
                throw ExitCode(ExitStatus.dataError.rawValue)
            }
            let bases = try KB.folder(notebook)
            // The default as it stands (not --kb or OCTOPUS_KB, which are for one run).
            let old = try KnowledgeBaseOptions.parse([]).defaultBase(dataDirectory: notebook.dataDir)
            guard let bytes = try? SourceFile.read(file, maxBytes: KnowledgeBaseLoader.maxFileBytes) else {
                Terminal.printError("octopus: cannot read \(file)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            do {
                let name = try bases.install(Array(bytes), asOf: new.asOf)
                try bases.use(name)
                Terminal.write("Installed \(name) (as of \(new.asOf)); it is now the knowledge base every command uses (octopus kb use builtin goes back).\n")
                Terminal.write("Changes from the base used until now (\(old.origin.label), as of \(old.base.asOf)):\n")
                KB.printReport(KnowledgeBaseDiff(old: old.base, new: new), notes: KB.noteCounts(notebook))
            } catch {
                Terminal.printError("octopus: " + error.description)
                throw ExitCode(ExitStatus.cannotCreate.rawValue)
            }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "use", abstract: "Choose the knowledge base every command uses: builtin or an installed one.")
        @Argument(help: ArgumentHelp("builtin, or a name from octopus kb list.", valueName: "name")) var name: String
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let bases = try KB.folder(notebook)
            do {
                try bases.use(name == "builtin" ? nil : name)
            } catch {
                Terminal.printError("octopus: " + error.description)
                throw ExitCode(name == "builtin" ? ExitStatus.cannotCreate.rawValue : ExitStatus.usage.rawValue)
            }
            Terminal.write(name == "builtin" ? "Using the built-in knowledge base.\n" : "Using the installed knowledge base \(name).\n")
        }
    }

    struct ListBases: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the built-in and installed knowledge bases; * marks the one in use.")
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let bases = try KB.folder(notebook)
            let current = bases.current?.name
            let builtin = try KB.builtin()
            Terminal.write("\(current == nil ? "*" : " ") builtin  as of \(builtin.asOf)\n")
            for entry in bases.list() {
                Terminal.write("\(entry.name == current ? "*" : " ") \(entry.name)  as of \(entry.asOf.map(\.description) ?? "unknown")\n")
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Say what changed between two knowledge bases: treaty steps, reservations, records.",
            discussion: "OLD and NEW are each builtin, a name from octopus kb list, or a file.")
        @Argument(help: ArgumentHelp("The older base.", valueName: "old")) var old: String
        @Argument(help: ArgumentHelp("The newer base.", valueName: "new")) var new: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var notebook: NotebookOptions

        func run() throws {
            let bases = try KB.folder(notebook)
            let diff = KnowledgeBaseDiff(old: try KB.named(old, in: bases), new: try KB.named(new, in: bases))
            let notes = KB.noteCounts(notebook)
            if json {
                Terminal.write(JSONOutput.encode(DiffJSON(diff, notes: notes)) + "\n")
            } else {
                Terminal.write("From \(old) (as of \(diff.oldAsOf)) to \(new) (as of \(diff.newAsOf)):\n")
                KB.printReport(diff, notes: notes)
            }
        }
    }
}

/// `kb diff --json`: every change, and the report's lines.
struct DiffJSON: Encodable {
    struct Step: Encodable {
        var country, name, treaty, treatyName, kind, date: String
        var previous: String?
    }
    struct StatementRef: Encodable { var country, name, treaty, treatyName, provision, kind: String }
    struct RecordRef: Encodable { var id, title: String; var orphanedNotes: Int? }
    var oldAsOf, newAsOf: String
    var newSteps, correctedSteps, confirmedSteps, resourcedSteps, removedSteps: [Step]
    var newStatements, changedStatements, removedStatements: [StatementRef]
    var added, reworded, removed: [RecordRef]
    var report: [String]

    init(_ d: KnowledgeBaseDiff, notes: [String: Int]) {
        func steps(_ list: [KnowledgeBaseDiff.Step]) -> [Step] {
            list.map {
                Step(
                    country: $0.country, name: $0.name, treaty: $0.treaty, treatyName: $0.treatyName, kind: $0.kind.rawValue, date: $0.date,
                    previous: $0.previous)
            }
        }
        func statements(_ list: [KnowledgeBaseDiff.StatementChange]) -> [StatementRef] {
            list.map {
                StatementRef(country: $0.country, name: $0.name, treaty: $0.treaty, treatyName: $0.treatyName, provision: $0.provision, kind: $0.kind.rawValue)
            }
        }
        func records(_ list: [KnowledgeBaseDiff.RecordRef], orphans: Bool = false) -> [RecordRef] {
            list.map { RecordRef(id: $0.id, title: $0.title, orphanedNotes: orphans ? notes[$0.id.lowercased()] ?? 0 : nil) }
        }
        oldAsOf = d.oldAsOf.description; newAsOf = d.newAsOf.description
        newSteps = steps(d.newSteps); correctedSteps = steps(d.correctedSteps); removedSteps = steps(d.removedSteps)
        confirmedSteps = steps(d.confirmedSteps); resourcedSteps = steps(d.resourcedSteps)
        newStatements = statements(d.newStatements); changedStatements = statements(d.changedStatements)
        removedStatements = statements(d.removedStatements)
        added = records(d.added); reworded = records(d.reworded); removed = records(d.removed, orphans: true)
        report = d.report { notes[$0.lowercased()] ?? 0 }
    }
}
