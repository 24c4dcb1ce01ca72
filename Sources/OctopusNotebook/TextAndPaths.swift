/// The few string operations the notebook used from full Foundation, which FoundationEssentials
/// does not have (`trimmingCharacters(in:)`, `CharacterSet`, `NSString`'s path methods), with
/// the same results for what the notebook gives them.
enum Whitespace {
    /// `CharacterSet.whitespaces`: tab, the space separators (Zs), and the zero-width space,
    /// which Foundation counts too.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s == "\u{200B}" || s.properties.generalCategory == .spaceSeparator
    }

    /// `CharacterSet.whitespacesAndNewlines`: those, line feed to carriage return, NEL, and the
    /// line and paragraph separators.
    static func isSpaceOrNewline(_ s: Unicode.Scalar) -> Bool {
        if isSpace(s) || ("\n"..."\r").contains(s) || s == "\u{85}" { return true }
        let category = s.properties.generalCategory
        return category == .lineSeparator || category == .paragraphSeparator
    }

    /// `text` without white space (and line breaks, with `newlines`) at either end, taken off
    /// scalar by scalar as `trimmingCharacters(in:)` does.
    static func trimmed(_ text: some StringProtocol, newlines: Bool = true) -> String {
        let isTrimmed = newlines ? isSpaceOrNewline : isSpace
        let scalars = String(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }), let last = scalars.lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}

enum PathText {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent`: "/a/b/c" → "/a/b",
    /// "/a" → "/", "c" → "" (trailing slashes are not a component).
    static func folder(of path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1, rest.hasSuffix("/") { rest.removeLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var folder = rest[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// `name` in `folder`, as `NSString.appendingPathComponent`: one slash between them, and
    /// `name` alone when `folder` is empty.
    static func appending(_ name: String, to folder: String) -> String {
        folder.isEmpty ? name : NotebookLocation.join(folder, name)
    }
}
