/// Numbers written with a fixed count of decimals ("4.2"), rounded half away from zero, for the
/// few figures octopus prints (sizes, seconds) without a C format string.
public enum Decimals {
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e18 else { return "\(value)" }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        let sign = value < 0 && whole > 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(whole)" }
        let fraction = String(whole % unit)
        return sign + "\(whole / unit)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
