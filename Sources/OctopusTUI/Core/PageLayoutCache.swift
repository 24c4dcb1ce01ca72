import OctopusKit
import OctopusNotebook
import Synchronization

/// Page layouts by everything a layout depends on (record, width, status date, glyphs, the user's
/// notes on it), so a page is built and wrapped once per change rather than once per use: update
/// (scrolling, links, n/N, clicks) and render all ask for the same layout on every key.
public final class PageLayoutCache: Sendable {
    struct Key: Hashable, Sendable {
        var id: String, width: Int, date: Day, ascii: Bool, notes: [Note], bookmarked: Bool
        /// A matrix cell's explanation, and your rating shown in it.
        var cell: MatrixCell? = nil, rating: Rating? = nil
        /// The States a comparison sets side by side.
        var comparing: [String]? = nil
    }

    private struct Storage {
        var layouts: [Key: PageLayout] = [:]
        var built = 0
    }

    /// A few pages: the open one, the preview beside a list, the one just left.
    static let capacity = 8
    private let storage = Mutex(Storage())

    public init() {}

    /// How many layouts were built, for tests that a key builds a page once.
    public var built: Int { storage.withLock { $0.built } }

    func layout(_ key: Key, build: () -> PageLayout) -> PageLayout {
        if let cached = storage.withLock({ $0.layouts[key] }) { return cached }
        let made = build()
        storage.withLock {
            if $0.layouts.count >= Self.capacity { $0.layouts.removeAll(keepingCapacity: true) }
            $0.layouts[key] = made
            $0.built += 1
        }
        return made
    }
}
