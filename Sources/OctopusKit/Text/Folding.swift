/// Folds text for matching: NFKC compatibility forms, case, diacritics, apostrophe and dash
/// variants, so "Côte d’Ivoire", "cote d'ivoire" and "COTE DIVOIRE" compare equal as words.
public enum Folding {
    /// Every mark people type as an apostrophe; folding and the search tokenizer treat them alike.
    public static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}"]

    /// Lower-cased, diacritics removed, punctuation turned into spaces, runs of spaces collapsed.
    public static func fold(_ text: String) -> String {
        // Most text is ASCII (ids, names, English prose): fold it byte by byte, without the table;
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
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for original in text.unicodeScalars {
            for s in folded(original) {
                switch s {
                case "ß": out.append(contentsOf: "ss".unicodeScalars); lastWasSpace = false
                case "æ": out.append(contentsOf: "ae".unicodeScalars); lastWasSpace = false
                case "œ": out.append(contentsOf: "oe".unicodeScalars); lastWasSpace = false
                case "ø": out.append("o"); lastWasSpace = false
                case "ı": out.append("i"); lastWasSpace = false
                default:
                    // Apostrophes join: "d'Ivoire" → "divoire", as people type it without one.
                    if apostrophes.contains(s) { continue }
                    if isAlphanumeric(s) {
                        out.append(s); lastWasSpace = false
                    } else if !lastWasSpace {
                        out.append(" "); lastWasSpace = true
                    }
                }
            }
        }
        var result = String(out)
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// One scalar folded (compatibility form, case, diacritics, width), scalar by scalar from the
    /// generated table: "É" is "e", "ﬁ" is "fi", a combining accent is nothing.
    public static func folded(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if let form = table.forms[s.value] { return form }
        return table.dropped.contains(s.value) ? [] : [s]
    }

    /// Letters, marks and digits, as Unicode's general categories say (L*, M*, N*).
    public static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// The table, read once from its text the first time a non-ASCII text is folded.
    private static let table: (forms: [UInt32: [Unicode.Scalar]], dropped: Set<UInt32>) = {
        var forms: [UInt32: [Unicode.Scalar]] = [:]
        for entry in foldedForms.split(separator: ";") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let key = UInt32(parts[0], radix: 16) else { continue }
            forms[key] = parts[1].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        }
        let dropped = Set(droppedMarks.split(separator: " ").compactMap { UInt32($0, radix: 16) })
        return (forms, dropped)
    }()

    /// Folded words.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }
}
