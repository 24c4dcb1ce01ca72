#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The compiled knowledge base's byte format: LEB128 integers, strings by number into a table
/// written once (sources and ids repeat thousands of times), lists of strings likewise (a list of
/// sources recurs event after event), a kind by its case's number, arrays as a count then elements.
/// Reading checks every bound and throws `ImageError` rather than trapping: a cached image may
/// be damaged on disk, and it is then rebuilt, never trusted.
public struct ImageError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

struct ImageWriter {
    private(set) var bytes: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private(set) var strings: [String] = []
    private var listIndex: [[Int]: Int] = [:]
    private var lists: [[Int]] = []

    mutating func int(_ v: Int) {
        var u = UInt64(bitPattern: Int64(v)) << 1 ^ UInt64(bitPattern: Int64(v) >> 63)  // zigzag
        while u >= 0x80 {
            bytes.append(UInt8(u & 0x7F) | 0x80)
            u >>= 7
        }
        bytes.append(UInt8(u))
    }
    mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    /// The number of a string in the table, adding it the first time.
    mutating func intern(_ s: String) -> Int {
        if let i = stringIndex[s] { return i }
        stringIndex[s] = strings.count
        strings.append(s)
        return strings.count - 1
    }
    mutating func string(_ s: String) { int(intern(s)) }
    mutating func optional<T>(_ v: T?, _ write: (inout ImageWriter, T) -> Void) {
        bool(v != nil)
        if let v { write(&self, v) }
    }
    mutating func array<T>(_ list: [T], _ write: (inout ImageWriter, T) -> Void) {
        int(list.count)
        for v in list { write(&self, v) }
    }
    /// A list of strings, by its number in the table of lists.
    mutating func strings(_ list: [String]) {
        let numbers = list.map { intern($0) }
        if let i = listIndex[numbers] { return int(i) }
        listIndex[numbers] = lists.count
        lists.append(numbers)
        int(lists.count - 1)
    }
    mutating func day(_ d: Day) { int(d.year); int(d.month); int(d.day) }
    /// A kind, by the number of its case (a number is read back without comparing strings).
    mutating func raw<R: CaseIterable & Equatable>(_ v: R) where R.AllCases.Index == Int { int(R.allCases.firstIndex(of: v)!) }
    /// Fixed-width numbers, for the tables a reader jumps into rather than reads in order.
    mutating func u32(_ v: Int) { withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func patch32(at offset: Int, _ v: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: v).littleEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
    }
    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
    /// A column of fixed-width values (a search index's millions of numbers): a count, then the
    /// values' own bytes, copied back in one move. Little-endian, as every host octopus runs on.
    mutating func column<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    /// The string table as `ImageBytes` reads it: a count, one offset per string and one past
    /// the last, then the UTF-8 of all of them, so that any one is read without the others; then
    /// the lists the same way, each a count and its strings' numbers.
    func stringTable() -> [UInt8] {
        var table = ImageWriter()
        table.u32(strings.count)
        var offset = 0
        for s in strings {
            table.u32(offset)
            offset += s.utf8.count
        }
        table.u32(offset)
        for s in strings { table.bytes.append(contentsOf: s.utf8) }
        var encoded = ImageWriter(), listOffsets: [Int] = []
        for list in lists {
            listOffsets.append(encoded.bytes.count)
            encoded.int(list.count)
            for n in list { encoded.int(n) }
        }
        table.u32(lists.count)
        for o in listOffsets + [encoded.bytes.count] { table.u32(o) }
        table.append(encoded.bytes)
        return table.bytes
    }
}

/// The payload of one compiled image, shared by every reader of it: the bytes, and where its
/// string table is. A string is made only when a record that holds it is read.
final class ImageBytes: Sendable {
    let storage: ImageStorage
    /// The cache file it was read from (nil: built into the program), removed if found damaged.
    let file: String?
    private let stringCount: Int, offsetsAt: Int, textAt: Int
    private let listCount: Int, listOffsetsAt: Int, listsAt: Int

    init(_ storage: ImageStorage, stringTableAt start: Int, file: String?) throws(ImageError) {
        self.storage = storage
        self.file = file
        let count = storage.count
        guard start >= 0, start <= count - 4 else { throw ImageError(description: "no string table") }
        let strings = Self.u32(storage.raw, start)
        guard strings <= (count - start - 8) / 4 else { throw ImageError(description: "string table of \(strings) entries") }
        stringCount = strings
        made = FirstUseCache(count: strings)
        offsetsAt = start + 4
        textAt = offsetsAt + 4 * (strings + 1)
        let textCount = Self.u32(storage.raw, offsetsAt + 4 * strings)
        guard textCount <= count - textAt - 4 else { throw ImageError(description: "the strings run past the end") }
        let listTable = textAt + textCount, lists = Self.u32(storage.raw, listTable)
        guard lists <= (count - listTable - 8) / 4 else { throw ImageError(description: "list table of \(lists) entries") }
        listCount = lists
        listOffsetsAt = listTable + 4
        listsAt = listOffsetsAt + 4 * (lists + 1)
        guard Self.u32(storage.raw, listOffsetsAt + 4 * lists) <= count - listsAt else { throw ImageError(description: "the lists run past the end") }
        madeLists = FirstUseCache(count: lists)
    }

    var raw: UnsafeRawBufferPointer { storage.raw }
    var count: Int { storage.count }

    static func u32(_ raw: UnsafeRawBufferPointer, _ at: Int) -> Int {
        Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }

