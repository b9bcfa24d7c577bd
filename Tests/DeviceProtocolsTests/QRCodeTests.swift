import DeviceProtocols
import Foundation
import Testing

@Suite struct QRCodeTests {
    static let url = "https://khongcho.example/t/A012"

    @Test func aShortURLIsAVersion3Symbol() throws {
        // 31 bytes in byte mode at level M need version 3 (capacity 42; version 2 holds 26).
        let code = try QRCode(encoding: Self.url)
        #expect(code.version == 3)
        #expect(code.size == 29)
        #expect(code.modules.count == 29 * 29)
    }

    @Test func sizeFollowsVersion() throws {
        for text in ["A", Self.url, String(repeating: "https://khongcho.example/t/", count: 6)] {
            let code = try QRCode(encoding: text)
            #expect(code.size == 17 + 4 * code.version)
        }
    }

    @Test func finderPatternsSitInThreeCorners() throws {
        let code = try QRCode(encoding: Self.url)
        func isFinder(_ left: Int, _ top: Int) -> Bool {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    if code[left + x, top + y] != (ring != 2) { return false }
                }
            }
            return true
        }
        #expect(isFinder(0, 0))
        #expect(isFinder(code.size - 7, 0))
        #expect(isFinder(0, code.size - 7))
        #expect(!isFinder(code.size - 7, code.size - 7))
        // The separators around the finders are light.
        #expect((0..<8).allSatisfy { !code[7, $0] && !code[$0, 7] })
    }

    @Test(arguments: [1, 3, 7])
    func drawingRoundTripsTheModuleGrid(scale: Int) throws {
        let code = try QRCode(encoding: Self.url)
        var bitmap = Bitmap(width: code.side(scale: scale) + 13, height: code.side(scale: scale) + 5)
        let (left, top) = (9, 3)
        code.draw(into: &bitmap, x: left, y: top, scale: scale)
        let quiet = QRCode.quietZone
        for row in -quiet..<(code.size + quiet) {
            for column in -quiet..<(code.size + quiet) {
                let x = left + (column + quiet) * scale
                let y = top + (row + quiet) * scale
                // Every dot of a module has the module's colour: whole-dot modules, no blur.
                for dy in 0..<scale {
                    for dx in 0..<scale where bitmap[x + dx, y + dy] != code[column, row] {
                        Issue.record("module (\(column), \(row)) dot (\(dx), \(dy)) differs")
                        return
                    }
                }
            }
        }
        #expect(bitmap.blackPixelCount == code.modules.filter { $0 }.count * scale * scale)
    }

    @Test func drawingClearsTheQuietZone() throws {
        let code = try QRCode(encoding: Self.url)
        var bitmap = Bitmap(width: code.side(scale: 2), height: code.side(scale: 2))
        for y in 0..<bitmap.height { for x in 0..<bitmap.width { bitmap[x, y] = true } }
        code.draw(into: &bitmap, x: 0, y: 0, scale: 2)
        #expect((0..<(QRCode.quietZone * 2)).allSatisfy { row in (0..<bitmap.width).allSatisfy { !bitmap[$0, row] } })
        #expect(bitmap == code.bitmap(scale: 2))
    }

    @Test func largestScaleFitsTheWidthWithItsQuietZone() throws {
        let code = try QRCode(encoding: Self.url)  // 29 + 8 = 37 modules across
        #expect(code.largestScale(fittingWidth: 272) == 7)
        #expect(code.largestScale(fittingWidth: 296) == 8)
        #expect(code.largestScale(fittingWidth: 296, maximum: 6) == 6)
        #expect(code.largestScale(fittingWidth: 37) == 1)
        #expect(code.largestScale(fittingWidth: 36) == nil)
        #expect(code.side(scale: 7) == 259)
    }

    @Test func emptyAndOversizedTextAreErrors() {
        #expect(throws: QRCodeError.empty) { try QRCode(encoding: "") }
        #expect(throws: QRCodeError.tooLong(bytes: 3000)) { try QRCode(encoding: String(repeating: "é", count: 1500)) }
    }

    @Test(.enabled(if: TicketFixtures.canDecodeQR), arguments: [2, 4])
    func theDrawnSymbolScans(scale: Int) throws {
        let code = try QRCode(encoding: Self.url)
        #expect(try TicketFixtures.decodeQR(code.bitmap(scale: scale)) == Self.url)
        // Status URLs are ASCII; zbar guesses a legacy charset for raw UTF-8 bytes, so none is tried here.
        let long = "http://192.168.1.20:8080/t/A012?day=2026-03-02&field=dat-dai&lang=vi"
        #expect(try TicketFixtures.decodeQR(QRCode(encoding: long).bitmap(scale: scale)) == long)
    }
}
