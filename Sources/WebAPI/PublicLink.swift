import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The address printed in QR codes and given to phones (`/t/{token}`): `--public-url` when set, else this
/// box's LAN address, so a ticket never carries a host-less link. A link a phone cannot open (loopback only,
/// or no LAN address) is served all the same, with a warning the admin page shows.
public struct PublicLink: Sendable, Equatable, Encodable {
    /// Where the link came from.
    public enum Source: String, Sendable, Encodable {
        case configured
        case lanAddress = "lan-address"
        case loopback
    }

    public var url: String
    public var source: Source
    /// Why phones may not open it (Vietnamese, English); nil when they can.
    public var warning: String?
    public var warningEn: String?

    public init(url: String, source: Source, warning: String? = nil, warningEn: String? = nil) {
        self.url = url
        self.source = source
        self.warning = warning
        self.warningEn = warningEn
    }

    /// `--public-url` (trailing slashes dropped) when given; else `http://<address>:<port>` for the listen
    /// address, or the first LAN IPv4 address when listening on all of them (0.0.0.0 / ::).
    public static func resolve(configured: String, host: String, port: Int, lanAddress: () -> String? = Self.lanIPv4) -> PublicLink {
        let trimmed = String(configured.reversed().drop { $0 == "/" }.reversed())
        if !trimmed.isEmpty {
            let host = URLComponents(string: trimmed)?.host ?? ""
            return isLoopback(host) ? loopback(trimmed, source: .configured) : PublicLink(url: trimmed, source: .configured)
        }
        if isLoopback(host) { return loopback("http://127.0.0.1:\(port)", source: .loopback) }
        if host == "0.0.0.0" || host == "::" || host.isEmpty {
            guard let address = lanAddress() else { return loopback("http://127.0.0.1:\(port)", source: .loopback) }
            return PublicLink(url: "http://\(address):\(port)", source: .lanAddress)
        }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return PublicLink(url: "http://\(bracketed):\(port)", source: .lanAddress)
    }

    static func loopback(_ url: String, source: Source) -> PublicLink {
        PublicLink(
            url: url, source: source,
            warning:
                "Mã QR trên phiếu trỏ tới \(url) — điện thoại của công dân không mở được địa chỉ này. Hãy chạy với --host 0.0.0.0 (máy chủ nghe trên mạng LAN) hoặc đặt --public-url http://<địa-chỉ-LAN>:8080.",
            warningEn:
                "Ticket QR codes point to \(url) — a citizen's phone cannot open it. Serve with --host 0.0.0.0 (listen on the LAN) or set --public-url http://<LAN address>:8080."
        )
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    /// The first IPv4 address of an interface that is up and not loopback or link-local (169.254/16).
    public static func lanIPv4() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0
            else { continue }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            let ipv4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            var copy = ipv4
            guard inet_ntop(AF_INET, &copy, &text, socklen_t(INET_ADDRSTRLEN)) != nil else { continue }
            let dotted = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !dotted.hasPrefix("169.254.") { return dotted }
        }
        return nil
    }
}
