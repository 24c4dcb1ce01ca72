import BundledKnowledgeBase
import Foundation
import Synchronization
import Testing
import TestSupport

@testable import OctopusKit

/// The compiled knowledge base: what loads from it is what the JSON loader gave, and a damaged or
/// stale image is refused, never trusted.
@Suite("Compiled knowledge base")
struct ImageTests {
    func expectSame(_ a: KnowledgeBase, _ b: KnowledgeBase, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.allRecords == b.allRecords, sourceLocation: sourceLocation)
        #expect(a.synonyms == b.synonyms && a.conference == b.conference, sourceLocation: sourceLocation)
        #expect(a.asOf == b.asOf && a.title == b.title && a.formatVersion == b.formatVersion, sourceLocation: sourceLocation)
        #expect(a.backlinks == b.backlinks, sourceLocation: sourceLocation)
    }

    @Test func theImageLoadsTheSameBase() throws {
        let image = KnowledgeBaseImage.encode(bundled, sourceHash: 42)
        expectSame(try KnowledgeBaseImage.decode(image), bundled)
        #expect(KnowledgeBaseImage.sourceHash(of: image) == 42)
        // A larger base, with every kind of field filled many times over.
        let large = KnowledgeBase.synthetic(from: bundled, scale: 5)
        expectSame(try KnowledgeBaseImage.decode(KnowledgeBaseImage.encode(large, sourceHash: 1)), large)
    }

    /// The images built into the program are the bundled JSON compiled, byte for byte and whole
    /// (the program takes no checksum of its own bytes at start: this is where it is checked), and
    /// open in place as the base the JSON gives.
    @Test func theBuiltInImagesAreTheBundledJSONCompiled() throws {
        let json = Array(BundledKnowledgeBase.json.utf8), hash = ContentHash.of(json)
        #expect(json.count == BundledKnowledgeBase.byteCount && json.count > 100_000)
        try ImageFrame(magic: KnowledgeBaseImage.magic, version: KnowledgeBaseImage.formatVersion).check(BundledKnowledgeBase.image)
        try SearchIndexImage.frame.check(BundledKnowledgeBase.searchImage)
        #expect(KnowledgeBaseImage.sourceHash(of: Array(BundledKnowledgeBase.image)) == hash)
        #expect(Array(BundledKnowledgeBase.image) == KnowledgeBaseImage.encode(bundled, sourceHash: hash))
        let inPlace = ImageStorage(program: BundledKnowledgeBase.image)
        #expect(!inPlace.needsChecksum && inPlace.raw.baseAddress == BundledKnowledgeBase.image.baseAddress)
        let opened = try KnowledgeBaseImage.decode(inPlace)
        expectSame(opened, bundled)
        let search = try SearchIndexImage.decode(ImageStorage(program: BundledKnowledgeBase.searchImage), for: opened, sourceHash: hash, file: nil)
        #expect(search.search("preservation").map(\.id) == SearchIndex(bundled).search("preservation").map(\.id))
    }

    /// A cache entry is mapped, not read: what opens from the mapping is the base it was made
    /// from; a shortened entry is refused; a missing, empty or folder path is no entry at all.
    @Test func aMappedCacheEntryOpensAsTheBaseAndAShortOneIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-map-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let image = KnowledgeBaseImage.encode(bundled, sourceHash: 9)
        for (name, bytes) in [("whole", image), ("short", Array(image.dropLast(100))), ("empty", [])] {
            try #require(FileManager.default.createFile(atPath: folder + "/\(name).image", contents: Data(bytes)))
        }
        let whole = try #require(ImageStorage.map(folder + "/whole.image", maxBytes: 1 << 30))
        #expect(Array(whole.raw) == image)
        #expect(KnowledgeBaseImage.sourceHash(of: whole) == 9)
        expectSame(try KnowledgeBaseImage.decode(whole), bundled)
        let short = try #require(ImageStorage.map(folder + "/short.image", maxBytes: 1 << 30))
        #expect(throws: ImageError.self) { try KnowledgeBaseImage.decode(short) }
        #expect(ImageStorage.map(folder + "/whole.image", maxBytes: image.count - 1) == nil)
        for path in ["/empty.image", "/missing.image", ""] { #expect(ImageStorage.map(folder + path, maxBytes: 1 << 30) == nil, "\(path)") }
    }

    /// A cache entry's checksum is taken at its first opening; while the entry is then the same
    /// file, later openings take it as checked (and map only what they read). A rewrite in place,
    /// of the same size, is checked again and refused; an entry changed moments ago is not taken
    /// as checked at all, since a rewrite within the same tick of the file times could go unseen.
    @Test func anEntryIsCheckedOnceWhileItIsTheSameFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-checked-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let image = KnowledgeBaseImage.encode(bundled, sourceHash: 7), entry = folder + "/kb.image"
        try #require(FileManager.default.createFile(atPath: entry, contents: Data(image)))
        var later = ImageCache(folder: folder, programVersion: "test")
        later.now = {
            var t = FileIdentity.now()
            t.tv_sec += 10
            return t
        }

        let first = try #require(later.mapEntry(entry))
        #expect(first.needsChecksum)
        expectSame(try KnowledgeBaseImage.decode(first), bundled)
        #expect(FileManager.default.fileExists(atPath: entry + ".checked"))
        let second = try #require(later.mapEntry(entry))
        #expect(!second.needsChecksum)
        expectSame(try KnowledgeBaseImage.decode(second), bundled)

        // Damaged in place, the same size; its times are those of a moment later.
        var damaged = image
        damaged[damaged.count / 2] ^= 0xFF
        let handle = try #require(FileHandle(forWritingAtPath: entry))
        try handle.write(contentsOf: damaged)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: entry)
        let third = try #require(later.mapEntry(entry))
        #expect(third.needsChecksum)
        #expect(throws: ImageError.self) { try KnowledgeBaseImage.decode(third) }

        // Judged by the real clock, an entry written just now is not taken as checked.
        let fresh = folder + "/fresh.image", now = ImageCache(folder: folder, programVersion: "test")
        try #require(FileManager.default.createFile(atPath: fresh, contents: Data(image)))
        expectSame(try KnowledgeBaseImage.decode(try #require(now.mapEntry(fresh))), bundled)
        #expect(!FileManager.default.fileExists(atPath: fresh + ".checked"))
        #expect(try #require(now.mapEntry(fresh)).needsChecksum)
    }

    /// Making a cache entry removes the copies of the same content made by other versions of
    /// octopus (with their search indexes and records), and nothing else.
    @Test func storingAnEntryRemovesOtherVersionsOfIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-versions-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ImageCache(folder: folder, programVersion: "9.9.9"), hash: UInt64 = 0xABC
        let hex = ContentHash.hex(hash), other = ContentHash.hex(0xDEF)
        let stale = ["kb-\(hex)-octopus-0.1.0-v7.image", "kb-\(hex)-octopus-0.1.0-v7.image.search", "kb-\(hex)-octopus-9.9.9-v1.image.checked"]
        let kept = ["kb-\(other)-octopus-0.1.0-v7.image", "notes.txt"]
        for name in stale + kept { try #require(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data([1]))) }

        cache.store(bundled, hash: hash)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let mine = String(cache.path(for: hash).dropFirst(folder.count + 1))
        #expect(names == Set(kept + [mine]), "\(names.sorted())")
        expectSame(try #require(cache.load(hash)), bundled)
    }

    /// A base file edited since it was compiled has the entries of its old content removed when
    /// the edit is found, unless another file's record still names that content.
    @Test func editingABaseRemovesTheEntriesOfItsOldContentOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-edited-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var cache = ImageCache(folder: folder + "/cache", programVersion: "test")
        cache.now = {
            var t = FileIdentity.now()
            t.tv_sec += 10
            return t
        }
        let base = folder + "/base.json", copy = folder + "/copy.json"
        let original = Array(BundledKnowledgeBase.json.utf8), edited = original + Array("\n".utf8), again = edited + Array("\n".utf8)
        func entry(_ json: [UInt8]) -> Bool { FileManager.default.fileExists(atPath: cache.path(for: ContentHash.of(json))) }
        func write(_ json: [UInt8], to path: String) throws { try Data(json).write(to: URL(fileURLWithPath: path)) }

        try write(original, to: base)
        expectSame(try KnowledgeBaseLoader.load(path: base, cache: cache), bundled)
        #expect(entry(original))
        try write(edited, to: base)
        expectSame(try KnowledgeBaseLoader.load(path: base, cache: cache), bundled)
        #expect(entry(edited) && !entry(original))

        // The edited content is also another file's: editing the first again keeps its entry.
        try write(edited, to: copy)
        _ = try KnowledgeBaseLoader.load(path: copy, cache: cache)
        try write(again, to: base)
        expectSame(try KnowledgeBaseLoader.load(path: base, cache: cache), bundled)
        #expect(entry(again) && entry(edited))
    }

    /// Compiling a new entry drops the records of deleted files at once and, a week on, every
    /// entry no record names for this version: a deleted file's, another version's, a stray one;
    /// the entries of files still there, and of records too old to say where their file was, stay.
    @Test func compilingAnEntryPrunesWhatNoRunWillLoad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("octopus-prune-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let later = Mutex(10)
        var cache = ImageCache(folder: folder + "/cache", programVersion: "test")
        cache.now = {
            var t = FileIdentity.now()
            t.tv_sec += later.withLock { $0 }
            return t
        }
        let json = Array(BundledKnowledgeBase.json.utf8)
        func base(_ n: Int, named name: String? = nil) throws -> (path: String, hash: UInt64) {
            let bytes = json + Array(repeating: UInt8(ascii: "\n"), count: n), path = folder + "/" + (name ?? "base\(n).json")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return (path, ContentHash.of(bytes))
        }
        func present(_ name: String) -> Bool { FileManager.default.fileExists(atPath: cache.folder + "/" + name) }
        func entry(_ hash: UInt64) -> String { String(cache.path(for: hash).dropFirst(cache.folder.count + 1)) }
        func records() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: cache.folder + "/paths").count }

        // The kept file's name holds a space and a line break, as its record's path line then does:
        // read back short, the record would name no file and be dropped with its entry.
        let (kept, deleted) = (try base(0, named: "base of\n2010.json"), try base(1))
        _ = try KnowledgeBaseLoader.load(path: kept.path, cache: cache)
        _ = try KnowledgeBaseLoader.load(path: deleted.path, cache: cache)
        let older = "kb-\(ContentHash.hex(kept.hash))-octopus-0.0.1-v1.image", stray = entry(0xABC), legacy = entry(0xDEF)
        for name in [older, older + ".search", stray, stray + ".checked", legacy] {
            try #require(FileManager.default.createFile(atPath: cache.folder + "/" + name, contents: Data([1])))
        }
        // Written before records said where their file was: its file cannot be looked for.
        try Data("1 2 3 4.5 6.7 \(ContentHash.hex(0xDEF))\n".utf8).write(to: URL(fileURLWithPath: cache.folder + "/paths/legacy"))
        try FileManager.default.removeItem(atPath: deleted.path)
        try #require(try records() == 3)

        // A day on: the deleted file's record goes, every entry stays.
        later.withLock { $0 = 24 * 3600 }
        let third = try base(2)
        _ = try KnowledgeBaseLoader.load(path: third.path, cache: cache)
        #expect(try records() == 3)
        #expect([entry(kept.hash), entry(deleted.hash), entry(third.hash), older, stray, legacy].allSatisfy(present))

        // Eight days on: only the entries of files still there, and the legacy record's, stay.
        later.withLock { $0 = 8 * 24 * 3600 }
        let fourth = try base(3)
        expectSame(try KnowledgeBaseLoader.load(path: fourth.path, cache: cache), bundled)
        #expect([entry(kept.hash), entry(third.hash), entry(fourth.hash), legacy].allSatisfy(present))
        #expect(![entry(deleted.hash), older, older + ".search", stray, stray + ".checked"].contains(where: present))
        expectSame(try #require(cache.load(kept.hash)), bundled)
    }

    /// What a page reads from an opened image, looked up in place (ids in any case, backlinks,
    /// the treaty counts and the "made by" lists from the countries index), is what the base
    /// read from JSON gives.
    @Test func lookupsInPlaceAnswerAsTheJSONBaseDoes() throws {
        let opened = try KnowledgeBaseImage.decode(KnowledgeBaseImage.encode(bundled, sourceHash: 3))
        for r in bundled.allRecords {
            for id in [r.id, r.id.uppercased(), r.id.lowercased()] { #expect(opened.record(id) == r, "\(id)") }
            #expect(opened.backlinks[r.id] == bundled.backlinks[r.id], "\(r.id)")
            // Links name their targets from the index, so the labels there must be the record's.
            #expect(opened.label(of: r.id.uppercased()) == RecordLabel(id: r.id, shortTitle: r.shortTitle, inlineLabel: r.inlineLabel), "\(r.id)")
        }
        #expect(opened.label(of: "no-such-record") == nil)
        #expect(opened.record("no-such-record") == nil && opened.record("") == nil && opened.record("zzzz") == nil)
        #expect(opened.trackedTreaties == bundled.trackedTreaties && !opened.trackedTreaties.isEmpty)
        #expect(opened.latestEventDate == bundled.latestEventDate)
        for role in TreatyRole.allCases { #expect(opened.articles(of: role) == bundled.articles(of: role)) }
        #expect(opened.articles(of: .convention).count == 48 && opened.articles(of: "ets189").count == bundled.articles.filter { $0.treaty == "ets189" }.count)
        for year in stride(from: 2001, through: 2026, by: 3) {
            let day = try #require(Day(year: year, month: 6, day: 30))
            for treaty in bundled.treaties.map(\.id) {
                #expect(opened.parties(of: treaty, at: day).map(\.id) == bundled.parties(of: treaty, at: day).map(\.id))
                #expect(opened.signatories(of: treaty, at: day).map(\.id) == bundled.signatories(of: treaty, at: day).map(\.id))
                #expect(opened.invited(to: treaty, at: day).map(\.id) == bundled.invited(to: treaty, at: day).map(\.id))
            }
            for article in bundled.articles.map(\.id) {
                let a = opened.statements(on: article, at: day), b = bundled.statements(on: article, at: day)
                #expect(a.inEffect.map(\.0.id) == b.inEffect.map(\.0.id) && a.undated.map(\.1) == b.undated.map(\.1), "\(article) \(day)")
            }
        }
        // Someone reads a statement on Art. 22 at the conference: the index must not be empty.
        #expect(!opened.statements(on: "art22", at: .conference).inEffect.isEmpty)
    }

    /// The compiled search index answers every kind of query as the index built from the base
    /// does (same hits, order, scores and snippets), and one damaged, or made from another base,
    /// is refused.
    @Test func theCompiledSearchIndexAnswersAsTheBuiltOne() throws {
        let built = SearchIndex(bundled)
        let bytes = SearchIndexImage.encode(built, sourceHash: 11)
        let opened = try SearchIndexImage.decode(bytes, for: bundled, sourceHash: 11, file: nil)
        let queries = [
            "preservation", "mla", "art 29", "PT", "Turquie", "cote d ivoire", "\"expedited preservation\"", "interseptoin",
            "type:article data", "type:org police", "child", "jurisdiction reservation", "xyzzy", "ws3", "protocol racist",
        ]
        for q in queries {
            #expect(opened.search(q) == built.search(q), "\(q)")
            #expect(opened.suggestions(for: q) == built.suggestions(for: q), "\(q)")
        }
        #expect(!opened.search("preservation").isEmpty)
        #expect(opened.resolver.resolve("article 29") == built.resolver.resolve("article 29"))
        #expect(opened.resolver.suggestions(for: "portgal") == built.resolver.suggestions(for: "portgal"))

        #expect(throws: ImageError.self) { try SearchIndexImage.decode(bytes, for: bundled, sourceHash: 12, file: nil) }
        var rng = SplitMix64(seed: 185)
        for _ in 0..<100 {
            var damaged = bytes
            damaged[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1 + rng.next() % 255)
            #expect(throws: ImageError.self) { try SearchIndexImage.decode(damaged, for: bundled, sourceHash: 11, file: nil) }
        }
        #expect(throws: ImageError.self) { try SearchIndexImage.decode(Array(bytes.dropLast()), for: bundled, sourceHash: 11, file: nil) }
    }

    @Test func aDamagedImageIsRefused() throws {
        let image = KnowledgeBaseImage.encode(bundled, sourceHash: 7)
        var rng = SplitMix64(seed: 29)
        for _ in 0..<300 {
            var damaged = image
            let at = Int(rng.next() % UInt64(image.count))
            damaged[at] ^= UInt8(1 + rng.next() % 255)
            #expect(throws: ImageError.self, "a flipped byte at \(at) was accepted") { try KnowledgeBaseImage.decode(damaged) }
        }
        for length in [0, 5, KnowledgeBaseImage.headerSize, image.count / 2, image.count - 1] {
            #expect(throws: ImageError.self) { try KnowledgeBaseImage.decode(Array(image.prefix(length))) }
        }
        #expect(throws: ImageError.self) { try KnowledgeBaseImage.decode(image + [0]) }
    }

    /// Past the checksum, the reader itself never traps on nonsense: random payloads with a
    /// correct header are refused with an error. Records are read from bytes after an empty
    /// string table and an empty table of lists; lists from a table whose offsets are random.
    @Test func randomPayloadsAreRefusedNotTrapped() throws {
        var rng = SplitMix64(seed: 2010)
        func u32(_ v: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(v).littleEndian) { Array($0) } }
        let noStringsNoLists = u32(0) + u32(0) + u32(0) + u32(0)
        var listTablesRead = 0
        for _ in 0..<2_000 {
            let payload = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let bytes = try ImageBytes(ImageStorage(copying: noStringsNoLists + payload), stringTableAt: 0, file: nil)
            var r = try ImageReader(bytes, from: noStringsNoLists.count, to: bytes.count)
            _ = try? r.array { r throws(ImageError) in try Country(from: &r) }
            _ = try? ImageSection(image: bytes, at: noStringsNoLists.count) { r throws(ImageError) in try Country(from: &r) }

            let lists = Int(rng.next() % 4)
            let table = u32(0) + u32(0) + u32(lists) + (0...lists).flatMap { _ in u32(Int(rng.next() % 64)) } + payload
            guard let listBytes = try? ImageBytes(ImageStorage(copying: table), stringTableAt: 0, file: nil) else { continue }
            listTablesRead += 1
            for i in 0...lists { _ = try? listBytes.list(i) }
        }
        #expect(listTablesRead > 500, "only \(listTablesRead) random list tables were opened")
    }
}
