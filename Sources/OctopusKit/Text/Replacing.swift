extension StringProtocol {
    /// Every occurrence of `target` replaced, matched on the UTF-8 bytes (so at Unicode scalar
    /// boundaries): a quote followed by a combining mark is still a quote, as a CSV reader sees it,
    /// though Swift's `Character` comparison would see one cluster.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let from = Array(target.utf8)
        guard let first = from.first else { return String(self) }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == first, i + from.count <= bytes.count, bytes[i..<i + from.count].elementsEqual(from) {
                out.append(contentsOf: replacement.utf8)
                i += from.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
