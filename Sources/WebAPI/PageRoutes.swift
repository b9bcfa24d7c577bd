import Foundation
import Hall
import Hummingbird
import NIOCore

/// The hall's pages, plain HTML/JS/CSS from `assets/web` (no build step), and the OpenAPI document.
struct PageRoutes {
    let webDirectory: URL
    let openAPIFile: URL
    /// With the training clock every page carries the banner, so nobody takes a rehearsal for the real hall.
    var training = false

    func register(on routes: RouteTable) {
        for page in ["kiosk", "display", "staff", "supervisor", "book"] {
            routes.add(.get, "/\(page)") { _, _ in try html("\(page).html") }
        }
        routes.add(.get, "/") { _, _ in Response(status: .seeOther, headers: [.location: "/kiosk"]) }
        routes.add(.get, "/t/{token}") { _, _ in try html("ticket.html") }
        routes.add(.get, "/rate/{counter}") { _, _ in try html("rate.html") }
        routes.add(.get, "/gop-y") { _, _ in try html("feedback.html") }
        routes.add(.get, "/admin") { _, _ in try html("admin.html") }
        routes.add(.get, "/admin/devices") { _, _ in try html("devices.html") }
        routes.add(.get, "/supervisor/reports") { _, _ in try html("reports.html") }
        routes.add(.get, "/openapi.json") { _, _ in
            try file(openAPIFile, type: "application/json; charset=utf-8")
        }
    }

    func html(_ name: String) throws -> Response {
        let url = webDirectory.appendingPathComponent(name)
        guard training else { return try file(url, type: "text/html; charset=utf-8") }
        return response(Self.withTrainingBanner(try contents(url)), type: "text/html; charset=utf-8")
    }

    /// The training banner, right after `<body …>`: fixed over the top edge, never taking a click.
    static let trainingBanner = """
        <div class="training-banner" data-testid="training-banner" role="status" style="position:fixed;top:0;left:50%;\
        transform:translateX(-50%);z-index:2147483647;pointer-events:none;background:#b00020;color:#fff;\
        font:700 14px/1.3 system-ui,sans-serif;padding:1px 12px;border-radius:0 0 8px 8px">ĐÀO TẠO / TRAINING</div>
        """

    static func withTrainingBanner(_ page: [UInt8]) -> [UInt8] {
        let text = String(decoding: page, as: UTF8.self)
        guard let body = text.range(of: "<body"), let close = text[body.upperBound...].firstIndex(of: ">") else {
            return Array((trainingBanner + text).utf8)
        }
        let at = text.index(after: close)
        return Array((text[..<at] + trainingBanner + text[at...]).utf8)
    }

    func contents(_ url: URL) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HTTPError(.notFound, message: "missing asset \(url.lastPathComponent)")
        }
        return Array(data)
    }

    func response(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func file(_ url: URL, type: String) throws -> Response {
        response(try contents(url), type: type)
    }
}
