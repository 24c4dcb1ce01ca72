import Foundation
import Testing
@testable import OctopusNotebook

/// `octopus handout` and `octopus notes …`, run as a user would.
@Suite("Notebook commands (built binary)", .enabled(if: Binary.available, "needs the built octopus binary (swift build)"))
struct CommandLineTests {
    @Test func handoutWritesABriefingPackAndWillNotOverwrite() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        #expect(try Binary.run(["notes", "add", "art 29", "Ask", "about", "60", "days"], environment: env).status == 0)
        let out = tmp.file("briefing.md")
        let first = try Binary.run(["handout", "ws3", "art29", "PT", "-o", out], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 records, 1 note"))
        #expect(mode(out) == 0o600, "a pack with notes is as private as the notebook")
        let pack = try String(contentsOfFile: out, encoding: .utf8)
        #expect(pack.hasPrefix("# Briefing pack: "))
        #expect(pack.contains("## Contents"))
        #expect(pack.contains("> Ask about 60 days"))

        let again = try Binary.run(["handout", "art29", "-o", out], environment: env)
        #expect(again.status == 73)
        #expect(again.stderr.contains("already exists"))
        #expect(again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == pack, "the existing file is untouched")

        let forced = try Binary.run(["handout", "art29", "-o", out, "--force", "--no-notes"], environment: env)
        #expect(forced.status == 0, "\(forced.stderr)")
        let replaced = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!replaced.contains("Ask about 60 days"))
        #expect(!replaced.contains("WS3: Cybercrime"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix(".") }.isEmpty, "no temporary file left")
    }

    @Test func handoutToStandardOutputNeedsNoNotebook() throws {
        let tmp = TempFolder()
        let r = try Binary.run(["handout", "PT"], environment: ["OCTOPUS_DATA_DIR": tmp.data])
        #expect(r.status == 0)
        #expect(r.stdout.contains("## <a id=\"pt\"></a>Portugal"))
        #expect(!FileManager.default.fileExists(atPath: tmp.data), "reading does not create a notebook")
    }

    @Test func unknownIDsExit1WithSuggestions() throws {
        let tmp = TempFolder()
        let r = try Binary.run(["handout", "ws3", "art 92", "Portugul"], environment: ["OCTOPUS_DATA_DIR": tmp.data])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no record \"art 92\"; did you mean"))
        #expect(r.stderr.contains("no record \"Portugul\""))
        #expect(r.stdout.isEmpty)
        #expect(try Binary.run(["handout"], environment: [:]).status == 64)
    }

    /// Issue 14: `notes edit ID` and `notes rm ID`, by the digits `notes list` shows; an older
    /// export imported after a deletion does not bring the note back.
    @Test func editAndRemoveANoteByItsIDAndTheDeletionSurvivesAReimport() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        let added = try Binary.run(["notes", "add", "PT", "Ask about Art. 24"], environment: env)
        let id = String(added.stdout.dropFirst("saved ".count).prefix(8))
        #expect(added.status == 0 && id.count == 8, "\(added.stdout)")
        _ = try Binary.run(["notes", "add", "art29", "kept"], environment: env)
        let older = tmp.file("older.json")
        #expect(try Binary.run(["notes", "export", "--format", "json", "-o", older], environment: env).status == 0)

        let edited = try Binary.run(["notes", "edit", id, "Ask", "about", "Art. 24(5)"], environment: env)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.hasPrefix("saved \(id)"))
        #expect(try Binary.run(["notes", "list"], environment: env).stdout.contains("Ask about Art. 24(5)"))
        let piped = try Binary.run(["notes", "edit", id, "-"], environment: env, stdin: "two\nlines\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try Binary.run(["notes", "list"], environment: env).stdout.contains("two\n"))
        // No text, no terminal, no editor: told what to do, nothing changed.
        let bare = try Binary.run(["notes", "edit", id], environment: env.merging(["EDITOR": "", "VISUAL": ""]) { $1 })
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("give the new text"))
        let unknown = try Binary.run(["notes", "edit", "ffffffff", "x"], environment: env)
        #expect(unknown.status == 1 && unknown.stderr.contains("octopus notes list"))

        // One unknown id among several deletes nothing.
        #expect(try Binary.run(["notes", "rm", id, "ffffffff"], environment: env).status == 1)
        #expect(try Binary.run(["notes", "list"], environment: env).stdout.contains("two"))
        let removed = try Binary.run(["notes", "rm", id], environment: env)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "deleted \(id) on PT: two\n")

        let reimport = try Binary.run(["notes", "import", older], environment: env)
        #expect(reimport.status == 0, "\(reimport.stderr)")
        #expect(reimport.stdout.contains("1 deleted here (kept deleted)"), "\(reimport.stdout)")
        #expect(reimport.stdout.contains("deleted  note \(id)"))
        let list = try Binary.run(["notes", "list"], environment: env).stdout
        #expect(!list.contains("PT  Portugal") && list.contains("kept"), "\(list)")
    }

    @Test func exportImportAndReport() throws {
        let a = TempFolder(), b = TempFolder()
        #expect(try Binary.run(["notes", "add", "PT", "-"], environment: ["OCTOPUS_DATA_DIR": a.data], stdin: "two\nlines\n").status == 0)
        let file = a.file("notes.json")
        let export = try Binary.run(["notes", "export", "--format", "json", "-o", file], environment: ["OCTOPUS_DATA_DIR": a.data])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(mode(file) == 0o600, "an export of private notes is private")

        let first = try Binary.run(["notes", "import", file], environment: ["OCTOPUS_DATA_DIR": b.data])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 note added, 0 already present"))
        #expect(first.stdout.contains("added    note"))
        let second = try Binary.run(["notes", "import", file], environment: ["OCTOPUS_DATA_DIR": b.data])
        #expect(second.stdout.contains("0 notes added, 1 already present"))

        let list = try Binary.run(["notes", "list"], environment: ["OCTOPUS_DATA_DIR": b.data])
        #expect(list.stdout.contains("PT  Portugal"))
        #expect(list.stdout.contains("two\n"))
        #expect(list.stdout.contains("1 note on 1 record."))

        let bad = a.file("bad.json")
        try Data("{\"format\": \"octopus-notebook\", \"version\": 1, \"notes\": 3}".utf8).write(to: URL(fileURLWithPath: bad))
        let rejected = try Binary.run(["notes", "import", bad], environment: ["OCTOPUS_DATA_DIR": b.data])
        #expect(rejected.status == 65)
        #expect(rejected.stderr.contains("bad.json:1:"))
        #expect(rejected.stderr.contains("nothing was imported"))
    }

    @Test func orphanedNotesAreListedAfterTheKnowledgeBaseChanges() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        let old = tmp.file("old.json"), new = tmp.file("new.json")
        try Data(SmallBase.json(withTCY: true).utf8).write(to: URL(fileURLWithPath: old))
        try Data(SmallBase.json(withTCY: false).utf8).write(to: URL(fileURLWithPath: new))
        #expect(try Binary.run(["notes", "add", "T-CY", "meets in June", "--kb", old], environment: env).status == 0)
        let list = try Binary.run(["notes", "list", "--kb", new], environment: env)
        #expect(list.status == 0)
        #expect(list.stdout.contains("Orphaned: these records are not in this knowledge base; the notes are kept."))
        #expect(list.stdout.contains("t-cy  (not in this knowledge base)"))
        #expect(list.stdout.contains("meets in June"))
        #expect(list.stdout.contains("1 orphaned"))
    }

    @Test func aDamagedNotebookIsReportedByTheCommands() throws {
        let tmp = TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.data, withIntermediateDirectories: true)
        let junk = Data("not a database, but somebody's precious file\n".utf8)
        try junk.write(to: URL(fileURLWithPath: tmp.database))
        let r = try Binary.run(["notes", "add", "art29", "hello"], environment: ["OCTOPUS_DATA_DIR": tmp.data])
        #expect(r.status == 74)
        #expect(r.stderr.contains("is damaged"))
        #expect(r.stderr.contains(tmp.database))
        #expect(bytes(tmp.database) == junk)
    }
}
