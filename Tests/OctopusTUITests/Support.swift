import BundledKnowledgeBase
import Foundation
import OctopusKit
import Testing
@testable import OctopusTUI

let bundled: KnowledgeBase = {
    do { return try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: "bundled") } catch {
        fatalError("bundled knowledge base is invalid:\n\(error)")
    }
}()

/// Text snapshots under `__Snapshots__/NAME.txt`; OCTOPUS_RECORD_SNAPSHOTS=1 rewrites them on purpose.
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static func assert(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["OCTOPUS_RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt; run OCTOPUS_RECORD_SNAPSHOTS=1 swift test to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(
            text + "\n" == expected, "snapshot \(name) differs; if the change is intended, rerun with OCTOPUS_RECORD_SNAPSHOTS=1",
            sourceLocation: sourceLocation)
    }
}
