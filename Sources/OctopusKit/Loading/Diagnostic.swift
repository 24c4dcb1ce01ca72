/// One problem in a knowledge-base (or tour) file, printed as `file:line:column: path: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var file: String
    public var position: SourcePosition
    public var path: JSONPath
    public var message: String

    public init(file: String, position: SourcePosition, path: JSONPath, message: String) {
        self.file = file; self.position = position; self.path = path; self.message = message
    }

    public var description: String {
        // File names, keys and values quoted in messages come from the user: shown, never obeyed.
        Sanitizer.escaped("\(file):\(position.line):\(position.column): \(path): \(message)", keep: .nothing)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.position.line, a.position.column, a.message) < (b.file, b.position.line, b.position.column, b.message)
    }
}

/// Problems found in one file: the first ones in full (sorted by position), and how many more.
public struct DiagnosticList: Sendable, CustomStringConvertible {
    public var shown: [Diagnostic]
    public var omitted: Int
    public init(_ shown: [Diagnostic], omitted: Int = 0) { self.shown = shown.sorted(); self.omitted = omitted }
    public var total: Int { shown.count + omitted }
    public var description: String {
        var lines = shown.map(\.description)
        if omitted > 0 { lines.append("… and \(omitted) more problem\(omitted == 1 ? "" : "s") (only the first \(shown.count) are listed)") }
        return lines.joined(separator: "\n")
    }
}

/// A file could not be loaded (a knowledge base, a tour); every problem found is listed, and the
/// command line exits 65 with them. One type for every such file, so they read and exit alike.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var list: DiagnosticList
    public init(_ diagnostics: [Diagnostic], omitted: Int = 0) { list = DiagnosticList(diagnostics, omitted: omitted) }
    public var diagnostics: [Diagnostic] { list.shown }
    public var description: String { list.description }
    /// Exit status for a bad data file.
    public static let exitStatus = ExitStatus.dataError
    public static var exitCode: Int32 { exitStatus.rawValue }
}

/// The names the loaders throw under; the same type.
public typealias KnowledgeBaseError = DiagnosticsError
public typealias TourError = DiagnosticsError
