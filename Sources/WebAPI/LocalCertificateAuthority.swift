import Crypto
public import Foundation
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `khongcho tls init`: a certificate authority of the centre's own and a server certificate it signs for the box's LAN
/// names and addresses, so staff pages can be served over HTTPS without a public domain.
///
/// Files in the directory (keys readable by the owner only):
/// - `ca.crt` — the authority's certificate, the one file to trust on each counter PC (PEM; Windows opens it as is);
/// - `ca.key` — its private key: keep it on the box, it signs every renewed server certificate;
/// - `server.crt` — the server certificate followed by `ca.crt` (`--tls-cert`); `server.key` — its key (`--tls-key`).
///
/// Running it again keeps the authority (nothing to trust again on the PCs) and issues a new server certificate, for a
/// changed address or a renewal. The server certificate lasts 825 days, the longest every browser accepts.
public struct LocalCertificateAuthority: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var caCertificateFile: URL { directory.appendingPathComponent("ca.crt") }
    public var caKeyFile: URL { directory.appendingPathComponent("ca.key") }
    public var serverCertificateFile: URL { directory.appendingPathComponent("server.crt") }
    public var serverKeyFile: URL { directory.appendingPathComponent("server.key") }

    static let authorityLifetime: TimeInterval = 20 * 365 * 86_400
    static let serverLifetime: TimeInterval = 825 * 86_400

    /// What `issue` did.
    public struct Issued: Sendable {
        /// false: the authority already existed and was kept.
        public var createdAuthority: Bool
        public var names: [String]
        public var addresses: [String]
        public var notValidAfter: Date
    }

    /// Makes the authority when there is none, then a server certificate for `names` (DNS) and `addresses` (IPv4/IPv6).
    public func issue(names: [String], addresses: [String], now: Date = Date()) throws -> Issued {
        guard !names.isEmpty || !addresses.isEmpty else {
            throw TLSSetupError("Cần ít nhất một tên hoặc địa chỉ cho chứng chỉ.", "The certificate needs at least one name or address.")
        }
        let ipBytes = try addresses.map { address -> [UInt8] in
            guard let bytes = IPAddress(address)?.bytes else {
                throw TLSSetupError("“\(address)” không phải địa chỉ IP.", "'\(address)' is not an IP address.")
            }
            return bytes
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (authority, authorityKey, created) = try loadOrCreateAuthority(now: now)
        let serverKey = P256.Signing.PrivateKey()
        let subject = try DistinguishedName {
            OrganizationName("KhôngChờ")
            CommonName(names.first(where: { $0 != "localhost" }) ?? names.first ?? addresses[0])
        }
        let alternativeNames =
            names.map { GeneralName.dnsName($0) } + ipBytes.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        let notValidAfter = now.addingTimeInterval(Self.serverLifetime)
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(serverKey.publicKey), notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: notValidAfter, issuer: authority.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(alternativeNames)
                SubjectKeyIdentifier(hash: .init(serverKey.publicKey))
                AuthorityKeyIdentifier(keyIdentifier: try authority.extensions.subjectKeyIdentifier?.keyIdentifier)
            },
            issuerPrivateKey: .init(authorityKey))
        try write(try server.serializeAsPEM().pemString + "\n" + authority.serializeAsPEM().pemString + "\n", to: serverCertificateFile)
        try write(serverKey.pemRepresentation + "\n", to: serverKeyFile, ownerOnly: true)
        return Issued(createdAuthority: created, names: names, addresses: addresses, notValidAfter: notValidAfter)
    }

    private func loadOrCreateAuthority(now: Date) throws -> (Certificate, P256.Signing.PrivateKey, created: Bool) {
        let manager = FileManager.default
        if manager.fileExists(atPath: caCertificateFile.path) || manager.fileExists(atPath: caKeyFile.path) {
            do {
                let certificate = try Certificate(pemEncoded: String(contentsOf: caCertificateFile, encoding: .utf8))
                let key = try P256.Signing.PrivateKey(pemRepresentation: String(contentsOf: caKeyFile, encoding: .utf8))
                guard certificate.publicKey == Certificate.PublicKey(key.publicKey) else {
                    throw TLSSetupError("ca.key không khớp với ca.crt.", "ca.key does not belong to ca.crt.")
                }
                return (certificate, key, false)
            } catch let error as TLSSetupError {
                throw error
            } catch {
                throw TLSSetupError(
                    "Không đọc được \(caCertificateFile.path) / \(caKeyFile.path): \(error). Xoá cả hai để tạo tổ chức cấp chứng chỉ mới (khi đó phải tin cậy lại trên mọi máy quầy).",
                    "Cannot read \(caCertificateFile.path) / \(caKeyFile.path): \(error). Delete both to make a new authority (every counter PC must then trust it again)."
                )
            }
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("KhôngChờ")
            CommonName("KhôngChờ CA \(ProcessInfo.processInfo.hostName)")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(Self.authorityLifetime), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: .init(key.publicKey))
            },
            issuerPrivateKey: .init(key))
        try write(key.pemRepresentation + "\n", to: caKeyFile, ownerOnly: true)
        try write(try certificate.serializeAsPEM().pemString + "\n", to: caCertificateFile)
        return (certificate, key, true)
    }

    /// Writes through a temporary file and a rename, so an interrupted run never leaves half a key.
    private func write(_ text: String, to file: URL, ownerOnly: Bool = false) throws {
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial")
        let attributes: [FileAttributeKey: Any]? = ownerOnly ? [.posixPermissions: 0o600] : nil
        guard FileManager.default.createFile(atPath: partial.path, contents: Data(text.utf8), attributes: attributes) else {
            throw TLSSetupError("Không ghi được \(file.path).", "Cannot write \(file.path).")
        }
        guard rename(partial.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw TLSSetupError("Không ghi được \(file.path): \(reason).", "Cannot write \(file.path): \(reason).")
        }
    }
}

/// A TLS file or setting that cannot be used, in Vietnamese and English, saying what to do.
public struct TLSSetupError: Error, CustomStringConvertible {
    public let message: String
    public let messageEn: String

    public init(_ message: String, _ messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }

    public var description: String { "\(message)\n\(messageEn)" }
}
