import DeviceProtocols
import Foundation
public import QueueCore
public import QueueStore

/// The admin's view of every device: printers (from the registry), displays and keypads; bindings are
/// stored so they survive a restart.
public struct HallDevices: DeviceDirectory {
    public let database: AppDatabase
    public let displays: DisplayHub
    public let keypads: KeypadHub
    public let printers: PrinterRegistry?
    let clock: any WallClock

    public init(database: AppDatabase, displays: DisplayHub, keypads: KeypadHub, printers: PrinterRegistry?, clock: any WallClock) {
        self.database = database
        self.displays = displays
        self.keypads = keypads
        self.printers = printers
        self.clock = clock
    }

    public func devices() async -> [DeviceInfo] {
        let bindings = (try? await database.deviceBindings()) ?? [:]
        let printerInfos = (printers?.printers ?? []).map { printer in
            DeviceInfo(
                id: printer.port.id, kind: .printer, profile: printer.port.profile.id, name: printer.port.profile.name,
                port: printer.port.id.hasPrefix("virtual-") ? "simulated" : printer.port.id, counter: bindings[printer.port.id],
                status: .ok, statusText: "Đã kết nối", statusTextEn: "Attached", lastSeen: nil,
                simulated: printer.port.id.hasPrefix("virtual-"))
        }
        return printerInfos + (await displays.infos) + (await keypads.infos)
    }

    public func bind(_ id: String, counter: Int?) async throws -> DeviceInfo {
        guard await exists(id) else { throw DeviceDirectoryError.unknownDevice(id) }
        try await database.bindDevice(id, counter: counter, at: clock.now())
        await displays.bind(id, counter: counter)
        await keypads.bind(id, counter: counter)
        guard let info = await devices().first(where: { $0.id == id }) else { throw DeviceDirectoryError.unknownDevice(id) }
        return info
    }

    public func test(_ id: String) async throws -> DeviceTestResult {
        if await displays.has(id) {
            do {
                try await displays.test(id)
            } catch {
                throw DeviceDirectoryError.failed(
                    "Bảng số không nhận mẫu thử: \(error)", "The display did not take the test pattern: \(error)")
            }
            return DeviceTestResult(
                message: "Đã gửi mẫu thử tới \(id) (sáng mọi ô trong 3 giây).",
                messageEn: "Test pattern sent to \(id) (every cell lit for 3 s).")
        }
        if await keypads.has(id) {
            return DeviceTestResult(
                message: "Bấm một phím trên \(id); “lần cuối” sẽ đổi.", messageEn: "Press a key on \(id); its last-seen time changes.")
        }
        if printers?.printer(id: id) != nil {
            return DeviceTestResult(
                message: "Dùng “khongcho print-test” hoặc in lại một phiếu để thử máy in.",
                messageEn: "Use `khongcho print-test` or reprint a ticket to test a printer.")
        }
        throw DeviceDirectoryError.unknownDevice(id)
    }

    public func type(_ id: String, keys: String) async throws -> [String] {
        try await keypads.type(id, keys: keys)
    }

    func exists(_ id: String) async -> Bool {
        if await displays.has(id) { return true }
        if await keypads.has(id) { return true }
        return printers?.printer(id: id) != nil
    }
}
