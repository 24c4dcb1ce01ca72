import FoundationEssentials
import Glibc

/// For each term (or synonym group): the documents that contain it and the BM25F score it earns
/// there, precomputed at build time so a query only adds numbers. Stored as one flat array
/// (compressed sparse rows) rather than an array per term, which keeps the lists dense in memory.
struct PostingLists: Sendable {
    private(set) var starts: [Int32] = [0]
    private(set) var docs: [Int32] = []
    private(set) var scores: [Float] = []

    init() {}
    init(starts: [Int32], docs: [Int32], scores: [Float]) { self.starts = starts; self.docs = docs; self.scores = scores }

    var count: Int { starts.count - 1 }

    func range(_ list: Int) -> Range<Int> { Int(starts[list])..<Int(starts[list + 1]) }

    func documentCount(_ list: Int) -> Int { Int(starts[list + 1] - starts[list]) }

    /// Appends the next list; `entries` are (document, score) in increasing document order.
    mutating func append(_ entries: [(doc: Int32, score: Float)]) {
        for e in entries { docs.append(e.doc); scores.append(e.score) }
        starts.append(Int32(docs.count))
    }
}

/// BM25F: per-field term frequencies are weighted and length-normalised, summed, then saturated
/// once, so a word repeated across many fields of one record cannot outweigh rarer evidence.
struct BM25F: Sendable {
    static let k1: Float = 1.2

    /// Average length (in words) of each field over the documents that have it.
    let averageLength: [Float]
    let documentCount: Int

    /// Pseudo-frequency: field frequencies weighted by field and normalised by field length.
    func pseudoFrequency(_ tf: ArraySlice<Float>, lengths: ArraySlice<Float>) -> Float {
        var total: Float = 0
        for field in SearchField.allCases {
            let f = Int(field.rawValue)
            let n = tf[tf.startIndex + f]
            guard n > 0 else { continue }
            let b = field.lengthNormalisation
            let avg = max(averageLength[f], 1)
            total += field.weight * n / (1 - b + b * lengths[lengths.startIndex + f] / avg)
        }
        return total
    }

    func score(pseudoFrequency tf: Float, documentFrequency df: Int) -> Float {
        let n = Float(documentCount), d = Float(df)
        let idf = log(1 + (n - d + 0.5) / (d + 0.5))
        // Never exactly zero: a zero score means "no match" in the ranking's scratch arrays.
        return max(idf * tf * (BM25F.k1 + 1) / (BM25F.k1 + tf), 1e-6)
    }
}
