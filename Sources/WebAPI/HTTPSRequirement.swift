import Foundation
import Hummingbird

/// With TLS on, what the plain-HTTP listener still serves: the citizen side only. Phones and the hall TV would warn
/// about a centre's own certificate authority, and nothing secret crosses for them. Staff, supervisor and admin pages
/// are redirected to HTTPS (308); the sign-in, every API that needs a session, and any request that carries a token are
/// refused there with `403 https_required`, so passwords and tokens never cross the hall's Wi-Fi in clear.
struct HTTPSRequirement: RouterMiddleware {
    typealias Context = AppRequestContext

    /// The HTTPS listener's port.
    let tlsPort: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.listenerPort != tlsPort else { return try await next(request, context) }
        let path = request.uri.path
        if request.headers[.authorization] == nil, Self.citizenPath(path, method: request.method) {
            return try await next(request, context)
        }
        if request.method == .get, !path.hasPrefix("/api/") {
            return Response(status: .permanentRedirect, headers: [.location: httpsURL(for: request)])
        }
        throw APIError(
            .forbidden, .httpsRequired,
            "Chỉ dùng được qua HTTPS: hãy mở \(httpsURL(for: request)) (mật khẩu và phiên đăng nhập không đi qua HTTP thường).",
            "HTTPS only: open \(httpsURL(for: request)) (passwords and sessions never travel over plain HTTP).")
    }

    /// The same path on the HTTPS listener, under the name the client used for this box.
    func httpsURL(for request: Request) -> String {
        let host = Self.hostName(request.head.authority) ?? "localhost"
        let port = tlsPort == 443 ? "" : ":\(tlsPort)"
        return "https://\(host)\(port)\(request.uri.path)\(request.uri.query.map { "?\($0)" } ?? "")"
    }

    /// The host part of a `Host` header, when it is a plain name, IPv4 or bracketed IPv6 (anything else is not echoed).
    static func hostName(_ authority: String?) -> String? {
        guard let authority, !authority.isEmpty else { return nil }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
        } else {
            host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[0]
        }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-[]:")
        guard !host.isEmpty, host.count <= 253, host.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
        return String(host)
    }

    /// The pages and calls of the kiosk (its settings behind the PIN included: it is a kiosk's screen), the hall display,
    /// the ticket-status, rating and booking calls (and their files).
    static func citizenPath(_ path: String, method: HTTPRequest.Method) -> Bool {
        if citizenExact.contains(path) { return true }
        if citizenPrefixes.contains(where: { path.hasPrefix($0) }) { return true }
        if path == "/api/v1/tickets" || path == "/api/v1/ratings" { return method == .post }
        // The hall's static files (scripts, styles, icons): public in any case; of the HTML files only the citizen pages.
        guard method == .get, !path.hasPrefix("/api/"), !path.hasPrefix("/admin/"), let file = path.split(separator: "/").last,
            file.contains(".")
        else { return false }
        return !file.hasSuffix(".html") || citizenPages.contains(String(file))
    }

    static let citizenPages: Set<String> = ["kiosk.html", "display.html", "ticket.html", "rate.html", "book.html"]

    static let citizenExact: Set<String> = [
        "/", "/kiosk", "/display", "/book", "/openapi.json", "/metrics", "/api/v1/health", "/api/v1/hall", "/api/v1/hall/logo.png",
        "/api/v1/fields",
        "/api/v1/catalog", "/api/v1/events",
    ]
    static let citizenPrefixes = [
        "/t/", "/rate/", "/api/v1/public/", "/api/v1/voice/", "/api/v1/calendar/", "/api/v1/bookings", "/api/v1/kiosk/",
    ]
}
