#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `--share` listens when not told: the first IPv4 address of an interface that is up and
/// not the loopback (the room's network, on a laptop), else the loopback itself. One address,
/// never all of them: a laptop on a conference network should not listen where it was not asked.
public enum LocalAddress {
    public static let defaultPort = 7010

    public static func lan() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        var node: UnsafeMutablePointer<ifaddrs>? = first
        while let n = node {
            defer { node = n.pointee.ifa_next }
            let flags = Int32(n.pointee.ifa_flags)
            guard let address = n.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }

    /// `HOST:PORT`, `[v6]:PORT`, `HOST` (the default port) as host and port; nil if it is neither.
    public static func parse(_ text: String, defaultPort: Int? = LocalAddress.defaultPort) -> (host: String, port: Int)? {
        var host = text, portText: Substring?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.hasPrefix(":") { portText = rest.dropFirst() } else if !rest.isEmpty { return nil }
        } else if let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }) else { return nil }
        if let portText {
            guard let port = Int(portText), (0...65535).contains(port) else { return nil }
            return (host, port)
        }
        return defaultPort.map { (host, $0) }
    }
}
