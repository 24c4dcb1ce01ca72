import FoundationEssentials
import Glibc

/// Times in the notebook are whole milliseconds since 1970 (UTC): an integer survives the round
/// trip through SQLite and a JSON export exactly, so a note read back compares equal to the one
/// written, on this machine or another.
enum Timestamp {
    static func now() -> Int64 { milliseconds(Date()) }

    static func milliseconds(_ date: Date) -> Int64 {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        // A date from a file can be anything; clamp instead of trapping on conversion.
        guard ms.isFinite else { return 0 }
        return Int64(max(-1e15, min(1e15, ms)))
    }

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// ISO 8601 with milliseconds, UTC: the form used in JSON exports ("2010-03-24T09:30:00.000Z").
    static func iso8601(_ date: Date) -> String {
        // Built from the whole milliseconds: the formatter truncates fractions, so .123 stored
        // as 0.12299999 would come out as .122 and the note would change on a round trip.
        let ms = milliseconds(date)
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let fraction = String(ms - seconds * 1000)
        let whole = Date(timeIntervalSince1970: Double(seconds)).formatted(Date.ISO8601FormatStyle())  // …T09:30:00Z
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// Parses ISO 8601 with or without fractional seconds; nil when it is not such a date.
    static func parse(_ text: String) -> Date? {
        if let d = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    /// "2010-03-24 09:30" in the user's time zone, for people rather than programs.
    ///
    /// Through the C library (`TZ`, else /etc/localtime): FoundationEssentials knows no time zone
    /// but GMT, its `TimeZone.current` needs FoundationInternationalization, and that ICU.
    static func display(_ date: Date) -> String {
        // Whole seconds, rounded down (a minute starts at :00.000, before too).
        var seconds = time_t(max(-1e15, min(1e15, date.timeIntervalSince1970.rounded(.down))))
        var local = tm()
        tzset()  // localtime_r, unlike localtime, need not read TZ itself
        guard localtime_r(&seconds, &local) != nil else { return "0000-00-00 00:00" }
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(local.tm_year + 1900, 4))-\(pad(local.tm_mon + 1))-\(pad(local.tm_mday)) \(pad(local.tm_hour)):\(pad(local.tm_min))"
    }
}
