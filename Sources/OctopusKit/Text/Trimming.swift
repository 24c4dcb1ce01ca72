extension StringProtocol {
    /// Without the white space at either end, taken off scalar by scalar with the sets Foundation's
    /// `trimmingCharacters(in:)` used: tab, the space separators (Zs) and the zero-width space,
    /// and, unless `newlines` is false, line feed to carriage return, NEL and the line and
    /// paragraph separators.
    public func trimmed(newlines: Bool = true) -> String {
        trimming { s in Self.isSpace(s) || (newlines && Self.isLineBreak(s)) }
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

    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\u{200B}" || s.properties.generalCategory == .spaceSeparator
    }

    private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .lineSeparator, .paragraphSeparator: true
        default: ("\n"..."\r").contains(s) || s == "\u{85}"
        }
    }
}
