import Foundation
import Hummingbird

/// Refuses (400) a request whose percent-decoded path or query holds a control character: every path
/// parameter and query value is an identifier or a name (`TextInput`), and no page needs one.
struct URITextGuard<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path.contains("%") { try TextInput.check(path.removingPercentEncoding ?? path, "path") }
        if request.uri.query != nil {
            for (key, value) in request.uri.queryParameters {
                try TextInput.check(String(key), "query")
                try TextInput.check(String(value), String(key))
            }
        }
        return try await next(request, context)
    }
}
