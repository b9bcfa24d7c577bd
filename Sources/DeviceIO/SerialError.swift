import Glibc

/// Why a serial (tty) operation on a counter display failed, which system call failed, and what to do.
///
/// Callers react on `code` (mark the display offline on `.unplugged` and re-drive it with the current state
/// when it is back; retry on `.timeout`); the messages are for logs and the device page.
public struct SerialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong with the serial port, one case per kind of advice.
    public enum Code: String, Sendable, CaseIterable {
        /// `open` failed for a reason not listed below.
        case open
        /// `open`: EACCES/EPERM, the service user is not in the `dialout` group.
        case access
        /// `open`: ENOENT, no such tty (not plugged in, or renumbered).
        case notFound = "not_found"
        /// `open`/`flock`: another process holds the port.
        case busy
        case tcgetattr
        /// `tcsetattr` failed, or the driver silently kept other settings (checked by reading them back).
        case tcsetattr
        /// The settings are not ones a display uses (a baud outside `DisplaySerialSettings.supportedBauds`).
        case unsupportedSettings = "unsupported_settings"
        case write
        case read
        case poll
        /// The device did not take (or send) the bytes in time: flow control stuck, or a dead adapter.
        case timeout
        /// EIO/ENXIO/ENODEV or a hang-up: the USB-serial adapter was unplugged or the line is gone.
        case unplugged
        /// The port was closed before this call.
        case closed
    }

    public let code: Code
    /// The system call (or operation) and the tty, e.g. `write /dev/ttyUSB0`.
    public let call: String
    /// `errno` when the error came from the system.
    public let errno: Int32?
    /// Bytes that reached the driver before the failure.
    public let transferred: Int
    /// Bytes the caller asked to write; 0 when the call was not a write.
    public let requested: Int
    /// Vietnamese: what happened and what to do.
    public let message: String
    /// English: what happened and what to do.
    public let englishMessage: String

    public init(_ code: Code, call: String, errno: Int32? = nil, transferred: Int = 0, requested: Int = 0) {
        self.code = code
        self.call = call
        self.errno = errno
        self.transferred = transferred
        self.requested = requested
        let advice = Self.advice(for: code)
        let system = errno.map { " [errno \($0)]" } ?? ""
        let progress =
            requested > 0 && code != .unsupportedSettings
            ? (
                " (đã gửi \(transferred)/\(requested) byte; màn hình sẽ được vẽ lại khi kết nối lại)",
                " (\(transferred) of \(requested) bytes went through; the display is redrawn when it reconnects)"
            )
            : ("", "")
        message = "\(call): \(advice.vietnamese)\(progress.0)\(system)"
        englishMessage = "\(call): \(advice.english)\(progress.1)\(system)"
    }

    /// True when the display is gone and should be marked offline until it comes back.
    public var meansUnplugged: Bool { code == .unplugged || code == .notFound }

    public var description: String { "\(code.rawValue): \(englishMessage)" }
}

extension SerialError {
    struct Advice {
        let vietnamese: String
        let english: String
    }

    /// The error for a failed system call: errno values that mean "the adapter is gone" become `.unplugged`,
    /// whatever the call was, because that is what the caller must react to.
    static func system(
        _ call: String, path: String, errno value: Int32, fallback: Code, transferred: Int = 0,
        requested: Int = 0
    ) -> SerialError {
        let code: Code =
            switch value {
            case EIO, ENXIO, ENODEV: .unplugged
            default: fallback
            }
        return SerialError(
            code, call: "\(call) \(path)", errno: value, transferred: transferred, requested: requested)
    }

