import DeviceIO
import DeviceProtocols
import Foundation

/// The Swift half of e2e/test_usb_umockdev.py. That script emulates a printer with umockdev, then runs one
/// scenario test of this target under `LD_PRELOAD=libumockdev-preload.so.0` with
/// `KHONGCHO_UMOCKDEV_SCENARIO=<name>` and `KHONGCHO_UMOCKDEV_SYNC=<directory>`. Without those variables
/// (a plain `swift test`) the scenarios are skipped.
enum UMockdevScenario {
    static var current: String? { ProcessInfo.processInfo.environment["KHONGCHO_UMOCKDEV_SCENARIO"] }

    static func isRunning(_ name: String) -> Bool { current == name }

    static var syncDirectory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["KHONGCHO_UMOCKDEV_SYNC"] ?? NSTemporaryDirectory())
    }

    /// Leaves a file for the Python side (bytes written, "this step is done" markers).
    static func write(_ name: String, _ bytes: [UInt8] = []) throws {
        try Data(bytes).write(to: syncDirectory.appendingPathComponent(name), options: .atomic)
    }

    static let vendorID: UInt16 = 0x0416
    static let productID: UInt16 = 0x5011

    static let sampleContent = TicketContent(
        centreName: "Trung tâm Phục vụ hành chính công xã Minh An", fieldName: "Hộ tịch", number: "B012",
        priorityLabel: "Người khuyết tật", issuedAt: "08:05 — 02/03/2026", peopleAhead: 3, estimatedWaitMinutes: 9,
        statusURL: "http://192.168.1.10:8080/t/5bfb3f67998acdd29921e8a965d58c7b")

    static func isEmulatedPrinter(_ device: USBDeviceInfo) -> Bool {
        device.vendorID == vendorID && device.productID == productID
    }

    /// A ticket the way the renderer sends one: init, centred text, big number, a raster strip, cut.
    /// Raster bytes avoid 0x10 so no run of them reads as a status request.
    static func ticket(rasterRows: Int = 200, number: String = "A012") -> [UInt8] {
        var bytes: [UInt8] = [0x1B, 0x40, 0x1B, 0x61, 0x01]
        bytes += Array("KHONG CHO\n".utf8)
        bytes += [0x1D, 0x21, 0x11] + Array("\(number)\n".utf8) + [0x1D, 0x21, 0x00]
        let widthBytes = 48
        bytes += [0x1D, 0x76, 0x30, 0x00, UInt8(widthBytes), 0x00, UInt8(rasterRows & 0xFF), UInt8(rasterRows >> 8)]
        let pattern: [UInt8] = [0x00, 0xFF, 0xAA, 0x55, 0x0F, 0xF0, 0x3C, 0xC3]
        for row in 0..<rasterRows {
            for column in 0..<widthBytes { bytes.append(pattern[(row * 3 + column) % pattern.count]) }
        }
        bytes += [0x1B, 0x64, 0x03, 0x1D, 0x56, 0x42, 0x00]
        return bytes
    }
}
