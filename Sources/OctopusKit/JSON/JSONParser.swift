/// A strict JSON parser (RFC 8259) over UTF-8 bytes that records positions and fails with a
/// located message instead of a crash: bounded nesting depth and string length, so a hostile or
/// damaged file cannot exhaust the stack or memory.
public struct JSONParser {
    public struct Failure: Error, Sendable {
        public var message: String
        public var position: SourcePosition
    }

    public static let maxDepth = 64
    public static let maxStringBytes = 64 * 1024
    /// Values in one document. The built-in knowledge base has about 9,000; the cap keeps memory
    /// proportional to a sane file (each value costs a few dozen bytes in the tree) whatever the
    /// size of the input, e.g. 8 million `1,` in a 16 MB file.
    public static let maxValues = 2_000_000

    private let bytes: [UInt8]
    private var index = 0
    private var values = 0
    private var line = 1
    private var lineStart = 0  // byte index where the current line starts
    // The last column computed, so positions are found incrementally: recounting from the start
    // of the line each time made a minified (single-line) file quadratic.
    private var columnCacheByte = 0
    private var columnCacheColumn = 1

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document. Checks the UTF-8 encoding first so the error names the bad byte.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONNode {
        if let bad = firstInvalidUTF8(bytes) {
            let pos = position(ofByte: bad, in: bytes)
            throw Failure(
                message: "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)); save it as UTF-8",
                position: pos)
        }
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3; parser.lineStart = 3 }
        parser.skipWhitespace()
        if parser.index >= bytes.count {
            throw Failure(message: "the file is empty; expected a JSON object", position: parser.here)
        }
        let node = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw Failure(message: "unexpected text after the end of the JSON document", position: parser.here)
        }
        return node
    }

    private var here: SourcePosition {
        mutating get {
            var byte = lineStart, column = 1
            if columnCacheByte >= lineStart && columnCacheByte <= index { byte = columnCacheByte; column = columnCacheColumn }
            while byte < index && byte < bytes.count {
                if bytes[byte] & 0xC0 != 0x80 { column += 1 }
                byte += 1
            }
            columnCacheByte = byte; columnCacheColumn = column
            return SourcePosition(line: line, column: column)
        }
    }

    /// Line and column of one byte, counted from the start (used once, for a bad UTF-8 byte;
    /// the parser itself tracks positions as it goes).
    static func position(ofByte target: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1, lineStart = 0
        var i = 0
        while i < target && i < bytes.count {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        // Column in Unicode scalars: count bytes that are not UTF-8 continuation bytes.
        var column = 1
        var j = lineStart
        while j < target && j < bytes.count {
            if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return SourcePosition(line: line, column: column)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minScalar: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minScalar = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minScalar = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minScalar = 0x10000
            default: return i
            }
            if i + length > n { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    private mutating func fail(_ message: String) -> Failure { Failure(message: message, position: here) }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONNode {
        guard depth < Self.maxDepth else { throw fail("nesting is deeper than \(Self.maxDepth) levels") }
        guard index < bytes.count else { throw fail("unexpected end of file: the JSON is truncated") }
        values += 1
        guard values <= Self.maxValues else {
            throw fail("more than \(Self.maxValues) values; no knowledge base or tour is that large (is this the right file?)")
        }
        let start = here
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(value: try parseObject(depth: depth), position: start)
        case UInt8(ascii: "["): return JSONNode(value: try parseArray(depth: depth), position: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), position: start)
        case UInt8(ascii: "t"): try expectWord("true"); return JSONNode(value: .bool(true), position: start)
        case UInt8(ascii: "f"): try expectWord("false"); return JSONNode(value: .bool(false), position: start)
        case UInt8(ascii: "n"): try expectWord("null"); return JSONNode(value: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), position: start)
        default:
            throw fail("unexpected character \(describe(bytes[index])); expected a JSON value")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func expectWord(_ word: String) throws(Failure) {
        for b in word.utf8 {
            guard index < bytes.count, bytes[index] == b else { throw fail("invalid literal; expected '\(word)'") }
            index += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONNode.Value {
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an object: the JSON is truncated") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a field name in double quotes, found \(describe(bytes[index]))")
            }
            let keyPosition = here
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file after a field name: the JSON is truncated") }
            guard bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':' after field name \"\(key)\"") }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(JSONNode.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an object: the JSON is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw fail("expected ',' or '}' after a field, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONNode.Value {
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an array: the JSON is truncated") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(items)
            default: throw fail("expected ',' or ']' in an array, found \(describe(bytes[index]))")
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        let start = here
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw Failure(message: "unterminated string: the JSON is truncated", position: start)
            }
            let b = bytes[index]
            if out.count > Self.maxStringBytes {
                throw Failure(message: "string is longer than \(Self.maxStringBytes) bytes", position: start)
            }
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fail("unterminated escape: the JSON is truncated") }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw fail("unpaired UTF-16 surrogate in \\u escape")
                        }
                        index += 2
                        let low = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("invalid UTF-16 surrogate pair in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("unpaired UTF-16 surrogate in \\u escape")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default:
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string")
                }
            case 0x00..<0x20:
                throw fail("control character 0x\(String(b, radix: 16, uppercase: true)) inside a string; use an escape such as \\n")
            default:
                out.append(b)
                index += 1
            }
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            var n = 0
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) { p.index += 1; n += 1 }
            return n
        }
        guard index < bytes.count else { throw fail("truncated number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw fail("invalid number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw fail("invalid number: digits expected after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw fail("invalid number: digits expected in exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw fail("number \(text) is out of range") }
        return value
    }
}
