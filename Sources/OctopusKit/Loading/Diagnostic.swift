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
        "\(file):\(position.line):\(position.column): \(path): \(Sanitizer.clean(message))"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.position.line, a.position.column, a.message) < (b.file, b.position.line, b.position.column, b.message)
    }
}

/// The knowledge base could not be loaded; every problem found is listed.
public struct KnowledgeBaseError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    /// Exit status for a bad data file (sysexits EX_DATAERR).
    public static let exitCode: Int32 = 65
}
