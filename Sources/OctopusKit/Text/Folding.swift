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
        var out = Words()
        for s in text.unicodeScalars {
            if let form = table.forms[s.value] {
                for f in form { out.take(f) }
            } else if !table.dropped.contains(s.value) {
                out.take(s)
            }
        }
        return out.text
    }

    /// The words of folded scalars, taken one at a time: a few letters spelled out ("ß" is "ss"),
    /// apostrophes joining ("d'Ivoire" is "divoire", as people type it without one), anything
    /// but a letter, mark or digit a single space between words.
    struct Words {
        private var scalars = String.UnicodeScalarView()
        private var lastWasSpace = true

        mutating func take(_ s: Unicode.Scalar) {
            switch s {
            case "ß": scalars.append(contentsOf: "ss".unicodeScalars); lastWasSpace = false
            case "æ": scalars.append(contentsOf: "ae".unicodeScalars); lastWasSpace = false
            case "œ": scalars.append(contentsOf: "oe".unicodeScalars); lastWasSpace = false
            case "ø": scalars.append("o"); lastWasSpace = false
            case "ı": scalars.append("i"); lastWasSpace = false
            default:
                if apostrophes.contains(s) { return }
                if isAlphanumeric(s) {
                    scalars.append(s); lastWasSpace = false
                } else if !lastWasSpace {
                    scalars.append(" "); lastWasSpace = true
                }
            }
        }

        var text: String {
            var result = String(scalars)
            if result.hasSuffix(" ") { result.removeLast() }
            return result
        }
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

    /// The table, read once from its text (FoldingTable.swift) the first time a non-ASCII text
    /// is folded.
    private static let table: (forms: [UInt32: [Unicode.Scalar]], dropped: Set<UInt32>) = {
        func hex(_ s: Substring) -> UInt32? { UInt32(s, radix: 16) }
        /// "K" or "K-E" as a range of scalar values.
        func range(_ s: Substring) -> ClosedRange<UInt32>? {
            let ends = s.split(separator: "-").compactMap(hex)
            guard let first = ends.first, let last = ends.last, ends.count == s.split(separator: "-").count, first <= last else { return nil }
            return first...last
        }
        var forms: [UInt32: [Unicode.Scalar]] = [:]
        for entry in foldedForms.split(separator: ";") {
            if let equals = entry.firstIndex(of: "="), let keys = range(entry[..<equals]),
                let v = hex(entry[entry.index(after: equals)...]).flatMap(Unicode.Scalar.init)
            {
                for key in keys { forms[key] = [v] }
            } else if let colon = entry.firstIndex(of: ":"), let keys = range(entry[..<colon]) {
                let values = entry[entry.index(after: colon)...].split(separator: " ").compactMap(hex)
                if keys.count == 1 {
                    forms[keys.lowerBound] = values.compactMap(Unicode.Scalar.init)
                } else if let first = values.first {
                    for (n, key) in keys.enumerated() { forms[key] = Unicode.Scalar(first + UInt32(n)).map { [$0] } }
                }
            }
        }
        var dropped = Set<UInt32>()
        for run in droppedMarks.split(separator: " ") { if let marks = range(run) { dropped.formUnion(marks) } }
        return (forms, dropped)
    }()

    /// Folded words.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }
}