    /// A fixed-width number at a place the caller has checked is inside the payload.
    func u32(at offset: Int) throws(ImageError) -> Int {
        guard offset >= 0, offset <= count - 4 else { throw ImageError(description: "a table runs past the end") }
        return Self.u32(raw, offset)
    }

    private func checkNumber(_ i: Int) throws(ImageError) {
        guard i >= 0, i < stringCount else { throw ImageError(description: "string \(i) is not in the table") }
    }

    private func bounds(_ i: Int) throws(ImageError) -> Range<Int> {
        try checkNumber(i)
        let start = Self.u32(raw, offsetsAt + 4 * i), end = Self.u32(raw, offsetsAt + 4 * i + 4)
        guard start <= end, end <= count - textAt else { throw ImageError(description: "string \(i) runs past the end") }
        return (textAt + start)..<(textAt + end)
    }

    /// String i, made once and then shared, as its number is: ids, kinds, sources and names recur
    /// in record after record (half of the countries' long strings in the bundled base repeat one
    /// another), and finding a made one is cheaper than checking its UTF-8 again.
    func string(_ i: Int) throws(ImageError) -> String {
        try checkNumber(i)  // before the cache is indexed by it; a made string's bounds are not read again
        return try made.value(i) { () throws(ImageError) in String(decoding: UnsafeRawBufferPointer(rebasing: raw[try bounds(i)]), as: UTF8.self) }
    }
    private let made: FirstUseCache<String>

    /// List i of strings, made once and then shared.
    func list(_ i: Int) throws(ImageError) -> [String] {
        guard i >= 0, i < listCount else { throw ImageError(description: "list \(i) is not in the table") }
        return try madeLists.value(i) { () throws(ImageError) in
            let start = Self.u32(raw, listOffsetsAt + 4 * i), stop = Self.u32(raw, listOffsetsAt + 4 * i + 4)
            guard start <= stop, stop <= count - listsAt else { throw ImageError(description: "list \(i) runs past the end") }
            var r = try ImageReader(self, from: listsAt + start, to: listsAt + stop)
            let list = try r.array { r throws(ImageError) in try r.string() }
            guard r.isAtEnd else { throw ImageError(description: "bytes after list \(i)") }
            return list
        }
    }
    private let madeLists: FirstUseCache<[String]>

    /// Whether string i, as bytes, sorts before, equal to or after `key` (no String is made).
    func compare(_ i: Int, _ key: UnsafeRawBufferPointer) throws(ImageError) -> Int {
        let range = try bounds(i)
        let n = min(range.count, key.count)
        let order = n == 0 ? 0 : memcmp(raw.baseAddress! + range.lowerBound, key.baseAddress!, n)
        if order != 0 { return order < 0 ? -1 : 1 }
        return range.count == key.count ? 0 : (range.count < key.count ? -1 : 1)
    }
}

/// Reads one part of an image, from `at` to `end`, in the order it was written.
struct ImageReader {
    let image: ImageBytes
    private var at: Int
    private let end: Int

    init(_ image: ImageBytes, from start: Int, to end: Int) throws(ImageError) {
        guard start >= 0, start <= end, end <= image.count else { throw ImageError(description: "a part runs past the end") }
        self.image = image; at = start; self.end = end
    }

    var isAtEnd: Bool { at == end }

    mutating func int() throws(ImageError) -> Int {
        var u: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard at < end else { throw ImageError(description: "the image ends inside a number") }
            let b = image.raw[at]
            at += 1
            guard shift < 64 else { throw ImageError(description: "a number is too long") }
            u |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }
    mutating func bool() throws(ImageError) -> Bool {
        guard at < end else { throw ImageError(description: "the image ends inside a flag") }
        defer { at += 1 }
        switch image.raw[at] {
        case 0: return false
        case 1: return true
        default: throw ImageError(description: "a flag is neither 0 nor 1")
        }
    }
    mutating func string() throws(ImageError) -> String {
        try image.string(try int())
    }
    mutating func optional<T>(_ read: (inout ImageReader) throws(ImageError) -> T) throws(ImageError) -> T? {
        try bool() ? try read(&self) : nil
    }
    mutating func array<T>(_ read: (inout ImageReader) throws(ImageError) -> T) throws(ImageError) -> [T] {
        let count = try int()
        // Every element takes at least one byte, so a count past the bytes left is damage.
        guard count >= 0, count <= end - at else { throw ImageError(description: "a list of \(count) entries") }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }
    mutating func column<T: BitwiseCopyable>(_: T.Type) throws(ImageError) -> [T] {
        let count = try int(), size = MemoryLayout<T>.stride
        guard count >= 0, count <= (end - at) / size else { throw ImageError(description: "a column of \(count) values") }
        let start = at
        at += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: image.raw[start..<(start + count * size)]))
            initialized = count
        }
    }
    mutating func strings() throws(ImageError) -> [String] { try image.list(try int()) }
    mutating func day() throws(ImageError) -> Day {
        let y = try int(), m = try int(), d = try int()
        guard let day = Day(year: y, month: m, day: d) else { throw ImageError(description: "no day \(y)-\(m)-\(d)") }
        return day
    }
    mutating func raw<R: CaseIterable>(_ type: R.Type) throws(ImageError) -> R where R.AllCases.Index == Int {
        let i = try int(), all = R.allCases
        guard all.indices.contains(i) else { throw ImageError(description: "no \(R.self) number \(i)") }
        return all[i]
    }
}
