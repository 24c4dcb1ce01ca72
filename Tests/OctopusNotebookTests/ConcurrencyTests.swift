import Foundation
import Testing
@testable import OctopusNotebook

/// Two windows, or two processes, on one notebook: each keeps its writes and sees the other's.
@Suite("Notebook: concurrent writers")
struct ConcurrencyTests {
    @Test func twoInstancesWritingAtOnceKeepBothSets() async throws {
        let tmp = TempFolder()
        let a = try Notebook.open(directory: tmp.data)
        let b = try Notebook.open(directory: tmp.data)
        let perWriter = 100
        async let fromA = Self.write(perWriter, to: a, label: "A")
        async let fromB = Self.write(perWriter, to: b, label: "B")
        let (idsA, idsB) = try await (fromA, fromB)
        for book in [a, b] {
            let present = Set(try book.allNotes().map(\.id))
            #expect(present == Set(idsA + idsB), "each instance sees every committed note")
        }
        // Bookmarks from both sides too.
        try a.toggleBookmark("art29")
        try b.toggleBookmark("PT")
        #expect(try a.bookmarkedIDs() == ["art29", "PT"])
        #expect(try b.bookmarkedIDs() == ["art29", "PT"])
    }

    /// Writes from a task off the caller's thread; Notebook is Sendable.
    static func write(_ count: Int, to book: Notebook, label: String) async throws -> [UUID] {
        try await Task.detached {
            var ids: [UUID] = []
            for i in 0..<count { ids.append(try book.addNote(recordID: i % 2 == 0 ? "art29" : "PT", text: "\(label) \(i)").id) }
            return ids
        }.value
    }

    @Test func manyInstancesOpeningANewNotebookAtOnce() async throws {
        // Openers of a file that does not exist yet race to switch it to WAL and to migrate it;
        // a race lost showed as "busy" or "table bookmark already exists" about one run in six,
        // so the race is run several times over.
        for round in 0..<5 {
            let tmp = TempFolder()
            let dir = tmp.data
            try await withThrowingTaskGroup(of: UUID.self) { group in
                for i in 0..<8 {
                    group.addTask { try Notebook.open(directory: dir).addNote(recordID: "ws3", text: "opener \(i) of round \(round)").id }
                }
                var ids = Set<UUID>()
                for try await id in group { ids.insert(id) }
                #expect(ids.count == 8)
                #expect(Set(try Notebook.open(directory: dir).allNotes().map(\.id)) == ids)
            }
        }
    }

    @Test(.enabled(if: Binary.available, "needs the built octopus binary (swift build)"))
    func twoProcessesWritingAtOnceKeepBothSets() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        // The notebook exists first: this test is about two writers; racing to create a new
        // notebook is covered in-process by manyInstancesOpeningANewNotebookAtOnce.
        _ = try Notebook.open(directory: tmp.data)
        let writers = try (0..<2).map { i in try Binary.start(["notes", "add", "art29", "process \(i)", "--repeat", "150"], environment: env) }
        var saved: [UUID] = []
        for (process, out, err) in writers {
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(String(decoding: e, as: UTF8.self))")
            saved += Binary.savedIDs(String(decoding: o, as: UTF8.self))
        }
        #expect(saved.count == 300)
        let present = Set(try Notebook.open(directory: tmp.data).allNotes().map(\.id))
        #expect(present == Set(saved))
    }
}

/// The idle browser asks `changeCounter()` every two seconds and reloads only when it moved.
@Suite("Notebook: noticing another window's writes cheaply")
struct ChangeCounterTests {
    @Test func theCounterMovesWhenAnotherConnectionCommitsAndNotOtherwise() throws {
        let tmp = TempFolder()
        let browser = try Notebook.open(directory: tmp.data)
        let other = try Notebook.open(directory: tmp.data)
        let start = try browser.changeCounter()
        #expect(try browser.changeCounter() == start, "nothing happened: no reload")
        _ = try browser.allNotes()
        #expect(try browser.changeCounter() == start, "reading changes nothing")
        try browser.addNote(recordID: "art29", text: "mine")
        #expect(try browser.changeCounter() == start, "its own write is followed by a reload already")
        try other.addNote(recordID: "PT", text: "from another window")
        let moved = try browser.changeCounter()
        #expect(moved != start, "another window's note: reload")
        #expect(try browser.changeCounter() == moved, "and once reloaded, quiet again")
        try other.toggleBookmark("ws3")
        #expect(try browser.changeCounter() != moved)
    }
}
