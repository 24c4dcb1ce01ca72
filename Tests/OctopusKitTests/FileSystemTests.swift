import Foundation
import Testing
@testable import OctopusKit

/// The system-call file layer that stands in for FileManager and ProcessInfo (Files/).
@Suite("File system")
struct FileSystemTests {
    @Test func foldersFilesAndListingsAsFoundationSeesThem() throws {
        let root = NSTemporaryDirectory() + "octopus-fs-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let deep = Path.join(root, "a b/c\nd/e")
        try FileSystem.makeFolders(deep)
        try FileSystem.makeFolders(deep)  // already there: fine
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: deep, isDirectory: &isFolder) && isFolder.boolValue)
        let mode = try FileManager.default.attributesOfItem(atPath: deep)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let file = Path.join(deep, "é.txt")
        #expect(FileSystem.write(Array("one\ntwo".utf8), to: file, mode: 0o644))
        #expect(FileSystem.readText(file) == "one\ntwo")
        #expect(FileSystem.write(Array("three".utf8), to: file))
        #expect(FileSystem.readText(file) == "three")
        #expect(FileSystem.list(deep) == ["é.txt"])
        #expect(FileSystem.list(Path.join(root, "missing")) == nil)
        #expect(FileSystem.remove(file) && !Path.exists(file))
        #expect(!FileSystem.remove(file))
        // A file in the way of a folder is an error that names it, never a crash.
        #expect(FileSystem.write([1], to: Path.join(root, "f")))
        #expect(throws: FileSystem.Failure.self) { try FileSystem.makeFolders(Path.join(root, "f/g")) }
        #expect(!FileSystem.write([1], to: Path.join(root, "f/g")))
        #expect(FileSystem.currentDirectory == FileManager.default.currentDirectoryPath)
    }

    @Test func theEnvironmentIsTheProcesssOwn() {
        #expect(Environment.all == ProcessInfo.processInfo.environment)
        #expect(Environment.value("PATH") == ProcessInfo.processInfo.environment["PATH"])
        #expect(Environment.value("OCTOPUS_SURELY_UNSET_\(UUID().uuidString.prefix(8))") == nil)
    }

    @Test func pathsAreTakenApartAsTheShellShowsThem() {
        #expect(Path.lastComponent("talks/tour.yaml") == "tour.yaml")
        #expect(Path.lastComponent("talks/") == "talks")
        #expect(Path.stem("talks/tour.yaml") == "tour")
        #expect(Path.stem(".profile") == ".profile")
        #expect(Path.fileExtension("a/b.c/tour.YAML") == "YAML")
        #expect(Path.fileExtension("a/b.c/tour").isEmpty)
    }
}
