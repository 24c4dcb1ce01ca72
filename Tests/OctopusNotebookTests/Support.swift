import Foundation
import OctopusKit
@testable import OctopusNotebook

/// A fresh folder under the system temporary folder, removed when the value goes away.
final class TempFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "octopus-notebook-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
    /// The notebook folder inside this one (not created: `Notebook.open` must create it).
    var data: String { file("data") }
    var database: String { file("data/notebook.sqlite") }
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

func mode(_ path: String) -> Int? {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_mode & 0o777) : nil
}

/// Two tiny knowledge bases: the second no longer has the organisation "t-cy", as a newer
/// knowledge base might drop a record.
enum SmallBase {
    static func json(withTCY: Bool) -> String {
        let org =
            withTCY
            ? #"""
            {"id": "t-cy", "name": "Cybercrime Convention Committee", "aliases": ["T-CY"], "kind": "committee",
             "summary": "The Parties meet.", "sources": ["test"], "asOf": "2026-11-29"}
            """# : ""
        return #"""
            {
              "formatVersion": 1, "title": "Test base", "asOf": "2026-11-29",
              "conference": {"name": "Octopus Interface 2010", "place": "Strasbourg", "startDate": "2010-03-23",
                             "endDate": "2010-03-25", "summary": "Test conference.", "sources": ["test"]},
              "treaties": [
                {"id": "ets185", "role": "convention", "title": "Convention on Cybercrime", "shortTitle": "Budapest Convention", "aliases": ["ETS 185"],
                 "summary": "The treaty. See [[art29]].", "sources": ["https://example.org/ets185"], "asOf": "2026-11-29"}
              ],
              "articles": [
                {"id": "art29", "treaty": "ets185", "number": 29, "title": "Expedited preservation of stored computer data",
                 "chapter": "Chapter III", "summary": "Ask another *Party* to [preserve] data_now; see [[ws3]].",
                 "sources": ["https://example.org/art29", "Explanatory report"], "asOf": "2026-11-29"}
              ],
              "sessions": [
                {"id": "ws3", "kind": "workshop", "number": 3, "title": "Legislation",
                 "summary": "Laws.", "topics": [{"id": "topic-1", "title": "Preservation", "summary": "On [[art29]].",
                 "minutes": 20, "keyPoints": ["Fast"], "links": ["art29"]}], "questions": ["Why?"],
                 "sources": ["Explanatory report"], "asOf": "2026-11-29"}
              ],
              "countries": [],
              "organisations": [\#(org)],
              "glossary": [],
              "synonyms": []
            }
            """#
    }

    static func load(withTCY: Bool) throws -> KnowledgeBase {
        try KnowledgeBaseLoader.load(json: json(withTCY: withTCY), file: "small.json")
    }
}

/// The built `octopus` binary and a way to run it.
enum Binary {
    /// Beside the test bundle (same build folder), else .build/debug/octopus in the package.
    static var url: URL? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("octopus")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let debug = package.appendingPathComponent(".build/debug/octopus")
        return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
    }

    static var available: Bool { url != nil }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["OCTOPUS_KB"] = nil
        env["OCTOPUS_DATA_DIR"] = nil
        for (k, v) in extra { env[k] = v }
        return env
    }

    static func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        p.environment = environment(extra)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    static func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil) throws -> Result {
        try run(arguments, environment: extra, input: stdin.map { Data($0.utf8) })
    }

    /// setpriv(1) running the binary as `nobody`: tests run as root, whom permission bits do not stop.
    static let asNobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    static var canRunAsNobody: Bool { available && getuid() == 0 && FileManager.default.isExecutableFile(atPath: asNobody[0]) }

    /// Runs the binary with `input` as its standard input, byte for byte (NULs, invalid UTF-8…);
    /// as `nobody` with `asNobody`.
    static func run(
        _ arguments: [String], environment extra: [String: String] = [:], input stdin: Data?,
        asNobody nobody: Bool = false
    ) throws -> Result {
        let p = Process()
        p.executableURL = nobody ? URL(fileURLWithPath: asNobody[0]) : url
        p.arguments = nobody ? Array(asNobody.dropFirst()) + [url?.path ?? "octopus"] + arguments : arguments
        p.environment = environment(extra)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try p.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }
        // Read before waiting so a large output cannot block the child on a full pipe.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Ids from "saved <uuid>" lines: each printed only after its note was committed.
    static func savedIDs(_ output: String) -> [UUID] {
        output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("saved ") else { return nil }
            return UUID(uuidString: String(line.dropFirst(6)))
        }
    }
}
