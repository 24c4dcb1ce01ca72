extension StringProtocol {
    /// Without the white space at either end (Unicode's White_Space: spaces of every width, tabs
    /// and, unless `newlines` is false, line breaks), as the user would not see it.
    public func trimmed(newlines: Bool = true) -> String {
        trimming { s in s.properties.isWhitespace && (newlines || !Self.isLineBreak(s)) }
    }

    /// Without the scalars at either end for which `isTrimmed` holds.
    public func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }), let last = scalars.lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
