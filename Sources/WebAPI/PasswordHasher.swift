import Hall
import HummingbirdBcrypt

/// bcrypt, a real password KDF. Cost 12 by default (~0.25 s per check on a small box); tests pass a lower cost.
public struct PasswordHasher: Sendable {
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    public func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// Rejects passwords too short to protect a staff account.
    public static func validate(_ password: String) throws(APIError) {
        guard password.count >= 8, password.utf8.count <= 72 else {
            throw APIError.invalidBody("mật khẩu cần 8–72 ký tự / password must be 8–72 characters")
        }
    }
}
