import DeviceIO
import Hall
import DeviceProtocols

/// The ticket `print-test` prints: every Vietnamese diacritic a real ticket can carry, and a QR.
enum SampleTicket {
    static let content = TicketContent(
        centreName: "Trung tâm Phục vụ hành chính công xã Minh An", fieldName: "Đất đai — Hộ tịch — Chứng thực",
        number: "A123", priorityLabel: "Người cao tuổi", issuedAt: "08:05 — 02/03/2026", peopleAhead: 4,
        estimatedWaitMinutes: 12, promiseLine: "Thứ Sáu không chờ: trả kết quả trong ngày",
        statusURL: "http://192.168.1.10:8080/t/0f3c9a7e5b2d4c1a8e6f")
}
