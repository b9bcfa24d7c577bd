import Foundation
public import Hall
public import Hummingbird
import NIOCore
public import QueueCore
public import QueueStore

/// Every error the API returns: `{"error": {"code", "message" (Vietnamese), "messageEn"}}` with an HTTP status.
public struct APIError: HTTPResponseError, Sendable {
    /// The machine-readable error codes of the API.
    public enum Code: String, Sendable {
        case invalidBody = "invalid_body"
        case bodyTooLarge = "body_too_large"
        case unauthorized
        case forbidden
        case notFound = "not_found"
        case rateLimited = "rate_limited"
        case loginThrottled = "login_throttled"
        case invalidCharacters = "invalid_characters"
        case internalError = "internal_error"
    }

    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let messageEn: String
    public var retryAfterSeconds: Int?

    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String, _ messageEn: String) {
        self.status = status
        self.code = code.rawValue
        self.message = message
        self.messageEn = messageEn
    }

    public init(_ error: QueueError) {
        status = Self.status(for: error.code)
        code = error.code.rawValue
        message = error.message
        messageEn = error.englishMessage
    }

    public init(_ error: DeviceDirectoryError) {
        switch error.code {
        case .unknownDevice: status = .notFound
        case .failed: status = .serviceUnavailable
        case .notSimulated: status = .conflict
        }
        code = error.code.rawValue
        message = error.message
        messageEn = error.messageEn
    }

    /// A storage failure: disk full → 507; read-only, unwritable, lost or damaged file, disk I/O error → 503.
    public init(_ error: StoreError) {
        switch error.code {
        case .diskFull: status = Self.insufficientStorage
        case .reopening:
            status = .serviceUnavailable
            retryAfterSeconds = 1
        default: status = .serviceUnavailable
        }
        code = error.code.rawValue
        message = error.message
        messageEn = error.messageEn
    }

    /// 507 (WebDAV's name, used here for a full disk): HTTPTypes has no constant for it.
    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")

    static func status(for code: QueueError.Code) -> HTTPResponse.Status {
        switch code {
        case .unknownTicket, .unknownCounter, .unknownUser: .notFound
        case .unknownField, .unknownProcedure, .invalidCatalog, .invalidInput: .unprocessableContent
        case .invalidTransition, .conflict, .counterPaused, .counterBusy, .fieldClosed: .conflict
        case .notYourCounter: .forbidden
        }
    }

    public var headers: HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let detail = ["code": code, "message": message, "messageEn": messageEn]
        let data = try JSONCoding.encoder().encode(["error": detail])
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let unauthorized = APIError(
        .unauthorized, .unauthorized,
        "Cần đăng nhập: thiếu hoặc sai mã phiên (Authorization: Bearer …).",
        "Sign in first: the bearer token is missing, wrong or expired.")

    static let malformedAuthorization = APIError(
        .unauthorized, .unauthorized,
        "Tiêu đề Authorization không đúng dạng: cần đúng “Bearer <mã phiên>” (một dấu cách, không ký tự lạ).",
        "Malformed Authorization header: send exactly 'Bearer <token>' (one space, token characters only).")

    static func forbidden(_ needed: Role) -> APIError {
        APIError(
            .forbidden, .forbidden, "Tài khoản của bạn không có quyền này (cần vai trò \(needed.rawValue)).",
            "Your account lacks this permission (needs role \(needed.rawValue)).")
    }

    static func invalidBody(_ detail: String) -> APIError {
        APIError(.unprocessableContent, .invalidBody, "Dữ liệu gửi lên không hợp lệ: \(detail)", "Invalid request body: \(detail)")
    }
}
