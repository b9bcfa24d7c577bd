extension USBError {
    struct Advice {
        let vietnamese: String
        let english: String
    }

    /// The rule file the access advice points to; kept in one place so the text and the repository agree.
    static let udevRulePath = "devices/udev/60-khongcho.rules"

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
