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

    /// The text with every unsafe scalar written as `\uXXXX`. Tab, line feed and carriage return
    /// are kept (layout decides what to do with them) unless `oneLine`, for messages that must
    /// stay on their line.
    public static func escaped(_ text: String, oneLine: Bool = false) -> String {
        guard needsEscaping(text.utf8) || (oneLine && text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if isUnsafe(s) && (oneLine || (s != "\t" && s != "\n" && s != "\r")) {
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
    public static func needsEscaping<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in bytes {
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return true }
            if b == 0x7F { return true }
            if previous == 0xC2 && (0x80...0x9F).contains(b) { return true }                    // C1
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
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0 and C1 controls (ESC, CSI, BEL…)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        case 0x2028, 0x2029: return true                    // line/paragraph separators
        default: return false
        }
    }
}
