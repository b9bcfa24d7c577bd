import Hall
import HummingbirdBcrypt
import NIOCore
import NIOPosix
import QueueCore
import Synchronization

/// bcrypt, a real password KDF. Cost 12 by default (~0.25 s per check on a small box); tests pass a lower cost.
///
/// The server hashes on its own small thread pool (one thread fewer than the cores, at least one), never on
/// Swift's cooperative pool: a flood of sign-ins queues there while tickets keep being issued.
public struct PasswordHasher: Sendable {
    public var cost: UInt8
    /// Passwords checked so far by this hasher (and its copies): a throttled sign-in checks none.
    let verifications = VerificationCount()

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    /// A real cost-12 hash checked when the username is unknown, so a wrong name and a wrong password take as long
    /// (sign-in on the centre and in the province office app).
    public static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5SukAWs8ix5bcS6q.yVtJ9xPCoatlyO"

    /// Hashes on the calling thread: for the command line and tests, not for request handlers.
    public func hash(_ password: String) -> String { Bcrypt.hash(password, cost: cost) }

    /// Hashes on the hashing pool.
    public func hashOffPool(_ password: String) async throws -> String {
        let cost = cost
        return try await offload { Bcrypt.hash(password, cost: cost) }
    }

    /// Checks a password against a stored hash on the hashing pool.
    public func verifyOffPool(_ password: String, hash: String) async throws -> Bool {
        verifications.count.add(1, ordering: .relaxed)
        return try await offload { Bcrypt.verify(password, hash: hash) }
    }

    /// Runs `work` on the hashing pool's thread and waits for it without holding a cooperative thread.
    /// In `serve` the thread runs at nice 10 while it hashes: a flood of wrong passwords then takes what the kiosks
    /// leave, not a core beside them (on 2 cores the 10-minute soak's issue p99 under a hashing flood passed 100 ms).
    func offload<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async throws -> Value {
        try await Self.pool.runIfActive {
            Self.lowerThisThread()
            return work()
        }
    }

    /// The niceness hashing threads take; `serve` sets 10 before the first sign-in. Test processes keep 0: a suite
    /// that saturates every core on purpose must not starve its own sign-ins.
    nonisolated(unsafe) public static var niceness: Int32 = 0

    /// Lowers the calling thread to `niceness` (on Linux a nice value is per thread; raising it needs no privilege).
    static func lowerThisThread() {
        if niceness > 0 { CPUPriority.nice(niceness) }
    }

    /// Started once, never shut down (it lives as long as the process).
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount - 1))
        pool.start()
        return pool
    }()

    /// Rejects passwords too short to protect a staff account, and control characters.
    public static func validate(_ password: String) throws(APIError) {
        guard password.count >= 8, password.utf8.count <= 72 else {
            throw APIError.invalidBody("mật khẩu cần 8–72 ký tự / password must be 8–72 characters")
        }
        try TextInput.check(password, "password")
    }
}

/// A shared counter of password checks.
final class VerificationCount: Sendable {
    let count = Atomic<Int>(0)
}
