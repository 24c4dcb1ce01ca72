import Foundation
import Testing

/// A base given with --kb is compiled once and kept in the cache, keyed by its content: a later
/// run reads the compiled copy, an edited file gets its own, and a damaged entry is rebuilt.
@Suite("Compiled copies of --kb files")
struct CompiledCacheTests {
    @Test func aFileIsCompiledOnceAndADamagedEntryIsRebuilt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        let env = ["XDG_CACHE_HOME": cache.path]
        let file = folder.appendingPathComponent("kb.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = KnowledgeBaseInstallTests.package.appendingPathComponent("Resources/octopus-kb.json")
        try FileManager.default.copyItem(at: source, to: file)

        let first = try Binary.run(["show", "art29", "--kb", file.path], environment: env)
        #expect(first.status == 0, "\(first.stderr)")
        let entries = {
            ((try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("octopus").path)) ?? []).filter { $0.hasSuffix(".image") }
        }
        #expect(entries().count == 1, "\(entries())")
        let entry = cache.appendingPathComponent("octopus").appendingPathComponent(try #require(entries().first))
        let sound = try Data(contentsOf: entry)

        // From the compiled copy: the same page.
        #expect(try Binary.run(["show", "art29", "--kb", file.path], environment: env).stdout == first.stdout)

        // A damaged entry is not trusted: the page is still right, and the entry is written again.
        var damaged = sound
        damaged[damaged.count / 2] ^= 0xFF
        try damaged.write(to: entry)
        let again = try Binary.run(["show", "art29", "--kb", file.path], environment: env)
        #expect(again.status == 0 && again.stdout == first.stdout)
        #expect(try Data(contentsOf: entry) == sound)

        // An edited file is a new entry with the new text; the old entry is not used for it.
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Expedited preservation of stored computer data", with: "Expedited preservation of stored data (edited)")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let edited = try Binary.run(["show", "art29", "--kb", file.path], environment: env)
        #expect(edited.stdout.contains("(edited)"), "\(edited.stdout.prefix(200))")
        #expect(entries().count == 2)

        // The same size and the old modification time put back: the change time still differs, so
        // the file is read again rather than taken for the one hashed before.
        let before = try FileManager.default.attributesOfItem(atPath: file.path)
        let sameSize = text.replacingOccurrences(of: "(edited)", with: "(EDITED)")
        try Data(sameSize.utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: try #require(before[.modificationDate] as? Date)], ofItemAtPath: file.path)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == before[.size] as? Int)
        let sneaky = try Binary.run(["show", "art29", "--kb", file.path], environment: env)
        #expect(sneaky.stdout.contains("(EDITED)"), "\(sneaky.stdout.prefix(200))")

        // validate always reads the JSON itself.
        text = text.replacingOccurrences(of: "\"asOf\": \"2026-11-29\"", with: "\"asOf\": \"2026-02-30\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Binary.run(["validate", file.path], environment: env).status == 65)
    }
}
