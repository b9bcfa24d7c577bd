import Foundation
import QueueStore

/// Where things are when nobody says: the installed layout (`make install`) — data in `/var/lib/khongcho`,
/// assets and device profiles in `/usr/share/khongcho`. Assets and profiles fall back to `./assets` and
/// `./devices` of a checkout when nothing is installed (read only: no command creates files in the current
/// directory unless told to). `make run` passes `--data ./var` and the checkout's paths explicitly.
enum InstallPaths {
    static let data = "/var/lib/khongcho"
    static let share = "/usr/share/khongcho"

    static var assets: String { installedOr("assets") }
    static var devices: String { installedOr("devices") }

    private static func installedOr(_ name: String) -> String {
        let installed = "\(share)/\(name)"
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: installed, isDirectory: &isDirectory) && isDirectory.boolValue ? installed : name
    }
}

extension AppDatabase {
    /// The store of a command that only reads (`plan`, `report`, `user list`): an existing one, never a new empty
    /// directory or file where `--data` pointed by mistake.
    static func openExisting(_ data: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: data)
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("khongcho.sqlite").path) else {
            throw ValidationFailure(
                "Không có dữ liệu KhôngChờ trong \(directory.path) (thiếu khongcho.sqlite); chỉ đúng thư mục bằng --data DIR.\n"
                    + "There is no KhôngChờ store in \(directory.path) (no khongcho.sqlite); point --data DIR at the right directory.")
        }
        return try AppDatabase.open(directory: directory)
    }
}
