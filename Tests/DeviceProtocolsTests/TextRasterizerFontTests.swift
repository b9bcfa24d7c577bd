import DeviceProtocols
import Foundation
import Testing

@Suite struct TextRasterizerFontTests {
    static let dejavu = FontLocator.standardCandidates[0]

    @Test func findsDejaVuWhenInstalled() throws {
        let locator = FontLocator(environment: [:], fileExists: { _ in true })
        let fonts = try locator.locate()
        #expect(fonts.regular.path == Self.dejavu.regular)
        #expect(fonts.bold?.path == Self.dejavu.bold)
    }

    @Test func fallsBackToNoto() throws {
        let locator = FontLocator(environment: [:], fileExists: { $0.contains("/noto/") })
        let fonts = try locator.locate()
        #expect(fonts.regular.lastPathComponent == "NotoSans-Regular.ttf")
        #expect(fonts.bold?.lastPathComponent == "NotoSans-Bold.ttf")
    }

    @Test func theEnvironmentWins() throws {
        let environment = ["KHONGCHO_FONT": "/opt/fonts/Be.ttf", "KHONGCHO_FONT_BOLD": "/opt/fonts/Be-Bold.ttf"]
        let fonts = try FontLocator(environment: environment, fileExists: { _ in true }).locate()
        #expect(fonts == .init(regular: URL(fileURLWithPath: "/opt/fonts/Be.ttf"), bold: URL(fileURLWithPath: "/opt/fonts/Be-Bold.ttf")))
        let regularOnly = try FontLocator(environment: ["KHONGCHO_FONT": "/opt/fonts/Be.ttf"], fileExists: { _ in true }).locate()
        #expect(regularOnly.bold == nil)
    }

    @Test func aMissingConfiguredFontIsAnErrorNotAFallback() {
        let locator = FontLocator(environment: ["KHONGCHO_FONT": "/nowhere/x.ttf"], fileExists: { !$0.hasPrefix("/nowhere") })
        #expect(throws: FontLocatorError.configuredFontMissing(variable: "KHONGCHO_FONT", path: "/nowhere/x.ttf")) {
            try locator.locate()
        }
    }

    @Test func noFontNamesThePackageToInstall() throws {
        let locator = FontLocator(environment: [:], fileExists: { _ in false })
        let error = try #require(throws: FontLocatorError.self) { try locator.locate() }
        #expect(error.description.contains("fonts-dejavu-core"))
        #expect(error.description.contains("KHONGCHO_FONT"))
    }

    @Test func aFileThatIsNotAFontIsRejected() throws {
        let fonts = FontLocator.Fonts(regular: TicketFixtures.templateURL, bold: nil)
        let error = try #require(throws: TextRasterizerError.self) { try TextRasterizer(fonts: fonts) }
        guard case .unreadableFont = error else {
            Issue.record("unexpected \(error)")
            return
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")))
    func aFontWithoutVietnameseIsRejected() throws {
        // DejaVu Sans Mono has no precomposed Vietnamese vowels with tones (U+1EA0…).
        let fonts = FontLocator.Fonts(regular: URL(fileURLWithPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"), bold: nil)
        do {
            _ = try TextRasterizer(fonts: fonts)
            Issue.record("DejaVu Sans Mono now covers Vietnamese: choose another font for this test")
        } catch {
            guard case .fontLacksVietnamese(_, let missing) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(!missing.isEmpty)
        }
    }

    @Test func withoutABoldFileBoldIsSynthesised() throws {
        let installed = try FontLocator().locate()
        let rasterizer = try TextRasterizer(fonts: .init(regular: installed.regular, bold: nil))
        let regular = rasterizer.layout("Ưu tiên", style: .init(size: 24))
        let bold = rasterizer.layout("Ưu tiên", style: .init(size: 24, weight: .bold))
        #expect(bold.width > regular.width)
        var a = Bitmap(width: 200, height: 40)
        var b = Bitmap(width: 200, height: 40)
        regular.draw(into: &a, x: 0, baseline: 30)
        bold.draw(into: &b, x: 0, baseline: 30)
        #expect(b.blackPixelCount > a.blackPixelCount * 5 / 4)
    }
}
