import FoundationEssentials
import Glibc
import OctopusKit

/// A five-row font of block characters for projector headings, readable from the back of a room.
/// Capitals, digits and the punctuation titles use; lower case is drawn as capitals, accents are
/// folded (É → E, Ø → O, Æ → AE, … → ...), and punctuation is kept. Text with any other character
/// is not drawn in blocks at all (the caller falls back to plain bold text) rather than with holes.
public enum BlockLetters {
    public static let height = 5
    /// Blank columns between two glyphs.
    static let gap = 1

    /// Glyphs as rows of `#` (ink) and space; every row of a glyph has the same width.
    static let glyphs: [Character: [String]] = [
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"],
        "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["###", " # ", " # ", " # ", "###"],
        "J": ["  ###", "    #", "    #", "#   #", " ### "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
        "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"],
        "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
        "0": [" ### ", "#  ##", "# # #", "##  #", " ### "],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": [" ### ", "#   #", "  ## ", " #   ", "#####"],
        "3": ["#### ", "    #", " ### ", "    #", "#### "],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#### ", "    #", "#### "],
        "6": [" ### ", "#    ", "#### ", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": [" ### ", "#   #", " ### ", "#   #", " ### "],
        "9": [" ### ", "#   #", " ####", "    #", " ### "],
        " ": ["  ", "  ", "  ", "  ", "  "],
        ".": [" ", " ", " ", " ", "#"],
        ",": ["  ", "  ", "  ", " #", "# "],
        ":": [" ", "#", " ", "#", " "],
        ";": ["  ", " #", "  ", " #", "# "],
        "!": ["#", "#", "#", " ", "#"],
        "?": ["### ", "   #", " ## ", "    ", " #  "],
        "-": ["    ", "    ", "####", "    ", "    "],
        "'": ["#", "#", " ", " ", " "],
        "\"": ["# #", "# #", "   ", "   ", "   "],
        "(": [" #", "# ", "# ", "# ", " #"],
        ")": ["# ", " #", " #", " #", "# "],
        "/": ["    #", "   # ", "  #  ", " #   ", "#    "],
        "&": [" ##  ", "#  # ", " ## #", "#  # ", " ## #"],
        "+": ["   ", " # ", "###", " # ", "   "],
        "%": ["#   #", "   # ", "  #  ", " #   ", "#   #"],
        "[": ["##", "# ", "# ", "# ", "##"],
        "]": ["##", " #", " #", " #", "##"],
        "*": ["     ", "# # #", " ### ", "# # #", "     "],
        "=": ["    ", "####", "    ", "####", "    "],
        "#": [" # # ", "#####", " # # ", "#####", " # # "],
        "@": [" ### ", "# ###", "# # #", "# ###", " ### "],
        "_": ["    ", "    ", "    ", "    ", "####"],
        "×": ["   ", "# #", " # ", "# #", "   "],
        "<": ["  #", " # ", "#  ", " # ", "  #"],
        ">": ["#  ", " # ", "  #", " # ", "#  "],
    ]

    /// Letters that do not decompose into a base letter and a mark, spelled as they are folded.
    static let folds: [Character: String] = [
        "Ø": "O", "Ł": "L", "Đ": "D", "Ð": "D", "Ħ": "H", "Ŧ": "T", "Æ": "AE", "Œ": "OE", "Þ": "TH", "ẞ": "SS", "…": "...",
    ]

    /// Typographic characters drawn as their plain look-alikes.
    static let aliases: [Character: Character] = [
        "–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'", "“": "\"", "”": "\"", "«": "\"", "»": "\"", "·": "-",
    ]

    /// The glyph for a character, after upper-casing and dropping accents; nil if the font lacks it.
    static func glyph(_ c: Character) -> [String]? {
        if let g = glyphs[c] { return g }
        if let a = aliases[c], let g = glyphs[a] { return g }
        // Accents dropped as folding drops them ("É" is "e", looked up upper-cased).
        if let first = c.unicodeScalars.first, let base = Folding.folded(first).first,
            let g = glyphs[Character(base)] ?? glyphs[Character(String(base).uppercased())]
        {
            return g
        }
        return nil
    }

    /// The characters to draw, or nil if any of them is missing from the font.
    static func characters(_ text: String) -> [Character]? {
        var out: [Character] = []
        for c in text.uppercased() {
            for d in folds[c].map(Array.init) ?? [c] {
                guard glyph(d) != nil else { return nil }
                out.append(d)
            }
        }
        return out
    }

    public static func supports(_ text: String) -> Bool { characters(text) != nil }

    /// Columns the text takes in blocks (0 if unsupported).
    public static func width(_ text: String) -> Int {
        guard let chars = characters(text), !chars.isEmpty else { return 0 }
        return chars.reduce(0) { $0 + (glyph($1)?.first?.count ?? 0) } + gap * (chars.count - 1)
    }

    /// The five rows of the text, with `█` for ink (`#` when `ascii`), or nil if unsupported.
    public static func render(_ text: String, ascii: Bool = false) -> [String]? {
        guard let chars = characters(text) else { return nil }
        var rows = Array(repeating: "", count: height)
        for (i, c) in chars.enumerated() {
            guard let g = glyph(c) else { return nil }
            for r in 0..<height { rows[r] += (i > 0 ? String(repeating: " ", count: gap) : "") + g[r] }
        }
        let ink: Character = ascii ? "#" : "█"
        return rows.map { row in String(row.map { $0 == "#" ? ink : " " }) }
    }

    /// The text wrapped at spaces into at most `maxLines` block lines no wider than `width`, each
    /// five rows high; nil when it does not fit (or has a character the font lacks).
    public static func layout(_ text: String, width: Int, maxLines: Int, ascii: Bool = false) -> [[String]]? {
        wrap(text, width: width, maxLines: maxLines)?.compactMap { render($0, ascii: ascii) }
    }

    /// Whether the text fits in at most `maxLines` block lines of `width`, without drawing it.
    public static func fits(_ text: String, width: Int, maxLines: Int) -> Bool {
        wrap(text, width: width, maxLines: maxLines) != nil
    }

    /// The text's block lines as text, or nil when it does not fit.
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String]? {
        let words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty, maxLines > 0, supports(text) else { return nil }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if self.width(candidate) <= width {
                current = candidate
            } else {
                guard !current.isEmpty, self.width(word) <= width else { return nil }
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        guard lines.count <= maxLines else { return nil }
        return lines
    }
}
