/// Column width of text by grapheme cluster, computed from Unicode ranges rather than the C
/// library's `wcwidth`, so it does not depend on the process locale and tests see what users see.
public enum TextWidth {
    public static func columns(_ c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        // Format characters (bidi overrides, zero-width marks) are never drawn: the grid skips
        // zero-width cells, which is the last guard against text steering the terminal.
        if first.properties.generalCategory == .format || first.properties.generalCategory == .lineSeparator
            || first.properties.generalCategory == .paragraphSeparator { return 0 }
        if v == 0x200B || v == 0x200C || v == 0x200D || (0xFE00...0xFE0F).contains(v) { return 0 }
        if isWide(v) { return 2 }
        // An emoji presentation selector makes a narrow symbol wide.
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    public static func columns(_ s: String) -> Int { s.reduce(0) { $0 + columns($1) } }

    /// The longest prefix that fits in `width` columns, with "…" when cut (if `ellipsis`).
    public static func clip(_ s: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if columns(s) <= width { return s }
        let room = width - columns(ellipsis)
        var out = "", used = 0
        for c in s {
            let w = columns(c)
            if used + w > room { break }
            out.append(c); used += w
        }
        return room >= 0 ? out + ellipsis : out
    }

    public static func pad(_ s: String, to width: Int) -> String {
        let clipped = clip(s, to: width)
        return clipped + String(repeating: " ", count: max(0, width - columns(clipped)))
    }

    /// Word wrap by columns. Words longer than the width are broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = [], line = "", lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = columns(w)
            if lineWidth > 0 && lineWidth + 1 + ww <= width {
                line += " " + w; lineWidth += 1 + ww; continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            while ww > width {
                let head = clip(w, to: width, ellipsis: "")
                lines.append(head)
                w = String(w.dropFirst(head.count)); ww = columns(w)
            }
            line = w; lineWidth = ww
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
