internal import CLibYAML

/// Reads a YAML document into the same positioned `JSONNode` tree the JSON parser makes, so one
/// validator — and one `file:line:column: path: message` format — serves tours in both formats.
/// libyaml (C, linked in) reads the syntax; `YAMLTree` builds the tree from its events.
///
/// Plain scalars are typed by the YAML 1.2 core schema, not YAML 1.1's: there `NO` (Norway) and
/// `on` are booleans, which would turn `address: NO` into nonsense.
enum YAMLReader {
    /// The tree stops growing after this many nodes: a last bound, behind the cap on aliases.
    static let maxNodes = 100_000
    static let maxAliases = 20

    static func parse(_ bytes: [UInt8]) throws(JSONParser.Failure) -> JSONNode {
        if let bad = JSONParser.firstInvalidUTF8(bytes) {
            throw JSONParser.Failure(
                message: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)); save it as UTF-8",
                position: JSONParser.position(ofByte: bad, in: bytes))
        }
        // Windows editors start UTF-8 files with a byte-order mark; it is not content.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard !body.isEmpty else {
            throw JSONParser.Failure(message: "the file is empty; expected a tour with a title and steps", position: SourcePosition(line: 1, column: 1))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw JSONParser.Failure(message: "not enough memory to read the YAML", position: SourcePosition(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let result = body.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParser.Failure) -> JSONNode in
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
                var tree = YAMLTree()
                while true {
                    var event = yaml_event_t()
                    guard yaml_parser_parse(&parser, &event) == 1 else { throw failure(parser, body) }
                    defer { yaml_event_delete(&event) }
                    if let root = try tree.take(event) { return root }
                }
            }
        }
        return try result.get()
    }

    // MARK: Scalars

    /// Types a scalar: quoted and block scalars are text; plain ones follow the YAML 1.2 core schema;
    /// an explicit tag (`!!int 5`) is honoured for the core types.
    static func scalar(_ text: String, tag: String?, plain: Bool, at: SourcePosition) throws(JSONParser.Failure) -> JSONNode.Value {
        switch tag {
        case nil:
            return plain ? coreValue(text) : .string(text)
        case "tag:yaml.org,2002:str", "!":
            return .string(text)
        case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
            if case .number(let d) = coreValue(text) { return .number(d) }
            throw JSONParser.Failure(message: "\"\(text)\" is tagged as a number but is not one", position: at)
        case "tag:yaml.org,2002:bool":
            if case .bool(let b) = coreValue(text) { return .bool(b) }
            throw JSONParser.Failure(message: "\"\(text)\" is tagged as true/false but is neither", position: at)
        case "tag:yaml.org,2002:null":
            return .null
        case let other?:
            throw JSONParser.Failure(message: "YAML tag \(other) is not supported in a tour; remove it", position: at)
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
        if text.hasPrefix("0x"), let v = Int(text.dropFirst(2), radix: 16) { return Double(v) }
        if text.hasPrefix("0o"), let v = Int(text.dropFirst(2), radix: 8) { return Double(v) }
        guard isCoreFloat(text.utf8), let d = Double(text), d.isFinite else { return nil }
        return d
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the whole text.
    static func isCoreFloat(_ text: String.UTF8View) -> Bool {
        var rest = text[...]
        func skip(_ bytes: Set<UInt8>) -> Bool {
            guard let b = rest.first, bytes.contains(b) else { return false }
            rest = rest.dropFirst()
            return true
        }
        func digits() -> Int {
            let n = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            rest = rest.dropFirst(n)
            return n
        }
        _ = skip([UInt8(ascii: "+"), UInt8(ascii: "-")])
        if skip([UInt8(ascii: ".")]) {
            guard digits() > 0 else { return false }
        } else {
            guard digits() > 0 else { return false }
            if skip([UInt8(ascii: ".")]) { _ = digits() }
        }
        if skip([UInt8(ascii: "e"), UInt8(ascii: "E")]) {
            _ = skip([UInt8(ascii: "+"), UInt8(ascii: "-")])
            guard digits() > 0 else { return false }
        }
        return rest.isEmpty
    }

    // MARK: Errors

    private static func failure(_ parser: yaml_parser_t, _ body: [UInt8]) -> JSONParser.Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable"
        if parser.error == YAML_MEMORY_ERROR {
            return JSONParser.Failure(message: "not enough memory to read the YAML", position: SourcePosition(line: 1, column: 1))
        }
        if parser.error == YAML_READER_ERROR {
            return JSONParser.Failure(message: "invalid YAML: \(problem)", position: JSONParser.position(ofByte: parser.problem_offset, in: body))
        }
        // libyaml's context ("while scanning a simple key") reads well after its problem.
        let detail = parser.context.map { " (\(String(cString: $0)))" } ?? ""
        let mark = parser.problem_mark
        return JSONParser.Failure(
            message: "invalid YAML: \(problem)\(detail)", position: SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1))
    }
}
