import FoundationEssentials

/// The one rule for what a note may hold, applied wherever text becomes a note: `notes add`,
/// `notes import`, the browser's editor and `$EDITOR` all reach it through `Notebook.addNote`,
/// `Notebook.updateNote` or the import parser.
///
/// A note is text: tab, line feed and carriage return are kept; every other C0 control (NUL, ESC,
/// BEL…) is refused, naming the character and where it is. Refused rather than removed, because
/// removing would change what the user wrote without telling them; and a NUL does not survive
/// the many tools that read text as a C string, which ends at the first NUL (GRDB, which the
/// notebook used before, was one: that is how "before\0after" used to be saved as "before").
public enum NoteText {
    /// The first character a note may not hold, and where it is (1-based, columns in characters).
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var scalar: Unicode.Scalar
        public var line: Int
        public var column: Int

        /// "U+0000 (NUL) at line 1, column 7"
        public var description: String { "\(NoteText.name(scalar)) at line \(line), column \(column)" }
    }

    /// Whether a character may appear in a note (the browser's editor inserts no other).
    public static func allows(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { !isForbidden($0) }
    }

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 && s != "\t" && s != "\n" && s != "\r"
    }

    public static func firstViolation(in text: String) -> Violation? {
        // Fast path: almost every note is plain text.
        guard text.unicodeScalars.contains(where: isForbidden) else { return nil }
        var line = 1, column = 0
        for character in text {
            if character == "\n" || character == "\r\n" { line += 1; column = 0; continue }
            column += 1
            if let s = character.unicodeScalars.first(where: isForbidden) { return Violation(scalar: s, line: line, column: column) }
        }
        return nil
    }

    /// Throws unless `text` can be stored as a note exactly as it is: no forbidden control
    /// character, not blank, not longer than `Note.maxTextBytes`.
    public static func validate(_ text: String) throws(NotebookError) {
        if let violation = firstViolation(in: text) { throw .controlCharacter(violation) }
        guard !text.allSatisfy(\.isWhitespace) else { throw .emptyNote }
        guard text.utf8.count <= Note.maxTextBytes else { throw .noteTooLong(bytes: text.utf8.count) }
    }

    /// Decodes bytes read from a file or standard input. Invalid UTF-8 is refused with its offset
    /// rather than replaced by U+FFFD, and a NUL is kept (to be refused by `validate` with its
    /// position), not taken as the end of the text as a C string would.
    public static func decode(_ bytes: Data, source: String) throws(NotebookError) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: throw .notUTF8(source: source, offset: offset, byte: bytes[bytes.startIndex + offset])
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// "U+0000 (NUL)", "U+001B (ESC)": the code point and its usual abbreviation.
    static func name(_ s: Unicode.Scalar) -> String {
        let names = [
            "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
            "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
        ]
        let code = "U+" + String(repeating: "0", count: max(0, 4 - String(s.value, radix: 16).count)) + String(s.value, radix: 16, uppercase: true)
        return s.value < 32 ? "\(code) (\(names[Int(s.value)]))" : code
    }
}
