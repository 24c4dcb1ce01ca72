import Foundation
import Testing
@testable import OctopusNotebook

/// Handouts and exports are written whole or not at all, private when they hold notes.
@Suite("Handout files")
struct HandoutFileTests {
    func names(_ folder: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test func aHandoutWithNotesIsReadableByItsOwnerOnly() throws {
        let tmp = TempFolder()
        let old = umask(0)  // even with a permissive umask
        defer { umask(old) }
        try HandoutFile.write("# pack\n> my note\n", to: tmp.file("pack.md"), containsNotes: true, replace: false)
        #expect(mode(tmp.file("pack.md")) == 0o600)
        #expect(bytes(tmp.file("pack.md")) == Data("# pack\n> my note\n".utf8))
        try HandoutFile.write("# pack\n", to: tmp.file("shared.md"), containsNotes: false, replace: false)
        #expect(mode(tmp.file("shared.md")) == 0o644, "a pack without notes is meant to be handed round")
        #expect(names(tmp.path) == ["pack.md", "shared.md"], "no temporary file is left behind")
    }

    @Test func anExistingFileIsKeptUnlessReplacingIsAsked() throws {
        let tmp = TempFolder()
        let path = tmp.file("pack.md")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: NotebookError.outputExists(path: path)) {
            try HandoutFile.write("new", to: path, containsNotes: true, replace: false)
        }
        #expect(bytes(path) == Data("precious".utf8))
        try HandoutFile.write("new", to: path, containsNotes: true, replace: true)
        #expect(bytes(path) == Data("new".utf8))
        #expect(mode(path) == 0o600, "a replaced file takes the new file's mode, not the old one's")
        #expect(names(tmp.path) == ["pack.md"])
    }

    @Test func aFailedWriteLeavesNoFileAtAll() throws {
        let tmp = TempFolder()
        let missing = tmp.file("no-such-folder/pack.md")
        let error = try #require(throws: NotebookError.self) {
            try HandoutFile.write("text", to: missing, containsNotes: true, replace: false)
        }
        #expect(error.exitCode == 73)
        #expect(error.description.contains("nothing was written"))
        #expect(names(tmp.path).isEmpty)
        #expect(throws: NotebookError.outputIsFolder(path: tmp.path)) {
            try HandoutFile.write("text", to: tmp.path, containsNotes: true, replace: true)
        }
    }

    @Test func theBrowsersHandoutTakesTheNextFreeName() throws {
        let tmp = TempFolder()
        try Data("mine".utf8).write(to: URL(fileURLWithPath: tmp.file("octopus-handout-x.md")))
        let path = try HandoutFile.writeNew("pack", folder: tmp.path, stem: "octopus-handout-x", containsNotes: true)
        #expect(path == tmp.file("octopus-handout-x-2.md"))
        #expect(bytes(tmp.file("octopus-handout-x.md")) == Data("mine".utf8))
        #expect(mode(path) == 0o600)
        #expect(names(tmp.path) == ["octopus-handout-x-2.md", "octopus-handout-x.md"])
    }
}
