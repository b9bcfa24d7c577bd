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
