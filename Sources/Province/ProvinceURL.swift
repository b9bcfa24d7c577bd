import Foundation
import NIOSSL
import PostgresNIO

/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`, checked at the boundary.
/// Anywhere but loopback the connection must be encrypted: `sslmode=require` is the default there and anything
/// weaker is refused, because the facts cross the province's network.
struct ProvinceURL {
    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String
    let sslMode: String

    init(_ text: String) throws(ProvinceError) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""), let host = url.host,
            !host.isEmpty, let user = url.user, !user.isEmpty
        else {
            throw ProvinceError(
                "Địa chỉ PostgreSQL “\(Self.redacted(text))” không hợp lệ; cần dạng postgres://người-dùng@máy:5432/cơ-sở-dữ-liệu.",
                "The PostgreSQL URL '\(Self.redacted(text))' is not valid; expected postgres://user@host:5432/database.")
        }
        self.host = host
        port = url.port ?? 5432
        self.user = user
        password = url.password
        let path = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        database = path.isEmpty ? user : path
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? (loopback ? "prefer" : "require")
        guard ["disable", "prefer", "require"].contains(mode), loopback || mode == "require" else {
            throw ProvinceError(
                "Kết nối PostgreSQL ngoài máy này phải mã hoá: dùng sslmode=require (nhận “\(mode)”).",
                "A PostgreSQL connection beyond this machine must be encrypted: use sslmode=require (got '\(mode)').")
        }
        sslMode = mode
    }

    func configuration() -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = 4
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch sslMode {
            case "disable": .disable
            case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The URL without its password, for messages and logs.
    static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text), url.password != nil else { return text }
        url.password = "***"
        return url.string ?? text
    }
}
