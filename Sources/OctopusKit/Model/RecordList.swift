#if canImport(Glibc)
    import Glibc
#endif

/// The records of one kind, in knowledge-base order: an array (a base read from JSON, or a test's
/// own), or a table in a compiled image whose records are decoded the first time each is read, so
/// that `octopus show art29` on a base of fifty thousand records reads a few of them, not all.
public struct RecordList<Element: Sendable>: RandomAccessCollection, MutableCollection, Sendable {
    enum Storage: Sendable {
        case array([Element])
        case image(ImageSection<Element>)
    }
    private(set) var storage: Storage

    public init(_ elements: [Element]) { storage = .array(elements) }
    init(_ section: ImageSection<Element>) { storage = .image(section) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .array(let a): a.count
        case .image(let s): s.count
        }
    }
    public subscript(i: Int) -> Element {
        get {
            switch storage {
            case .array(let a): a[i]
            case .image(let s): s.element(i)
            }
        }
        // Changing a record of an image makes the list an array (tests and benchmarks do this);
        // an array is changed in place, not copied for every record set.
        set {
            var elements: [Element]
            if case .array(let a) = storage { elements = a } else { elements = Array(self) }
            storage = .array([])
            elements[i] = newValue
            storage = .array(elements)
        }
    }
}

extension RecordList: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension RecordList: Equatable where Element: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}

/// One kind's table in a compiled image: where each record's bytes are, and the records read so
/// far. The image was checked whole (its checksum) when it was opened, so a record that does
/// not decode means the file was changed under a running program: `ImageDamage` says so and
/// ends the program cleanly rather than showing half a record.
final class ImageSection<Element: Sendable>: Sendable {
    let count: Int
    private let image: ImageBytes
    private let offsetsAt: Int
    private let decode: @Sendable (inout ImageReader) throws(ImageError) -> Element
    private let cache: FirstUseCache<Element>

    init(image: ImageBytes, at start: Int, decode: @escaping @Sendable (inout ImageReader) throws(ImageError) -> Element) throws(ImageError) {
        let count = try image.u32(at: start)
        guard count <= (image.count - start) / 4 else { throw ImageError(description: "a table of \(count) records") }
        self.count = count
        self.image = image
        offsetsAt = start + 4
        _ = try image.u32(at: offsetsAt + 4 * count)
        self.decode = decode
        cache = FirstUseCache(count: count)
    }

    func element(_ i: Int) -> Element {
        precondition(i >= 0 && i < count, "record \(i) of \(count)")
        do throws(ImageError) {
            return try cache.value(i) { () throws(ImageError) in
                var r = try ImageReader(image, from: try image.u32(at: offsetsAt + 4 * i), to: try image.u32(at: offsetsAt + 4 * i + 4))
                let element = try decode(&r)
                guard r.isAtEnd else { throw ImageError(description: "record \(i) has bytes after its end") }
                return element
            }
        } catch {
            ImageDamage.report(error, file: image.file)
        }
    }
}

/// What happens when a compiled image turns out damaged after it was opened: one clear line, the
/// cached copy removed (the next run compiles the JSON again), and exit status 70 (`ExitStatus`). The program
/// sets `cleanUp` to give the terminal back first.
public enum ImageDamage {
    nonisolated(unsafe) public static var cleanUp: () -> Void = {}

    static func report(_ error: ImageError, file: String?) -> Never {
        cleanUp()
        if let file { unlink(file) }
        let message =
            "octopus: the compiled copy of the knowledge base is damaged (\(error.description))\(file.map { "; removed \($0), run the command again" } ?? "")\n"
        _ = message.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        exit(ExitStatus.damagedCopy.rawValue)
    }
}
