import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Hall

/// `khongcho devices`: the USB devices attached, which printer profile each matches, and its live status.
struct DevicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "Liệt kê thiết bị USB / list attached USB devices and printer status.")

    @Flag(help: "JSON output.") var json = false
    @Option(help: "Thư mục hồ sơ thiết bị / device profiles.") var devices = InstallPaths.devices

    struct Entry: Encodable {
        var device: String
        var vidPid: String
        var name: String
        var printer: Bool
        var profile: String?
        var status: String?
    }

    func run() async throws {
        let profiles = try PrinterProfiles.load(directory: URL(fileURLWithPath: devices).appendingPathComponent("printers"))
        let context = try USBContext()
        let matcher = PrinterMatcher(profiles: profiles)
        var entries: [Entry] = []
        for device in try await context.devices() {
            let match = matcher.match(device)
            var status: String?
            if let match { status = await self.status(of: match, context: context) }
            entries.append(
                Entry(
                    device: device.stableName, vidPid: device.vidPid,
                    name: [device.manufacturer, device.product].compactMap { $0 }.joined(separator: " "),
                    printer: match != nil, profile: match?.profile?.id, status: status))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(entries), as: UTF8.self))
        } else if entries.isEmpty {
            print("Không có thiết bị USB nào / no USB devices")
        } else {
            for entry in entries {
                let printer = entry.printer ? "  máy in/printer \(entry.profile ?? "(class 7)") — \(entry.status ?? "")" : ""
                print("\(entry.device)  \(entry.name)\(printer)")
            }
        }
    }

    /// A class-7 printer without a profile: status is not asked for.
    static let unknown = PrinterProfile(
        id: "unknown", name: "Unknown printer", vendorID: "0000", productID: "0000", paperWidthDots: 384, cut: .none,
        nativeQR: false, vietnameseCodePage: false, statusSupported: false, maxStripHeight: 256, lineSpacing: 30)

    func status(of match: PrinterMatch, context: USBContext) async -> String {
        let connection: USBPrinterConnection
        do {
            connection = try await USBPrinterConnection.open(match, in: context)
        } catch {
            return "\(error)"
        }
        let port = USBPrinterPort(id: match.device.stableName, profile: match.profile ?? Self.unknown, connection: connection)
        let answer: String
        do {
            if let status = try await port.status() {
                answer = "\(status.vietnameseSummary) / \(status.englishSummary)"
            } else {
                answer = "mở được, không hỗ trợ trạng thái / opened, no status support"
            }
        } catch {
            answer = "\(error)"
        }
        await connection.close()
        return answer
    }
}
