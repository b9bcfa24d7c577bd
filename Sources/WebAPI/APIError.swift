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
        case badRequest = "bad_request"
        case methodNotAllowed = "method_not_allowed"
        case headerTooLarge = "header_too_large"
        case tooManyConnections = "too_many_connections"
        case reprintRefused = "reprint_refused"
        case httpsRequired = "https_required"
        case hallClosed = "hall_closed"
        case kioskPinUnset = "kiosk_pin_unset"
        case wrongPin = "wrong_pin"
        case kioskLocked = "kiosk_locked"
        case noPrinter = "no_printer"
        case walkInCap = "walk_in_cap"
        case conflict
    }

    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public let messageEn: String
    public var retryAfterSeconds: Int?
    /// The methods the path accepts (`Allow` header of a 405).
    public var allowedMethods: [String]?
    /// When the hall opens next (`hall_closed`), ISO 8601 with +07:00; in the body as `error.nextOpening`.
    public var nextOpening: String?

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
        case .unknownTicket, .unknownCounter, .unknownUser, .unknownFeedback, .unknownRating: .notFound
        case .unknownField, .unknownProcedure, .invalidCatalog, .invalidInput, .invalidIDCard: .unprocessableContent
        case .invalidTransition, .conflict, .counterPaused, .counterBusy, .fieldClosed, .feedbackSelf, .feedbackUnanswered,
            .feedbackClosed, .ratingReason:
            .conflict
        case .notYourCounter, .notAssignee: .forbidden
        }
    }

    public var headers: HTTPFields {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        if let allowedMethods { headers[.allow] = allowedMethods.joined(separator: ", ") }
        return headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: jsonBody)))
    }

    /// `{"error": {"code", "message", "messageEn"}}` as UTF-8 JSON.
    var jsonBody: [UInt8] {
        var detail = ["code": code, "message": message, "messageEn": messageEn]
        if let nextOpening { detail["nextOpening"] = nextOpening }
        do {
            return Array(try JSONCoding.encoder().encode(["error": detail]))
        } catch {
            // Encoding a dictionary of strings cannot fail; keep the shape if it ever does.
            return Array(#"{"error":{"code":"internal_error","message":"","messageEn":""}}"#.utf8)
        }
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

    /// A path that exists, asked with a method it does not accept.
    static func methodNotAllowed(_ method: String, allowed: [String]) -> APIError {
        let list = allowed.joined(separator: ", ")
        var error = APIError(
            .methodNotAllowed, .methodNotAllowed, "Địa chỉ này không nhận phương thức \(method); dùng: \(list).",
            "This address does not accept \(method); use: \(list).")
        error.allowedMethods = allowed
        return error
    }

    /// A request the server could not read as HTTP, or a parameter it could not parse.
    static func badRequest(_ detail: String? = nil) -> APIError {
        APIError(
            .badRequest, .badRequest, "Yêu cầu không hợp lệ" + (detail.map { ": \($0)" } ?? "."),
            "Bad request" + (detail.map { ": \($0)" } ?? "."))
    }

    static let malformedRequest = APIError(
        .badRequest, .badRequest, "Yêu cầu HTTP sai cú pháp, không đọc được.", "Malformed HTTP request: it cannot be read.")

    static let headerTooLarge = APIError(
        .requestHeaderFieldsTooLarge, .headerTooLarge, "Phần đầu yêu cầu HTTP quá lớn.", "The request's headers are too large.")

    static let tooManyConnections = APIError(
        .serviceUnavailable, .tooManyConnections,
        "Máy này đang mở quá nhiều kết nối tới máy chủ; hãy đóng bớt rồi thử lại sau ít giây.",
        "This machine holds too many connections to the server; close some and retry in a few seconds.")

    public static func invalidBody(_ detail: String) -> APIError {
        APIError(.unprocessableContent, .invalidBody, "Dữ liệu gửi lên không hợp lệ: \(detail)", "Invalid request body: \(detail)")
    }

    static func invalidBody(decoding error: DecodingError) -> APIError {
        invalidBody(describe(error))
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
