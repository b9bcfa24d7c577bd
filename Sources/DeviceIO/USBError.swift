import CLibUSB
public import DeviceProtocols

/// Why a USB operation failed, which libusb call failed, and what the person at the kiosk should do about it.
///
/// Every libusb error code has its own `Code`, so callers can react (mark a printer offline on `.noDevice`,
/// retry on `.timeout`) without parsing text; the messages are for logs and the supervisor's screen.
public struct USBError: BilingualError, Sendable, Equatable, CustomStringConvertible {
    /// The libusb failure, one case per kind of advice.
    public enum Code: String, Sendable, CaseIterable {
        // One case per libusb error (LIBUSB_ERROR_*).
        case io
        case invalidParameter = "invalid_param"
        case access
        case noDevice = "no_device"
        case notFound = "not_found"
        case busy
        case timeout
        case overflow
        case pipe
        case interrupted
        case noMemory = "no_mem"
        case notSupported = "not_supported"
        case other
        // Found by this module, not by libusb.
        /// The device has no interface with a bulk OUT endpoint, so nothing can be printed on it.
        case noPrinterInterface = "no_printer_interface"
        /// The printer has no bulk IN endpoint (a one-way printer), so it cannot be read or asked for status.
        case noInputEndpoint = "no_input_endpoint"
        /// The connection was closed before this call.
        case closed
    }

    public let code: Code
    /// The libusb function (or this module's operation) that failed, e.g. `libusb_claim_interface`.
    public let call: String
    /// The raw libusb return code, when the error came from libusb.
    public let libusbCode: Int32?
    /// Bytes that did reach the device before the failure (a partial write); 0 when nothing went through.
    public let transferred: Int
    /// Bytes the caller asked to transfer; 0 when the call was not a transfer.
    public let requested: Int
    /// Vietnamese: what happened and what to do.
    public let message: String
    /// English: what happened and what to do.
    public let englishMessage: String

    public init(_ code: Code, call: String, libusbCode: Int32? = nil, transferred: Int = 0, requested: Int = 0) {
        self.code = code
        self.call = call
        self.libusbCode = libusbCode
        self.transferred = transferred
        self.requested = requested
        let advice = Self.advice(for: code)
        let progress = Self.progress(transferred: transferred, requested: requested)
        message = "\(call): \(advice.vietnamese)\(progress.vietnamese)"
        englishMessage = "\(call): \(advice.english)\(progress.english)"
    }

    /// Maps a libusb return code (`LIBUSB_ERROR_*`, negative) to an error; unknown codes become `.other`.
    public init(libusbCode: Int32, call: String, transferred: Int = 0, requested: Int = 0) {
        self.init(
            Self.code(forLibusb: libusbCode), call: call, libusbCode: libusbCode, transferred: transferred,
            requested: requested)
    }

    /// True when the device is gone and the caller should mark it offline and wait for it to come back.
    public var meansUnplugged: Bool { code == .noDevice }

    public var description: String { "\(code.rawValue): \(englishMessage)" }
}

extension USBError {
    struct Advice {
        let vietnamese: String
        let english: String
    }

    /// The rule file the access advice points to; kept in one place so the text and the repository agree.
    static let udevRulePath = "deploy/60-khongcho.rules"

