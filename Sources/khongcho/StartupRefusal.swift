import ArgumentParser
import Foundation
import QueueStore

/// Why `serve` refused to start: the message for the operator (Vietnamese, then English; on stderr) and the exit
/// code of its own, so a supervisor (systemd, a script) can tell the cases apart. Codes follow sysexits.h; the
/// README lists them.
struct StartupRefusal: Error {
    /// `serve`'s exit codes besides 0 (stopped normally) and 1 (any other failure).
    enum Code: Int32 {
        /// The database failed `PRAGMA quick_check`, or is not SQLite (EX_DATAERR). Nothing was changed.
        case corruptDatabase = 65
        /// The database was lost on a previous run and could not be put back (`khongcho.sqlite.lost`, EX_NOINPUT).
        case databaseLost = 66
        /// The data directory or database cannot be written (EX_CANTCREAT).
        case cannotWrite = 73
        /// Another `serve` holds the data directory's lock (EX_TEMPFAIL).
        case directoryInUse = 75
        /// A setting or a file it names cannot be used: the settings file, the TLS certificate or key (EX_CONFIG).
        case configuration = 78
    }

    let code: Code
    let message: String

    /// Prints the message on stderr and ends the command with the code.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(code.rawValue)
    }

    static func directoryInUse(_ held: DataDirectoryLock.Held, data: URL) -> StartupRefusal {
        StartupRefusal(
            code: .directoryInUse,
            message: """
                KhôngChờ không khởi động: một máy chủ KhôngChờ khác (PID \(held.pid)) đang dùng thư mục dữ liệu \(data.path) \
                (khoá \(held.path)). Mỗi thư mục dữ liệu chỉ một máy chủ; hãy dừng máy chủ đó hoặc chọn --data khác.
                KhôngChờ did not start: another KhôngChờ server (PID \(held.pid)) is using the data directory \(data.path) \
                (lock \(held.path)). One server per data directory: stop that one or pass another --data.
                """)
    }

    /// The data directory (or its lock file) cannot be created or written.
    static func unwritable(_ data: URL, _ error: any Error) -> StartupRefusal {
        StartupRefusal(
            code: .cannotWrite,
            message: """
                KhôngChờ không khởi động: không ghi được vào thư mục dữ liệu \(data.path) (\(error)). Hãy cho người dùng chạy \
                KhôngChờ quyền ghi thư mục đó hoặc chọn --data khác.
                KhôngChờ did not start: cannot write to the data directory \(data.path) (\(error)). Give the user running \
                KhôngChờ write access to it or pass another --data.
                """)
    }

    /// A store that refused to open; damaged or lost data gets the command that restores the newest backup.
    static func store(_ error: StoreError, data: URL) -> StartupRefusal? {
        let code: Code
        switch error.code {
        case .corruptDatabase: code = .corruptDatabase
        case .fileLost: code = .databaseLost
        case .readOnly, .cannotOpen: code = .cannotWrite
        default: return nil
        }
        let restore = code == .cannotWrite ? nil : RestoreHint(data: data)
        return StartupRefusal(
            code: code,
            message: [
                "KhôngChờ không khởi động: \(error.message)", restore?.vietnamese,
                "KhôngChờ did not start: \(error.messageEn)", restore?.english,
            ].compactMap { $0 }.joined(separator: "\n"))
    }
}

/// The exact command that restores the newest backup in `DIR/backups/`, or the news that there is none.
struct RestoreHint {
    let vietnamese: String
    let english: String

    init(data: URL) {
        let backups = data.appendingPathComponent("backups")
        guard let newest = Self.newest(in: backups) else {
            vietnamese = "Không có bản sao lưu nào trong \(backups.path)/ để khôi phục."
            english = "No backup exists in \(backups.path)/ to restore from."
            return
        }
        let command = "khongcho restore --data \(Self.quoted(data.path)) --from \(Self.quoted(newest.path))"
        vietnamese = "Khôi phục bản sao lưu gần nhất bằng lệnh:\n    \(command)"
        english = "Restore the last good backup with:\n    \(command)"
    }

    /// The most recently modified regular file in `directory` (hidden files skipped); ties go to the later name.
    static func newest(in directory: URL) -> URL? {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .isRegularFileKey]
        guard
            let files = try? FileManager.default.contentsOfDirectory(
                at: directory, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return nil }
        let dated = files.compactMap { file -> (Date, String, URL)? in
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { return nil }
            return (values.contentModificationDate ?? .distantPast, file.lastPathComponent, file)
        }
        return dated.max { ($0.0, $0.1) < ($1.0, $1.1) }?.2
    }

    /// A path as a shell word: single-quoted when it holds anything but plain characters.
    static func quoted(_ path: String) -> String {
        let plain = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@%,=".contains($0)) }
        return plain ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
