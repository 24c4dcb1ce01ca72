/// Keeps control characters (ESC, BEL, C1 controls, bidi overrides…) that came from a file, a note
/// or an argument from ever reaching the user's terminal.
///
/// Two forms. `escaped` makes them visible in the notation JSON uses (`\u001B`), so nothing is
/// dropped silently: text is escaped once when a file is loaded, and every byte the command line
/// writes goes through it last (in JSON output the escapes stay valid JSON, since such characters
/// can only stand inside strings). `clean` lays text out on one line for display: tabs and line
/// breaks become spaces, and anything unsafe left is removed.
public enum Sanitizer {
    public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
        var needsWork = false
        for s in text.unicodeScalars where isUnsafe(s) || s == "\t" || (s == "\n" && !keepNewlines) || s == "\r" {
            needsWork = true; break
        }
        if !needsWork { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\n" { out.append(keepNewlines ? "\n" : " "); continue }
            if s == "\t" || s == "\r" { out.append(" "); continue }
            if isUnsafe(s) { continue }
            out.append(s)
        }
        return String(out)
    }

    /// Which layout characters `escaped` leaves alone.
    public enum Keep: Sendable {
        /// Tab, line feed and carriage return: text read from a file, which layout will place.
        case layout
        /// Tab and line feed: what is printed (a lone carriage return could overwrite a line).
        case lines
        /// None: a message that must stay on its line (a diagnostic).
        case nothing

        func keeps(_ s: Unicode.Scalar) -> Bool {
            switch self {
            case .layout: s == "\t" || s == "\n" || s == "\r"
            case .lines: s == "\t" || s == "\n"
            case .nothing: false
            }
        }
    }

    /// The text with every unsafe scalar written as `\uXXXX`, but for the layout characters kept.
    public static func escaped(_ text: String, keep: Keep = .layout) -> String {
        guard needsEscaping(text.utf8, keep: keep) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if isUnsafe(s) && !keep.keeps(s) {
                let hex = String(s.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// Whether UTF-8 bytes hold anything `escaped` would change: a byte-level scan, so the common
    /// case (clean text, megabytes of JSON) costs one pass and no allocation.
    public static func needsEscaping<C: Collection>(_ bytes: C, keep: Keep = .layout) -> Bool where C.Element == UInt8 {
        // A string's own bytes in one buffer (a large page is hundreds of kilobytes) are scanned
        // without going through its index type byte by byte.
        if let answer = bytes.withContiguousStorageIfAvailable({ scan($0, keep: keep) }) { return answer }
        return scan(bytes, keep: keep)
    }

    private static func scan<C: Collection>(_ bytes: C, keep: Keep) -> Bool where C.Element == UInt8 {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in bytes {
            if b < 0x20 && !keep.keeps(Unicode.Scalar(b)) { return true }
            if b == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(b) { return true }  // C1
            if beforePrevious == 0xE2 && previous == 0x80 && (b == 0x8E || b == 0x8F || (0xA8...0xAE).contains(b)) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(b) { return true }  // isolates
            beforePrevious = previous; previous = b
        }
        return false
    }

    /// Scalars a terminal could act on: C0 and C1 controls, bidi overrides and isolates, line and
    /// paragraph separators.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true  // C0 and C1 controls (ESC, CSI, BEL…)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        case 0x2028, 0x2029: return true  // line/paragraph separators
        default: return false
        }
    }
}
