/// What the printer reported to `DLE EOT 1`, `2` and `4`, decoded with Epson's bit meanings.
///
/// A request with no reply byte within the timeout is passed as `nil`: no reply to `DLE EOT 1` means the
/// printer is unplugged, off or hung (`connection == .noReply`); no reply to 2 or 4 leaves those fields
/// unknown (`nil`), which never blocks printing on its own.
public struct PrinterStatus: Sendable, Equatable {
    public enum Connection: Sendable, Equatable {
        case online, offline, noReply
    }

    public var connection: Connection
    /// `DLE EOT 2` bit 2.
    public var coverOpen: Bool?
    /// `DLE EOT 4` bits 2–3 (either bit counts: some clones set only one of the pair).
    public var paperNearEnd: Bool?
    /// `DLE EOT 4` bits 5–6, or `DLE EOT 2` bit 5 (printing stopped by paper end).
    public var paperOut: Bool?
    /// `DLE EOT 2` bit 6.
    public var errorOccurred: Bool?

    /// Decodes the three replies; throws on a byte whose fixed bits are wrong.
    public init(printer: UInt8?, offlineCause: UInt8?, paper: UInt8?) throws(PrinterStatusError) {
        let printer = try Self.validated(printer, for: .printer)
        let cause = try Self.validated(offlineCause, for: .offlineCause)
        let paper = try Self.validated(paper, for: .paper)
        connection = printer.map { $0 & 0x08 != 0 ? .offline : .online } ?? .noReply
        coverOpen = cause.map { $0 & 0x04 != 0 }
        errorOccurred = cause.map { $0 & 0x40 != 0 }
        paperNearEnd = paper.map { $0 & 0x0C != 0 }
        let sensorOut = paper.map { $0 & 0x60 != 0 }
        let stoppedOut = cause.map { $0 & 0x20 != 0 }
        paperOut = (sensorOut == nil && stoppedOut == nil) ? nil : (sensorOut == true || stoppedOut == true)
    }

    /// The same, from replies keyed by request (a missing key is a missing reply).
    public init(replies: [PrinterStatusRequest: UInt8]) throws(PrinterStatusError) {
        try self.init(printer: replies[.printer], offlineCause: replies[.offlineCause], paper: replies[.paper])
    }

    /// Every condition present, most actionable first.
    public var conditions: [PrinterStatusCondition] {
        var found: [PrinterStatusCondition] = []
        if connection == .noReply { found.append(.noReply) }
        if coverOpen == true { found.append(.coverOpen) }
        if paperOut == true { found.append(.paperOut) }
        if errorOccurred == true { found.append(.error) }
        if connection == .offline { found.append(.offline) }
        if paperNearEnd == true { found.append(.paperNearEnd) }
        return found.sorted()
    }

    public var canPrint: Bool { !conditions.contains(where: \.blocksPrinting) }

    /// One line for the kiosk: the most actionable condition, or "ready".
    public var vietnameseSummary: String { conditions.first?.vietnamese ?? "Máy in sẵn sàng" }
    public var englishSummary: String { conditions.first?.english ?? "Printer ready" }

    /// Every reply has bits 1 and 4 set and bits 0 and 7 clear (base pattern 0x12).
    static func validated(_ byte: UInt8?, for request: PrinterStatusRequest) throws(PrinterStatusError) -> UInt8? {
        guard let byte else { return nil }
        guard byte & 0x93 == 0x12 else { throw .malformedReply(request: request, byte: byte) }
        return byte
    }
}
