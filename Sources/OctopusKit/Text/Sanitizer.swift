/// Removes control characters (ESC, BEL, C1 controls, bidi overrides…) from text that came from a
/// file, so a knowledge base can never drive the user's terminal. Tabs and newlines become spaces
/// unless `keepNewlines` is set.
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

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0 and C1 controls (ESC, CSI, BEL…)
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        case 0x2028, 0x2029: return true                    // line/paragraph separators
        default: return false
        }
    }
}
