import Foundation
import Hall
import Hummingbird
import Logging
import QueueCore
import QueueStore

/// Turns every failure into the API's JSON error shape, so clients never see an HTML or empty error. A path
/// that no route serves is `404 not_found`; one served only with other methods is `405 method_not_allowed`
/// with an `Allow` header (from `routes`).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes, to tell 405 from 404 (nil: every unmatched request is 404).
    var routes: RouteTable?

    init(routes: RouteTable? = nil) {
        self.routes = routes
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as QueueError {
            throw APIError(error)
        } catch let error as DeviceDirectoryError {
            throw APIError(error)
        } catch let error as StoreError {
            context.logger.error("Store failure", metadata: ["error": "\(error.messageEn)", "path": "\(request.uri.path)"])
            throw APIError(error)
        } catch let error as DecodingError {
            throw APIError.invalidBody(decoding: error)
        } catch let error as HTTPError where error.status == .notFound {
            throw notFound(request)
        } catch let error as HTTPError {
            throw Self.translate(error.status, detail: error.body)
        } catch let error as any HTTPResponseError {
            throw Self.translate(error.status, detail: nil)
        } catch {
            // A disk full, a read-only directory, a lost file: typed by the store, answered as 507/503 with what to do.
            if let storeError = StoreError(storage: error) {
                context.logger.error("Store failure", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
                throw APIError(storeError)
            }
            context.logger.error("Unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(
                .internalServerError, .internalError, "Lỗi máy chủ; đã ghi nhật ký, hãy thử lại.",
                "Server error; it was logged, please retry.")
        }
    }

    /// No route for this method and path: 405 when the path is served with other methods, else 404.
    func notFound(_ request: Request) -> APIError {
        let allowed = routes?.methods(for: request.uri.path) ?? []
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return Self.translate(.notFound, detail: nil) }
        return APIError.methodNotAllowed(request.method.rawValue, allowed: allowed)
    }

    static func translate(_ status: HTTPResponse.Status, detail: String?) -> APIError {
        switch status {
        case .contentTooLarge:
            APIError(.contentTooLarge, .bodyTooLarge, "Dữ liệu gửi lên quá lớn.", "Request body too large.")
        case .notFound:
            APIError(.notFound, .notFound, "Không có địa chỉ này.", "No such resource.")
        case .badRequest:
            APIError.badRequest(detail)
        case .unprocessableContent:
            APIError.invalidBody(detail ?? "")
        default:
            APIError(status, .invalidBody, detail ?? status.reasonPhrase, detail ?? status.reasonPhrase)
        }
    }
}
