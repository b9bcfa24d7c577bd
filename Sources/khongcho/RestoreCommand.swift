import ArgumentParser
import Foundation
import QueueStore

/// `khongcho restore`: puts a backup back while no server runs on the data directory. The replaced store is
/// kept as `khongcho.sqlite.replaced-<time>`, and each field's next number continues after the higher of the
/// two, so no number already handed out today is handed out again.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Khôi phục một bản sao lưu (máy chủ phải dừng) / restore a backup (the server must be stopped).")

    @Option(help: "Thư mục dữ liệu / data directory.") var data: String
    @Option(help: "Tệp sao lưu / backup file.") var from: String

    func run() throws {
        let directory = URL(fileURLWithPath: data)
        let lock: DataDirectoryLock
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            lock = try DataDirectoryLock(directory: directory)
        } catch let held as DataDirectoryLock.Held {
            throw StartupRefusal(
                code: .directoryInUse,
                message: """
                    Không khôi phục: máy chủ KhôngChờ (PID \(held.pid)) đang chạy trên \(directory.path). Hãy dừng nó trước \
                    (systemctl stop khongcho), rồi chạy lại lệnh này.
                    Not restored: a KhôngChờ server (PID \(held.pid)) is running on \(directory.path). Stop it first \
                    (systemctl stop khongcho), then run this command again.
                    """
            ).exit()
        } catch {
            throw StartupRefusal.unwritable(directory, error).exit()
        }
        defer { lock.release() }
        do {
            let summary = try AppDatabase.restore(directory: directory, from: URL(fileURLWithPath: from), at: Date())
            print("Đã khôi phục / restored: \(summary.restored.line)")
            if let aside = summary.replacedAside {
                print("Dữ liệu cũ giữ tại / the replaced store is kept as: \(aside)")
                if !summary.replacedReadable {
                    print(
                        "Cảnh báo: không đọc được dữ liệu cũ; số thứ tự hôm nay chỉ tiếp theo bản sao lưu.\n"
                            + "Warning: the replaced store could not be read; today's numbers continue after the backup's only.")
                }
            }
            print("Bộ đếm số đã nâng / day counters raised: \(summary.countersRaised)")
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("Không khôi phục / not restored: \(error.message)\n\(error.messageEn)\n".utf8))
            throw ExitCode(error.code == .corruptDatabase || error.code == .newerSchema ? 65 : 1)
        }
    }
}
