public import Foundation
import HummingbirdTLS
public import NIOSSL
import SwiftASN1
import X509

/// The HTTPS side of `serve`: its port and the certificate chain and key it presents (`--tls-cert`, `--tls-key`).
public struct HTTPSListener: Sendable {
    public var port: Int
    public var configuration: TLSConfiguration
    /// When the server certificate expires (logged at start, so a renewal is not a surprise).
    public var notValidAfter: Date

    /// Reads a PEM chain (server certificate first, as `khongcho tls init` writes it) and its PEM private key.
    /// Every problem is a `TLSSetupError` naming the file and what to do.
    public init(port: Int, certificateFile: URL, keyFile: URL) throws {
        let chainPEM = try Self.read(certificateFile, what: "chứng chỉ / certificate")
        let keyPEM = try Self.read(keyFile, what: "khoá / key")
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(Array(chainPEM.utf8))
        } catch {
            throw TLSSetupError(
                "\(certificateFile.path) không phải chứng chỉ PEM (\(error)).",
                "\(certificateFile.path) is not a PEM certificate (\(error)).")
        }
        guard !chain.isEmpty else {
            throw TLSSetupError("\(certificateFile.path) không chứa chứng chỉ nào.", "\(certificateFile.path) holds no certificate.")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
        } catch {
            throw TLSSetupError(
                "\(keyFile.path) không phải khoá riêng PEM (\(error)).", "\(keyFile.path) is not a PEM private key (\(error)).")
        }
        let leaf = try Certificate(derEncoded: chain[0].toDERBytes())
        let leafKey = try Certificate.PrivateKey(pemEncoded: keyPEM)
        guard leaf.publicKey == leafKey.publicKey else {
            throw TLSSetupError(
                "\(keyFile.path) không phải khoá của chứng chỉ \(certificateFile.path); chạy lại khongcho tls init.",
                "\(keyFile.path) is not the key of \(certificateFile.path); run khongcho tls init again.")
        }
        self.port = port
        notValidAfter = leaf.notValidAfter
        configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    static func read(_ file: URL, what: String) throws -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw TLSSetupError(
                "Không đọc được tệp \(what) \(file.path): \(error.localizedDescription). Tạo bằng khongcho tls init.",
                "Cannot read the \(what) file \(file.path): \(error.localizedDescription). Make one with khongcho tls init.")
        }
    }
}
