import DeviceProtocols
import Foundation

/// Shared test data and file helpers for the rasterizer, QR and ticket tests. Files are found from
/// `#filePath` because the test target declares no resources.
enum TicketFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenDirectory = testsDirectory.appendingPathComponent("Golden")
    static let templateURL = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/ticket/template.json")

    /// Every Vietnamese vowel with every tone, and Đ.
    static let pangram = "ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳỷỹỵ Đđ ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ ỲỶỸỴ"

    static let fullTicket = TicketContent(
        centreName: "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm", fieldName: "Đất đai", number: "A012",
        priorityLabel: "Người cao tuổi", issuedAt: "08:05 — 02/03/2026", peopleAhead: 5, estimatedWaitMinutes: 15,
        promiseLine: "Thứ Sáu không chờ: trả kết quả trong ngày", statusURL: "https://khongcho.example/t/A012"
    )

    static let plainTicket = TicketContent(
        centreName: "Bộ phận Một cửa UBND xã Thạch Thất", fieldName: "Chứng thực, Hộ tịch", number: "B107",
        issuedAt: "14:47 — 27/02/2026", peopleAhead: 0, estimatedWaitMinutes: 3,
        statusURL: "http://192.168.1.20:8080/t/B107"
    )

    /// The golden files are exact pixels of DejaVu 2.37 through this machine's FreeType: compare only
    /// when those are the fonts in use.
    static var usesStandardFont: Bool {
        (try? FontLocator().locate())
            == FontLocator.Fonts(
                regular: URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                bold: URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
            )
    }

    /// PBM P4: a short text header, then exactly the bitmap's rows (MSB first, 1 = black).
    static func pbm(_ bitmap: Bitmap) -> Data {
        var data = Data("P4\n\(bitmap.width) \(bitmap.height)\n".utf8)
        data.append(contentsOf: bitmap.data)
        return data
    }

    static func readPBM(_ url: URL) throws -> Bitmap {
        let data = try Data(contentsOf: url)
        var fields: [String] = []
        var index = data.startIndex
        while fields.count < 3 {
            while index < data.endIndex, data[index] == 0x0A || data[index] == 0x20 { index += 1 }
            var field = ""
            while index < data.endIndex, data[index] != 0x0A, data[index] != 0x20 {
                field.append(Character(UnicodeScalar(data[index])))
                index += 1
            }
            fields.append(field)
        }
        index += 1
        guard fields[0] == "P4", let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return Bitmap(width: width, height: height, data: [UInt8](data[index...]))
    }

    /// The inked rectangle of a bitmap (exclusive max), or nil when blank.
    static func ink(_ bitmap: Bitmap) -> (minX: Int, maxX: Int, minY: Int, maxY: Int)? {
        var bounds: (minX: Int, maxX: Int, minY: Int, maxY: Int)?
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap[x, y] {
                let b = bounds ?? (x, x + 1, y, y + 1)
                bounds = (min(b.minX, x), max(b.maxX, x + 1), min(b.minY, y), max(b.maxY, y + 1))
            }
        }
        return bounds
    }

    /// Runs of consecutive rows that hold ink, as (first row, row count).
    static func inkBands(_ bitmap: Bitmap) -> [(start: Int, height: Int)] {
        var bands: [(start: Int, height: Int)] = []
        var start: Int?
        for y in 0...bitmap.height {
            let inked = y < bitmap.height && (0..<bitmap.width).contains { bitmap[$0, y] }
            if inked, start == nil { start = y }
            if !inked, let first = start {
                bands.append((first, y - first))
                start = nil
            }
        }
        return bands
    }

    /// Separate blobs of ink (8-connected: pixels touching diagonally count as joined).
    static func components(_ bitmap: Bitmap) -> Int {
        var seen = Set<Int>()
        var count = 0
        for start in 0..<(bitmap.width * bitmap.height) where bitmap[start % bitmap.width, start / bitmap.width] {
            guard seen.insert(start).inserted else { continue }
            count += 1
            var stack = [start]
            while let next = stack.popLast() {
                let (x, y) = (next % bitmap.width, next / bitmap.width)
                for dy in -1...1 {
                    for dx in -1...1 where bitmap[x + dx, y + dy] {
                        let index = (y + dy) * bitmap.width + x + dx
                        if seen.insert(index).inserted { stack.append(index) }
                    }
                }
            }
        }
        return count
    }

    /// zbarimg, when installed, proves that a drawn QR code really scans.
    static let zbarimg = "/usr/bin/zbarimg"
    static var canDecodeQR: Bool { FileManager.default.isExecutableFile(atPath: zbarimg) }

    static func decodeQR(_ bitmap: Bitmap) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("khongcho-qr-\(UUID().uuidString).pbm")
        try pbm(bitmap).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
