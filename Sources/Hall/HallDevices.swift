public import DeviceProtocols
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
    /// The test page for a printer of this profile (the ticket layout with "THỬ IN"), `nil`: printers cannot be tested.
    let testPage: (@Sendable (PrinterProfile) throws -> [UInt8])?

    public init(
        database: AppDatabase, displays: DisplayHub, keypads: KeypadHub, printers: PrinterRegistry?, clock: any WallClock,
        testPage: (@Sendable (PrinterProfile) throws -> [UInt8])? = nil
    ) {
        self.testPage = testPage
        self.database = database
        self.displays = displays
        self.keypads = keypads
        self.printers = printers
        self.clock = clock
    }

    public func devices() async -> [DeviceInfo] {
        let bindings = (try? await database.deviceBindings()) ?? [:]
        var printerInfos: [DeviceInfo] = []
        for printer in printers?.printers ?? [] {
            printerInfos.append(
                DeviceInfo(
                    id: printer.port.id, kind: .printer, profile: printer.port.profile.id, name: printer.port.profile.name,
                    port: printer.port.id.hasPrefix("virtual-") ? "simulated" : printer.port.id, counter: bindings[printer.port.id],
                    status: .ok, statusText: "Đã kết nối", statusTextEn: "Attached", lastSeen: await printer.lastSeen,
                    simulated: printer.port.id.hasPrefix("virtual-")))
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
        if let printer = printers?.printer(id: id) {
            guard let testPage else {
                throw DeviceDirectoryError.failed(
                    "Máy chủ chạy không có mẫu phiếu nên không in thử được.", "The server runs without a ticket layout: no test page.")
            }
            let bytes: [UInt8]
            do {
                bytes = try testPage(printer.port.profile)
            } catch {
                throw DeviceDirectoryError.failed("Không dựng được trang thử: \(error)", "The test page could not be drawn: \(error)")
            }
            let outcome = await printer.printTest(bytes, jobName: "thu-in-\(Int(clock.now().timeIntervalSince1970))")
            let said = outcome.message ?? ""
            guard outcome.status != .failed else { throw DeviceDirectoryError.failed(said, said) }
            return DeviceTestResult(message: "Đã gửi trang thử tới \(id): \(said)", messageEn: "Test page sent to \(id): \(said)")
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
