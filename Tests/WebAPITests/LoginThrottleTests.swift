import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTesting
import Logging
import NIOCore
import QueueCore
import QueueStore
import Synchronization
import Testing

@testable import WebAPI

@Suite("Sign-in throttling and hashing")
struct LoginThrottleTests {
    /// Five failures lock the (username, address) pair — answered 429 without checking any password — but
    /// the officer signs in from their own desk, and the device may still sign in to other accounts.
    @Test func failuresLockThePairNotTheOfficer() async throws {
        let hall = try await TestHall()
        let checks = hall.settings.passwordHasher.verifications
        try await withLiveAPI(hall) { client in
            for _ in 1...5 { #expect(try await client.signIn("quay1", "wrong-pass", from: "10.0.0.66").status == .unauthorized) }
            let checked = checks.count.load(ordering: .relaxed)
            let locked = try await client.signIn("quay1", TestHall.password, from: "10.0.0.66")
            #expect(locked.status == .tooManyRequests)
            #expect(try locked.errorCode() == "login_throttled")
            #expect(try locked.errorMessage()?.hasPrefix("Đăng nhập sai quá nhiều lần") == true)
            let retry = try #require(locked.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...900).contains(retry))
            #expect(try await client.signIn("QUAY1", "wrong-pass", from: "10.0.0.66").status == .tooManyRequests)
            #expect(checks.count.load(ordering: .relaxed) == checked, "a throttled sign-in checked a password")
            #expect(try await client.signIn("quay1", TestHall.password, from: "10.0.0.1").status == .ok)
            #expect(try await client.signIn("quay2", TestHall.password, from: "10.0.0.66").status == .ok)
            hall.clock.advance(minutes: 15)
            #expect(try await client.signIn("quay1", TestHall.password, from: "10.0.0.66").status == .ok)
        }
    }

    /// Thirty failures from one address lock the address for every username; another address still works;
    /// failures and lockouts are in the audit log with the forwarded client address.
    @Test func aFloodLocksTheAddressAndIsAudited() async throws {
        let hall = try await TestHall()
        let hash = hall.settings.passwordHasher.hash(TestHall.password)
        for index in 1...6 {
            _ = try await hall.database.addUser(
                username: "can-bo\(index)", role: .supervisor, counter: nil, passwordHash: hash, at: hall.clock.now())
        }
        try await withLiveAPI(hall) { client in
            for index in 1...6 {
                for _ in 1...5 {
                    #expect(try await client.signIn("can-bo\(index)", "wrong-pass", from: "10.0.0.66").status == .unauthorized)
                }
            }
            let locked = try await client.signIn("admin", TestHall.password, from: "10.0.0.66")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] != nil)
            #expect(try await client.signIn("admin", TestHall.password, from: "10.0.0.7").status == .ok)
        }
        let entries = try await hall.database.auditEntries(limit: 100)
        let lockouts = entries.filter { $0.action == .loginLockout }
        #expect(lockouts.count == 7)
        #expect(lockouts.allSatisfy { $0.client == "10.0.0.66" })
        #expect(lockouts.first?.target == "10.0.0.66")
        #expect(lockouts.first?.after?.contains(#""scope":"address""#) == true)
        #expect(entries.filter { $0.action == .loginFailed }.count == 30)
        #expect(entries.first?.action == .loginSucceeded)
        #expect(entries.first?.actor == "admin")
        #expect(entries.first?.client == "10.0.0.7")
    }

    /// Loopback is not exempt; and without `--trust-proxy` a forged `X-Forwarded-For` changes nothing.
    @Test func loopbackIsThrottledAndForwardedForIsIgnoredUntrusted() async throws {
        let hall = try await TestHall()
        try await withLiveAPI(hall, trustProxy: false) { client in
            for index in 1...5 {
                let failed = try await client.signIn("admin", "wrong-pass", from: "10.9.9.\(index)")
                #expect(failed.status == .unauthorized)
            }
            let locked = try await client.signIn("admin", TestHall.password, from: "10.9.9.99")
            #expect(locked.status == .tooManyRequests)
        }
        let failed = try await hall.database.auditEntries(limit: 10).filter { $0.action == .loginFailed }
        #expect(failed.allSatisfy { $0.client == "127.0.0.1" || $0.client == "::1" })
    }

    @Test func hashingRunsOffTheCooperativePool() async throws {
        let onATask = try await PasswordHasher(cost: 4).offload { withUnsafeCurrentTask { $0 != nil } }
        #expect(!onATask)
    }

    /// With every hashing thread busy, a sign-in waits for the pool while a ticket is issued and answered:
    /// password checks hold no cooperative thread. Deterministic: the pool is held by a job that waits on
    /// a semaphore, so no timing decides the outcome (the flood's latency figure is `make soak`'s).
    @Test func aTicketIssuesWhileEveryHashingThreadIsBusy() async throws {
        let hall = try await TestHall()
        let hasher = PasswordHasher(cost: 4)
        let release = DispatchSemaphore(value: 0)
        let threads = max(1, System.coreCount - 1)
        let holders = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<threads { group.addTask { _ = try await hasher.offload { release.wait() } } }
                try await group.waitForAll()
            }
        }
        defer { for _ in 0..<threads { release.signal() } }
        try await withAPI(hall) { client in
            async let signIn = client.signIn("admin", "wrong-pass")
            let issued = try await client.json("/api/v1/tickets", .post, body: #"{"field":"dat-dai"}"#)
            #expect(issued.status == .created)
            for _ in 0..<threads { release.signal() }
            #expect(try await signIn.status == .unauthorized)
        }
        try await holders.value
    }
}
