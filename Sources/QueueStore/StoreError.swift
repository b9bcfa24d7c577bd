import GRDB

/// Why the store refused to open or act, with the fix in the message (Vietnamese, then English).
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of store failure.
    public enum Code: String, Sendable {
        /// The file is not SQLite, or `PRAGMA quick_check` found damage.
        case corruptDatabase = "corrupt_database"
        case newerSchema = "newer_schema"
        case cannotOpen = "cannot_open"
        /// The disk (or the database's size limit) is full: SQLITE_FULL.
        case diskFull = "storage_full"
        /// The data directory or database cannot be written: SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM.
        case readOnly = "storage_read_only"
        /// The disk answered a read or write with an I/O error: SQLITE_IOERR.
        case ioError = "storage_io_error"
        /// The database file was deleted or replaced while running and could not be put back.
        case fileLost = "storage_file_lost"
        /// The store is being reopened (the file was just put back); retry in a moment.
        case reopening = "storage_reopening"
    }

    public let code: Code
    /// Vietnamese.
    public let message: String
    public let messageEn: String

    public init(_ code: Code, _ message: String, _ messageEn: String) {
        self.code = code
        self.message = message
        self.messageEn = messageEn
    }

    public var description: String { "\(message)\n\(messageEn)" }

    /// The storage failure behind `error`, typed, or nil when `error` is not one (a constraint, a bug).
    /// SQLite rolls the failed transaction back, so nothing is half-written when one of these is thrown.
    public init?(storage error: any Error) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_FULL: self = .diskFull
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: self = .readOnly
        case .SQLITE_IOERR: self = .ioError
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .corruptWhileRunning
        // GRDB's answer for a connection closed under a request (the store was just reopened).
        case .SQLITE_MISUSE where error.message == "Connection is closed": self = .reopening
        default: return nil
        }
    }

    /// The file at `path` is not SQLite or failed `PRAGMA quick_check`; it was left untouched.
    public static func corrupt(path: String, detail: String) -> StoreError {
        StoreError(
            .corruptDatabase,
            "Tệp dữ liệu \(path) bị hỏng hoặc không phải SQLite; hãy khôi phục bản sao lưu gần nhất hoặc chọn thư mục khác bằng "
                + "--data (không có gì bị thay đổi). SQLite: \(detail)",
            "The database file \(path) is corrupt or not SQLite: restore the last good backup or pass another --data directory "
                + "(nothing was changed). SQLite said: \(detail)")
    }

    /// The data directory (or the database in it) cannot be written, found while opening.
    static func cannotWrite(directory: String, detail: String) -> StoreError {
        StoreError(
            .readOnly,
            "Không ghi được vào thư mục dữ liệu \(directory) (chỉ đọc hoặc thiếu quyền). Hãy cho người dùng chạy KhôngChờ "
                + "quyền ghi thư mục đó (hoặc chọn thư mục khác bằng --data). Chi tiết: \(detail)",
            "Cannot write to the data directory \(directory) (read-only or no permission). Give the user running KhôngChờ "
                + "write access to it (or pass another --data). Detail: \(detail)")
    }

    static let diskFull = StoreError(
        .diskFull,
        """
        Đĩa của máy chủ đã đầy: không ghi được, dữ liệu đã có vẫn còn nguyên. Hãy giải phóng dung lượng \
        (xoá tệp cũ trong thư mục dữ liệu, ví dụ printed/) rồi thử lại.
        """,
        "The server's disk is full: nothing was written and stored data is intact. Free some space (e.g. old files in the "
            + "data directory's printed/) and retry.")

    static let readOnly = StoreError(
        .readOnly,
        """
        Thư mục dữ liệu hoặc tệp cơ sở dữ liệu đang chỉ đọc: không ghi được, dữ liệu đã có vẫn còn nguyên. \
        Hãy cho người dùng chạy KhôngChờ quyền ghi thư mục dữ liệu (hoặc gắn lại ổ đĩa ở chế độ ghi) rồi thử lại.
        """,
        "The data directory or database is read-only: nothing was written and stored data is intact. Give the user running "
            + "KhôngChờ write access to the data directory (or remount the disk read-write) and retry.")

    static let ioError = StoreError(
        .ioError,
        "Lỗi đọc/ghi ổ đĩa: không ghi được. Hãy kiểm tra ổ đĩa (dmesg) và báo quản trị viên.",
        "The disk reported an I/O error: nothing was written. Check the disk (dmesg) and tell the administrator.")

    static let corruptWhileRunning = StoreError(
        .corruptDatabase,
        "Tệp dữ liệu bị hỏng. Hãy dừng máy chủ và khôi phục bản sao lưu gần nhất (khongcho restore).",
        "The database file is damaged. Stop the server and restore the last good backup (khongcho restore).")

    static let reopening = StoreError(
        .reopening,
        "Máy chủ đang mở lại tệp dữ liệu; vui lòng thử lại sau giây lát.",
        "The server is reopening its database; please retry in a moment.")

    static let closed = StoreError(
        .reopening,
        "Máy chủ đang dừng (hoặc khởi động lại); vui lòng thử lại sau giây lát.",
        "The server is stopping (or restarting); please retry in a moment.")
}
