import DeviceProtocols
import Foundation
import Testing

@Suite struct TextRasterizerFittingTests {
    let rasterizer: TextRasterizer

    init() throws { rasterizer = try TextRasterizer() }

    static let long = "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm, thành phố Hà Nội"

    @Test(arguments: [120, 200, 362, 544])
    func wrappedLinesFitAndKeepEveryWord(maxWidth: Int) {
        let style = TextRasterizer.Style(size: 24, weight: .bold)
        for balanced in [false, true] {
            let lines = rasterizer.wrap(Self.long, style: style, maxWidth: maxWidth, balanced: balanced)
            #expect(lines.allSatisfy { rasterizer.width(of: $0, style: style) <= maxWidth })
            #expect(lines.joined(separator: " ") == Self.long.precomposedStringWithCanonicalMapping)
        }
    }

    @Test func balancedWrapKeepsTheLineCountAndEvensTheLines() {
        let style = TextRasterizer.Style(size: 24, weight: .bold)
        let text = "Thứ Sáu không chờ: trả kết quả trong ngày"
        let greedy = rasterizer.wrap(text, style: style, maxWidth: 420)
        let balanced = rasterizer.wrap(text, style: style, maxWidth: 420, balanced: true)
        #expect(greedy.count == 2)
        #expect(balanced.count == greedy.count)
        let greedyWidths = greedy.map { rasterizer.width(of: $0, style: style) }
        let widths = balanced.map { rasterizer.width(of: $0, style: style) }
        #expect((widths.max() ?? 0) <= (greedyWidths.max() ?? 0))
        #expect((widths.min() ?? 0) > (greedyWidths.min() ?? 0))
        #expect((widths.max() ?? 0) - (widths.min() ?? 0) < 150)
    }

    @Test func aWordWiderThanTheLineIsBrokenInside() {
        let style = TextRasterizer.Style(size: 24)
        let lines = rasterizer.wrap("khongcho.example/theo-doi/luot/A012", style: style, maxWidth: 150)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { rasterizer.width(of: $0, style: style) <= 150 })
        #expect(lines.joined() == "khongcho.example/theo-doi/luot/A012")
    }

    @Test func explicitLineBreaksAreKept() {
        let lines = rasterizer.wrap("Quét mã\nScan", style: .init(size: 20), maxWidth: 500)
        #expect(lines == ["Quét mã", "Scan"])
    }

    @Test func shrinkToFitPicksTheLargestSizeThatFits() {
        let style = TextRasterizer.Style(size: 210, weight: .bold, widthScale: 0.86)
        let fitted = rasterizer.shrinkToFit("B1234", style: style, minSize: 60, maxWidth: 362)
        #expect(fitted.size < 210)
        #expect(rasterizer.width(of: "B1234", style: fitted) <= 362)
        #expect(rasterizer.width(of: "B1234", style: fitted.resized(fitted.size + 1)) > 362)
        #expect(rasterizer.shrinkToFit("A1", style: style, minSize: 60, maxWidth: 544) == style)
    }

    @Test func fitShrinksUntilTheLineLimitThenWraps() {
        let style = TextRasterizer.Style(size: 30, weight: .bold)
        let (used, lines) = rasterizer.fit(Self.long, style: style, minSize: 22, maxWidth: 544, maxLines: 2)
        #expect(lines.count <= 2 || used.size == 22)
        #expect(used.size <= 30 && used.size >= 22)
        let (floor, many) = rasterizer.fit(Self.long, style: style, minSize: 22, maxWidth: 150, maxLines: 1)
        #expect(floor.size == 22)
        #expect(many.count > 1)
    }

    @Test func concurrentUseGivesTheSamePixels() async throws {
        let rasterizer = self.rasterizer
        let style = TextRasterizer.Style(size: 24, weight: .bold)
        let expected = rasterizer.layout(TicketFixtures.pangram, style: style)
        let runs = await withTaskGroup(of: TextRasterizer.Run.self) { group in
            for index in 0..<16 {
                group.addTask {
                    // Interleave other sizes so the shared faces change size under contention.
                    _ = rasterizer.layout("Ưu tiên \(index)", style: .init(size: 20 + index))
                    return rasterizer.layout(TicketFixtures.pangram, style: style)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(runs.count == 16)
        #expect(runs.allSatisfy { $0 == expected })
    }
}
