import ArgumentParser
import Foundation
import WebAPI

#if canImport(Glibc)
    import Glibc
#endif

/// `khongcho tls init`: the centre's own certificate authority and a server certificate for this box (see
/// `LocalCertificateAuthority`), then the steps to trust it on the counter PCs.
struct TLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tls", abstract: "Chứng chỉ HTTPS cho mạng nội bộ / HTTPS certificates for the LAN.", subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Tạo tổ chức cấp chứng chỉ riêng và chứng chỉ máy chủ cho tên và địa chỉ LAN của máy này / make a local CA and a server certificate for this box's LAN names and addresses."
        )

        @Option(help: "Thư mục chứng chỉ / where the files go.") var directory = "/etc/khongcho/tls"
        @Option(help: "Tên máy (DNS) thêm vào chứng chỉ, lặp lại được / a DNS name for the certificate (repeatable).")
        var name: [String] = []
        @Option(help: "Địa chỉ IP thêm vào chứng chỉ, lặp lại được / an IP address for the certificate (repeatable).")
        var address: [String] = []
        @Flag(help: "Chỉ dùng các tên/địa chỉ đã cho, không tự thêm của máy này / only the names and addresses given.")
        var only = false
        @Option(help: "Cổng HTTPS in trong hướng dẫn / the HTTPS port shown in the steps.") var tlsPort = 8443
        @Option(help: "Người dùng hệ thống được đọc khoá máy chủ / system user that may read the server key (the service's).")
        var owner = "khongcho"

        func run() throws {
            let names = unique(name + (only ? [] : LANAddresses.names()))
            let addresses = unique(address + (only ? [] : LANAddresses.addresses()))
            let authority = LocalCertificateAuthority(directory: URL(fileURLWithPath: directory))
            let issued: LocalCertificateAuthority.Issued
            do {
                issued = try authority.issue(names: names, addresses: addresses)
            } catch let error as TLSSetupError {
                FileHandle.standardError.write(Data("\(error.message)\n\(error.messageEn)\n".utf8))
                throw ExitCode(1)
            }
            try handOver(authority)
            print(Self.summary(authority, issued, port: tlsPort))
        }

        /// Run as root, the server key goes to the service's user (it runs unprivileged and must read it); the
        /// authority's key stays root's. Without that user (a checkout), the files stay the caller's.
        func handOver(_ authority: LocalCertificateAuthority) throws {
            guard getuid() == 0, let user = getpwnam(owner) else { return }
            for file in [authority.serverCertificateFile, authority.serverKeyFile] {
                guard chown(file.path, user.pointee.pw_uid, user.pointee.pw_gid) == 0 else {
                    let reason = String(cString: strerror(errno))
                    FileHandle.standardError.write(
                        Data("Không đổi được chủ của \(file.path) / cannot chown \(file.path): \(reason)\n".utf8))
                    throw ExitCode(1)
                }
            }
        }

        func unique(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0.lowercased()).inserted }
        }

        static func summary(_ authority: LocalCertificateAuthority, _ issued: LocalCertificateAuthority.Issued, port: Int) -> String {
            let ca = authority.caCertificateFile.path
            let first = issued.addresses.first(where: { !$0.hasPrefix("127.") && $0 != "::1" }) ?? issued.names.first ?? "localhost"
            let expires = issued.notValidAfter.formatted(.iso8601.year().month().day())
            return """
                \(issued.createdAuthority ? "Đã tạo tổ chức cấp chứng chỉ mới / new authority" : "Giữ tổ chức cấp chứng chỉ cũ / authority kept"): \(ca)
                Chứng chỉ máy chủ / server certificate (hết hạn / expires \(expires)):
                    \(authority.serverCertificateFile.path)
                    \(authority.serverKeyFile.path)
                Tên / names: \(issued.names.joined(separator: ", "))
                Địa chỉ / addresses: \(issued.addresses.joined(separator: ", "))

                Bật HTTPS / turn HTTPS on (khongcho.yaml or flags):
                    khongcho serve --tls-cert \(authority.serverCertificateFile.path) --tls-key \(authority.serverKeyFile.path) --tls-port \(port)

                Tin cậy trên mỗi máy quầy (chỉ một lần, chép tệp \(ca) sang) / trust it once on each counter PC (copy \(ca)):
                    Windows (quản trị / as administrator):  certutil -addstore -f Root ca.crt
                    Debian/Ubuntu:  sudo cp ca.crt /usr/local/share/ca-certificates/khongcho-ca.crt && sudo update-ca-certificates
                    Chrome/Chromium trên Linux / on Linux:  certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n KhongCho -i ca.crt
                    Firefox: Cài đặt → Chứng chỉ → Nhập ca.crt, tin cậy cho trang web / Settings → Certificates → Import, trust for websites
                Rồi mở / then open  https://\(first):\(port)/staff
                Chạy lại lệnh này khi đổi địa chỉ hoặc gần hết hạn: tổ chức cấp chứng chỉ được giữ, không phải tin cậy lại.
                Run this again for a new address or before expiry: the authority is kept, nothing to trust again.
                """
        }
    }
}

/// This box's names and non-loopback addresses, as counter PCs would reach it (plus the loopback ones for the box itself).
enum LANAddresses {
    static func names() -> [String] {
        let host = ProcessInfo.processInfo.hostName
        var names = ["localhost"]
        if !host.isEmpty, host != "localhost" {
            names.append(host)
            if !host.contains(".") { names.append("\(host).local") }
        }
        return names
    }

    static func addresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return ["127.0.0.1", "::1"] }
        defer { freeifaddrs(list) }
        var found = ["127.0.0.1", "::1"]
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            guard getnameinfo(address, length, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 else { continue }
            let value = String(decoding: text.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // Link-local IPv6 (fe80::…%eth0) cannot be named in a certificate.
            guard !value.contains("%") else { continue }
            found.append(value)
        }
        return found
    }
}
