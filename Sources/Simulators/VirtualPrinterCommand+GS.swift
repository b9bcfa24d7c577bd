extension VirtualPrinterCommand {
    /// `GS V` (cut), `GS v 0` (raster) and `GS ( k` (QR).
    static func parseGroupSeparator(_ bytes: [UInt8], at start: Int, offset: Int) throws(VirtualPrinterError) -> Parsed
    {
        let available = bytes.count - start
        func byte(_ index: Int) -> Int { Int(bytes[start + index]) }
        switch byte(1) {
        case 0x56:
            guard available >= 3 else { return .needMore(command: "GS V", missing: 3 - available) }
            switch byte(2) {
            case 0, 48: return .command(.cut(partial: false, feedDots: 0), length: 3)
            case 1, 49: return .command(.cut(partial: true, feedDots: 0), length: 3)
            case 65, 66:
                guard available >= 4 else { return .needMore(command: "GS V \(byte(2))", missing: 4 - available) }
                return .command(.cut(partial: byte(2) == 66, feedDots: byte(3)), length: 4)
            default: throw .invalidParameter(offset: offset, command: "GS V", value: byte(2))
            }
        case 0x76:
            guard available >= 8 else { return .needMore(command: "GS v 0", missing: 8 - available) }
            guard byte(2) == 0x30 else { throw .unknownCommand(offset: offset, bytes: [0x1D, 0x76, UInt8(byte(2))]) }
            let mode = byte(3)
            guard [0, 1, 2, 3, 48, 49, 50, 51].contains(mode) else {
                throw .invalidParameter(offset: offset, command: "GS v 0 mode", value: mode)
            }
            let bytesPerRow = byte(4) | byte(5) << 8
            let rows = byte(6) | byte(7) << 8
            let length = 8 + bytesPerRow * rows
            guard available >= length else { return .needMore(command: "GS v 0", missing: length - available) }
            let data = Array(bytes[(start + 8)..<(start + length)])
            return .command(.raster(mode: mode % 48, bytesPerRow: bytesPerRow, rows: rows, data: data), length: length)
        case 0x28:
            guard available >= 5 else { return .needMore(command: "GS (", missing: 5 - available) }
            guard byte(2) == 0x6B else {
                throw .unsupportedCommand(offset: offset, name: "GS ( \(VirtualPrinterError.hex([UInt8(byte(2))]))")
            }
            let count = byte(3) | byte(4) << 8
            guard count >= 2 else { throw .invalidParameter(offset: offset, command: "GS ( k pL pH", value: count) }
            let length = 5 + count
            guard available >= length else { return .needMore(command: "GS ( k", missing: length - available) }
            guard byte(5) == 0x31 else {
                throw .unsupportedCommand(offset: offset, name: "GS ( k cn=\(byte(5)) (only QR, cn=49, is modelled)")
            }
            let parameters = Array(bytes[(start + 7)..<(start + length)])
            return .command(.qr(function: UInt8(byte(6)), parameters: parameters), length: length)
        case 0x21, 0x42:
            throw .unsupportedCommand(
                offset: offset, name: byte(1) == 0x21 ? "GS ! (character size)" : "GS B (reverse)")
        default:
            throw .unknownCommand(offset: offset, bytes: [0x1D, UInt8(byte(1))])
        }
    }
}
