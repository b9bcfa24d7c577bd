import Foundation
import Hall
import Hummingbird
import Logging
import QueueCore
import QueueStore

/// Turns every failure into the API's JSON error shape, so clients never see an HTML or empty error.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
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
            throw APIError.invalidBody(Self.describe(error))
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

    static func translate(_ status: HTTPResponse.Status, detail: String?) -> APIError {
        switch status {
        case .contentTooLarge:
            APIError(.contentTooLarge, .bodyTooLarge, "Dữ liệu gửi lên quá lớn.", "Request body too large.")
        case .notFound:
            APIError(.notFound, .notFound, "Không có địa chỉ này.", "No such resource.")
        case .badRequest, .unprocessableContent:
            APIError.invalidBody(detail ?? "")
        default:
            APIError(status, .invalidBody, detail ?? status.reasonPhrase, detail ?? status.reasonPhrase)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "thiếu trường “\(key.stringValue)” / missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "sai kiểu ở “\(context.codingPath.map(\.stringValue).joined(separator: "."))” / wrong type"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "không phải JSON hợp lệ / not valid JSON"
                : "giá trị không hợp lệ ở “\(context.codingPath.map(\.stringValue).joined(separator: "."))” / invalid value"
        @unknown default: "không đọc được / unreadable"
        }
    }
}
