public import ArgumentParser
import Foundation
import Logging
public import Province
import WebAPI

/// `khongcho province user add --postgres URL --username U --role admin|viewer --password-stdin`: an account of the
/// province office app (not a centre's staff). The first admin comes from here; later ones also from the app.
struct ProvinceUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Tài khoản văn phòng tỉnh / province office accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm tài khoản / add an account.")

        @Option(help: "PostgreSQL của tỉnh / the province's PostgreSQL URL.") var postgres: String
        @Option var username: String
        @Option(help: "admin | viewer") var role: OfficeUser.Role
        @Flag(help: "Đọc mật khẩu từ stdin / read the password from standard input.") var passwordStdin = false

        func run() async throws {
            guard passwordStdin else { throw ValidationError("Pass --password-stdin and pipe the password in.") }
            let password = readLine(strippingNewline: true) ?? ""
            try TextInput.check(username, "username")
            guard (1...64).contains(username.count) else { throw ValidationError("--username: 1–64 characters.") }
            try PasswordHasher.validate(password)
            let database = try ProvinceDatabase.direct(url: postgres, logger: Logger(label: "khongcho-province"))
            do {
                try await database.migrate()
                try await database.addOfficeUser(
                    OfficeUser(username: username, role: role, passwordHash: PasswordHasher().hash(password)))
                await database.close()
            } catch {
                await database.close()
                throw error
            }
            print("Đã tạo tài khoản văn phòng tỉnh / created: \(username) (\(role.rawValue))")
        }
    }
}

extension OfficeUser.Role: ExpressibleByArgument {}
