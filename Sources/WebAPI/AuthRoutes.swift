import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Sign-in and sign-out with bearer tokens; sign-ins, their failures and sign-outs go into the audit log.
struct AuthRoutes {
    let database: AppDatabase
    let hasher: PasswordHasher
    let clock: any WallClock

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
        let found = try await database.credentials(username: body.username)
        // Verify against a fixed hash when the user is unknown, so timing does not reveal which usernames exist.
        let verified = hasher.verify(body.password, hash: found?.passwordHash ?? Self.decoyHash)
        guard let found, verified else {
            let stamp = AuditStamp(actor: String(body.username.prefix(64)), client: client)
            try await database.recordAudit(.loginFailed, target: stamp.actor, by: stamp, at: clock.now())
            throw APIError(.unauthorized, .unauthorized, "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password.")
        }
        let token = SessionTokens.make()
        let expiresAt = clock.now().addingTimeInterval(SessionTokens.lifetime)
        try await database.createSession(
            tokenHash: SessionTokens.hash(token), user: found.user, expiresAt: expiresAt, now: clock.now(),
            audit: AuditStamp(actor: found.user.username, client: client))
        return LoginResponse(token: token, expiresAt: expiresAt, user: found.user)
    }

    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5SukAWs8ix5bcS6q.yVtJ9xPCoatlyO"
}
