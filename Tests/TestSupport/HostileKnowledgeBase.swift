import Foundation

/// A knowledge base whose every free-text string ends in terminal escapes: a title change (OSC 0
/// ending in BEL), a clipboard write (OSC 52), an 8-bit CSI, a bidi override. Tests run every
/// command and screen over it and look for any of these bytes in what reaches the terminal.
public enum HostileKnowledgeBase {
    public static let payload = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;aGVsbG8=\u{07}\u{9B}2J\u{202E}"

    /// Fields that are free text; ids, dates, links, kinds and regions are checked by the loader
    /// and stay as they are, so the base still loads.
    static let textFields: Set<String> = [
        "aims", "aliases", "chapter", "definition", "entryIntoForceRule", "keyPoints", "name", "nameFr", "note",
        "place", "provision", "questions", "section", "shortTitle", "sources", "summary", "synonyms", "term",
        "text", "title", "titleGroup",
    ]

    /// The given knowledge-base JSON with the payload appended to every free-text string.
    public static func make(from json: Data) throws -> Data {
        let root = try JSONSerialization.jsonObject(with: json)
        return try JSONSerialization.data(withJSONObject: poison(root, field: nil), options: [.sortedKeys])
    }

    /// Raw bytes of the payload that must never appear in output: ESC ] (an OSC), BEL, the UTF-8
    /// of CSI (C2 9B) and of the bidi override (E2 80 AE).
    public static func rawControls(in bytes: [UInt8]) -> [String] {
        var found: [String] = []
        let needles: [(String, [UInt8])] = [("ESC ]", [0x1B, 0x5D]), ("BEL", [0x07]), ("CSI", [0xC2, 0x9B]), ("RLO", [0xE2, 0x80, 0xAE])]
        for (name, needle) in needles where bytes.indices.contains(where: { bytes[$0...].starts(with: needle) }) {
            found.append(name)
        }
        return found
    }

    private static func poison(_ value: Any, field: String?) -> Any {
        switch value {
        case let object as [String: Any]:
            return Dictionary(uniqueKeysWithValues: object.map { ($0.key, poison($0.value, field: $0.key)) })
        case let array as [Any]:
            return array.map { poison($0, field: field) }
        case let text as String where field.map(textFields.contains) ?? false:
            return text + payload
        default:
            return value
        }
    }
}
