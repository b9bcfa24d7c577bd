import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Sign-in and sign-out with bearer tokens. Failed sign-ins are throttled per (username, client address)
/// and per address (`LoginThrottle`); sign-ins, failures, lockouts and sign-outs go into the audit log.
struct AuthRoutes {
    let database: AppDatabase
    let hasher: PasswordHasher
    let clock: any WallClock
    let throttle: LoginThrottle
    /// Counts wrong passwords (`khongcho_login_failures_total`) when set.
    var metrics: HallMetrics? = nil

    struct LoginRequest: Decodable {
        let username: String
        let password: String
    }

    struct LoginResponse: Encodable, Sendable {
        let token: String
        let expiresAt: Date
        let user: User
    }

    func register(on routes: RouteTable) {
        routes.add(.post, "/api/v1/auth/login") { request, context in
            let body = try await request.decode(as: LoginRequest.self, context: context)
            return JSON(try await login(body, client: context.clientAddress))
        }
        routes.add(.post, "/api/v1/auth/logout") { _, context in
            let user = try context.requireRole(.staff)
            guard case .token(let token) = context.credential else { throw APIError.unauthorized }
            let stamp = AuditStamp(actor: user.username, client: context.clientAddress)
            guard try await database.deleteSession(tokenHash: SessionTokens.hash(token), audit: stamp, at: clock.now()) else {
                throw APIError.unauthorized
            }
            return Response(status: .noContent)
        }
        routes.add(.get, "/api/v1/me") { _, context in JSON(try context.requireRole(.staff)) }
    }

    func login(_ body: LoginRequest, client: String) async throws -> LoginResponse {
        try TextInput.check(body.username, "username")
        try TextInput.check(body.password, "password")
        let attempt: LoginThrottle.Attempt
        switch throttle.begin(username: body.username, address: client, now: clock.now()) {
        case .success(let allowed): attempt = allowed
        case .failure(let refusal): throw Self.throttled(refusal)
        }
        let found = try await database.credentials(username: body.username)
        // Verify against a fixed hash when the user is unknown, so timing does not reveal which usernames exist.
        let verified = try await hasher.verifyOffPool(body.password, hash: found?.passwordHash ?? PasswordHasher.decoyHash)
        guard let found, verified else {
            try await recordFailure(attempt, username: body.username, client: client)
            throw APIError(.unauthorized, .unauthorized, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
        }
        throttle.succeeded(attempt)
        let token = SessionTokens.make()
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(SessionTokens.lifetime)
        try await database.createSession(
            tokenHash: SessionTokens.hash(token), user: found.user, expiresAt: expiresAt, now: now,
            audit: AuditStamp(actor: found.user.username, client: client))
        return LoginResponse(token: token, expiresAt: expiresAt, user: found.user)
    }

    /// The failure, and any lockout it has just caused, into the audit log.
    func recordFailure(_ attempt: LoginThrottle.Attempt, username: String, client: String) async throws {
        metrics?.loginFailed()
        let locked = throttle.failed(attempt)
        let stamp = AuditStamp(actor: String(username.prefix(64)), client: client)
        try await database.recordAudit(.loginFailed, target: stamp.actor, by: stamp, at: clock.now())
        for scope in locked {
            let limit = scope == .pair ? throttle.limits.perPair : throttle.limits.perAddress
            let detail = try AppDatabase.auditJSON(["scope": scope.rawValue, "failures": String(limit)])
            try await database.recordAudit(
                .loginLockout, target: scope == .pair ? stamp.actor : client, after: detail, by: stamp, at: clock.now())
        }
    }

    static func throttled(_ refusal: LoginThrottle.Refusal) -> APIError {
        let minutes = (refusal.retryAfterSeconds + 59) / 60
        var error =
            refusal.scope == .pair
            ? APIError(
                .tooManyRequests, .loginThrottled,
                "Đăng nhập sai quá nhiều lần với tài khoản này từ máy này; thử lại sau \(minutes) phút.",
                "Too many failed sign-ins for this account from this device; retry in \(minutes) min.")
            : APIError(
                .tooManyRequests, .loginThrottled,
                "Đăng nhập sai quá nhiều lần từ máy này; thử lại sau \(minutes) phút.",
                "Too many failed sign-ins from this device; retry in \(minutes) min.")
        error.retryAfterSeconds = refusal.retryAfterSeconds
        return error
    }
}
