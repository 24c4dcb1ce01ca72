import Glibc

/// The process's environment, read through the C library: Foundation's `ProcessInfo` costs a
/// short command over a megabyte of memory to start.
public enum Environment {
    /// A variable's value, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every variable, for code that takes the environment as a value (tests give their own).
    public static var all: [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
