import Foundation

/// Folds text for matching: NFKC compatibility forms, case, diacritics, apostrophe and dash
/// variants, so "Côte d’Ivoire", "cote d'ivoire" and "COTE DIVOIRE" compare equal as words.
public enum Folding {
    /// Every mark people type as an apostrophe; folding and the search tokenizer treat them alike.
    public static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]

    /// Lower-cased, diacritics removed, punctuation turned into spaces, runs of spaces collapsed.
    public static func fold(_ text: String) -> String {
        // Most text is ASCII (ids, names, English prose): fold it byte by byte, without Foundation;
        // the same result as below, where NFKC, case and diacritic folding change nothing else.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        return foldUnicode(text)
    }

    static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(b); lastWasSpace = false
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(b + 32); lastWasSpace = false
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue  // apostrophes join, as below
            default:
                if !lastWasSpace { out.append(UInt8(ascii: " ")); lastWasSpace = true }
            }
        }
        if out.last == UInt8(ascii: " ") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    static func foldUnicode(_ text: String) -> String {
        let base = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for s in base.unicodeScalars {
            switch s {
            case "ß": out.append(contentsOf: "ss".unicodeScalars); lastWasSpace = false
            case "æ": out.append(contentsOf: "ae".unicodeScalars); lastWasSpace = false
            case "œ": out.append(contentsOf: "oe".unicodeScalars); lastWasSpace = false
            case "ø": out.append("o"); lastWasSpace = false
            case "ı": out.append("i"); lastWasSpace = false
            default:
                // Apostrophes join: "d'Ivoire" → "divoire", as people type it without one.
                if apostrophes.contains(s) { continue }
                if CharacterSet.alphanumerics.contains(s) {
                    out.append(s); lastWasSpace = false
                } else if !lastWasSpace {
                    out.append(" "); lastWasSpace = true
                }
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Folded words.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }
}
