import Foundation
import Hall
import Hummingbird
import Province
import QueueCore
import WebAPI

/// The office accounts' sign-in and the admin's "add an account", with the centre's sign-in rules: bcrypt off the
/// cooperative pool, failures throttled per (username, address) and per address (429 with Retry-After), a
/// 12-hour bearer token of which only the SHA-256 is stored.
extension ProvinceRoutes {
    struct SignIn: Decodable {
        let username: String
        let password: String
    }

    struct Session: Encodable {
        let token: String
        let username: String
        let role: OfficeUser.Role
        let expiresAt: Date
    }

    struct NewUser: Decodable {
        let username: String
        let password: String
        let role: OfficeUser.Role
    }

    func login(_ request: Request, context: ProvinceRequestContext) async throws -> Response {
        let body = try await Self.decode(SignIn.self, request, context)
        try TextInput.check(body.username, "username")
        let now = clock.now()
        let attempt: LoginThrottle.Attempt
        switch throttle.begin(username: body.username, address: context.clientAddress, now: now) {
        case .success(let granted): attempt = granted
        case .failure(let refusal):
            var error = APIError(
                .tooManyRequests, .loginThrottled, "Đăng nhập sai quá nhiều lần; thử lại sau \(refusal.retryAfterSeconds) giây.",
                "Too many failed sign-ins; try again in \(refusal.retryAfterSeconds) s.")
            error.retryAfterSeconds = refusal.retryAfterSeconds
            throw error
        }
        let found = try await database.officeUser(body.username)
        guard try await hasher.verifyOffPool(body.password, hash: found?.passwordHash ?? PasswordHasher.decoyHash), let found else {
            _ = throttle.failed(attempt)
            throw APIError(.unauthorized, .unauthorized, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
        }
        throttle.succeeded(attempt)
        let token = SessionTokens.make()
        let expires = now.addingTimeInterval(SessionTokens.lifetime)
        try await database.openOfficeSession(tokenHash: SessionTokens.hash(token), username: found.username, expires: expires, now: now)
        return try json(Session(token: token, username: found.username, role: found.role, expiresAt: expires))
    }

    func addUser(_ request: Request, context: ProvinceRequestContext) async throws -> Response {
        let user = try await signedIn(request)
        guard user.role == .admin else {
            throw APIError(.forbidden, .forbidden, "Chỉ quản trị viên được thêm tài khoản.", "Only an admin may add accounts.")
        }
        let body = try await Self.decode(NewUser.self, request, context)
        try TextInput.check(body.username, "username")
        guard (1...64).contains(body.username.count) else {
            throw APIError.invalidBody("tên đăng nhập 1–64 ký tự / username of 1–64 characters")
        }
        try PasswordHasher.validate(body.password)
        let hash = try await hasher.hashOffPool(body.password)
        do {
            try await database.addOfficeUser(OfficeUser(username: body.username, role: body.role, passwordHash: hash))
        } catch let error as ProvinceError {
            throw APIError(.conflict, .conflict, error.message, error.messageEn)
        }
        var response = try json(["username": body.username, "role": body.role.rawValue])
        response.status = .created
        return response
    }

    /// Ends the request's session on the server (the token is refused from then on); 401 without a valid one.
    func logout(_ request: Request) async throws {
        _ = try await signedIn(request)
        guard case .token(let token) = BearerCredential(headers: request.headers[values: .authorization]) else { return }
        try await database.closeOfficeSession(tokenHash: SessionTokens.hash(token))
    }

    /// The account of the request's bearer token; 401 in the JSON shape without a valid one.
    func signedIn(_ request: Request) async throws -> OfficeUser {
        guard case .token(let token) = BearerCredential(headers: request.headers[values: .authorization]),
            let user = try await database.officeSession(tokenHash: SessionTokens.hash(token), now: clock.now())
        else {
            throw APIError(
                .unauthorized, .unauthorized, "Cần đăng nhập tài khoản văn phòng tỉnh.", "Sign in with a province office account.")
        }
        return user
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ProvinceRequestContext) async throws -> T {
        try await APIRequestDecoder().decode(type, from: request, context: context)
    }
}
