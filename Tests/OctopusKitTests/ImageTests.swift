import Foundation
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
    /// correct header are refused with an error.
    @Test func randomPayloadsAreRefusedNotTrapped() {
        var rng = SplitMix64(seed: 2010)
        for _ in 0..<2_000 {
            let payload = (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            guard let bytes = try? ImageBytes([0, 0, 0, 0, 0, 0, 0, 0] + payload, stringTableAt: 0, file: nil) else { continue }
            var r = try? ImageReader(bytes, from: 8, to: bytes.bytes.count)
            _ = try? r?.array { r throws(ImageError) in try Country(from: &r) }
            _ = try? ImageSection(image: bytes, at: 8) { r throws(ImageError) in try Country(from: &r) }
        }
    }
}
