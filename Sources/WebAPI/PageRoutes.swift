import Foundation
import Hall
import Hummingbird
import NIOCore

/// The hall's pages, plain HTML/JS/CSS from `assets/web` (no build step), and the OpenAPI document.
struct PageRoutes {
    let webDirectory: URL
    let openAPIFile: URL

    func register(on routes: RouteTable) {
        for page in ["kiosk", "display", "staff", "supervisor"] {
            routes.add(.get, "/\(page)") { _, _ in try html("\(page).html") }
        }
        routes.add(.get, "/") { _, _ in Response(status: .seeOther, headers: [.location: "/kiosk"]) }
        routes.add(.get, "/t/{token}") { _, _ in try html("ticket.html") }
        routes.add(.get, "/rate/{counter}") { _, _ in try html("rate.html") }
        routes.add(.get, "/admin/devices") { _, _ in try html("devices.html") }
        routes.add(.get, "/openapi.json") { _, _ in
            try file(openAPIFile, type: "application/json; charset=utf-8")
        }
    }

    func html(_ name: String) throws -> Response {
        try file(webDirectory.appendingPathComponent(name), type: "text/html; charset=utf-8")
    }

    func file(_ url: URL, type: String) throws -> Response {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HTTPError(.notFound, message: "missing asset \(url.lastPathComponent)")
        }
        return Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
