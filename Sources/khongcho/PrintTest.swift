import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Hall

/// `khongcho print-test`: prints a sample Vietnamese ticket on a USB printer, or renders it to a PNG.
struct PrintTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-test", abstract: "In thử một phiếu mẫu / print (or render) a sample ticket.")

    @Option(help: "USB printer VID:PID, e.g. 0416:5011 (default: the first printer found).") var device: String?
    @Option(help: "Write the rendered ticket to this PNG instead of printing.") var png: String?
    @Option(help: "Printer profile for --png (default: the device's, else xprinter-80mm).") var profile: String?
    @Option(help: "Thư mục assets.") var assets = InstallPaths.assets
    @Option(help: "Thư mục hồ sơ thiết bị / device profiles.") var devices = InstallPaths.devices

    func run() async throws {
        let profiles = try PrinterProfiles.load(directory: URL(fileURLWithPath: devices).appendingPathComponent("printers"))
        let renderer = try TicketRenderer(templateURL: URL(fileURLWithPath: assets).appendingPathComponent("ticket/template.json"))
        if let png {
            let chosen = try pick(profile ?? "xprinter-80mm", in: profiles)
            let bitmap = try renderer.render(SampleTicket.content, for: chosen)
            try Data(PNGWriter.encode(bitmap)).write(to: URL(fileURLWithPath: png))
            print("Đã ghi \(png) (\(bitmap.width)×\(bitmap.height), \(chosen.name)) / wrote \(png)")
            return
        }
        try await printOnUSB(renderer: renderer, profiles: profiles)
    }

    func printOnUSB(renderer: TicketRenderer, profiles: [PrinterProfile]) async throws {
        let context = try USBContext()
        let matcher = PrinterMatcher(profiles: profiles)
        let printers = matcher.printers(in: try await context.devices())
        guard let match = printers.first(where: { device == nil || $0.device.vidPid == device?.lowercased() }) else {
            throw ValidationFailure(
                """
                Không tìm thấy máy in USB\(device.map { " \($0)" } ?? ""); kiểm tra cáp, nguồn và quyền (deploy/60-khongcho.rules), \
                hoặc dùng --png để chỉ dựng ảnh. / No USB printer found: check cable, power and permissions, or use --png.
                """)
        }
        let chosen = try match.profile ?? pick(profile ?? "generic-58mm", in: profiles)
        let connection = try await USBPrinterConnection.open(match, in: context)
        let port = USBPrinterPort(id: match.device.stableName, profile: chosen, connection: connection)
        if let status = try await port.status(), !status.canPrint {
            await connection.close()
            throw ValidationFailure("\(status.vietnameseSummary) / \(status.englishSummary)")
        }
        let bytes = try EscPosEncoder.ticketJob(bitmap: try renderer.render(SampleTicket.content, for: chosen), profile: chosen)
        try await port.write(bytes, job: "print-test")
        await connection.close()
        print("Đã in phiếu mẫu trên \(match.device.description) (\(bytes.count) byte) / printed the sample ticket")
    }

    func pick(_ id: String, in profiles: [PrinterProfile]) throws -> PrinterProfile {
        guard let found = profiles.first(where: { $0.id == id }) else {
            throw ValidationFailure("Không có hồ sơ “\(id)”; có: \(profiles.map(\.id).joined(separator: ", ")) / unknown profile")
        }
        return found
    }
}

/// The ticket `print-test` prints: every Vietnamese diacritic a real ticket can carry, and a QR.
enum SampleTicket {
    static let content = TicketContent(
        centreName: "Trung tâm Phục vụ hành chính công xã Minh An", fieldName: "Đất đai — Hộ tịch — Chứng thực",
        number: "A123", priorityLabel: "Người cao tuổi", issuedAt: "08:05 — 02/03/2026", peopleAhead: 4,
        estimatedWaitMinutes: 12, promiseLine: "Thứ Sáu không chờ: trả kết quả trong ngày",
        statusURL: "http://192.168.1.10:8080/t/0f3c9a7e5b2d4c1a8e6f")
}
