import Foundation
import HTTPTypes
import Hummingbird

/// Which address a request comes from, for rate limits, sign-in throttling and the audit log: the socket
/// peer, or — with `--trust-proxy`, when the peer is one of the trusted proxies — the rightmost
/// `X-Forwarded-For` hop that is not itself a trusted proxy. Hops a client wrote further left are never
/// believed, so a client cannot pick its own address. Likewise which origin the client reached.
struct ClientAddress: RouterMiddleware {
    let trustProxy: Bool
    let trustedProxies: [CIDRBlock]

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.clientAddress = address(peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: Self.forwardedFor])
        return try await next(request, context)
    }

    /// The client address from the socket peer's address text and the `X-Forwarded-For` header lines in order.
    func address(peer: String?, forwardedFor lines: [String]) -> String {
        guard let peer else { return "unknown" }
        guard let peerAddress = IPAddress(peer)?.unmapped else { return peer }
        guard trustProxy, isTrusted(peerAddress) else { return peerAddress.description }
        var client = peerAddress
        let hops = lines.flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            // A trusted proxy writes real addresses; anything else was written by the client: stop at the proxy.
            guard let address = Self.parseHop(hop.trimmingCharacters(in: .whitespaces)) else { break }
            client = address
            if !isTrusted(address) { break }
        }
        return client.description
    }

    func isTrusted(_ address: IPAddress) -> Bool { trustedProxies.contains { $0.contains(address) } }

    /// The origin the client reached the server at, as the page's `location.origin` reads it: the request's
    /// scheme and `Host`, or, from a trusted proxy, its first `X-Forwarded-Proto` and `X-Forwarded-Host` hops.
    /// Empty without a `Host` (no browser sends such a request), so a link stays relative.
    func origin(of request: Request, peer: String?) -> String {
        let trusted = trustProxy && (peer.flatMap { IPAddress($0) }.map { isTrusted($0.unmapped) } ?? false)
        func firstHop(_ header: HTTPField.Name) -> String? {
            guard trusted, let value = request.headers[header], let first = value.split(separator: ",").first else { return nil }
            let hop = first.trimmingCharacters(in: .whitespaces)
            return hop.isEmpty ? nil : hop
        }
        let scheme = firstHop(Self.forwardedProto) ?? request.head.scheme ?? "http"
        let host = firstHop(Self.forwardedHost) ?? request.head.authority
        return host.map { "\(scheme)://\($0)" } ?? ""
    }

    /// One hop: an address, `[IPv6]`, `[IPv6]:port` or `IPv4:port`.
    static func parseHop(_ hop: String) -> IPAddress? {
        if hop.hasPrefix("["), let close = hop.firstIndex(of: "]") {
            let rest = hop[hop.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return IPAddress(hop[hop.index(after: hop.startIndex)..<close])?.unmapped
        }
        if hop.filter({ $0 == ":" }).count == 1, let colon = hop.firstIndex(of: ":") {
            guard hop[hop.index(after: colon)...].allSatisfy(\.isNumber) else { return nil }
            return IPAddress(hop[..<colon]).flatMap { $0.isIPv4 ? $0 : nil }
        }
        return IPAddress(hop)?.unmapped
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!
}
