import Synchronization

/// How a base finds a record by id, what links to each record, and which countries have a record
/// for each treaty (so that a treaty's status reads those, not every country): built from the
/// records for a base read from JSON, or read in place from a compiled image.
enum RecordIndex: Sendable {
    case built(BuiltIndex)
    case image(ImageIndex)
}

/// Where a record is: its kind and its place in that kind's list.
struct RecordPlace: Sendable, Hashable {
    var kind: RecordKind
    var index: Int
}

struct BuiltIndex: Sendable {
    /// Lower-cased id → place.
    var byID: [String: RecordPlace] = [:]
    /// Id → ids of records that link to it (explicitly or inline), in knowledge-base order.
    var backlinks: [String: [String]] = [:]
    var treaties = TreatyIndex()
}

/// Records by treaty, as places in the base's lists: the countries with an event or a statement
/// for each treaty (all its status reads), those with any statement (the "made by" lists), and
/// each treaty's articles.
struct TreatyIndex: Sendable, Equatable {
    var countriesByTreaty: [String: [Int]] = [:]
    var countriesWithStatements: [Int] = []
    var articlesByTreaty: [String: [Int]] = [:]

    init() {}
    init(countries: some Collection<Country>, articles: some Collection<Article>) {
        for (i, c) in countries.enumerated() {
            for treaty in Set(c.events.map(\.treaty) + c.statements.map(\.treaty)) { countriesByTreaty[treaty, default: []].append(i) }
            if !c.statements.isEmpty { countriesWithStatements.append(i) }
        }
        for (i, a) in articles.enumerated() { articlesByTreaty[a.treaty, default: []].append(i) }
    }
}

/// The same tables inside a compiled image: ids sorted as bytes, each with its place and the ids
/// that link to it, searched in place.
final class ImageIndex: Sendable {
    private let image: ImageBytes
    private let idsAt: Int, idCount: Int, backlinksAt: Int
    let treaties: TreatyIndex

    init(image: ImageBytes, idsAt: Int, backlinksAt: Int, treaties: TreatyIndex) throws(ImageError) {
        self.image = image
        self.idsAt = idsAt + 4
        idCount = try image.u32(at: idsAt)
        guard idCount <= (image.count - idsAt) / 8 else { throw ImageError(description: "an id table of \(idCount) entries") }
        self.backlinksAt = backlinksAt + 4
        guard try image.u32(at: backlinksAt) == idCount else { throw ImageError(description: "backlinks do not match the ids") }
        _ = try image.u32(at: self.backlinksAt + 4 * idCount)
        self.treaties = treaties
    }

    /// The entry for a lower-cased id, by binary search.
    func entry(_ lowercased: String) -> Int? {
        var id = lowercased
        return id.withUTF8 { key in
            var low = 0, high = idCount
            while low < high {
                let mid = (low + high) / 2
                let order = checked { () throws(ImageError) in try image.compare(try image.u32(at: idsAt + 8 * mid), UnsafeRawBufferPointer(key)) }
                if order == 0 { return mid }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    func place(_ entry: Int) -> RecordPlace {
        let packed = checked { () throws(ImageError) in try image.u32(at: idsAt + 8 * entry + 4) }
        let kinds = RecordKind.allCases
        guard packed >> 24 < kinds.count else { ImageDamage.report(ImageError(description: "a record of kind \(packed >> 24)"), file: image.file) }
        return RecordPlace(kind: kinds[packed >> 24], index: packed & 0xFF_FFFF)
    }

    /// The record's id as written, and the ids that link to it.
    func backlinks(_ entry: Int) -> (id: String, from: [String]) {
        checked { () throws(ImageError) in
            var r = try reader(entry)
            let id = try r.string()
            _ = try r.string(); _ = try r.string()
            return (id, try r.strings())
        }
    }

    /// The record's id and labels, stored beside its backlinks.
    func label(_ entry: Int) -> RecordLabel {
        checked { () throws(ImageError) in
            var r = try reader(entry)
            return RecordLabel(id: try r.string(), shortTitle: try r.string(), inlineLabel: try r.string())
        }
    }

    /// The entry for an id as written, in any case: kept once found, since a page asks after each
    /// link's record more than once (its kind, its labels where it is written and in its list of
    /// links), thousands of times on a large base.
    func entry(forID id: String) -> Int? {
        if let known = entries.withLock({ $0[id] }) { return known }
        let found = entry(id.lowercased())
        entries.withLock { $0[id] = found }
        return found
    }
    private let entries = Mutex<[String: Int?]>([:])

    private func reader(_ entry: Int) throws(ImageError) -> ImageReader {
        try ImageReader(image, from: try image.u32(at: backlinksAt + 4 * entry), to: try image.u32(at: backlinksAt + 4 * entry + 4))
    }

    /// Every id that something links to, with the ids that do (for comparing and re-encoding).
    var allBacklinks: [String: [String]] {
        var out: [String: [String]] = [:]
        for e in 0..<idCount {
            let (id, from) = backlinks(e)
            if !from.isEmpty { out[id] = from }
        }
        return out
    }

    private func checked<T>(_ body: () throws(ImageError) -> T) -> T {
        do throws(ImageError) { return try body() } catch { ImageDamage.report(error, file: image.file) }
    }
}
