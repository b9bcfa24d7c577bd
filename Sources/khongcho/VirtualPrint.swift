import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Hall
import Simulators

/// `khongcho virtual-print`: decodes captured ESC/POS bytes (a file) into the paper they would print.
struct VirtualPrint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "virtual-print", abstract: "Giải mã lệnh ESC/POS thành ảnh giấy / decode ESC/POS bytes to a PNG.")

    @Option(help: "File of raw ESC/POS bytes.") var input: String
    @Option(help: "PNG to write.") var png: String
    @Option(help: "Printer profile (paper width).") var profile = "generic-58mm"
    @Flag(help: "Only what was printed on the first page (no margins, feed or cut marks).") var crop = false
    @Option(help: "Thư mục hồ sơ thiết bị / device profiles.") var devices = InstallPaths.devices

    func run() async throws {
        let profiles = try PrinterProfiles.load(directory: URL(fileURLWithPath: devices).appendingPathComponent("printers"))
        guard let chosen = profiles.first(where: { $0.id == profile }) else {
            throw ValidationFailure("Không có hồ sơ “\(profile)” / unknown profile '\(profile)'")
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: input)))
        let printout = try VirtualPrinter.print(bytes, profile: chosen)
        if crop {
            guard let page = printout.pages.first, let region = page.printedRegion else {
                throw ValidationFailure("Không có gì được in / nothing was printed")
            }
            try Data(PNGWriter.encode(page.crop(region))).write(to: URL(fileURLWithPath: png))
        } else {
            try printout.writePNG(to: URL(fileURLWithPath: png))
        }
        print("\(printout.pages.count) trang / page(s) → \(png)")
    }
}
