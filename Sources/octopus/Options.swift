import ArgumentParser
import BundledKnowledgeBase
import FoundationEssentials
import Glibc
import OctopusKit
import OctopusNotebook
import OctopusTUI

/// Options every command shares: which knowledge base, and the date status is read at.
struct KnowledgeBaseOptions: ParsableArguments {
    @Option(
        name: .customLong("kb"), help: ArgumentHelp("Load this knowledge-base JSON file instead of the built-in one (also: OCTOPUS_KB).", valueName: "path"))
    var path: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Read treaty status at this date: YYYY-MM-DD, \"conference\" (2010-03-25, the default) or \"latest\" (the base's latest treaty event).",
            valueName: "date"))
    var asOfText: String?

    func validate() throws {
        if let asOfText, !["latest", "conference"].contains(asOfText), Day(asOfText) == nil {
            throw ValidationError("--as-of \"\(asOfText)\" is not a real date; write YYYY-MM-DD (e.g. 2010-03-25), conference or latest")
        }
    }

    /// The status date: the day given, the conference's last day, or the base's latest event.
    func asOf(in base: KnowledgeBase) -> Day {
        switch asOfText {
        case "latest": base.latestEventDate
        case nil, "conference": .conference
        case let text?: Day(text) ?? .conference
        }
    }

    /// The file to load, if not the bundled one.
    var explicitPath: String? {
        if let path { return path }
        if let env = Environment.value("OCTOPUS_KB"), !env.isEmpty { return env }
        return nil
    }

    /// Where the base came from: the built-in one, one installed with `octopus kb install`, or a
    /// file given with --kb or OCTOPUS_KB.
    enum Origin: Equatable {
        case builtin, installed(String), file(String)
        var label: String {
            switch self {
            case .builtin: "built in"
            case .installed(let name): "installed \(name)"
            case .file(let path): path
            }
        }
    }

    /// The built-in base, from the image compiled at build time (the JSON was checked then).
    static func loadBuiltin() throws(KnowledgeBaseError) -> KnowledgeBase {
        let image = ImageStorage(program: BundledKnowledgeBase.image)
        if var kb = try? KnowledgeBaseImage.decode(image), let hash = KnowledgeBaseImage.sourceHash(of: image) {
            kb.compiledSearch = CompiledSearch(sourceHash: hash, file: nil, read: { ImageStorage(program: BundledKnowledgeBase.searchImage) }, store: nil)
            return kb
        }
        return try KnowledgeBaseLoader.load(json: BundledKnowledgeBase.json, file: BundledKnowledgeBase.fileName)
    }

    /// A file, through the compiled-copy cache (unless `checked`: `validate` always reads the JSON).
    static func loadFile(_ path: String, checked: Bool = false) throws(KnowledgeBaseError) -> KnowledgeBase {
        if checked { return try KnowledgeBaseLoader.load(path: path) }
        return try KnowledgeBaseLoader.load(path: path, cache: ImageCache.standard(programVersion: Octopus.version)) { Terminal.printError($0) }
    }

    /// Loads the knowledge base or exits 65 with every problem on standard error.
    func load(dataDirectory: String? = nil) throws -> KnowledgeBase { try loadWithOrigin(dataDirectory: dataDirectory).base }

    /// The base in use: --kb or OCTOPUS_KB, else the installed one made the default, else the
    /// built-in one. An installed base that can no longer be read is skipped with a warning (the
    /// built-in one still works), never trusted.
    func loadWithOrigin(dataDirectory: String? = nil, checked: Bool = false) throws -> (base: KnowledgeBase, origin: Origin) {
        do {
            if let path = explicitPath { return (try Self.loadFile(path, checked: checked), .file(path)) }
            return try defaultBase(dataDirectory: dataDirectory)
        } catch {
            Terminal.printError(error.description)
            Terminal.printError(
                "octopus: the knowledge base has \(error.list.total) problem\(error.list.total == 1 ? "" : "s"); fix the file or run without --kb/OCTOPUS_KB to use the built-in one"
            )
            throw ExitCode(KnowledgeBaseError.exitStatus)
        }
    }

    /// The default base: the installed one in use, else the built-in one.
    func defaultBase(dataDirectory: String?) throws(KnowledgeBaseError) -> (base: KnowledgeBase, origin: Origin) {
        if let folder = try? Notebook.dataDirectory(dataDirectory), let entry = InstalledBases(dataDirectory: folder).current {
            do {
                return (try Self.loadFile(entry.path), .installed(entry.name))
            } catch {
                Terminal.printError(
                    "octopus: the installed knowledge base \(entry.name) cannot be read (\(error.list.total) problem\(error.list.total == 1 ? "" : "s"), first: \(error.list.shown.first?.description ?? "")); using the built-in one. octopus kb use builtin stops this warning"
                )
            }
        }
        return (try Self.loadBuiltin(), .builtin)
    }
}

enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Width for wrapping plain output: the terminal's when printing to one, else 80.
    static var width: Int {
        guard stdoutIsTerminal else { return 80 }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(Int(size.ws_col), 120) }
        return 80
    }

    /// A message on standard error. If even that cannot be written there is no one to tell.
    static func printError(_ text: String) {
        _ = writeAll(STDERR_FILENO, Sanitizer.escaped(text + "\n", keep: .lines))
    }

    /// Writes to standard output. Every byte the command line prints passes here, so control
    /// characters are made visible (`Sanitizer.escaped`) whatever their source. A reader that went
    /// away (`| head`) ends the command quietly with status 0; any other failure (a full disk,
    /// `/dev/full`) is one line on standard error and exit 74.
    /// `keep: .layout` lets a carriage return through, for CSV's CRLF line ends only.
    static func write(_ text: String, keep: Sanitizer.Keep = .lines) {
        let errno = writeAll(STDOUT_FILENO, Sanitizer.escaped(text, keep: keep))
        guard errno != 0 else { return }
        if errno == EPIPE { exit(ExitStatus.success.rawValue) }
        printError("octopus: cannot write the output: \(String(cString: strerror(errno)))")
        exit(ExitStatus.ioError.rawValue)
    }

    /// Writes every byte, retrying short writes and interruptions; returns 0 or the errno.
    private static func writeAll(_ fd: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { buffer -> Int32 in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if Glibc.errno == EINTR { continue }
                    return Glibc.errno
                }
                offset += n
            }
            return 0
        }
    }
}

/// How the browser and the walkthrough draw: colour on or off, and for which background.
struct DisplayOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Draw with attributes only, no colour (also: NO_COLOR).")
    var noColor = false
    @Option(
        help: ArgumentHelp(
            "Colours for a dark or light terminal, or none (also: OCTOPUS_THEME; default: what the terminal says of its background, else dark).",
            valueName: "dark|light|mono"))
    var theme: Theme?

    /// What is wrong with OCTOPUS_THEME, when it names no theme: said on the first screen (the
    /// browser opens anyway, with the theme the terminal suggests).
    var environmentProblem: String? {
        guard theme == nil, let named = Environment.value("OCTOPUS_THEME"), !named.isEmpty,
            Theme(rawValue: named.lowercased()) == nil
        else { return nil }
        return "OCTOPUS_THEME=\(Sanitizer.clean(named)) is not dark, light or mono; using the terminal's own"
    }

    /// Colour is off with --no-color or a non-empty NO_COLOR (no-color.org).
    var colorAllowed: Bool { !noColor && (Environment.value("NO_COLOR") ?? "").isEmpty }
}

extension Theme: ExpressibleByArgument {}
