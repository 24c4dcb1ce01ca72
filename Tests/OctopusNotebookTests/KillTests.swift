import Foundation
import Testing
@testable import OctopusNotebook

/// "Saved" must mean saved: the program is killed with SIGKILL, again and again, while two copies
/// of it write notes, and every note it reported as saved must be there afterwards.
@Suite("Notebook: SIGKILL while saving")
struct KillTests {
    @Test(.enabled(if: Binary.available, "needs the built octopus binary (swift build)"))
    func everyNoteReportedSavedSurvivesSIGKILL() throws {
        let tmp = TempFolder()
        let env = ["OCTOPUS_DATA_DIR": tmp.data]
        var saved: [UUID] = []
        var killedMidway = 0
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            // Two writers at once, so a kill can land while the other holds the write lock.
            let writers = try (0..<2).map { w in
                try Binary.start(["notes", "add", "art29", "round \(round) writer \(w)", "--repeat", "1000"], environment: env)
            }
            // Every fourth round kills during start-up (round 0: while the database is created);
            // the others wait for the first "saved", so the kill lands mid-stream however slow
            // the machine is, then let it write a little longer.
            var first = Data()
            if round % 4 != 0 {
                let handle = writers[0].1.fileHandleForReading
                while !first.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }  // end of output: the writer stopped by itself
                    first += chunk
                }
            }
            Thread.sleep(forTimeInterval: Double.random(in: 0.0...0.15, using: &generator))
            for (process, _, _) in writers { kill(process.processIdentifier, SIGKILL) }
            for (i, (process, out, _)) in writers.enumerated() {
                let rest = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
                // A line is one write(2) of under PIPE_BUF bytes: it arrives whole or not at all.
                saved += Binary.savedIDs(String(decoding: (i == 0 ? first : Data()) + rest, as: UTF8.self))
            }
        }
        #expect(killedMidway > 12, "most writers should have been killed before finishing")
        #expect(!saved.isEmpty, "no writer got far enough to save a note; the test proved nothing")
        let book = try Notebook.open(directory: tmp.data)  // also runs SQLite's quick_check
        let present = Set(try book.allNotes().map(\.id))
        let missing = saved.filter { !present.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) of \(saved.count) notes reported as saved are missing")
        // And the killed writers left nothing half-written that the CLI trips over.
        let list = try Binary.run(["notes", "list"], environment: env)
        #expect(list.status == 0, "\(list.stderr)")
    }
}
