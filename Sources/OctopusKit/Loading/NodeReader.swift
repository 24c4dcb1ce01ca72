import FoundationEssentials
import Glibc

/// Reads typed fields out of a `JSONNode` object, collecting every problem instead of stopping
/// at the first, so one run of `octopus validate` lists them all.
///
/// Package access, for the notes import (OctopusNotebook), which reads its files through the same
/// reader; no client of the library needs either. The typed readers (`string`, `int`…) stay internal:
/// they escape text for display, and an import keeps a note's text exactly as written.
package final class DiagnosticSink {
    /// Problems kept in full; past it they are only counted, so a file of millions of bad
    /// entries costs neither memory nor a flood of output.
    static let limit = 1_000
    let file: String
    package private(set) var diagnostics: [Diagnostic] = []
    package private(set) var omitted = 0
    package init(file: String) { self.file = file }
    package var isEmpty: Bool { diagnostics.isEmpty }
    package func report(_ position: SourcePosition, _ path: JSONPath, _ message: String) {
        guard diagnostics.count < Self.limit else { omitted += 1; return }
        diagnostics.append(Diagnostic(file: file, position: position, path: path, message: message))
    }
}

package struct NodeReader {
    package let node: JSONNode
    package let path: JSONPath
    let sink: DiagnosticSink
    private let members: [String: JSONNode.Member]
    private let allowed: Set<String>

    /// Returns nil (after reporting) when the node is not an object. `fields` lists every field the
    /// object may have: anything else is reported, so a misspelt field never silently drops content.
    package init?(_ node: JSONNode, path: JSONPath, sink: DiagnosticSink, fields: [String]) {
        guard case .object(let list) = node.value else {
            sink.report(node.position, path, "expected an object, found \(node.typeName)")
            return nil
        }
        self.node = node; self.path = path; self.sink = sink
        self.allowed = Set(fields)
        var map: [String: JSONNode.Member] = [:]
        for m in list {
            if map[m.key] != nil {
                sink.report(m.keyPosition, path.appending(m.key), "field \"\(m.key)\" appears twice")
            } else if !allowed.contains(m.key) {
                let hint = Suggestions.nearest(to: m.key, in: fields, limit: 1).first.map { " (did you mean \"\($0)\"?)" } ?? ""
                sink.report(m.keyPosition, path.appending(m.key), "unknown field \"\(m.key)\"\(hint)")
            }
            map[m.key] = map[m.key] ?? m
        }
        members = map
    }

    package func has(_ key: String) -> Bool { members[key] != nil }
    package func node(_ key: String) -> JSONNode? { members[key]?.value }
    package func position(_ key: String) -> SourcePosition { members[key]?.value.position ?? node.position }

    private func missing(_ key: String) {
        sink.report(node.position, path.appending(key), "required field \"\(key)\" is missing")
    }

    func string(_ key: String, required: Bool = true, allowEmpty: Bool = false) -> String? {
        guard let n = members[key]?.value else { if required { missing(key) }; return nil }
        if case .null = n.value, !required { return nil }
        guard case .string(let s) = n.value else {
            sink.report(n.position, path.appending(key), "expected a string, found \(n.typeName)")
            return nil
        }
        if !allowEmpty && s.isBlank {
            sink.report(n.position, path.appending(key), "must not be empty")
            return nil
        }
        return Sanitizer.escaped(s)
    }

    func int(_ key: String, required: Bool = true, range: ClosedRange<Int>) -> Int? {
        guard let n = members[key]?.value else { if required { missing(key) }; return nil }
        guard case .number(let d) = n.value, d == d.rounded(), let i = Int(exactly: d) else {
            sink.report(n.position, path.appending(key), "expected a whole number, found \(n.typeName == "a number" ? "a fraction" : n.typeName)")
            return nil
        }
        guard range.contains(i) else {
            sink.report(n.position, path.appending(key), "\(i) is out of range \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return i
    }

    func bool(_ key: String, default value: Bool) -> Bool {
        guard let n = members[key]?.value else { return value }
        guard case .bool(let b) = n.value else {
            sink.report(n.position, path.appending(key), "expected true or false, found \(n.typeName)")
            return value
        }
        return b
    }

    func day(_ key: String, required: Bool = true) -> Day? {
        guard let text = string(key, required: required) else { return nil }
        guard let d = Day(text) else {
            sink.report(position(key), path.appending(key), "\"\(text)\" is not a real date; write YYYY-MM-DD")
            return nil
        }
        return d
    }

    /// An array whose elements are read by `element`; a missing optional array is empty.
    package func array<T>(
        _ key: String, required: Bool = false, nonEmpty: Bool = false,
        _ element: (JSONNode, JSONPath) -> T?
    ) -> [T] {
        guard let n = members[key]?.value else { if required { missing(key) }; return [] }
        guard case .array(let items) = n.value else {
            sink.report(n.position, path.appending(key), "expected an array, found \(n.typeName)")
            return []
        }
        if nonEmpty && items.isEmpty {
            sink.report(n.position, path.appending(key), "must list at least one entry")
        }
        var out: [T] = []
        for (i, item) in items.enumerated() {
            if let v = element(item, path.appending(key).appending(i)) { out.append(v) }
        }
        return out
    }

    func strings(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> [String] {
        locatedStrings(key, required: required, nonEmpty: nonEmpty).items.map(\.text)
    }

    /// A record's, event's or fact's sources, each kept once: a page cites them by number, and a
    /// source named twice would be cited twice ("sources 41, 42, 42"). A repeat is dropped rather
    /// than refused, so that a file made from an older base still loads; the bundled base is kept
    /// free of them by a test.
    func sources(required: Bool = true) -> [String] {
        var seen = Set<String>()
        return strings("sources", required: required, nonEmpty: required).filter { seen.insert($0).inserted }
    }

    /// A string of a list, with where it was read from (for link checks).
    struct Located {
        var text: String
        var position: SourcePosition
        var index: Int
    }

    /// Non-blank strings, each with its position and index in the list at `path`. Each element is
    /// checked once, so a bad one is reported once. Element paths are made only for a problem: a
    /// list of a million links must not cost a million paths.
    func locatedStrings(_ key: String, required: Bool = false, nonEmpty: Bool = false) -> (path: JSONPath, items: [Located]) {
        let listPath = path.appending(key)
        guard let n = members[key]?.value else { if required { missing(key) }; return (listPath, []) }
        guard case .array(let elements) = n.value else {
            sink.report(n.position, listPath, "expected an array, found \(n.typeName)")
            return (listPath, [])
        }
        if nonEmpty && elements.isEmpty { sink.report(n.position, listPath, "must list at least one entry") }
        var out: [Located] = []
        out.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            guard case .string(let s) = element.value else {
                sink.report(element.position, listPath.appending(i), "expected a string, found \(element.typeName)")
                continue
            }
            if s.isBlank {
                sink.report(element.position, listPath.appending(i), "must not be empty")
                continue
            }
            out.append(Located(text: Sanitizer.escaped(s), position: element.position, index: i))
        }
        return (listPath, out)
    }
}

extension String {
    /// Empty or only white space; cheap for the common case of text that starts with a letter.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
