/// What the printer reported to `DLE EOT 1`, `2` and `4`, decoded with Epson's bit meanings.
///
/// A request with no reply byte within the timeout is passed as `nil`: no reply to `DLE EOT 1` means the
/// printer is unplugged, off or hung (`connection == .noReply`); no reply to 2 or 4 leaves those fields
/// unknown (`nil`), which never blocks printing on its own.
public struct PrinterStatus: Sendable, Equatable {
    /// Whether the printer answered the status request.
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

/// The real-time status queries (`DLE EOT n`) the kiosk asks. Each is answered by one byte, even while the
/// printer is offline, which is why asking all three tells offline apart from unplugged.
public enum PrinterStatusRequest: UInt8, Sendable, CaseIterable {
    /// n = 1: online or offline.
    case printer = 1
    /// n = 2: why it is offline (cover open, paper end stop, error).
    case offlineCause = 2
    /// n = 4: roll paper sensors (near end, end).
    case paper = 4

    /// `10 04 n`.
    public var command: [UInt8] { [0x10, 0x04, rawValue] }
}

/// A status byte that cannot be a `DLE EOT` reply. Trusting it would show a false "out of paper" (or hide a
/// real one), so the parser rejects it and the caller should re-ask or treat the printer as unknown.
public enum PrinterStatusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bits 1 and 4 must read 1 and bits 0 and 7 must read 0 in every reply.
    case malformedReply(request: PrinterStatusRequest, byte: UInt8)

    public var description: String {
        switch self {
        case .malformedReply(let request, let byte):
            let hex = "0x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            let hint =
                byte & 0x12 == 0x10
                ? " (bit 1 clear: this looks like an Automatic Status Back byte; disable ASB with GS a 0)" : ""
            return
                "malformed reply \(hex) to DLE EOT \(request.rawValue): bits 1 and 4 must be 1, bits 0 and 7 must be 0"
                + hint
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

/// Something about the printer a person must know, in the order the kiosk should show them: the first one
/// present is the most useful thing to fix (a cover open also makes the printer offline, so "cover open"
/// comes before "offline").
public enum PrinterStatusCondition: String, Sendable, CaseIterable, Comparable {
    case noReply
    case coverOpen
    case paperOut
    case error
    case offline
    case paperNearEnd

    /// Whether a ticket can still be printed with this condition (only "near end" allows it).
    public var blocksPrinting: Bool { self != .paperNearEnd }

    /// Text for the kiosk and the supervisor screen; Vietnamese is the default language.
    public var vietnamese: String {
        switch self {
        case .noReply: "Máy in không phản hồi (kiểm tra cáp và nguồn điện)"
        case .coverOpen: "Nắp máy in đang mở"
        case .paperOut: "Máy in hết giấy"
        case .error: "Máy in gặp lỗi"
        case .offline: "Máy in đang ngoại tuyến"
        case .paperNearEnd: "Máy in sắp hết giấy"
        }
    }

    public var english: String {
        switch self {
        case .noReply: "Printer not responding (check cable and power)"
        case .coverOpen: "Printer cover open"
        case .paperOut: "Printer out of paper"
        case .error: "Printer error"
        case .offline: "Printer offline"
        case .paperNearEnd: "Printer paper nearly out"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
