import Foundation
internal import Yams

/// Reads a YAML document into the same positioned `JSONNode` tree the JSON parser makes, so one
/// validator — and one `file:line:column: path: message` format — serves tours in both formats.
///
/// Plain scalars are typed by the YAML 1.2 core schema, not Yams' YAML 1.1 default: there `NO`
/// (Norway) and `on` are booleans, which would turn `address: NO` into nonsense.
enum YAMLReader {
    /// Conversion stops after this many nodes: a last bound, behind `YAMLEvents`' alias checks.
    static let maxNodes = 100_000

    static func parse(_ bytes: [UInt8]) throws(JSONParser.Failure) -> JSONNode {
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            throw JSONParser.Failure(
                message: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)); save it as UTF-8",
                position: JSONParser.position(ofByte: bad, in: bytes))
        }
        // Windows editors start UTF-8 files with a byte-order mark, which Yams takes for content.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = String(decoding: body, as: UTF8.self)
        if let problem = YAMLEvents.firstProblem(body) { throw problem }
        let root: Node?
        do {
            // Resolver.basic: no implicit typing by Yams; `scalar` below applies the core schema.
            root = try Parser(yaml: text, resolver: .basic).singleRoot()
        } catch let error as YamlError {
            throw failure(error, text: text)
        } catch {
            throw JSONParser.Failure(message: "cannot read the YAML: \(error)", position: SourcePosition(line: 1, column: 1))
        }
        guard let root else {
            throw JSONParser.Failure(message: "the file is empty; expected a tour with a title and steps", position: SourcePosition(line: 1, column: 1))
        }
        var budget = maxNodes
        return try convert(root, depth: 0, budget: &budget)
    }

    // MARK: Conversion

    private static func position(_ mark: Mark?) -> SourcePosition {
        SourcePosition(line: max(1, mark?.line ?? 1), column: max(1, mark?.column ?? 1))
    }

    private static func convert(_ node: Node, depth: Int, budget: inout Int) throws(JSONParser.Failure) -> JSONNode {
        let at = position(node.mark)
        guard depth < JSONParser.maxDepth else {
            throw JSONParser.Failure(message: "nesting is deeper than \(JSONParser.maxDepth) levels", position: at)
        }
        budget -= 1
        guard budget >= 0 else {
            throw JSONParser.Failure(message: "the file expands to more than \(maxNodes) values (YAML aliases?)", position: at)
        }
        switch node {
        case .scalar(let s):
            return JSONNode(value: try scalar(s, at: at), position: at)
        case .sequence(let seq):
            var items: [JSONNode] = []
            for item in seq { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return JSONNode(value: .array(items), position: at)
        case .mapping(let map):
            var members: [JSONNode.Member] = []
            for (key, value) in map {
                guard case .scalar(let k) = key else {
                    throw JSONParser.Failure(
                        message: "a field name must be plain text, not \(key.mapping != nil ? "a mapping" : "a list")",
                        position: position(key.mark))
                }
                members.append(
                    JSONNode.Member(
                        key: k.string, keyPosition: position(key.mark),
                        value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return JSONNode(value: .object(members), position: at)
        case .alias(let alias):
            // Yams resolves aliases while composing; an unresolved one is a file we cannot read.
            throw JSONParser.Failure(message: "alias *\(alias.anchor.rawValue) cannot be used here", position: position(alias.mark))
        }
    }

    /// Types a scalar: quoted and block scalars are text; plain ones follow the YAML 1.2 core schema;
    /// an explicit tag (`!!int 5`) is honoured for the core types.
    private static func scalar(_ s: Node.Scalar, at: SourcePosition) throws(JSONParser.Failure) -> JSONNode.Value {
        let text = s.string
        let tag = s.tag.rawValue
        switch tag {
        case "":
            return s.style == .plain || s.style == .any ? coreValue(text) : .string(text)
        case Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue:
            return .string(text)
        case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            if case .number(let d) = coreValue(text) { return .number(d) }
            throw JSONParser.Failure(message: "\"\(text)\" is tagged as a number but is not one", position: at)
        case Tag.Name.bool.rawValue:
            if case .bool(let b) = coreValue(text) { return .bool(b) }
            throw JSONParser.Failure(message: "\"\(text)\" is tagged as true/false but is neither", position: at)
        case Tag.Name.null.rawValue:
            return .null
        default:
            throw JSONParser.Failure(message: "YAML tag \(tag) is not supported in a tour; remove it", position: at)
        }
    }

    static func coreValue(_ text: String) -> JSONNode.Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let d = coreNumber(text) { return .number(d) }
        return .string(text)
    }

    /// Core-schema integers (decimal, 0o octal, 0x hex) and finite floats; anything else is text.
    private static func coreNumber(_ text: String) -> Double? {
        guard let first = text.first, first.isASCII, first.isNumber || "+-.".contains(first) else { return nil }
        if text.hasPrefix("0x"), let v = Int(text.dropFirst(2), radix: 16) { return Double(v) }
        if text.hasPrefix("0o"), let v = Int(text.dropFirst(2), radix: 8) { return Double(v) }
        guard text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil,
            let d = Double(text), d.isFinite
        else { return nil }
        return d
    }

    // MARK: Errors

    private static func failure(_ error: YamlError, text: String) -> JSONParser.Failure {
        func located(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> JSONParser.Failure {
            // libyaml's context ("while scanning a simple key") reads well after its problem.
            let detail = context.map { " (\($0.text))" } ?? ""
            return JSONParser.Failure(message: "invalid YAML: \(problem)\(detail)", position: position(mark))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(context, problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return JSONParser.Failure(
                message: "field \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appears twice",
                position: position(context.mark))
        case .reader(let problem, let offset, _, _):
            return JSONParser.Failure(message: "invalid YAML: \(problem)", position: position(ofCharacter: offset ?? 0, in: text))
        default:
            return JSONParser.Failure(message: "cannot read the YAML: \(error)", position: SourcePosition(line: 1, column: 1))
        }
    }

    private static func position(ofCharacter offset: Int, in text: String) -> SourcePosition {
        var line = 1, column = 1
        for ch in text.prefix(max(0, offset)) {
            if ch == "\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return SourcePosition(line: line, column: column)
    }
}
