import OctopusKit
import Synchronization

/// The matrix read once per status date, filter and order: reading every indicator for every
/// State is the costly part, and update and draw both ask for it on every key.
public final class MatrixCache: Sendable {
    struct Key: Hashable, Sendable {
        var date: Day, filter: Matrix.Filter, sort: Int?
    }
    private let storage = Mutex<(key: Key, matrix: Matrix)?>(nil)
    public init() {}

    func matrix(_ kb: KnowledgeBase, date: Day, filter: Matrix.Filter, sort: Int?) -> Matrix {
        let key = Key(date: date, filter: filter, sort: sort)
        if let kept = storage.withLock({ $0 }), kept.key == key { return kept.matrix }
        var m = Matrix(kb, at: date, filter: filter)
        m.sort(by: sort)
        storage.withLock { $0 = (key, m) }
        return m
    }
}
