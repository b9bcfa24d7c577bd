import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Hall

/// Times ticket render + ESC/POS encode, to show the printer mechanism (not this code) is what a citizen
/// waits for. `bench/print_bench.py` runs it with `--json` and compares the raster with python-escpos.
struct PrintBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-bench",
        abstract: "Đo thời gian dựng + mã hoá phiếu in / benchmark ticket render + ESC/POS encode.")

    /// A thermal printer at 200 mm/s and 8 dots/mm (203 dpi) advances 1600 dot rows per second.
    static let mechanismRowsPerSecond = 200.0 * 8.0

    @Option(help: "Printer profile id (devices/printers/*.json).") var profile = "xprinter-80mm"
    @Option(help: "Measured iterations of render + encode.") var iterations = 500
    @Option(help: "Assets directory (ticket/template.json).") var assets = InstallPaths.assets
    @Option(help: "Device profiles directory (printers/*.json).") var devices = InstallPaths.devices
    @Option(help: "Also write the rendered ticket as a binary PBM (P4) to this file.") var pbm: String?
    @Option(help: "Also write the ESC/POS job (the bytes sent to the printer) to this file.") var job: String?
    @Flag(help: "Print one JSON object instead of the table.") var json = false

    func validate() throws {
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
    }

    func run() async throws {
        let renderer = try TicketRenderer(templateURL: URL(fileURLWithPath: assets).appendingPathComponent("ticket/template.json"))
        let profiles = try PrinterProfiles.load(directory: URL(fileURLWithPath: devices).appendingPathComponent("printers"))
        guard let printer = profiles.first(where: { $0.id == profile }) else {
            throw ValidationFailure(
                "Không có hồ sơ máy in “\(profile)” / no printer profile '\(profile)'; known: \(profiles.map(\.id).joined(separator: ", "))"
            )
        }
        let content = Self.sampleTicket
        // Warm-up: FreeType glyph cache, QR encoder, allocator; these first-ticket costs are not the steady state.
        var bitmap = try renderer.render(content, for: printer)
        var bytes = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: printer)
        for index in 0..<min(50, iterations) {
            bitmap = try renderer.render(Self.ticket(index), for: printer)
            bytes = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: printer)
        }
        let clock = ContinuousClock()
        var render: [Double] = []
        var encode: [Double] = []
        var total: [Double] = []
        render.reserveCapacity(iterations)
        encode.reserveCapacity(iterations)
        total.reserveCapacity(iterations)
        var checksum = 0  // every result is used, so no iteration can be optimised away
        for index in 0..<iterations {
            // Each ticket differs as real ones do (number, time, queue figures, token), so only the parts
            // that really repeat — labels, centre and field names — can come from the layout cache.
            let ticket = Self.ticket(1000 + index)
            let start = clock.now
            bitmap = try renderer.render(ticket, for: printer)
            let rendered = clock.now
            bytes = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: printer)
            let encoded = clock.now
            checksum &+= bytes.count &+ Int(bytes[bytes.count / 2])
            render.append(Self.milliseconds(rendered - start))
            encode.append(Self.milliseconds(encoded - rendered))
            total.append(Self.milliseconds(encoded - start))
        }
        if let pbm { try Self.pbmData(bitmap).write(to: URL(fileURLWithPath: pbm)) }
        if let job { try Data(bytes).write(to: URL(fileURLWithPath: job)) }
        let result = Result(
            profile: printer.id, paperWidthDots: printer.paperWidthDots, cut: printer.cut.rawValue,
            maxStripHeight: printer.maxStripHeight, heightDots: bitmap.height,
            iterations: iterations, rasterBytes: bitmap.data.count, bytesPerTicket: bytes.count,
            strips: (bitmap.height + printer.maxStripHeight - 1) / printer.maxStripHeight,
            render: Summary(render), encode: Summary(encode), total: Summary(total),
            mechanismSeconds: Double(bitmap.height) / Self.mechanismRowsPerSecond,
            feedSeconds: Double(EscPosEncoder.defaultTicketFeedDots) / Self.mechanismRowsPerSecond,
            checksum: checksum)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            result.printTable()
        }
    }

    /// A realistic worst-ish case: diacritics everywhere, a priority box, a promise box and a 40-character URL.
    static let sampleTicket = TicketContent(
        centreName: "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm", fieldName: "Đất đai", number: "A123",
        priorityLabel: "Người cao tuổi", issuedAt: "08:05 — 02/03/2026", peopleAhead: 12, estimatedWaitMinutes: 25,
        promiseLine: "Thứ Sáu không chờ: trả kết quả trong ngày", statusURL: "http://10.0.0.5:8080/t/9f3c2a7e41b8d05c6")

    /// The sample ticket, made unique by `index`.
    static func ticket(_ index: Int) -> TicketContent {
        var content = sampleTicket
        content.number = "A\(100 + index % 900)"
        content.issuedAt = String(format: "%02d:%02d — 02/03/2026", 7 + index / 60 % 10, index % 60)
        content.peopleAhead = index % 37
        content.estimatedWaitMinutes = index % 53
        content.statusURL = String(
            format: "http://10.0.0.5:8080/t/%08x%08x%08x%08x", index, index &* 2_654_435_761 & 0xffff_ffff, ~index & 0xffff_ffff,
            index &* 40503 & 0xffff_ffff)
        return content
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// Binary PBM: the header, then rows packed MSB-first with 1 = black, which is exactly `Bitmap.data`.
    static func pbmData(_ bitmap: Bitmap) -> Data {
        Data("P4\n\(bitmap.width) \(bitmap.height)\n".utf8) + Data(bitmap.data)
    }

    /// p50 / p99 / max / mean in milliseconds; percentiles by nearest rank, as bench/bench.py computes them.
    struct Summary: Encodable {
        let p50: Double, p99: Double, max: Double, mean: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            func rank(_ p: Double) -> Double { sorted[Int((p / 100 * Double(sorted.count - 1)).rounded())] }
            p50 = rank(50)
            p99 = rank(99)
            max = sorted[sorted.count - 1]
            mean = sorted.reduce(0, +) / Double(sorted.count)
        }
    }

    struct Result: Encodable {
        let profile: String, paperWidthDots: Int, cut: String, maxStripHeight: Int, heightDots: Int, iterations: Int
        let rasterBytes: Int, bytesPerTicket: Int, strips: Int
        let render: Summary, encode: Summary, total: Summary
        /// Time the mechanism needs for the ticket's rows alone, and for the feed to the cutter after them.
        let mechanismSeconds: Double, feedSeconds: Double
        let checksum: Int

        func printTable() {
            func ms(_ value: Double) -> String { String(format: "%9.3f", value) }
            print(
                "print-bench — \(profile) (\(paperWidthDots) dots), ticket \(paperWidthDots) × \(heightDots) dots, "
                    + "\(iterations) iterations after warm-up")
            print("                      p50       p99       max      mean  (ms)")
            for (name, summary) in [("render", render), ("encode", encode), ("render+encode", total)] {
                print(
                    name.padding(toLength: 14, withPad: " ", startingAt: 0)
                        + ms(summary.p50) + " " + ms(summary.p99) + " " + ms(summary.max) + " " + ms(summary.mean))
            }
            print("bytes per ticket: \(bytesPerTicket) (raster \(rasterBytes) in \(strips) GS v 0 strips)")
            print(
                String(
                    format: "mechanism at 200 mm/s × 8 dots/mm (1600 rows/s): %d rows = %.3f s (+ %.3f s feed to cutter)",
                    heightDots, mechanismSeconds, feedSeconds))
            print(
                String(
                    format: "  = %.0f× render+encode p99 (%.1f%% of the mechanism time)",
                    mechanismSeconds * 1000 / total.p99, total.p99 / (mechanismSeconds * 1000) * 100))
        }
    }
}
