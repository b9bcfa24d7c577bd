import Foundation
import Hall
import Hummingbird
import NIOCore

/// Registers routes on the router and remembers each (method, path), so a test can hold the OpenAPI
/// document to exactly what the server serves.
public final class RouteTable: @unchecked Sendable {
    /// One route: method and path template.
    public struct Entry: Hashable, Sendable {
        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }

        public let method: String
        public let path: String
    }

    let router: Router<AppRequestContext>
    public private(set) var entries: [Entry] = []

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    func add<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        entries.append(Entry(method: method.rawValue.lowercased(), path: path))
        router.on(RouterPath(path), method: method, use: handler)
    }

    /// The methods (upper case, sorted) of the routes whose template matches `path`: `{name}` matches any one
    /// segment. Empty when no route has this path.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = entries.filter { entry in
            let template = entry.path.split(separator: "/", omittingEmptySubsequences: true)
            return template.count == segments.count
                && zip(template, segments).allSatisfy { pattern, segment in
                    (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == segment
                }
        }.map { $0.method.uppercased() }
        return Array(Set(methods)).sorted()
    }
}

/// A JSON response with the API's encoder and an explicit status.
struct JSON<Value: Encodable & Sendable>: ResponseGenerator {
    var value: Value
    var status: HTTPResponse.Status = .ok

    init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONCoding.encoder().encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
