/// The compiled knowledge base's byte format: LEB128 integers, strings by number into a table
/// written once (sources and ids repeat thousands of times), arrays as a count then elements.
/// Reading checks every bound and throws `ImageError` rather than trapping: a cached image may
/// be damaged on disk, and it is then rebuilt, never trusted.
public struct ImageError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

struct ImageWriter {
    private(set) var bytes: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private(set) var strings: [String] = []

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)  // zigzag
        while u >= 0x80 {
            bytes.append(UInt8(u & 0x7F) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    mutating func string(_ s: String) {
        if let i = stringIndex[s] { return int(i) }
        stringIndex[s] = strings.count
        int(strings.count)
        strings.append(s)
    }
    mutating func optional<T>(_ v: T?, _ write: (inout ImageWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }
    mutating func array<T>(_ list: [T], _ write: (inout ImageWriter, T) -> Void) {
        int(list.count)
        for v in list { write(&self, v) }
    }
    mutating func strings(_ list: [String]) { array(list) { $0.string($1) } }
    mutating func day(_ d: Day) { int(d.year); int(d.month); int(d.day) }
    mutating func raw<R: RawRepresentable>(_ v: R) where R.RawValue == String { string(v.rawValue) }

    /// The string table, then the body: what `ImageReader` reads back.
    func payload() -> [UInt8] {
        var table = ImageWriter()
        table.int(strings.count)
        for s in strings {
            table.int(s.utf8.count)
            table.bytes.append(contentsOf: s.utf8)
        }
        return table.bytes + bytes
    }
}

struct ImageReader {
    private let bytes: [UInt8]
    private var at: Int
    private var table: [String] = []

    init(payload: [UInt8], from start: Int = 0) throws(ImageError) {
        bytes = payload
        at = start
        let count = try int()
        guard count >= 0, count <= bytes.count else { throw ImageError(description: "string table of \(count) entries") }
        table.reserveCapacity(count)
        for _ in 0..<count {
            let length = try int()
            guard length >= 0, length <= bytes.count - at else { throw ImageError(description: "a string runs past the end") }
            table.append(String(decoding: bytes[at..<(at + length)], as: UTF8.self))
            at += length
        }
    }

    var isAtEnd: Bool { at == bytes.count }

    mutating func int() throws(ImageError) -> Int {
        var u: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard at < bytes.count else { throw ImageError(description: "the image ends inside a number") }
            let b = bytes[at]
            at += 1
            guard shift < 64 else { throw ImageError(description: "a number is too long") }
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }
    mutating func bool() throws(ImageError) -> Bool {
        guard at < bytes.count else { throw ImageError(description: "the image ends inside a flag") }
        defer { at += 1 }
        switch bytes[at] {
        case 0: return false
        case 1: return true
        default: throw ImageError(description: "a flag is neither 0 nor 1")
        }
    }
    mutating func string() throws(ImageError) -> String {
        let i = try int()
        guard i >= 0, i < table.count else { throw ImageError(description: "string \(i) is not in the table") }
        return table[i]
    }
    mutating func optional<T>(_ read: (inout ImageReader) throws(ImageError) -> T) throws(ImageError) -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout ImageReader) throws(ImageError) -> T) throws(ImageError) -> [T] {
        let count = try int()
        // Every element takes at least one byte, so a count past the bytes left is damage.
        guard count >= 0, count <= bytes.count - at else { throw ImageError(description: "a list of \(count) entries") }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }
    mutating func strings() throws(ImageError) -> [String] { try array { r throws(ImageError) in try r.string() } }
    mutating func day() throws(ImageError) -> Day {
        let y = try int(), m = try int(), d = try int()
        guard let day = Day(year: y, month: m, day: d) else { throw ImageError(description: "no day \(y)-\(m)-\(d)") }
        return day
    }
    mutating func raw<R: RawRepresentable>(_ type: R.Type) throws(ImageError) -> R where R.RawValue == String {
        let s = try string()
        guard let v = R(rawValue: s) else { throw ImageError(description: "\"\(s)\" is not a \(R.self)") }
        return v
    }
}
