import Crypto
public import Foundation
import Hall
import Hummingbird
import QueueCore
import QueueStore

/// Reads `Authorization: Bearer <token>` (strictly, see `BearerCredential`) and, when the session is valid,
/// puts its user in the context. Routes then ask for the role they need with `requireRole`; a malformed
/// header is refused there with 401, never read as "signed out".
struct AuthenticationMiddleware: RouterMiddleware {
    let database: AppDatabase
    let clock: any WallClock

    func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.credential = BearerCredential(headers: request.headers[values: .authorization])
        if case .token(let token) = context.credential {
            context.user = try await database.sessionUser(tokenHash: SessionTokens.hash(token), at: clock.now())
        }
        return try await next(request, context)
    }
}

extension AppRequestContext {
    /// The signed-in user when their role is at least `role`; 401 when nobody is signed in (or the
    /// `Authorization` header is malformed), 403 otherwise.
    func requireRole(_ role: Role) throws -> User {
        guard let user else { throw credential == .malformed ? APIError.malformedAuthorization : APIError.unauthorized }
        guard user.role >= role else { throw APIError.forbidden(role) }
        return user
    }

    /// The acting staff member, limited to their own counter unless supervisor or admin.
    func requireActor() throws -> StaffActor {
        let user = try requireRole(.staff)
        return StaffActor(username: user.username, counter: user.role == .staff ? (user.counter ?? -1) : nil)
    }

    /// Who acts and from where, for the audit log.
    var auditStamp: AuditStamp { AuditStamp(actor: user?.username, client: clientAddress) }
}

/// Bearer tokens: 256 random bits handed to the client; only their SHA-256 is stored.
public enum SessionTokens {
    public static let lifetime: TimeInterval = 12 * 3600

    public static func make() -> String { RandomToken.hex(bytes: 32) }

    public static func hash(_ token: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(token.utf8)))
    }
}
