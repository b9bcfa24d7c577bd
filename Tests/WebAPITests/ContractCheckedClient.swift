import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskTesting
import NIOConcurrencyHelpers
import NIOCore
import Testing

/// A test client that checks every response against `assets/openapi.json`; each break is a test issue.
struct ContractCheckedClient: TestClientProtocol {
    let client: any TestClientProtocol

    var port: Int? { client.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let verdict = try OpenAPIContract.repository().check(
            method: method.rawValue, path: uri, status: Int(response.status.code), contentType: response.headers[.contentType],
            body: Data(response.body.readableBytesView))
        for violation in verdict.violations {
            Issue.record("OpenAPI contract: \(violation)")
        }
        ContractTally.shared.record(verdict)
        return response
    }
}

extension ApplicationProtocol {
    /// Runs `body` with Hummingbird's in-process client, every response checked against the OpenAPI contract.
    func testAgainstContract(
        _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await test(setup) { client in try await body(ContractCheckedClient(client: client)) }
    }
}

/// Responses checked and documented operations reached in this run, printed to standard error at exit.
final class ContractTally: Sendable {
    static let shared: ContractTally = {
        atexit { ContractTally.shared.report() }
        return ContractTally()
    }()

    private struct Counts {
        var responses = 0
        var violations = 0
        var operations: Set<String> = []
    }

    private let counts = NIOLockedValueBox(Counts())

    func record(_ verdict: OpenAPIContract.Verdict) {
        counts.withLockedValue { counts in
            counts.responses += 1
            counts.violations += verdict.violations.count
            if let operation = verdict.operation { counts.operations.insert(operation) }
        }
    }

    private func report() {
        let counts = counts.withLockedValue { $0 }
        var line = "OpenAPI contract: \(counts.responses) responses checked, \(counts.violations) violations"
        do {
            let documented = try OpenAPIContract.repository().operations
            let missed = documented.filter { !counts.operations.contains($0) }
            line += "; \(documented.count - missed.count) of \(documented.count) documented operations answered"
            if !missed.isEmpty { line += " (never: \(missed.joined(separator: ", ")))" }
        } catch {
            line += "; the contract did not load: \(error)"
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
