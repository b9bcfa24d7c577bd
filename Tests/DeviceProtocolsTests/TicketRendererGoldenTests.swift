import DeviceProtocols
import Foundation
import Testing

/// Compares rendered tickets with the stored golden files, pixel for pixel. To accept a deliberate change,
/// run with KHONGCHO_UPDATE_GOLDEN=1 and look at the PNG copies before committing them.
@Suite(.enabled(if: TicketFixtures.usesStandardFont, "golden files are DejaVu Sans pixels"))
struct TicketRendererGoldenTests {
    static let cases: [(name: String, content: TicketContent, width: Int)] = [
        ("ticket-80mm", TicketFixtures.fullTicket, 576),
        ("ticket-58mm", TicketFixtures.fullTicket, 384),
        ("ticket-80mm-plain", TicketFixtures.plainTicket, 576),
    ]

    @Test(arguments: 0..<3)
    func matchesTheGoldenFile(index: Int) throws {
        let (name, content, width) = Self.cases[index]
        let ticket = try TicketRenderer(templateURL: TicketFixtures.templateURL).render(content, paperWidthDots: width)
        let golden = TicketFixtures.goldenDirectory.appendingPathComponent("\(name).pbm")
        if ProcessInfo.processInfo.environment["KHONGCHO_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: TicketFixtures.goldenDirectory, withIntermediateDirectories: true)
            try TicketFixtures.pbm(ticket).write(to: golden)
            try Data(PNGWriter.encode(ticket)).write(to: golden.deletingPathExtension().appendingPathExtension("png"))
            return
        }
        let expected = try TicketFixtures.readPBM(golden)
        guard ticket != expected else { return }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-actual.pbm")
        try TicketFixtures.pbm(ticket).write(to: actual)
        try Data(PNGWriter.encode(ticket)).write(to: actual.deletingPathExtension().appendingPathExtension("png"))
        Issue.record("\(name) differs from \(golden.path); the rendered ticket is at \(actual.path) (and .png)")
    }
}