    static func advice(for code: Code) -> Advice {
        switch code {
        case .access:
            Advice(
                vietnamese:
                    "không có quyền mở thiết bị USB. Cài \(udevRulePath) vào /etc/udev/rules.d/, thêm người dùng dịch vụ vào nhóm khongcho (hoặc plugdev), chạy `udevadm control --reload && udevadm trigger`, rồi cắm lại máy in; hoặc chạy dịch vụ bằng root.",
                english:
                    "no permission to open the USB device. Install \(udevRulePath) into /etc/udev/rules.d/, add the service user to group khongcho (or plugdev), run `udevadm control --reload && udevadm trigger` and replug the printer; or run the service as root."
            )
        case .noDevice:
            Advice(
                vietnamese:
                    "thiết bị đã bị rút ra hoặc mất nguồn. Cắm lại cáp USB và bật máy in; hệ thống tự nhận lại trong vài giây.",
                english:
                    "the device was unplugged or lost power. Plug the USB cable back in and switch the printer on; it is picked up again within seconds."
            )
        case .busy:
            Advice(
                vietnamese:
                    "thiết bị đang bị chương trình khác giữ (CUPS, một tiến trình khongcho khác, hoặc trình điều khiển usblp). Dừng chương trình đó rồi thử lại.",
                english:
                    "another program holds the device (CUPS, a second khongcho process, or the usblp driver). Stop it and try again."
            )
        case .timeout:
            Advice(
                vietnamese: "máy in không phản hồi kịp. Kiểm tra giấy, nắp máy và đèn báo lỗi; tắt rồi bật lại máy in.",
                english:
                    "the printer did not respond in time. Check the paper, the cover and the error light; switch the printer off and on."
            )
        case .pipe:
            Advice(
                vietnamese:
                    "máy in từ chối dữ liệu (điểm cuối bị dừng). Tắt rồi bật lại máy in; nếu lặp lại, kiểm tra hồ sơ máy in.",
                english:
                    "the printer refused the data (endpoint stalled). Switch the printer off and on; if it repeats, check the printer profile."
            )
        case .io:
            Advice(
                vietnamese: "lỗi truyền USB. Kiểm tra cáp, cắm vào cổng USB khác, tránh bộ chia USB không có nguồn.",
                english: "USB transfer error. Check the cable, try another USB port, avoid unpowered hubs.")
        case .overflow:
            Advice(
                vietnamese:
                    "thiết bị gửi nhiều dữ liệu hơn bộ đệm. Tắt rồi bật lại máy in; nếu lặp lại, báo người bảo trì kèm nhật ký.",
                english:
                    "the device sent more data than the buffer holds. Switch the printer off and on; if it repeats, report it with the log."
            )
        case .notFound:
            Advice(
                vietnamese:
                    "không tìm thấy thiết bị hoặc giao diện USB. Kiểm tra máy in đã cắm và VID:PID trong hồ sơ devices/printers/ đúng với `khongcho devices`.",
                english:
                    "USB device or interface not found. Check the printer is plugged in and that the VID:PID in devices/printers/ matches `khongcho devices`."
            )
        case .interrupted:
            Advice(
                vietnamese: "thao tác USB bị ngắt. Thử lại.", english: "the USB operation was interrupted. Try again.")
        case .noMemory:
            Advice(
                vietnamese: "hết bộ nhớ. Khởi động lại dịch vụ khongcho.",
                english: "out of memory. Restart the khongcho service.")
        case .notSupported:
            Advice(
                vietnamese: "hệ điều hành hoặc libusb không hỗ trợ thao tác này. Dùng Linux với libusb 1.0.21 trở lên.",
                english: "the operating system or libusb does not support this. Use Linux with libusb 1.0.21 or newer.")
        case .invalidParameter:
            Advice(
                vietnamese: "tham số USB không hợp lệ (lỗi chương trình). Báo người bảo trì kèm nhật ký.",
                english: "invalid USB parameter (a program bug). Report it with the log.")
        case .other:
            Advice(
                vietnamese: "lỗi USB không xác định. Xem nhật ký, tắt rồi bật lại máy in.",
                english: "unknown USB error. Check the log, switch the printer off and on.")
        case .noPrinterInterface:
            Advice(
                vietnamese:
                    "thiết bị không có giao diện máy in (không có điểm cuối bulk OUT). Kiểm tra đúng thiết bị và hồ sơ trong devices/printers/.",
                english:
                    "the device has no printer interface (no bulk OUT endpoint). Check it is the right device and profile in devices/printers/."
            )
        case .noInputEndpoint:
            Advice(
                vietnamese:
                    "máy in chỉ nhận dữ liệu một chiều, không trả trạng thái. Đặt statusSupported = false trong hồ sơ máy in.",
                english:
                    "the printer is one-way and cannot report status. Set statusSupported = false in its printer profile."
            )
        case .closed:
            Advice(
                vietnamese: "kết nối máy in đã đóng. Mở lại kết nối.",
                english: "the printer connection is closed. Open it again.")
        }
    }

    static func progress(transferred: Int, requested: Int) -> Advice {
        guard requested > 0 else { return Advice(vietnamese: "", english: "") }
        return Advice(
            vietnamese: " (đã gửi \(transferred)/\(requested) byte; phần còn lại chưa in, hãy in lại phiếu)",
            english:
                " (\(transferred) of \(requested) bytes went through; the rest was not printed, reprint the ticket)")
    }
}

extension USBError {
    /// The libusb error numbers, spelled out so every one of them has a case (see `libusb_error` in libusb.h).
    static func code(forLibusb value: Int32) -> Code {
        switch value {
        case LIBUSB_ERROR_IO.rawValue: .io
        case LIBUSB_ERROR_INVALID_PARAM.rawValue: .invalidParameter
        case LIBUSB_ERROR_ACCESS.rawValue: .access
        case LIBUSB_ERROR_NO_DEVICE.rawValue: .noDevice
        case LIBUSB_ERROR_NOT_FOUND.rawValue: .notFound
        case LIBUSB_ERROR_BUSY.rawValue: .busy
        case LIBUSB_ERROR_TIMEOUT.rawValue: .timeout
        case LIBUSB_ERROR_OVERFLOW.rawValue: .overflow
        case LIBUSB_ERROR_PIPE.rawValue: .pipe
        case LIBUSB_ERROR_INTERRUPTED.rawValue: .interrupted
        case LIBUSB_ERROR_NO_MEM.rawValue: .noMemory
        case LIBUSB_ERROR_NOT_SUPPORTED.rawValue: .notSupported
        default: .other
        }
    }

    /// Throws when a libusb call returned a negative code; returns the (non-negative) value otherwise.
    @discardableResult
    static func check(_ value: Int32, _ call: String) throws(USBError) -> Int32 {
        if value < 0 { throw USBError(libusbCode: value, call: call) }
        return value
    }
}
