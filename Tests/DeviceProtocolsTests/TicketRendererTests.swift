import Foundation
import Testing

@testable import DeviceProtocols

@Suite struct TicketRendererTests {
    let renderer: TicketRenderer

    init() throws { renderer = try TicketRenderer(templateURL: TicketFixtures.templateURL) }

    static func profile(width: Int) -> PrinterProfile {
        PrinterProfile(
            id: "test-\(width)", name: "Test \(width)", vendorID: "0416", productID: "5011", paperWidthDots: width,
            cut: .partial, nativeQR: false, vietnameseCodePage: false, statusSupported: true, maxStripHeight: 256,
            lineSpacing: 30
        )
    }

    @Test(arguments: [384, 576])
    func theTicketIsAsWideAsThePaper(width: Int) throws {
        for content in [TicketFixtures.fullTicket, TicketFixtures.plainTicket] {
            let ticket = try renderer.render(content, for: Self.profile(width: width))
            #expect(ticket.width == width)
            #expect((600...1800).contains(ticket.height), "height \(ticket.height)")
        }
    }

    @Test(arguments: [384, 576])
    func renderingIsDeterministic(width: Int) throws {
        let first = try renderer.render(TicketFixtures.fullTicket, paperWidthDots: width)
        let again = try renderer.render(TicketFixtures.fullTicket, paperWidthDots: width)
        let fresh = try TicketRenderer(templateURL: TicketFixtures.templateURL).render(TicketFixtures.fullTicket, paperWidthDots: width)
        #expect(first == again)
        #expect(first == fresh)
    }

    @Test(arguments: [(576, 150), (384, 100)])
    func theNumberIsBig(width: Int, minimumHeight: Int) throws {
        let page = TicketRenderer.Page(
            layout: renderer.layout, width: width, rasterizer: renderer.rasterizer, content: TicketFixtures.fullTicket)
        let spec = try #require(renderer.layout.blocks.compactMap(\.text).first { $0.text == "{number}" })
        let paragraph = try #require(page.paragraph(spec, maxWidth: page.lineWidth))
        #expect(paragraph.runs.count == 1)
        let ink = try #require(paragraph.runs.first?.inkBounds)
        #expect(ink.height >= minimumHeight, "number \(ink.height) dots tall at \(width)")
        #expect(paragraph.height == ink.height)
    }

    @Test func bodyTextStaysReadableOn58mm() throws {
        let page = TicketRenderer.Page(
            layout: renderer.layout, width: 384, rasterizer: renderer.rasterizer, content: TicketFixtures.fullTicket)
        for block in renderer.layout.blocks where block.kind == .row {
            #expect(try page.style(#require(block.label)).style.size >= 20)
        }
    }

    /// Nothing is drawn in the side margins: long names wrap or shrink instead of running off the paper.
    @Test(arguments: [384, 576])
    func longContentStaysInsideTheMargins(width: Int) throws {
        var content = TicketFixtures.fullTicket
        content.centreName = "Trung tâm Phục vụ hành chính công huyện Thạch Thất, thành phố Hà Nội (cơ sở 2)"
        content.fieldName = "Đất đai, Xây dựng, Đầu tư và Kinh doanh"
        content.number = "B1234"
        content.priorityLabel = "Người khuyết tật, phụ nữ mang thai"
        content.promiseLine = "Hồ sơ nhận sau 15:30 được trả trước 09:00 ngày làm việc tiếp theo"
        content.peopleAhead = 128
        content.estimatedWaitMinutes = 245
        let ticket = try renderer.render(content, paperWidthDots: width)
        let side = Int((16 * Double(width) / 576).rounded())
        let ink = try #require(TicketFixtures.ink(ticket))
        #expect(ink.minX >= side && ink.maxX <= width - side, "ink \(ink.minX)..<\(ink.maxX) on \(width)")
    }

    /// The priority mark is a solid black box; without priority there is none, and the ticket is shorter.
    @Test func priorityIsAnInvertedBoxOnlyWhenGiven() throws {
        func solidRows(_ bitmap: Bitmap) -> Int {
            var best = 0
            var run = 0
            for y in 0..<bitmap.height {
                let black = (0..<bitmap.width).filter { bitmap[$0, y] }.count
                run = black >= bitmap.width * 9 / 10 ? run + 1 : 0
                best = max(best, run)
            }
            return best
        }
        var normal = TicketFixtures.fullTicket
        normal.priorityLabel = nil
        let withPriority = try renderer.render(TicketFixtures.fullTicket, paperWidthDots: 576)
        let without = try renderer.render(normal, paperWidthDots: 576)
        #expect(solidRows(withPriority) >= 8)
        #expect(solidRows(without) < 8)
        #expect(without.height < withPriority.height)
    }

    @Test(.enabled(if: TicketFixtures.canDecodeQR), arguments: [384, 576])
    func theTicketQRCodeScans(width: Int) throws {
        for content in [TicketFixtures.fullTicket, TicketFixtures.plainTicket] {
            let ticket = try renderer.render(content, paperWidthDots: width)
            #expect(try TicketFixtures.decodeQR(ticket) == content.statusURL)
        }
    }

    @Test func tooNarrowPaperAndHugeURLsAreErrors() throws {
        #expect(throws: TicketRendererError.paperTooNarrow(width: 100)) {
            try renderer.render(TicketFixtures.fullTicket, paperWidthDots: 100)
        }
        var content = TicketFixtures.fullTicket
        content.statusURL = "https://khongcho.example/t/" + String(repeating: "x", count: 2000)
        let tooLarge = try #require(throws: TicketRendererError.self) { try renderer.render(content, paperWidthDots: 170) }
        guard case .qrCodeTooLarge(let modules, 170) = tooLarge, modules > 160 else {
            Issue.record("unexpected \(tooLarge)")
            return
        }
        content.statusURL += String(repeating: "x", count: 1000)
        let error = try #require(throws: TicketRendererError.self) { try renderer.render(content, paperWidthDots: 576) }
        guard case .qrCode(.tooLong) = error else {
            Issue.record("unexpected \(error)")
            return
        }
    }

    @Test func shortURLDropsTheSchemeAndTrailingSlash() {
        #expect(TicketContent.shortened("https://www.khongcho.example/t/A012/") == "khongcho.example/t/A012")
        #expect(TicketContent.shortened("http://192.168.1.20:8080/t/B107") == "192.168.1.20:8080/t/B107")
    }

    @Test func placeholdersAreFilledIn() {
        let text = TicketFixtures.fullTicket.substitute("{number} · {ahead} · ~{wait} phút · {priority} · {x} · {open")
        #expect(text == "A012 · 5 · ~15 phút · Người cao tuổi · {x} · {open")
    }
}
