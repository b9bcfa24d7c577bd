public import ArgumentParser
import DeviceIO
import Foundation
import Hall
public import QueueCore
import QueueStore
import WebAPI

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Quản lý tài khoản / manage accounts.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thêm tài khoản / add an account.")

        @Option var username: String
        @Option(help: "staff | supervisor | admin") var role: Role
        @Option(help: "Quầy của cán bộ / the staff member's counter.") var counter: Int?
        @Flag(help: "Đọc mật khẩu từ stdin / read the password from standard input.") var passwordStdin = false
        @Option(help: "Thư mục dữ liệu / data directory.") var data = InstallPaths.data
        @Option(help: "Thư mục assets, to load the catalog on a fresh store.") var assets = InstallPaths.assets

        func run() async throws {
            guard passwordStdin else { throw ValidationError("Pass --password-stdin and pipe the password in.") }
            let password = (readLine(strippingNewline: true) ?? "")
            try UserValidation.check(username: username, role: role, counter: counter)
            try PasswordHasher.validate(password)
            let database = try AppDatabase.open(directory: URL(fileURLWithPath: data))
            try database.seedCatalogIfEmpty(try CatalogFile.load(URL(fileURLWithPath: assets).appendingPathComponent("catalog.json")))
            let user = try await database.addUser(
                username: username, role: role, counter: counter, passwordHash: PasswordHasher().hash(password), at: Date())
            print("Đã tạo tài khoản / created: \(user.username) (\(user.role.rawValue)\(user.counter.map { ", quầy \($0)" } ?? ""))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liệt kê tài khoản / list accounts.")
        @Option var data = InstallPaths.data

        func run() async throws {
            for user in try await AppDatabase.openExisting(data).users() {
                print("\(user.username)\t\(user.role.rawValue)\t\(user.counter.map(String.init) ?? "-")")
            }
        }
    }
}

extension Role: ExpressibleByArgument {}
