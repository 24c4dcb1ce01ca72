/// Digits typed before Enter: a link's number on a page, a step's or a link's in the walkthrough.
/// One component for both screens, so both cap, show and clear a typed number the same way.
public struct NumberEntry: Sendable, Hashable {
    /// Enough for any link or step number.
    public static let maxDigits = 3
    public private(set) var text = ""
    public init() {}
    public var isEmpty: Bool { text.isEmpty }

    /// Adds a digit, unless the entry is full.
    mutating func type(_ digit: Int) {
        if text.count < Self.maxDigits { text += String(digit) }
    }

    /// What was typed, leaving the entry empty.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    mutating func clear() { text = "" }
}
