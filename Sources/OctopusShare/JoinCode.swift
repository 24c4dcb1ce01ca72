/// The short code a presenter reads out so that only the room joins: six letters and digits from
/// an alphabet without look-alikes (no 0/O, 1/I/L), typed in any case.
public enum JoinCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// Whether a text is a code this octopus could have made (read back from a file, say).
    public static func isWellFormed(_ code: String) -> Bool { code.count == 6 && code.allSatisfy { alphabet.contains($0) } }

    public static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        return String((0..<6).map { _ in alphabet[Int(rng.next(upperBound: UInt(alphabet.count)))] })
    }

    /// Whether what was typed is the code; the comparison looks at every character, whatever
    /// comes first, so timing says nothing of how much was right.
    public static func matches(_ typed: String, _ code: String) -> Bool {
        let a = Array(typed.uppercased().utf8), b = Array(code.uppercased().utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