    static func advice(for code: Code) -> Advice {
        switch code {
        case .open:
            Advice(
                vietnamese:
                    "không mở được cổng nối tiếp. Kiểm tra đường dẫn cổng trong cấu hình thiết bị và nhật ký hệ thống (dmesg).",
                english:
                    "cannot open the serial port. Check the port path in the device settings and the kernel log (dmesg)."
            )
        case .access:
            Advice(
                vietnamese:
                    "không có quyền mở cổng nối tiếp. Thêm người dùng dịch vụ vào nhóm dialout (`usermod -aG dialout khongcho`) rồi khởi động lại dịch vụ; hoặc chạy bằng root.",
                english:
                    "no permission to open the serial port. Add the service user to group dialout (`usermod -aG dialout khongcho`) and restart the service; or run it as root."
            )
        case .notFound:
            Advice(
                vietnamese:
                    "không có cổng này. Cắm bộ chuyển USB-serial của màn hình; số ttyUSB có thể đổi sau khi khởi động lại, xem `khongcho devices`.",
                english:
                    "no such port. Plug in the display's USB-serial adapter; ttyUSB numbers can change after a reboot, see `khongcho devices`."
            )
        case .busy:
            Advice(
                vietnamese:
                    "cổng đang bị chương trình khác giữ (một tiến trình khongcho khác, ModemManager, screen/minicom). Dừng chương trình đó rồi thử lại.",
                english:
                    "another program holds the port (a second khongcho process, ModemManager, screen/minicom). Stop it and try again."
            )
        case .tcgetattr:
            Advice(
                vietnamese:
                    "không đọc được cấu hình cổng; thiết bị này có thể không phải cổng nối tiếp. Kiểm tra đường dẫn cổng.",
                english: "cannot read the port settings; the device may not be a serial port. Check the port path.")
        case .tcsetattr:
            Advice(
                vietnamese:
                    "trình điều khiển không nhận tốc độ/khung truyền trong hồ sơ màn hình. Kiểm tra serial.* trong devices/displays/ và loại bộ chuyển USB-serial.",
                english:
                    "the driver did not accept the speed/framing of the display profile. Check serial.* in devices/displays/ and the USB-serial adapter."
            )
        case .unsupportedSettings:
            Advice(
                vietnamese:
                    "cấu hình cổng không hợp lệ cho màn hình (tốc độ 2400…115200, 7 hoặc 8 bit dữ liệu, 1 hoặc 2 bit dừng). Sửa hồ sơ trong devices/displays/.",
                english:
                    "serial settings no display uses (baud 2400…115200, 7 or 8 data bits, 1 or 2 stop bits). Fix the profile in devices/displays/."
            )
        case .write:
            Advice(
                vietnamese: "lỗi ghi ra cổng nối tiếp. Kiểm tra cáp và bộ chuyển; hệ thống sẽ thử lại.",
                english: "writing to the serial port failed. Check the cable and adapter; it is retried.")
        case .read:
            Advice(
                vietnamese: "lỗi đọc từ cổng nối tiếp. Kiểm tra cáp và bộ chuyển; hệ thống sẽ thử lại.",
                english: "reading from the serial port failed. Check the cable and adapter; it is retried.")
        case .poll:
            Advice(
                vietnamese: "lỗi khi chờ cổng nối tiếp (poll). Khởi động lại dịch vụ nếu lặp lại.",
                english: "waiting on the serial port (poll) failed. Restart the service if it repeats.")
        case .timeout:
            Advice(
                vietnamese:
                    "màn hình không nhận dữ liệu kịp. Kiểm tra nguồn của màn hình, cáp RS-485 (A/B) và tốc độ baud trong hồ sơ.",
                english:
                    "the display did not take the data in time. Check its power, the RS-485 wiring (A/B) and the baud in its profile."
            )
        case .unplugged:
            Advice(
                vietnamese:
                    "bộ chuyển USB-serial đã bị rút ra hoặc mất kết nối. Cắm lại; màn hình được vẽ lại với số hiện tại khi có lại.",
                english:
                    "the USB-serial adapter was unplugged or lost its link. Plug it back in; the display is redrawn with the current number when it is back."
            )
        case .closed:
            Advice(
                vietnamese: "cổng nối tiếp đã đóng. Mở lại cổng.",
                english: "the serial port is closed. Open it again.")
        }
    }
}
