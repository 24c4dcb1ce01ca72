/// A position in a source file, 1-based, columns counted in Unicode scalars. Stored in 32 bits
/// each: every value of a parsed file carries one, so it is a good part of the tree's size.
public struct SourcePosition: Sendable, Hashable, Comparable {
    private var storedLine: Int32
    private var storedColumn: Int32
    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }
    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line); storedColumn = Int32(clamping: column)
    }
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A JSON value that remembers where each part came from, so every problem can be reported as
/// `file:line:column` (Foundation's JSONDecoder cannot do that).
public struct JSONNode: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }
    public struct Member: Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: JSONNode
    }
    public var value: Value
    public var position: SourcePosition

    public var typeName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A path inside a JSON document, printed like `countries[3].events[0].date`.
///
/// A linked list from the leaf up: appending shares the parent instead of copying an array, so
/// the path of each of a million array elements costs one small node, not a copy of its prefix.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable { case key(String), index(Int) }

    private final class Link: Sendable {
        let parent: Link?
        let component: Component
        init(_ parent: Link?, _ component: Component) { self.parent = parent; self.component = component }
    }

    private let last: Link?

    private init(last: Link?) { self.last = last }
    public init(_ components: [Component] = []) {
        var link: Link?
        for c in components { link = Link(link, c) }
        last = link
    }

    public var components: [Component] {
        var out: [Component] = []
        var link = last
        while let l = link { out.append(l.component); link = l.parent }
        return out.reversed()
    }

    public func appending(_ key: String) -> JSONPath { JSONPath(last: Link(last, .key(key))) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(last: Link(last, .index(index))) }

    public static func == (a: JSONPath, b: JSONPath) -> Bool { a.last === b.last || a.components == b.components }
    public func hash(into hasher: inout Hasher) { hasher.combine(components) }

    public var description: String {
        let components = self.components
        if components.isEmpty { return "(root)" }
        var out = ""
        for c in components {
            switch c {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}
