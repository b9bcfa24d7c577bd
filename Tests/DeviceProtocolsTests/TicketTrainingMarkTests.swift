import Foundation
import Testing

@testable import DeviceProtocols

@Suite("A ticket printed on the training clock")
struct TicketTrainingMarkTests {
    /// The training ticket is the real one with an inverted "ĐÀO TẠO / TRAINING" bar on top: everything below is the
    /// same bitmap, shifted down by the bar; without the mark nothing changes.
    @Test func carriesAnInvertedBarAboveTheRealTicket() throws {
        let renderer = try TicketRenderer(templateURL: TicketFixtures.templateURL)
        let real = try renderer.render(TicketFixtures.plainTicket, paperWidthDots: 576)
        var content = TicketFixtures.plainTicket
        content.training = true
        let training = try renderer.render(content, for: TicketRendererTests.profile(width: 576))
        let bar = training.height - real.height
        #expect((40...120).contains(bar), "bar height \(bar)")
        #expect(training.rows(bar..<training.height) == real)
        // Inverted: mostly black, with the letters cut out of it.
        let top = training.rows(0..<bar)
        let black = (0..<top.height).reduce(0) { sum, y in sum + (0..<top.width).filter { top[$0, y] }.count }
        #expect(Double(black) / Double(top.width * top.height) > 0.5)
        content.training = false
        #expect(try renderer.render(content, paperWidthDots: 576) == real)
    }
}
