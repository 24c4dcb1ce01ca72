import Synchronization

/// What an image's numbered entries (records, strings) become once read, kept by number and made
/// on first use. Kept in chunks of 256 made as they are needed: a base of 15,000 records and
/// 300,000 strings opened to show one page clears only the chunks that page touches, and a value
/// is then found by two indexings instead of a hash lookup.
final class FirstUseCache<Element: Sendable>: Sendable {
    private let chunks: Mutex<[[Element?]?]>
    private static var chunk: Int { 256 }

    init(count: Int) {
        chunks = Mutex([[Element?]?](repeating: nil, count: (count + Self.chunk - 1) / Self.chunk))
    }

    /// Entry i (0 ≤ i < count), made by `make` the first time (outside the lock: making may
    /// read other entries).
    func value<E: Error>(_ i: Int, make: () throws(E) -> Element) throws(E) -> Element {
        let (c, k) = i.quotientAndRemainder(dividingBy: Self.chunk)
        if let cached = chunks.withLock({ $0[c]?[k] }) { return cached }
        let made = try make()
        chunks.withLock { chunks in
            if chunks[c] == nil { chunks[c] = [Element?](repeating: nil, count: Self.chunk) }
            chunks[c]![k] = made
        }
        return made
    }
}
